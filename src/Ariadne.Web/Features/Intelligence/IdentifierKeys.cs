using System.Globalization;
using System.Text;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>
/// The normalised key of an identifier in a report (issue 10 item 2), so that the same phone, IBAN, plate or document written
/// differently is one key. Kept behind <see cref="For"/> alone: the shared normaliser library (src/Ariadne.Matching, on another
/// branch) replaces the body of this class when it lands, and nothing else changes. Until then phones are not parsed with
/// libphonenumber: a number written with its country code ("+32 …", "0032 …") becomes "+" and its digits; a national number
/// keeps its digits behind the reporting organisation's country ("BE:0471…"), so it still matches itself.
/// </summary>
internal static class IdentifierKeys
{
    /// <summary>The key, or null when the kind has none or the value holds nothing to key on.</summary>
    public static string? For(IntelligenceItemKind kind, string? subKind, string? value, string? country, string defaultCountry)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var key = kind switch
        {
            IntelligenceItemKind.Communication => Communication(subKind, value, defaultCountry),
            IntelligenceItemKind.Financial => Iban(value) ?? AlphaNumeric(value),
            IntelligenceItemKind.Vehicle => AlphaNumeric(value) is { } plate ? $"{Country(country)}:{plate}" : null,
            IntelligenceItemKind.Document => AlphaNumeric(value) is { } number
                ? $"{AlphaNumeric(subKind) ?? "DOC"}:{Country(country)}:{number}"
                : null,
            IntelligenceItemKind.Location or IntelligenceItemKind.Person or IntelligenceItemKind.Address
                or IntelligenceItemKind.Route => null,
        };
        return key is { Length: > 0 and <= 200 } ? key : null;
    }

    private static string? Communication(string? subKind, string value, string defaultCountry) =>
        (subKind?.Trim().ToLowerInvariant()) switch
        {
            "phone" or null or "" => Phone(value, defaultCountry),
            "email" => value.Trim().ToLowerInvariant(),
            _ => $"{subKind.Trim().ToLowerInvariant()}:{value.Trim().TrimStart('@').ToLowerInvariant()}",
        };

    private static string? Phone(string value, string defaultCountry)
    {
        var trimmed = value.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 4)
        {
            return null;
        }
        if (trimmed.StartsWith('+'))
        {
            return "+" + digits;
        }
        return digits.StartsWith("00", StringComparison.Ordinal) ? "+" + digits[2..] : $"{Country(defaultCountry)}:{digits}";
    }

    /// <summary>An IBAN (upper case, no spaces) when its mod-97 check holds; null otherwise.</summary>
    internal static string? Iban(string value)
    {
        var iban = AlphaNumeric(value);
        if (iban is not { Length: >= 15 and <= 34 } || !char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1])
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            return null;
        }
        var rearranged = iban[4..] + iban[..4];
        var remainder = 0;
        foreach (var c in rearranged)
        {
            var part = char.IsAsciiDigit(c) ? (c - '0').ToString(CultureInfo.InvariantCulture) : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture);
            foreach (var d in part)
            {
                remainder = (remainder * 10 + (d - '0')) % 97;
            }
        }
        return remainder == 1 ? iban : null;
    }

    private static string? AlphaNumeric(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var sb = new StringBuilder(value.Length);
        foreach (var c in value.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit))
        {
            sb.Append(c);
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    private static string Country(string? country) => Organisations.Countries.Normalise(country) ?? "XX";
}
