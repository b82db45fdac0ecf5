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
        if (string.IsNullOrEmpty(name))
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

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'ó' or 'ą' or 'ę';

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
            // Digraphs, longest first: szcz, dż, dz, cz, sz, rz, ch, ci before a vowel (ć), c (ц).
            if (c == 's' && next == 'z' && after == 'c' && i + 3 < s.Length && s[i + 3] == 'z')
            {
                sb.Append("shch");
                i += 3;
            }
            else if (c == 'd' && next == 'ż')
            {
                sb.Append("dzh");
                i++;
            }
            else if (c == 'c' && next == 'z')
            {
                sb.Append("ch");
                i++;
            }
            else if (c == 's' && next == 'z')
            {
                sb.Append("sh");
                i++;
            }
            else if (c == 'r' && next == 'z')
            {
                sb.Append("zh");
                i++;
            }
            else if (c == 'c' && next == 'h')
            {
                sb.Append("kh");
                i++;
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
