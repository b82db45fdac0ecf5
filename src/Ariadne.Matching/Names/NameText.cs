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
    public static string Fold(string? name)
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
                // A mark on a Latin letter is a diacritic to drop; on other scripts it may be part of the letter.
                if (!lastWasLatin)
                {
                    sb.Append(c);
                }
                continue;
            }
            if (c is '\'' or '’' or 'ʼ' or '`' or 'ʻ' or 'ʿ' or 'ʾ')
            {
                // Apostrophes inside a name (O'Brien, Ukrainian п'ять, Arabic ʿayn written ʿ) join, they do not
                // separate; ʿ and ʾ are letters to Unicode, but no keyboard-typed form of the name has them.
                continue;
            }
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }
                pendingSpace = false;
                switch (c)
                {
                    case 'ß':
                        sb.Append("ss");
                        break;
                    case 'æ':
                        sb.Append("ae");
                        break;
                    case 'œ':
                        sb.Append("oe");
                        break;
                    default:
                        sb.Append(c switch
                        {
                            'ł' => 'l',
                            'đ' => 'd',
                            'ø' => 'o',
                            'ı' => 'i',
                            _ => c,
                        });
                        break;
                }
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
}
