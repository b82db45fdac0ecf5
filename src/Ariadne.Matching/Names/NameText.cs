using System.Globalization;
using System.Text;

namespace Ariadne.Matching.Names;

/// <summary>Unicode normalisation and case folding of name forms.</summary>
public static class NameText
{
    /// <summary>
    /// NFKC (full-width and compatibility letters to their plain form), lower-case, Latin diacritics removed
    /// (<c>Dimitrović</c> = <c>Dimitrovic</c>: reports are typed on keyboards without them), punctuation and
    /// separators to single spaces. Diacritics of other scripts stay: in Cyrillic й and и, ё and е are letters
    /// the transliteration rules read differently.
    /// </summary>
    public static string Fold(string? name) => Fold(name, keepMarks: false);

    /// <summary>
    /// The apostrophes that Latin readings of Arabic write for hamza and ʿayn (AnyAscii reads إيناس as 'yns, ISO 233 and
    /// ALA-LC write ʾ and ʿ, typists ' and `). Between letters they join (O'Brien, Ukrainian п'ять).
    /// </summary>
    private static bool IsMark(char c) => c is '\'' or '’' or 'ʼ' or '`' or 'ʻ' or 'ʿ' or 'ʾ';

    /// <summary>
    /// The folded tokens with hamza and ʿayn marks kept, as <c>'</c>, where they stand (<c>'yns</c>, <c>sab'awi</c>): the
    /// same tokens as <see cref="Tokens"/> otherwise, one for one. A mark is a letter to the consonant skeleton
    /// (<see cref="ConsonantSkeleton"/>), though Latin spellings leave it out: the y after it in 'yns is the long vowel
    /// of إيناس, not a word-initial consonant. Null when there is no mark.
    /// </summary>
    internal static string[]? MarkedTokens(string? name, string[] tokens)
    {
        if (name is null || !name.Any(IsMark))
        {
            return null;
        }
        var marked = Fold(name, keepMarks: true).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.Any(c => c != '\''))
            .ToArray();
        // One for one with the plain tokens, or not at all (a mark can never split a token, but a safe fall-back costs nothing).
        if (marked.Length != tokens.Length)
        {
            return null;
        }
        for (var i = 0; i < marked.Length; i++)
        {
            if (!string.Equals(marked[i].Replace("'", "", StringComparison.Ordinal), tokens[i], StringComparison.Ordinal))
            {
                return null;
            }
        }
        return marked;
    }

    private static string Fold(string? name, bool keepMarks)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }
        if (IsPlainAscii(name))
        {
            return FoldAscii(name);
        }
        var decomposed = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasLatin = false;
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                // A mark on a Latin letter is a diacritic to drop; on other scripts it may be part of the letter, but not
                // the stress mark that dictionaries and encyclopaedias put on a Cyrillic vowel (Влади́мир Пу́тин).
                if (!lastWasLatin && !IsCyrillicStress(c, sb))
                {
                    sb.Append(c);
                }
                continue;
            }
            if (IsMark(c))
            {
                // Apostrophes inside a name (O'Brien, Ukrainian п'ять, Arabic ʿayn written ʿ) join, they do not
                // separate; ʿ and ʾ are letters to Unicode, but no keyboard-typed form of the name has them.
                if (keepMarks)
                {
                    if (pendingSpace && sb.Length > 0)
                    {
                        sb.Append(' ');
                    }
                    pendingSpace = false;
                    sb.Append('\'');
                }
                continue;
            }
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }
                pendingSpace = false;
                var latin = LatinLetter(c);
                if (latin is not null)
                {
                    sb.Append(latin);
                    lastWasLatin = true;
                    continue;
                }
                sb.Append(c);
                lastWasLatin = c <= 0x024F || c is >= (char)0x1E00 and <= (char)0x1EFF;
            }
            else
            {
                pendingSpace = true;
                lastWasLatin = false;
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// An acute or grave accent on a Cyrillic vowel: stress, which no spelling of the name writes. Not on a consonant, where
    /// it is part of a letter (Macedonian ѓ and ќ are г and к with an acute), nor the breve and diaeresis of й, ў, ё, ї.
    /// </summary>
    private static bool IsCyrillicStress(char mark, StringBuilder sb) =>
        mark is '\u0301' or '\u0300' && sb.Length > 0 && "аеиоуыэюяіїєёѣ".Contains(sb[^1], StringComparison.Ordinal);

    /// <summary>
    /// Latin letters that no decomposition takes to a plain one, as ICAO Doc 9303 and the usual English spellings write
    /// them: ß ss, æ ae, œ oe, þ th, ł l, đ and ð d, ø o, Turkish ı i; ə a (Azerbaijani: Əliyev is Aliyev); the African
    /// reference alphabet's ɛ e, ɔ o, ŋ ng and hooked ɓ ɗ ƙ ƴ (Hausa, Fula, Akan, Ewe, Wolof) b d k y; Maltese ħ h. And an
    /// upper-case letter that lower-casing left as it was: the invariant culture keeps Turkish İ, whose dot then goes as a
    /// diacritic and left "IBRAHIM" from İBRAHİM, which met no "ibrahim". Null for every other character.
    /// </summary>
    private static string? LatinLetter(char c) => c switch
    {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        'ŋ' => "ng",
        'ł' => "l",
        'đ' or 'ð' or 'ɗ' => "d",
        'ø' or 'ɔ' => "o",
        'ı' => "i",
        'ə' => "a",
        'ɛ' or 'ǝ' => "e",
        'ɓ' => "b",
        'ƙ' => "k",
        'ƴ' => "y",
        'ħ' => "h",
        'ƒ' => "f",
        _ when char.IsUpper(c) && c <= 0x024F => char.ToLowerInvariant(c).ToString(),
        _ => null,
    };

    /// <summary>Letters, digits, spaces and ordinary punctuation only: most Latin names, folded without normalising.</summary>
    private static bool IsPlainAscii(string name)
    {
        foreach (var c in name)
        {
            if (c > 0x7E || c == '`' || c == '\'')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The same result as the general path for plain ASCII (NFKC and NFD leave it alone), without its cost.</summary>
    private static string FoldAscii(string name)
    {
        var sb = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }
                pendingSpace = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }
        return sb.ToString();
    }

    /// <summary>The folded tokens of a name form.</summary>
    public static string[] Tokens(string? name) => Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// A form that gives another in brackets, as lists and reports write the original script or a second spelling beside
    /// a name ("Akrin Saleh Akrin (أقرين صالح أقرين)", "Lom-ali Butayev (Butaev)", "حسن غول (Hassan Ghul" with the bracket
    /// left open): the text outside the brackets first, then each bracketed part; null when the form has no bracket.
    /// A bracket with a digit in it is a note (a passport number, a date of birth), not a name, and is left out.
    /// </summary>
    internal static string[]? Bracketed(string? name)
    {
        if (name is null || name.AsSpan().IndexOfAny(s_brackets) < 0)
        {
            return null;
        }
        var outside = new StringBuilder(name.Length);
        var parts = new List<string>();
        var inside = new StringBuilder();
        var depth = 0;
        foreach (var c in name)
        {
            if (c is '(' or '[' or '（')
            {
                if (depth++ == 0)
                {
                    inside.Clear();
                }
                else
                {
                    inside.Append(' ');
                }
                outside.Append(' ');
            }
            else if (c is ')' or ']' or '）')
            {
                if (depth > 0 && --depth == 0)
                {
                    Keep(inside.ToString());
                }
                (depth > 0 ? inside : outside).Append(' ');
            }
            else
            {
                (depth > 0 ? inside : outside).Append(c);
            }
        }
        if (depth > 0)
        {
            Keep(inside.ToString());
        }
        parts.Insert(0, outside.ToString());
        return parts.ToArray();

        void Keep(string part)
        {
            if (!part.Any(char.IsDigit))
            {
                parts.Add(part);
            }
        }
    }

    private static readonly System.Buffers.SearchValues<char> s_brackets = System.Buffers.SearchValues.Create("([（)]）");
}
