using Ariadne.Web.Features.Children;
using Ariadne.Web.Features.Safety;
using Ariadne.Web.Features.Shared;

namespace Ariadne.Web.Features.Cases;

/// <summary>The words the case pages use for the codes in the responses (stages, steps, statuses), in one place.</summary>
public static class CaseText
{
    /// <summary>
    /// Timeline entries whose stored summary is built from coded fields only (stages, codes, organisation names); every
    /// other kind may carry typed text or a person's name (a statement's title, a case worker) and shows to a
    /// de-personalised viewer as its kind alone. Deny by default: a new kind is hidden until it is listed here (item 7).
    /// </summary>
    private static readonly HashSet<string> CodedSummaries = new(StringComparer.Ordinal)
    {
        "opened", "handover-requested", "handover-accepted", "handover-declined", "participant-added", "risk-assessment",
        "return-planned", "meeting", "guardian", "guardian-acknowledged", "age-assessment", "child-interview", "disposition",
        "consent-given", "consent-withdrawn", "service-proposed", "service-accepted", "service-declined", "service-completed",
        "service-revoked", "placed", "placement-ended",
    };

    /// <summary>What a de-personalised viewer reads of one timeline entry.</summary>
    public static string DepersonalisedSummary(string kind, string summary) =>
        CodedSummaries.Contains(kind)
        || (Enum.TryParse<CaseTrigger>(kind, out var trigger) && Enum.IsDefined(trigger))
            ? summary
            : kind switch
            {
                "statement" => "Statement recorded",
                "assigned" => "Case worker changed",
                "safety-coordinator" => "Safety coordinator named",
                "safety-action" => "Safety plan changed",
                _ => "Case updated",
            };

    /// <summary>"Assessment", "The reflection and recovery period": a stage as a case worker says it.</summary>
    public static string Stage(string stage) => Enums.Named<CaseStage>(stage) is { } s
        ? Capitalised(CaseLifecycle.Words(s))
        : stage;

    public static string Step(string trigger) => Enums.Named<CaseTrigger>(trigger) is { } t
        ? CaseLifecycle.Words(t)
        : trigger;

    public static string Closure(CaseClosureReason reason) => reason switch
    {
        CaseClosureReason.OutcomesAchieved => "Outcomes achieved, support ended",
        CaseClosureReason.NegativeDecisionFinal => "Negative decision final",
        CaseClosureReason.PersonWithdrew => "The person chose to end contact",
        CaseClosureReason.PersonMissing => "The person is missing (police told)",
        CaseClosureReason.TransferredAbroad => "Transferred abroad",
        CaseClosureReason.Duplicate => "Duplicate case",
    };

    public static string Closure(string? reason) =>
        Enums.Named<CaseClosureReason>(reason) is { } r ? Closure(r) : reason ?? "";

    public static string Part(string part) => part switch
    {
        nameof(ParticipantKind.Owner) => "Owner",
        nameof(ParticipantKind.Referrer) => "Referred it",
        nameof(ParticipantKind.Guardian) => "Guardian",
        nameof(ParticipantKind.Support) => "Support",
        nameof(ParticipantKind.Invited) => "Invited",
        nameof(ParticipantKind.HandoverReceiver) => "Handover to you",
        nameof(ParticipantKind.FormerOwner) => "Former owner",
        _ => part,
    };

    public static string AgeStatus(string status) => status switch
    {
        nameof(Cases.AgeStatus.Unknown) => "Age not assessed",
        nameof(Cases.AgeStatus.PresumedMinor) => "Presumed child",
        nameof(Cases.AgeStatus.ConfirmedMinor) => "Child (assessed)",
        nameof(Cases.AgeStatus.ConfirmedAdult) => "Adult (assessed)",
        _ => status,
    };

    public static string AgeMethod(AgeAssessmentMethod method) => method switch
    {
        AgeAssessmentMethod.PsychoSocial => "psycho-social",
        AgeAssessmentMethod.BoneXRay => "bone X-ray",
        AgeAssessmentMethod.Dental => "dental",
        AgeAssessmentMethod.Combined => "combined methods",
    };

    public static string AgeResult(AgeAssessmentResult result) => result switch
    {
        AgeAssessmentResult.Minor => "a child",
        AgeAssessmentResult.Adult => "an adult",
        AgeAssessmentResult.Inconclusive => "inconclusive",
    };

    public static string Venue(VenueType venue) => venue switch
    {
        VenueType.PolicePremises => "Police premises",
        VenueType.PlaceOfExploitation => "Place of exploitation",
        VenueType.Shelter => "Shelter",
        VenueType.SupportOrganisationOffice => "Support organisation's office",
        VenueType.ChildFriendlyInterviewRoom => "Child-friendly interview room",
        VenueType.Court => "Court",
        VenueType.GuardianshipService => "Guardianship service",
        VenueType.Other => "Other",
    };

    public static string Venue(string venue) => Enums.Named<VenueType>(venue) is { } v ? Venue(v) : venue;

    public static string Purpose(string purpose) => purpose switch
    {
        nameof(RiskPurpose.ShelterPlacement) => "Shelter placement",
        nameof(RiskPurpose.Return) => "Return",
        nameof(RiskPurpose.Review) => "Review",
        _ => purpose,
    };

    public static string Date(DateOnly? date) => DisplayFormat.Date(date);

    /// <summary>"3 days", "5 hours": how long something has waited.</summary>
    public static string Age(DateTime sinceUtc, DateTime nowUtc)
    {
        var span = nowUtc - sinceUtc;
        return span.TotalDays >= 1 ? Plural((int)span.TotalDays, "day")
            : span.TotalHours >= 1 ? Plural((int)span.TotalHours, "hour")
            : Plural(Math.Max(0, (int)span.TotalMinutes), "minute");
    }

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
