using Ariadne.Web.Features.Indicators;
using Ariadne.Web.Features.Jurisdiction;

namespace Ariadne.Web.Features.Screenings;

/// <summary>
/// The only three things the engine may say (R-IND-01). There is deliberately no "not a victim": the
/// competent authority decides (IG-02, R-IND-06).
/// </summary>
public enum AssessmentOutcome
{
    NoIndicatorsRecorded,
    IndicatorsPresentAssessFurther,
    PresumedVictim,
}

public enum AlertLevel
{
    None,
    Attention,
    Alarm,
}

public sealed record FoundIndicator(Indicator Indicator, string? Note);

public sealed record CategoryFindings(IndicatorCategory Category, IReadOnlyList<FoundIndicator> Found);

public sealed record FormFindings(string Form, string Name, int Count);

public sealed record ActionStep(string Id, string Text, bool Immediate, DateTime? DoneAt, string? DoneBy);

public sealed record Advice(string Key, string Title, string Text, string Basis, bool Urgent = false);

public sealed record Assessment(
    AssessmentOutcome Outcome,
    AlertLevel Alert,
    bool PresumedMinor,
    bool Unaccompanied,
    IReadOnlyList<CategoryFindings> ByCategory,
    IReadOnlyList<FormFindings> ByForm,
    int GroupCount,
    bool ActionsRequired,
    IReadOnlyList<ActionStep> Actions,
    IReadOnlyList<Advice> Advice)
{
    public int IndicatorCount => ByCategory.Sum(c => c.Found.Count);

    public string OutcomeText => Outcome switch
    {
        AssessmentOutcome.PresumedVictim => "Presumed victim: treat the person as a victim of a serious crime",
        AssessmentOutcome.IndicatorsPresentAssessFurther => "Indicators present: assess further",
        AssessmentOutcome.NoIndicatorsRecorded => "No indicators recorded",
    };
}

/// <summary>
/// Turns a screening into guidance: indicators found by category and form, the alert level, the mandatory
/// actions with their timestamps and the advice that applies. Pure: no database, no clock, no web.
/// </summary>
public static class Assessor
{
    public static Assessment Assess(Screening screening, CatalogueEdition catalogue, AlertRule rule, JurisdictionProfile jurisdiction)
    {
        var found = screening.Indicators
            .Select(s => (Indicator: catalogue.Find(s.IndicatorId), s.Note))
            .Where(x => x.Indicator is { Tickable: true })
            .Select(x => new FoundIndicator(x.Indicator!, x.Note))
            .ToList();

        var byCategory = catalogue.Categories
            .Select(c => new CategoryFindings(c, found.Where(f => f.Indicator.Category == c.Code).ToList()))
            .Where(c => c.Found.Count > 0)
            .ToList();
        // Generic signs, S001 signs and control methods are starting points common to every form (IG-03, IG-04):
        // only the specific lists say which form of exploitation the signs point to.
        var byForm = found.Where(f => catalogue.Category(f.Indicator.Category).Group is not ("Generic" or "Signs" or "Control"))
            .SelectMany(f => f.Indicator.Forms).GroupBy(f => f, StringComparer.Ordinal)
            .Select(g => new FormFindings(g.Key, ExploitationForms.Name(g.Key), g.Count()))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Form, StringComparer.Ordinal)
            .ToList();
        var groups = byCategory.Select(c => c.Category.Group).Distinct(StringComparer.Ordinal).Count();

        var alert = found.Count == 0 ? AlertLevel.None
            : found.Count >= rule.MinimumIndicators && groups >= rule.MinimumGroups ? AlertLevel.Alarm
            : AlertLevel.Attention;
        var outcome = screening.PresumedVictim ? AssessmentOutcome.PresumedVictim
            : found.Count > 0 ? AssessmentOutcome.IndicatorsPresentAssessFurther
            : AssessmentOutcome.NoIndicatorsRecorded;

        var minor = screening.IsPresumedMinor(jurisdiction.AgeOfMajority);
        var unaccompanied = minor && !screening.WithParentOrGuardian;
        // A child with any sign is treated on the doubt rule (IG-06, CH-AGE-03): no waiting for an alarm.
        var actionsRequired = outcome == AssessmentOutcome.PresumedVictim || alert == AlertLevel.Alarm || (minor && found.Count > 0);

        var actions = MandatoryActions.All
            .Where(a => a.Id != MandatoryActions.GuardianReferral || unaccompanied)
            .Select(a =>
            {
                var done = screening.Actions.FirstOrDefault(d => d.ActionId == a.Id);
                var immediate = a.Id == MandatoryActions.AlertUnit || a.Id == MandatoryActions.GuardianReferral;
                return new ActionStep(a.Id, a.Text, immediate, done?.DoneAt, done?.DoneByName);
            })
            .ToList();

        return new Assessment(outcome, alert, minor, unaccompanied, byCategory, byForm, groups, actionsRequired, actions,
            AdviceFor(screening, found, minor, actionsRequired, jurisdiction).ToList());
    }

    private static IEnumerable<Advice> AdviceFor(Screening s, List<FoundIndicator> found, bool minor, bool actionsRequired,
        JurisdictionProfile jurisdiction)
    {
        if (s.ImmediateDanger)
        {
            yield return new Advice("emergency", $"Immediate danger: call {jurisdiction.EmergencyNumber} now",
                $"The person or someone else is in immediate danger. Call {jurisdiction.EmergencyNumber}, then alert the " +
                "specialised unit and the support services.", "R-ACT-12, WHO-07", Urgent: true);
        }
        if (s.Accompanied)
        {
            yield return new Advice("speak-alone", "Speak to the person alone",
                "Separate the person from whoever accompanies them before asking anything. Do not voice your concerns " +
                "in front of the companion, who may be part of the network, and never share the person's details with them." +
                (s.CompanionSeemsToControl ? " The companion seems to control the person: record a description as possible suspect information." : ""),
                "FC-03, FC-04, V-20, TRF-08", Urgent: s.CompanionSeemsToControl);
        }
        if (minor)
        {
            yield return new Advice("child", "Treat the person as a child",
                "There are reasons to believe the person is under " + jurisdiction.AgeOfMajority + ": apply the child procedure " +
                "until an age assessment says otherwise. Ask only for biographical details; do not question the child about " +
                "the exploitation, but write down everything the child says spontaneously. Avoid police premises, the place of " +
                "exploitation and any suspect's presence. Children are referred whatever their consent.",
                "CH-AGE-01..03, CH-PR-14..16", Urgent: !s.WithParentOrGuardian);
        }
        if (string.IsNullOrWhiteSpace(s.ColleaguePresent))
        {
            yield return new Advice("pairs", "Speak to the person in pairs",
                "Always speak to a possible victim with a colleague present" +
                (s.Gender == Gender.Female ? ", and include a female officer whenever possible." : "."), "HNT-05, HNT-06");
        }
        else if (s.Gender == Gender.Female)
        {
            yield return new Advice("female-officer", "Include a female officer if possible",
                "Where the possible victim is a woman, include a female officer in the pair whenever possible.", "HNT-06");
        }
        if (s.InterpreterNeeded)
        {
            yield return new Advice("interpreter", "Use an interpreter, never the companion",
                "Explain the person's rights in a language they understand, through a professional interpreter.", "INF-06");
        }
        if (found.Any(f => f.Indicator.Category == "BOR"))
        {
            yield return new Advice("secondary-check", "Arrange a secondary check",
                "Border indicators mean little on their own. Where questioning shows reinforcing inconsistencies, arrange a " +
                "separate interview of the people concerned, check documents in person and not through the driver, and refer " +
                "the case if needed.", "IG-05, R-BOR-01, R-BOR-02");
        }
        if (found.Any(f => f.Indicator.Category == "DOM") && !found.Any(f => f.Indicator.Category == "LAB"))
        {
            yield return new Advice("domestic", "Check the labour indicators too",
                "Domestic servitude indicators overlap with forced labour: go through the labour exploitation list as well.", "R-IND-05");
        }
        if (actionsRequired || s.PresumedVictim)
        {
            yield return new Advice("non-punishment", "Do not detain, charge or remove",
                "The person should not be detained, charged or prosecuted for illegal entry, residence or activities that " +
                "result directly from being trafficked, and must not be removed from the territory until the competent " +
                "authorities have completed identification.", "R-LEG-01, R-LEG-02, R-SYS-01", Urgent: s.OffenderFlag);
        }
        if (!s.PresumedVictim && found.Count == 0)
        {
            yield return new Advice("doubt", "If in doubt, treat the person as a victim",
                "No indicators are recorded, which is not a finding that the person is not a victim: victims may look " +
                "entirely normal or have been coached. If in doubt, declare the person a presumed victim and call the " +
                "specialised unit.", "IG-06, IG-10, IG-16, R-ACT-09");
        }
        yield return new Advice("refusal", "Refusing help at first is normal",
            "Tell the person that escape is possible and help is available, now or later, and give the information sheet " +
            "in their language.", "FC-06, FC-07, INF-11");
    }
}
