namespace Ariadne.Web.Features.Screenings;

/// <summary>How law enforcement comes across victims (domain catalogue §3.3).</summary>
public static class IntakeChannels
{
    public static IReadOnlyList<(string Id, string Label)> All { get; } =
    [
        ("ENC-01", "The person escaped and asked for help"),
        ("ENC-02", "Found during an unrelated check, intervention, enquiry or raid"),
        ("ENC-03", "Found in a proactive counter-trafficking investigation"),
        ("ENC-04", "Complaint from the person's relatives"),
        ("ENC-05", "Tip-off from a third party (fellow victim, co-worker, agency, social services)"),
        ("ENC-06", "Through an international organisation or NGO assisting victims"),
    ];

    public static bool IsKnown(string? id) => All.Any(c => c.Id == id);

    public static string Label(string? id) => All.FirstOrDefault(c => c.Id == id).Label ?? "Not recorded";
}

/// <summary>The mandatory actions when a suspected trafficked person is found (§3.1, R-ACT-01..05).</summary>
public static class MandatoryActions
{
    public const string AlertUnit = "R-ACT-01";
    public const string TreatAsVictimOfCrime = "R-ACT-02";
    public const string ReferToSupport = "R-ACT-03";
    public const string Confidentiality = "R-ACT-04";
    public const string GuardianReferral = "R-ACT-05";

    public static IReadOnlyList<(string Id, string Text)> All { get; } =
    [
        (AlertUnit, "Alert the specialised anti-trafficking unit (or another competent unit) without delay."),
        (TreatAsVictimOfCrime, "Deal with the person as someone who has suffered a serious crime."),
        (ReferToSupport, "Help refer the person to specialised support services."),
        (Confidentiality, "Handle the case with the confidentiality a possible criminal investigation requires."),
        (GuardianReferral, "Unaccompanied minor: immediately arrange referral to a guardian, as the law prescribes."),
    ];

    public static bool IsKnown(string id) => All.Any(a => a.Id == id);
}

/// <summary>
/// When the signs add up to an alarm (R-IND-02). The sources give no number beyond "several" signs across
/// groups, so both thresholds are configuration ("Identification:Alert").
/// </summary>
public sealed class AlertRule
{
    public int MinimumIndicators { get; set; } = 3;
    public int MinimumGroups { get; set; } = 2;

    public static AlertRule FromConfiguration(IConfiguration configuration)
    {
        var rule = new AlertRule();
        configuration.GetSection("Identification:Alert").Bind(rule);
        if (rule.MinimumIndicators < 1 || rule.MinimumGroups < 1)
        {
            throw new InvalidOperationException("Identification:Alert thresholds must be at least 1.");
        }
        return rule;
    }
}
