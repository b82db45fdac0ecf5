using System.Buffers;
using System.Globalization;
using System.Text;

namespace Ariadne.Matching.Names;

/// <summary>
/// A Polish name as it is said, the way Russian, Ukrainian and Belarusian documents write Polish names in Cyrillic
/// (the practical transcription every Russian reference uses: Wałęsa Валенса, Dąbrowski Домбровский, Szczęsny Щенсный),
/// read back in the Latin letters of the Russian passport scheme the Cyrillic side is read by. Folding drops Polish
/// diacritics (Wałęsa walesa), which keeps typed forms together but loses what the Cyrillic forms write: the nasal ę and
/// ą as en and on, ł and w as l and v, ch as kh. "Лех Валенса" read lekh valensa met "Lech Wałęsa" (lech walesa) at 0.89
/// and shared no key with it, so among two million names it was not found. A form with a letter only Polish has gets a
/// second reading; one typed without diacritics (Lech Walesa) cannot be told from other languages and gets none.
/// </summary>
internal static class PolishOrthography
{
    /// <summary>How the scorer's explanation names the rule.</summary>
    public const string Rule = "Polish read as said (ę ą as en on, ł w ch as l v kh, as Cyrillic writes Polish names)";

    /// <summary>
    /// The form's tokens read as said, one for one with <paramref name="tokens"/> (its folded tokens), or null when the
    /// form has no letter only Polish has among the languages names come from here (ą ę ł ń ś ź ż; not ó and ć, which
    /// Spanish, Hungarian and Serbian and Croatian write too: Gómez and Vučić are no Polish names) or the reading changes
    /// nothing.
    /// </summary>
    public static string[]? Read(string? name, string[] tokens)
    {
        // Most names have none of those letters, composed or decomposed (a letter and its ogonek, acute or dot above):
        // they are not normalised and lower-cased for nothing, since every candidate of a search is prepared.
        if (string.IsNullOrEmpty(name) || name.AsSpan().IndexOfAny(s_polishLettersAndMarks) < 0)
        {
            return null;
        }
        var lower = name.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture);
        if (lower.AsSpan().IndexOfAny(s_polishLetters) < 0)
        {
            return null;
        }
        var read = NameText.Tokens(Said(lower));
        return read.Length == tokens.Length && !read.SequenceEqual(tokens, StringComparer.Ordinal) ? read : null;
    }

    private static readonly SearchValues<char> s_polishLetters = SearchValues.Create("ąęłńśźż");

    private static readonly SearchValues<char> s_polishLettersAndMarks = SearchValues.Create("ąęłńśźżĄĘŁŃŚŹŻ\u0328\u0301\u0307");

    /// <summary>Polish digraphs and what the Russian-scheme reading writes for them, longest first.</summary>
    private static readonly (string Polish, string Said)[] s_digraphs =
        [("szcz", "shch"), ("dż", "dzh"), ("cz", "ch"), ("sz", "sh"), ("rz", "zh"), ("ch", "kh")];

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'ó' or 'ą' or 'ę';

    /// <summary>The digraph of <see cref="s_digraphs"/> that starts at <paramref name="i"/>, or length 0.</summary>
    private static (int Length, string Said) Digraph(string s, int i)
    {
        foreach (var (polish, said) in s_digraphs)
        {
            if (s.AsSpan(i).StartsWith(polish, StringComparison.Ordinal))
            {
                return (polish.Length, said);
            }
        }
        return (0, "");
    }

    /// <summary>The lower-case text with each Polish letter or digraph replaced by what the Russian-scheme reading writes.</summary>
    internal static string Said(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            var after = i + 2 < s.Length ? s[i + 2] : '\0';
            var wordEnd = !char.IsLetter(next);
            string? said = c switch
            {
                // Nasal vowels: m before b and p, n elsewhere; a final ę is a plain e.
                'ą' => next is 'b' or 'p' ? "om" : "on",
                'ę' when wordEnd => "e",
                'ę' => next is 'b' or 'p' ? "em" : "en",
                'ł' => "l",
                'w' => "v",
                'ó' => "u",
                'ś' => "s",
                'ź' => "z",
                'ń' => "n",
                'ć' => "ts",
                'ż' => "zh",
                'h' => "kh",
                _ => null,
            };
            if (said is not null)
            {
                sb.Append(said);
                continue;
            }
            // Digraphs (s_digraphs), then ci before a vowel (ć), c (ц).
            if (Digraph(s, i) is var (length, saidDigraph) && length > 0)
            {
                sb.Append(saidDigraph);
                i += length - 1;
            }
            else if (c == 'c' && next == 'i' && IsVowel(after))
            {
                // ci before a vowel is ć: Ciechanów Цеханув.
                sb.Append("ts");
                i++;
            }
            else if (c == 'c')
            {
                sb.Append("ts");
            }
            else if (c == 'i' && next == 'e' && i > 0 && char.IsLetter(s[i - 1]) && !IsVowel(s[i - 1]))
            {
                // ie after a consonant is the soft consonant and е: Wiesław Веслав, Piotr Пётр, Zieliński Зелинский.
                sb.Append('e');
                i++;
            }
            else if (c == 'j' && (i == 0 || !char.IsLetter(s[i - 1]) || IsVowel(s[i - 1])) && next is 'a' or 'e' or 'u' or 'o')
            {
                // ja je ju jo are я е ю йо, which the Russian scheme writes ia e iu io (Jan Ян ian, Jerzy Ежи ezhi).
                sb.Append(next switch { 'a' => "ia", 'e' => "e", 'u' => "iu", _ => "io" });
                i++;
            }
            else if (c == 'j')
            {
                // й: Wojciech Войцех voitsekh.
                sb.Append('i');
            }
            else if (c == 'i' && wordEnd && i > 0 && s[i - 1] is 'k' or 'g')
            {
                // -ski is -ский, which the Russian scheme writes -skii.
                sb.Append("ii");
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
