using System.Text;

namespace Ariadne.Matching.Identifiers;

/// <summary>Small text helpers the normalisers share.</summary>
internal static class Text
{
    /// <summary>
    /// Longer input is refused rather than processed: no real identifier is this long, and it bounds the work
    /// any one call can do (a pasted document in a phone field must not cost seconds).
    /// </summary>
    public const int MaxLength = 2_000;

    public static string Entered(string? input) => input ?? "";

    public static string? TooLong(string input) =>
        input.Length > MaxLength ? $"is longer than {MaxLength} characters, so it cannot be a single identifier" : null;

    /// <summary>
    /// Digits of any script as ASCII digits: reports from Arabic- or Persian-speaking regions write ٠٧٢١ for 0721.
    /// </summary>
    public static string AsciiDigits(string input)
    {
        var sb = new StringBuilder(input.Length);
        foreach (var rune in input.EnumerateRunes())
        {
            if (Rune.IsDigit(rune))
            {
                var value = (int)Rune.GetNumericValue(rune);
                if (value is >= 0 and <= 9)
                {
                    sb.Append((char)('0' + value));
                }
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Cyrillic (and Greek capital) letters that look exactly like Latin ones. Bulgarian, Ukrainian, Russian and
    /// Greek plates use only these (the plate alphabets were chosen so that foreign police can read them), and an
    /// officer with a Cyrillic or Greek keyboard layout types them for a Latin plate too; mapping them lets both
    /// spellings meet.
    /// </summary>
    public static char LatinLookAlike(char c) => c switch
    {
        'А' or 'а' => 'A',
        'В' or 'в' => 'B',
        'Е' or 'е' => 'E',
        'К' or 'к' => 'K',
        'М' or 'м' => 'M',
        'Н' or 'н' => 'H',
        'О' or 'о' => 'O',
        'Р' or 'р' => 'P',
        'С' or 'с' => 'C',
        'Т' or 'т' => 'T',
        'У' or 'у' => 'Y',
        'Х' or 'х' => 'X',
        // Ukrainian plates use І as the Latin I.
        'І' or 'і' => 'I',
        // Greek plates likewise use only the Greek capitals that look Latin.
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        _ => c,
    };

    /// <summary>Upper-case letters and digits only, Cyrillic look-alikes as Latin; every separator dropped.</summary>
    public static string AlphanumericUpper(string input)
    {
        var sb = new StringBuilder(input.Length);
        foreach (var rune in input.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (Rune.IsDigit(rune))
            {
                var value = (int)Rune.GetNumericValue(rune);
                if (value is >= 0 and <= 9)
                {
                    sb.Append((char)('0' + value));
                }
            }
            else if (Rune.IsLetter(rune))
            {
                var upper = Rune.ToUpperInvariant(rune);
                if (upper.IsBmp)
                {
                    sb.Append(LatinLookAlike((char)upper.Value));
                }
                else
                {
                    sb.Append(upper.ToString());
                }
            }
        }
        return sb.ToString();
    }
}
