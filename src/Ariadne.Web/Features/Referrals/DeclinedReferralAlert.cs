using System.Globalization;
using Ariadne.Web.Features.Screenings;

namespace Ariadne.Web.Features.Referrals;

/// <summary>
/// An adult may decline referral (R-LEG-04), but a danger the officer saw does not go away with the refusal: the
/// specialised unit must still learn of it to act (R-ACT-01, R-ACT-10). The unit then receives an alert that
/// carries the situation and not the person: place, time, indicators, danger, the suspected controller's
/// description and the officer's contact; never a name, an alias, an age, a nationality, the officer's statement or
/// an indicator note (which may describe the person). It arrives in the unit's intake queue as a referral of its own
/// kind, so no-case-lost tracking counts it, and no case can be opened from it.
/// </summary>
public static class DeclinedReferralAlert
{
    /// <summary>
    /// When a refusal still alerts the unit: an alarm-level screening (enough signs across enough groups), or fewer
    /// signs with an immediate danger or a companion who seems to control the person; a danger alone, too.
    /// </summary>
    // No "_" arm: a new alert level is a compile error (CS8509) until this rule decides it. CS8524 (a number that
    // names no level) cannot happen, as levels come from Assessor, never from input.
#pragma warning disable CS8524
    public static bool IsDue(AlertLevel alert, bool immediateDanger, bool controllingCompanion) => alert switch
    {
        AlertLevel.Alarm => true,
        AlertLevel.Attention => immediateDanger || controllingCompanion,
        AlertLevel.None => immediateDanger,
    };
#pragma warning restore CS8524

    public static bool IsDue(Screening s, Assessment a) => IsDue(a.Alert, s.ImmediateDanger, s.CompanionSeemsToControl);

    /// <summary>The alert's text: the situation, without the person's identity.</summary>
    public static IReadOnlyList<StatementSection> Compose(Screening s, Assessment a, OfficerContact officer, string unitName,
        TimeZoneInfo zone)
    {
        var when = s.EncounteredAt is { } t
            ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : "not recorded";
        var sections = new List<StatementSection>
        {
            new("Alert: the person declined referral", [
                $"To: {unitName}",
                "An adult declined referral (R-LEG-04). This alert carries no identity and no statement; the person was " +
                "given the information sheet and may still ask for help. Act on the danger; do not seek to identify the person through the referring officer.",
                $"Assessment: {a.OutcomeText}. Alert level: {a.Alert}. This is guidance, not a decision.",
            ]),
            new("Encounter", [
                $"How: {s.IntakeChannel} {IntakeChannels.Label(s.IntakeChannel)}",
                $"Where: {s.Place ?? "not recorded"}",
                $"When: {when}",
            ]),
            new("Danger", [
                s.ImmediateDanger ? "IMMEDIATE DANGER reported: " + (s.DangerDetails ?? "no details") : "No immediate danger reported.",
                s.CompanionSeemsToControl
                    ? "A companion seems to control the person: " + (s.CompanionDescription ?? "no description")
                    : s.Accompanied ? "Accompanied; the companion did not seem to control the person." : "Not accompanied.",
            ]),
            new($"Indicators ({a.IndicatorCount})",
                a.ByCategory.SelectMany(c => c.Found.Select(f => $"{f.Indicator.Id} {f.Indicator.Label}")).ToList() is { Count: > 0 } found
                    ? found : ["none ticked"]),
            new("Officer to contact", [
                $"{officer.Name}, {officer.Organisation}" +
                (officer.Phone is null ? "" : $", phone {officer.Phone}") + (officer.Email is null ? "" : $", email {officer.Email}"),
            ]),
        };
        return sections;
    }
}

public sealed record OfficerContact(string Name, string Organisation, string? Phone, string? Email);
