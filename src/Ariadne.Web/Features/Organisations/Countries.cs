namespace Ariadne.Web.Features.Organisations;

/// <summary>
/// Country codes as the dissemination policy needs them: ISO 3166-1 alpha-2, and which are EU member states. One static
/// table, so "in the EU" is never typed by hand per organisation.
/// </summary>
public static class Countries
{
    /// <summary>
    /// ISO 3166-1 user-assigned code, used for rows created before organisations had a country. Never an EU member and never
    /// anyone's "own country" (<see cref="IsKnown"/> is false), so such an organisation receives only what goes outside the EU.
    /// </summary>
    public const string NotStated = "XX";

    /// <summary>The 27 member states (2026). Greece is "GR" in ISO 3166-1, not the EU's own "EL".</summary>
    private static readonly HashSet<string> EuMembers = new(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL",
        "PT", "RO", "SK", "SI", "ES", "SE",
    };

    public static bool IsEuMember(string? country) => country is not null && EuMembers.Contains(country);

    public static bool IsKnown(string? country) => Normalise(country) is { } c && c != NotStated;

    /// <summary>Two ASCII letters, upper-cased; null for anything else.</summary>
    public static string? Normalise(string? country)
    {
        var c = country?.Trim().ToUpperInvariant();
        return c is { Length: 2 } && c.All(char.IsAsciiLetterUpper) ? c : null;
    }
}
