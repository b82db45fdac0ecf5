using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using System.Text.Json;
using Ariadne.Web.Data;
using Ariadne.Web.Security;

namespace Ariadne.Web.Features.Jurisdiction;

/// <summary>
/// The national settings the rules depend on: what to call in an emergency, who counts as a child, and every
/// time limit the referral mechanism computes (Appendix A, OQ-06: the reflection period is national law).
/// Starts from the "Jurisdiction" configuration section; the administrator can change it at run time
/// (<see cref="JurisdictionSettings"/>), so a country adopts Ariadne without code changes (NRM-P1).
/// </summary>
public sealed class JurisdictionProfile
{
    [MaxLength(ColumnLengths.Name)]
    public string Name { get; set; } = "Demo jurisdiction";
    /// <summary>
    /// ISO 3166-1 alpha-2 code of the adopting country: the country a new organisation is given unless another is chosen
    /// (a foreign partner). "XX" (not stated) when unset; organisations created before 0010 hold "XX" until set (ADR 0011).
    /// </summary>
    public string Country { get; set; } = Organisations.Countries.NotStated;
    /// <summary>The number to call when a person is in immediate danger (R-ACT-12; 112 across the EU).</summary>
    [MaxLength(20)]
    public string EmergencyNumber { get; set; } = "112";
    /// <summary>Anyone younger is a child (CH-DEF-01: under eighteen).</summary>
    public int AgeOfMajority { get; set; } = 18;
    /// <summary>IANA time zone in which officers read and type times (an encounter at "21:40" is local time).</summary>
    public string TimeZone { get; set; } = "Europe/Brussels";
    /// <summary>Minimum reflection and recovery period in calendar days (L4: at least 30 under the CoE Convention).</summary>
    public int MinimumReflectionDays { get; set; } = 30;
    /// <summary>Working days from the opening of a case to the reasonable-grounds decision.</summary>
    public int DecisionTargetWorkingDays { get; set; } = 5;
    /// <summary>Working days from a referral to the opening of its case by the unit; later, the coordinator chases it (NRM-P3).</summary>
    public int ReferralOpenWorkingDays { get; set; } = 1;
    /// <summary>An open case with no recorded activity for this many days is shown to the coordinator as stale.</summary>
    public int StaleAfterDays { get; set; } = 30;
    /// <summary>Days between reviews of a case in assistance, or of a negative decision awaiting closure.</summary>
    public int ReviewIntervalDays { get; set; } = 28;
    /// <summary>A child's case is reviewed more often (CH-PR-01: as early as possible).</summary>
    public int ChildReviewIntervalDays { get; set; } = 14;
    /// <summary>Public holidays, which do not count as working days.</summary>
    public List<DateOnly> Holidays { get; set; } = [];
    /// <summary>Roles that act as the competent authority for identification decisions.</summary>
    public List<string> DecisionRoles { get; set; } = [Roles.Investigator, Roles.Coordinator];
    /// <summary>
    /// Outcomes after the reflection period. §3.5 lists five "including", so the list is open: a country adds
    /// its own codes; published codes are never renamed because cases refer to them.
    /// </summary>
    public List<OutcomeDefinition> Outcomes { get; set; } =
    [
        new("OUT-01", "Co-operates with the police and testifies as a victim"),
        new("OUT-02", "Stays in the destination country with a residence and work permit"),
        new("OUT-03", "Internal trafficking case: offered a place in a (re)integration programme"),
        new("OUT-04", "Returns to the country of origin"),
        new("OUT-05", "Hosted by a third state, because of high risks at home and here"),
    ];

    /// <summary>
    /// Published statistics hide counts from 1 to this number minus one (issue 13, ADR 0018): a small count can point at
    /// one person. At least 3; 5 by default.
    /// </summary>
    public int StatisticsThreshold { get; set; } = 5;
    /// <summary>0 for exact figures; otherwise every published figure is rounded to a multiple of it (ADR 0018).</summary>
    public int StatisticsRoundingBase { get; set; }

    [JsonIgnore]
    public TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>The last instant of a local calendar day, in UTC: a deadline "on the 12th" is met all day on the 12th.</summary>
    public DateTime EndOfLocalDay(DateOnly date) => ToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue)).AddTicks(-1);

    public static JurisdictionProfile FromConfiguration(IConfiguration configuration)
    {
        var profile = new JurisdictionProfile();
        var section = configuration.GetSection("Jurisdiction");
        section.Bind(profile);
        // The binder adds configured list items to the defaults; a list in the configuration replaces them instead.
        if (section.GetSection(nameof(DecisionRoles)).Exists())
        {
            profile.DecisionRoles = section.GetSection(nameof(DecisionRoles)).Get<List<string>>() ?? [];
        }
        if (section.GetSection(nameof(Outcomes)).Exists())
        {
            profile.Outcomes = section.GetSection(nameof(Outcomes)).Get<List<OutcomeDefinition>>() ?? [];
        }
        var errors = profile.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Jurisdiction settings: " +
                string.Join(" ", errors.Select(e => $"Jurisdiction:{e.Key}: {string.Join(" ", e.Value)}")));
        }
        return profile;
    }

    /// <summary>Readable errors by setting name; empty when the profile can be used.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        // A profile sent through the API can hold nulls anywhere (JSON ignores C#'s nullability): each is a
        // readable error, never a crash (issue 9, item 12).
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
        {
            errors[nameof(Name)] = ["Give the jurisdiction a name (at most 200 characters)."];
        }
        if (string.IsNullOrWhiteSpace(EmergencyNumber) || EmergencyNumber.Length > 20)
        {
            errors[nameof(EmergencyNumber)] = ["The emergency number must be set (at most 20 characters)."];
        }
        if (Organisations.Countries.Normalise(Country) != Country)
        {
            errors[nameof(Country)] = ["The country is a two-letter ISO 3166-1 code in capitals (for instance BE), or XX when not stated."];
        }
        if (AgeOfMajority is < 14 or > 21)
        {
            errors[nameof(AgeOfMajority)] = ["The age of majority must be between 14 and 21."];
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out _))
        {
            errors[nameof(TimeZone)] = [$"'{TimeZone}' is not a known time zone (use an IANA name such as Europe/Brussels)."];
        }
        if (MinimumReflectionDays is < 30 or > 365)
        {
            errors[nameof(MinimumReflectionDays)] =
                ["The reflection period must be at least 30 days (Council of Europe Convention) and at most 365."];
        }
        if (DecisionTargetWorkingDays is < 1 or > 60)
        {
            errors[nameof(DecisionTargetWorkingDays)] = ["The decision target must be between 1 and 60 working days."];
        }
        if (ReferralOpenWorkingDays is < 1 or > 30)
        {
            errors[nameof(ReferralOpenWorkingDays)] = ["A case must be opened from a referral within 1 to 30 working days."];
        }
        if (StaleAfterDays is < 1 or > 365)
        {
            errors[nameof(StaleAfterDays)] = ["The stale-case threshold must be between 1 and 365 days."];
        }
        if (ReviewIntervalDays is < 1 or > 365)
        {
            errors[nameof(ReviewIntervalDays)] = ["The review interval must be between 1 and 365 days."];
        }
        if (ChildReviewIntervalDays is < 1 or > 365)
        {
            errors[nameof(ChildReviewIntervalDays)] = ["The review interval for children must be between 1 and 365 days."];
        }
        if (StatisticsThreshold is < 3 or > 100)
        {
            errors[nameof(StatisticsThreshold)] = ["The statistics threshold must be between 3 and 100."];
        }
        if (StatisticsRoundingBase is < 0 or > 100)
        {
            errors[nameof(StatisticsRoundingBase)] = ["The statistics rounding base must be between 0 (no rounding) and 100."];
        }
        if (Holidays is null)
        {
            errors[nameof(Holidays)] = ["List the public holidays (an empty list if none)."];
        }
        if (DecisionRoles is null || DecisionRoles.Count == 0 || DecisionRoles.Any(r => !Roles.All.Contains(r) || r is Roles.Administrator or Roles.OrganisationAdministrator))
        {
            errors[nameof(DecisionRoles)] = ["Name at least one case-working role that takes identification decisions."];
        }
        if (Outcomes is null || Outcomes.Count == 0
            || Outcomes.Any(o => o is null || string.IsNullOrWhiteSpace(o.Code) || string.IsNullOrWhiteSpace(o.Label)
                || o.Code.Length > 20 || o.Label.Length > 200)
            || Outcomes.Select(o => o.Code).Distinct(StringComparer.Ordinal).Count() != Outcomes.Count)
        {
            errors[nameof(Outcomes)] = ["Every outcome needs a unique code (at most 20 characters) and a label (at most 200)."];
        }
        return errors;
    }

    public JurisdictionProfile Copy() =>
        JsonSerializer.Deserialize<JurisdictionProfile>(JsonSerializer.Serialize(this))!;
}

/// <summary>An outcome code and its wording (OUT-01..05 and any a jurisdiction adds).</summary>
public sealed record OutcomeDefinition([property: MaxLength(20)] string Code, [property: MaxLength(ColumnLengths.Name)] string Label);
