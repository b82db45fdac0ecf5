using System.Collections.Frozen;
using System.Text;

namespace Ariadne.Matching.Identifiers;

/// <summary>IBANs checked with ISO 13616 mod-97 (KD-09 financial; issue #10 item 2).</summary>
/// <remarks>
/// Written here because IbanNet is not served: the rule is short and fully specified. A wrong check result is
/// a failure, not a weak key: a transposed digit gives another person's account, and linking two reports
/// through it would be a false lead.
/// </remarks>
public static class IbanNormaliser
{
    /// <summary>
    /// IBAN length per country from the SWIFT IBAN registry: every SEPA country and the other registry members
    /// trafficking routes run through (Western Balkans, Ukraine, Moldova, Türkiye, the Gulf, North Africa).
    /// </summary>
    internal static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        // SEPA
        ["AD"] = 24, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22,
        ["DK"] = 18, ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GI"] = 23, ["GR"] = 27,
        ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20,
        ["LV"] = 21, ["MC"] = 27, ["MT"] = 31, ["NL"] = 18, ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24,
        ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["VA"] = 22, ["AL"] = 28, ["MD"] = 24, ["ME"] = 22,
        ["MK"] = 19, ["RS"] = 22,
        // Other IBAN countries
        ["AE"] = 23, ["AZ"] = 28, ["BA"] = 20, ["BH"] = 22, ["BR"] = 29, ["BY"] = 28, ["CR"] = 22, ["DO"] = 28,
        ["EG"] = 29, ["FO"] = 18, ["GE"] = 22, ["GL"] = 18, ["GT"] = 28, ["IL"] = 23, ["IQ"] = 23, ["JO"] = 30,
        ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LY"] = 25, ["MR"] = 27, ["MU"] = 30, ["PK"] = 24,
        ["PS"] = 29, ["QA"] = 29, ["SA"] = 24, ["SC"] = 31, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23, ["TN"] = 24,
        ["TR"] = 26, ["UA"] = 29, ["VG"] = 24, ["XK"] = 20,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static NormalisationResult Normalise(string? input)
    {
        var entered = Text.Entered(input);
        if (Text.TooLong(entered) is { } tooLong)
        {
            return Fail(entered, "The IBAN " + tooLong + ".");
        }
        // Printed IBANs come in groups of four, sometimes after the word "IBAN"; separators carry no meaning.
        var text = entered.Trim();
        if (text.StartsWith("IBAN", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..].TrimStart(':', ' ');
        }
        var iban = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                iban.Append(char.ToUpperInvariant(c));
            }
            else if (!(char.IsWhiteSpace(c) || c is '-' or '.' or '/'))
            {
                return Fail(entered, $"An IBAN has only letters and digits; it contains \"{c}\".");
            }
        }
        var value = iban.ToString();
        if (value.Length < 4 || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1])
            || !char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]))
        {
            return Fail(entered, "An IBAN starts with a two-letter country code and two check digits (e.g. RO49…).");
        }
        var country = value[..2];
        string? note = null;
        if (Lengths.TryGetValue(country, out var length))
        {
            if (value.Length != length)
            {
                return Fail(entered, $"An IBAN from {country} has {length} characters; this one has {value.Length}.");
            }
        }
        else if (value.Length is < 15 or > 34)
        {
            return Fail(entered, $"An IBAN has 15 to 34 characters; this one has {value.Length}.");
        }
        else
        {
            note = $"{country} is not in Ariadne's IBAN length table, so only the check digits were verified.";
        }
        if (Mod97(value) != 1)
        {
            return Fail(entered, "The check digits do not match (mod-97): a character was probably mistyped or two were swapped.");
        }
        return new NormalisedIdentifier(IdentifierKind.Iban, entered, value, note);
    }

    /// <summary>
    /// ISO 13616: move the first four characters to the end, read letters as 10..35, and take the whole number
    /// modulo 97, digit by digit so that no big-integer arithmetic is needed.
    /// </summary>
    internal static int Mod97(string iban)
    {
        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            if (char.IsAsciiDigit(c))
            {
                remainder = (remainder * 10 + (c - '0')) % 97;
            }
            else
            {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            }
        }
        return remainder;
    }

    private static NormalisationFailure Fail(string entered, string reason) =>
        new(IdentifierKind.Iban, entered, reason);
}
