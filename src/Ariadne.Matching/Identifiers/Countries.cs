using System.Collections.Frozen;
using PhoneNumbers;

namespace Ariadne.Matching.Identifiers;

/// <summary>ISO 3166-1 alpha-2 country codes as reports write them.</summary>
internal static class Countries
{
    // libphonenumber knows every region with a telephone plan, which is every inhabited ISO 3166 country
    // (plus XK, Kosovo's user-assigned code, which EU documents and plates use). The uninhabited territories
    // have no numbering plan but can still issue nothing we compare, so they are not needed here.
    private static readonly FrozenSet<string> s_known =
        PhoneNumberUtil.GetInstance().GetSupportedRegions().ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The ISO code for what was typed, or null. EU texts write EL for Greece and UK for the United Kingdom;
    /// ISO says GR and GB, and the key must be the same whichever an officer used.
    /// </summary>
    public static string? Code(string? input)
    {
        var code = (input ?? "").Trim().ToUpperInvariant();
        code = code switch
        {
            "UK" => "GB",
            "EL" => "GR",
            _ => code,
        };
        return s_known.Contains(code) ? code : null;
    }

    public static string Unknown(string? input) =>
        string.IsNullOrWhiteSpace(input)
            ? "no country was given"
            : $"\"{input.Trim()}\" is not an ISO 3166 two-letter country code";
}
