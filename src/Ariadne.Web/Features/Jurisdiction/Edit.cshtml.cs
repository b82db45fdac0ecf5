using System.Globalization;
using Ariadne.Web.Data;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Jurisdiction;

/// <summary>
/// The administrator's form for the jurisdiction profile: every setting the rules and deadlines depend on.
/// Numbers, dates and lists are taken as typed, so a mistake is shown next to its field with the typing kept;
/// nothing is saved until the whole profile is valid (<see cref="JurisdictionProfile.Validate"/>).
/// </summary>
[Authorize(Policy = Policies.Administration)]
public sealed class JurisdictionEditModel(JurisdictionSettings settings, AriadneDbContext db, TimeProvider time) : PageModel
{
    /// <summary>Roles that may take identification decisions: every role except the two administrator roles.</summary>
    public static IReadOnlyList<string> DecisionRoleChoices { get; } =
        Roles.All.Where(r => r is not (Roles.Administrator or Roles.OrganisationAdministrator)).ToList();

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? EmergencyNumber { get; set; }
        public string? AgeOfMajority { get; set; }
        public string? TimeZone { get; set; }
        public string? MinimumReflectionDays { get; set; }
        public string? DecisionTargetWorkingDays { get; set; }
        public string? ReferralOpenWorkingDays { get; set; }
        public string? StaleAfterDays { get; set; }
        public string? ReviewIntervalDays { get; set; }
        public string? ChildReviewIntervalDays { get; set; }
        /// <summary>One date (yyyy-mm-dd) per line.</summary>
        public string? Holidays { get; set; }
        public List<string> DecisionRoles { get; set; } = [];
        /// <summary>One "CODE | label" per line.</summary>
        public string? Outcomes { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>Errors by setting name (the <see cref="JurisdictionProfile"/> property), shown next to the field.</summary>
    public Dictionary<string, string[]> Errors { get; private set; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> TimeZones { get; } = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order(StringComparer.Ordinal).ToList();

    /// <summary>The settings in the order of the form, so the error summary reads top to bottom.</summary>
    private static readonly string[] FieldOrder =
    [
        nameof(JurisdictionProfile.Name), nameof(JurisdictionProfile.EmergencyNumber), nameof(JurisdictionProfile.AgeOfMajority),
        nameof(JurisdictionProfile.TimeZone), nameof(JurisdictionProfile.MinimumReflectionDays), nameof(JurisdictionProfile.DecisionTargetWorkingDays),
        nameof(JurisdictionProfile.ReferralOpenWorkingDays), nameof(JurisdictionProfile.StaleAfterDays), nameof(JurisdictionProfile.ReviewIntervalDays), nameof(JurisdictionProfile.ChildReviewIntervalDays),
        nameof(JurisdictionProfile.Holidays), nameof(JurisdictionProfile.DecisionRoles), nameof(JurisdictionProfile.Outcomes),
    ];

    public IEnumerable<string> ErrorsInFormOrder =>
        Errors.OrderBy(e => Array.IndexOf(FieldOrder, e.Key) is var i and >= 0 ? i : int.MaxValue).SelectMany(e => e.Value);

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public void OnGet()
    {
        var p = settings.Current;
        Input = new InputModel
        {
            Name = p.Name,
            EmergencyNumber = p.EmergencyNumber,
            AgeOfMajority = Number(p.AgeOfMajority),
            TimeZone = p.TimeZone,
            MinimumReflectionDays = Number(p.MinimumReflectionDays),
            DecisionTargetWorkingDays = Number(p.DecisionTargetWorkingDays),
            ReferralOpenWorkingDays = Number(p.ReferralOpenWorkingDays),
            StaleAfterDays = Number(p.StaleAfterDays),
            ReviewIntervalDays = Number(p.ReviewIntervalDays),
            ChildReviewIntervalDays = Number(p.ChildReviewIntervalDays),
            Holidays = string.Join('\n', p.Holidays.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            DecisionRoles = [.. p.DecisionRoles],
            Outcomes = string.Join('\n', p.Outcomes.Select(o => $"{o.Code} | {o.Label}")),
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (profile, errors) = Parse(Input);
        // The statistics disclosure settings are not on this form (set through the API): saving the form keeps them.
        profile.StatisticsThreshold = settings.Current.StatisticsThreshold;
        profile.StatisticsRoundingBase = settings.Current.StatisticsRoundingBase;
        // The profile's own checks run too, so every mistake shows at once, not one round trip at a time.
        foreach (var (field, messages) in profile.Validate())
        {
            errors.TryAdd(field, messages);
        }
        if (errors.Count == 0)
        {
            errors = await settings.SaveAsync(db, profile, User, time.GetUtcNow().UtcDateTime);
        }
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }
        return RedirectToPage("/Jurisdiction/Index", new { saved = true });
    }

    /// <summary>Turns the typed form into a profile; what cannot be read is reported by setting name.</summary>
    public static (JurisdictionProfile Profile, Dictionary<string, string[]> Errors) Parse(InputModel input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var profile = new JurisdictionProfile
        {
            Name = input.Name?.Trim() ?? "",
            EmergencyNumber = input.EmergencyNumber?.Trim() ?? "",
            TimeZone = input.TimeZone?.Trim() ?? "",
            AgeOfMajority = Whole(input.AgeOfMajority, nameof(JurisdictionProfile.AgeOfMajority), "Age of majority", errors),
            MinimumReflectionDays = Whole(input.MinimumReflectionDays, nameof(JurisdictionProfile.MinimumReflectionDays), "Minimum reflection period", errors),
            DecisionTargetWorkingDays = Whole(input.DecisionTargetWorkingDays, nameof(JurisdictionProfile.DecisionTargetWorkingDays), "Reasonable-grounds decision due after", errors),
            // A form posted without the field (an older page) keeps the default rather than failing.
            ReferralOpenWorkingDays = input.ReferralOpenWorkingDays is null ? new JurisdictionProfile().ReferralOpenWorkingDays
                : Whole(input.ReferralOpenWorkingDays, nameof(JurisdictionProfile.ReferralOpenWorkingDays), "Case opened from a referral within", errors),
            StaleAfterDays = Whole(input.StaleAfterDays, nameof(JurisdictionProfile.StaleAfterDays), "Stale case threshold", errors),
            ReviewIntervalDays = Whole(input.ReviewIntervalDays, nameof(JurisdictionProfile.ReviewIntervalDays), "Review interval", errors),
            ChildReviewIntervalDays = Whole(input.ChildReviewIntervalDays, nameof(JurisdictionProfile.ChildReviewIntervalDays), "Review interval for a child's case", errors),
            DecisionRoles = input.DecisionRoles.Distinct(StringComparer.Ordinal).ToList(),
        };

        var holidays = new List<DateOnly>();
        var badDates = new List<string>();
        foreach (var line in Lines(input.Holidays))
        {
            if (DateOnly.TryParseExact(line, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                holidays.Add(day);
            }
            else
            {
                badDates.Add(line);
            }
        }
        if (badDates.Count > 0)
        {
            errors[nameof(JurisdictionProfile.Holidays)] =
                [$"Write each holiday as year-month-day, one per line (2026-12-25). Not understood: {string.Join(", ", badDates)}."];
        }
        profile.Holidays = holidays.Distinct().Order().ToList();

        var outcomes = new List<OutcomeDefinition>();
        var badOutcomes = new List<string>();
        foreach (var line in Lines(input.Outcomes))
        {
            var bar = line.IndexOf('|', StringComparison.Ordinal);
            var code = bar < 0 ? "" : line[..bar].Trim();
            var label = bar < 0 ? "" : line[(bar + 1)..].Trim();
            if (code.Length == 0 || label.Length == 0)
            {
                badOutcomes.Add(line);
            }
            else
            {
                outcomes.Add(new OutcomeDefinition(code, label));
            }
        }
        if (badOutcomes.Count > 0)
        {
            errors[nameof(JurisdictionProfile.Outcomes)] =
                [$"Write each outcome as CODE | label, one per line (OUT-01 | Co-operates with the police). Not understood: {string.Join("; ", badOutcomes)}."];
        }
        profile.Outcomes = outcomes;
        return (profile, errors);
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    private static int Whole(string? typed, string field, string label, Dictionary<string, string[]> errors)
    {
        if (int.TryParse(typed?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors[field] = [$"{label}: write a whole number."];
        return 0;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
