namespace Ariadne.Web.Features.Jurisdiction;

/// <summary>
/// The national settings the rules depend on: what to call in an emergency, who counts as a child.
/// Read from the "Jurisdiction" configuration section, so a country adopts Ariadne without code changes.
/// </summary>
public sealed class JurisdictionProfile
{
    public string Name { get; set; } = "Demo jurisdiction";
    /// <summary>The number to call when a person is in immediate danger (R-ACT-12; 112 across the EU).</summary>
    public string EmergencyNumber { get; set; } = "112";
    /// <summary>Anyone younger is a child (CH-DEF-01: under eighteen).</summary>
    public int AgeOfMajority { get; set; } = 18;
    /// <summary>IANA time zone in which officers read and type times (an encounter at "21:40" is local time).</summary>
    public string TimeZone { get; set; } = "Europe/Brussels";

    public TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public static JurisdictionProfile FromConfiguration(IConfiguration configuration)
    {
        var profile = new JurisdictionProfile();
        configuration.GetSection("Jurisdiction").Bind(profile);
        if (string.IsNullOrWhiteSpace(profile.EmergencyNumber))
        {
            throw new InvalidOperationException("Jurisdiction:EmergencyNumber must be set.");
        }
        if (profile.AgeOfMajority is < 14 or > 21)
        {
            throw new InvalidOperationException("Jurisdiction:AgeOfMajority must be between 14 and 21.");
        }
        return profile;
    }
}
