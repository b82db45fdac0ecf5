using Ariadne.Web.Features.Indicators;
using Ariadne.Web.Features.Jurisdiction;
using Ariadne.Web.Features.Screenings;

namespace Ariadne.Tests.Identification;

/// <summary>The assessment engine on its own: no host, no database, a small catalogue made up for the test.</summary>
public sealed class AssessorTests
{
    private static readonly CatalogueEdition Catalogue = new()
    {
        Version = "test",
        Published = "2025-01-01",
        Source = "made up for the test",
        Categories =
        [
            new("AAA", "Generic signs", "9.1", "Generic", "Person", ""),
            new("BBB", "Specific signs", "9.2", "Specific", "Situation", ""),
            new("CCC", "Control methods", "9.3", "Control", "Trafficker", ""),
            new("DDD", "More control methods", "9.4", "Control", "Trafficker", ""),
        ],
        Indicators =
        [
            new("AAA-01", "AAA", "Seems controlled", "", ["EXP-SEX", "EXP-LAB"], true, "test"),
            new("AAA-02", "AAA", "No documents", "", ["EXP-LAB"], true, "test"),
            new("AAA-NB", "AAA", "A caution, not a sign", "", [], false, "test"),
            new("BBB-01", "BBB", "Lives at the employer's", "", ["EXP-DOM"], true, "test"),
            new("BBB-02", "BBB", "Wages kept for a debt", "", ["EXP-LAB", "EXP-DOM"], true, "test"),
            new("CCC-01", "CCC", "Debt bondage", "", ["EXP-LAB"], true, "test"),
            new("CCC-02", "CCC", "Confinement", "", ["EXP-SEX"], true, "test"),
            new("DDD-01", "DDD", "Threats against family", "", ["EXP-SEX"], true, "test"),
        ],
    };

    private static readonly JurisdictionProfile Jurisdiction = new();

    private static Screening ScreeningWith(params string[] indicators)
    {
        var screening = new Screening { OfficerName = "Officer", CatalogueVersion = Catalogue.Version, ApproximateAge = 35 };
        screening.Indicators.AddRange(indicators.Select(id => new ScreeningIndicator { ScreeningId = screening.Id, IndicatorId = id }));
        return screening;
    }

    private static Assessment Assess(Screening screening, AlertRule? rule = null, JurisdictionProfile? jurisdiction = null,
        CatalogueEdition? catalogue = null) =>
        Assessor.Assess(screening, catalogue ?? Catalogue, rule ?? new AlertRule(), jurisdiction ?? Jurisdiction);

    [Fact]
    public void The_outcome_has_exactly_three_values_and_none_of_them_says_not_a_victim()
    {
        Assert.Equal(
            new[] { AssessmentOutcome.NoIndicatorsRecorded, AssessmentOutcome.IndicatorsPresentAssessFurther, AssessmentOutcome.PresumedVictim },
            Enum.GetValues<AssessmentOutcome>());
        foreach (var outcome in Enum.GetValues<AssessmentOutcome>())
        {
            var assessment = new Assessment(outcome, AlertLevel.None, false, false, [], [], 0, false, [], []);
            Assert.False(string.IsNullOrWhiteSpace(assessment.OutcomeText));
            Assert.DoesNotContain("not a victim", assessment.OutcomeText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("no victim", assessment.OutcomeText, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_outcome_follows_the_flag_first_then_the_indicators()
    {
        Assert.Equal(AssessmentOutcome.NoIndicatorsRecorded, Assess(ScreeningWith()).Outcome);
        Assert.Equal(AssessmentOutcome.IndicatorsPresentAssessFurther, Assess(ScreeningWith("AAA-01")).Outcome);

        var presumedWithNone = ScreeningWith();
        presumedWithNone.PresumedVictim = true;
        var presumed = Assess(presumedWithNone);
        Assert.Equal(AssessmentOutcome.PresumedVictim, presumed.Outcome);
        Assert.True(presumed.ActionsRequired);
        Assert.Equal(AlertLevel.None, presumed.Alert);

        var presumedWithSome = ScreeningWith("AAA-01");
        presumedWithSome.PresumedVictim = true;
        Assert.Equal(AssessmentOutcome.PresumedVictim, Assess(presumedWithSome).Outcome);
    }

    [Fact]
    public void Findings_are_grouped_by_category_in_catalogue_order_and_unknown_or_untickable_ids_are_ignored()
    {
        var screening = ScreeningWith("DDD-01", "AAA-02", "ZZZ-99", "AAA-NB", "AAA-01");
        screening.Indicators.Single(i => i.IndicatorId == "AAA-02").Note = "no passport on him";

        var assessment = Assess(screening);

        Assert.Equal(new[] { "AAA", "DDD" }, assessment.ByCategory.Select(c => c.Category.Code));
        Assert.Equal(new[] { "AAA-02", "AAA-01" }, assessment.ByCategory[0].Found.Select(f => f.Indicator.Id));
        Assert.Equal("no passport on him", assessment.ByCategory[0].Found[0].Note);
        Assert.Equal(3, assessment.IndicatorCount);
        Assert.Equal(2, assessment.GroupCount);
    }

    [Fact]
    public void Forms_are_counted_from_the_specific_lists_most_frequent_first_with_their_names()
    {
        // Generic signs and control methods are starting points for every form (IG-03/IG-04): they do not count.
        var assessment = Assess(ScreeningWith("AAA-01", "AAA-02", "CCC-01", "DDD-01", "BBB-01", "BBB-02"));

        Assert.Equal(new[] { ("EXP-DOM", 2), ("EXP-LAB", 1) }, assessment.ByForm.Select(f => (f.Form, f.Count)));
        Assert.Equal("Domestic servitude", assessment.ByForm[0].Name);
        Assert.Equal(ExploitationForms.Names["EXP-LAB"], assessment.ByForm[1].Name);
        Assert.Empty(Assess(ScreeningWith("AAA-01", "CCC-01", "DDD-01")).ByForm);
    }

    [Theory]
    [InlineData(3, 2, "", AlertLevel.None)]
    [InlineData(1, 1, "", AlertLevel.None)]
    [InlineData(3, 2, "AAA-01", AlertLevel.Attention)]
    [InlineData(3, 2, "AAA-01 BBB-01", AlertLevel.Attention)]
    [InlineData(3, 2, "AAA-01 AAA-02 BBB-01", AlertLevel.Alarm)]
    [InlineData(3, 2, "AAA-01 BBB-01 CCC-01", AlertLevel.Alarm)]
    // Two categories of one group (CCC, DDD: "Control") are still one group.
    [InlineData(3, 2, "CCC-01 CCC-02 DDD-01", AlertLevel.Attention)]
    [InlineData(3, 2, "CCC-01 CCC-02 DDD-01 AAA-01", AlertLevel.Alarm)]
    [InlineData(1, 1, "AAA-01", AlertLevel.Alarm)]
    [InlineData(2, 3, "AAA-01 BBB-01", AlertLevel.Attention)]
    [InlineData(2, 3, "AAA-01 BBB-01 CCC-01", AlertLevel.Alarm)]
    [InlineData(4, 1, "AAA-01 AAA-02 BBB-01", AlertLevel.Attention)]
    public void The_alert_follows_the_configured_thresholds(int minimumIndicators, int minimumGroups, string ticks, AlertLevel expected)
    {
        var rule = new AlertRule { MinimumIndicators = minimumIndicators, MinimumGroups = minimumGroups };

        var assessment = Assess(ScreeningWith(ticks.Split(' ', StringSplitOptions.RemoveEmptyEntries)), rule);

        Assert.Equal(expected, assessment.Alert);
        // For an adult not declared a presumed victim, only the alarm calls for the mandatory actions.
        Assert.Equal(expected == AlertLevel.Alarm, assessment.ActionsRequired);
    }

    [Fact]
    public void The_default_thresholds_are_three_indicators_across_two_groups()
    {
        var rule = new AlertRule();

        Assert.Equal(3, rule.MinimumIndicators);
        Assert.Equal(2, rule.MinimumGroups);
    }

    [Theory]
    [InlineData(18, 17, false, true)]
    [InlineData(18, 0, false, true)]
    [InlineData(18, 18, false, false)]
    [InlineData(18, null, false, false)]
    // A stated adult age does not lift the presumption (CH-AGE-01).
    [InlineData(18, 30, true, true)]
    [InlineData(18, null, true, true)]
    [InlineData(16, 17, false, false)]
    [InlineData(21, 19, false, true)]
    public void A_person_is_a_child_below_the_jurisdictions_age_of_majority_or_when_suspected(int ageOfMajority, int? age,
        bool suspectedMinor, bool expectedMinor)
    {
        var screening = ScreeningWith("AAA-01");
        screening.ApproximateAge = age;
        screening.SuspectedMinor = suspectedMinor;

        var assessment = Assess(screening, jurisdiction: new JurisdictionProfile { AgeOfMajority = ageOfMajority });

        Assert.Equal(expectedMinor, assessment.PresumedMinor);
        Assert.Equal(expectedMinor, assessment.Unaccompanied);
        // A child with any sign is acted on at once; an adult with one sign is not yet an alarm.
        Assert.Equal(expectedMinor, assessment.ActionsRequired);
        Assert.Equal(expectedMinor, assessment.Actions.Any(a => a.Id == MandatoryActions.GuardianReferral));
        Assert.Equal(expectedMinor, assessment.Advice.Any(a => a.Key == "child"));
    }

    [Fact]
    public void A_child_with_a_parent_or_guardian_is_a_child_but_not_unaccompanied()
    {
        var screening = ScreeningWith("AAA-01");
        screening.SuspectedMinor = true;
        screening.WithParentOrGuardian = true;

        var assessment = Assess(screening);

        Assert.True(assessment.PresumedMinor);
        Assert.False(assessment.Unaccompanied);
        Assert.DoesNotContain(assessment.Actions, a => a.Id == MandatoryActions.GuardianReferral);
        Assert.False(assessment.Advice.Single(a => a.Key == "child").Urgent);
    }

    [Fact]
    public void Mandatory_actions_carry_when_and_by_whom_they_were_done_and_only_alert_and_guardian_are_immediate()
    {
        var screening = ScreeningWith("AAA-01");
        screening.SuspectedMinor = true;
        var doneAt = new DateTime(2025, 3, 1, 21, 40, 0, DateTimeKind.Utc);
        screening.Actions.Add(new ScreeningAction
        {
            ScreeningId = screening.Id, ActionId = MandatoryActions.AlertUnit, DoneAt = doneAt, DoneByName = "Officer Second",
        });

        var actions = Assess(screening).Actions;

        Assert.Equal(MandatoryActions.All.Select(a => a.Id), actions.Select(a => a.Id));
        var alert = actions.Single(a => a.Id == MandatoryActions.AlertUnit);
        Assert.Equal(doneAt, alert.DoneAt);
        Assert.Equal("Officer Second", alert.DoneBy);
        Assert.All(actions.Where(a => a.Id != MandatoryActions.AlertUnit), a => Assert.Null(a.DoneAt));
        Assert.Equal(new[] { MandatoryActions.AlertUnit, MandatoryActions.GuardianReferral },
            actions.Where(a => a.Immediate).Select(a => a.Id));
    }

    [Fact]
    public void The_advice_depends_on_what_was_recorded()
    {
        var nothing = Assess(ScreeningWith());
        Assert.Contains(nothing.Advice, a => a.Key == "doubt");
        Assert.DoesNotContain(nothing.Advice, a => a.Key == "non-punishment");
        Assert.Contains(nothing.Advice, a => a.Key == "pairs");

        var danger = ScreeningWith();
        danger.ImmediateDanger = true;
        var emergency = Assess(danger, jurisdiction: new JurisdictionProfile { EmergencyNumber = "911" }).Advice.Single(a => a.Key == "emergency");
        Assert.Contains("911", emergency.Title, StringComparison.Ordinal);
        Assert.True(emergency.Urgent);

        var offender = ScreeningWith();
        offender.PresumedVictim = true;
        offender.OffenderFlag = true;
        var nonPunishment = Assess(offender).Advice.Single(a => a.Key == "non-punishment");
        Assert.True(nonPunishment.Urgent);
        Assert.DoesNotContain(Assess(offender).Advice, a => a.Key == "doubt");

        var paired = ScreeningWith();
        paired.ColleaguePresent = "Officer Second";
        paired.Gender = Gender.Female;
        var pairedAdvice = Assess(paired).Advice;
        Assert.DoesNotContain(pairedAdvice, a => a.Key == "pairs");
        Assert.Contains(pairedAdvice, a => a.Key == "female-officer");
    }

    [Fact]
    public void With_the_real_catalogue_control_lists_are_one_group_and_border_and_domestic_signs_bring_their_advice()
    {
        var catalogue = IndicatorCatalogue.Load(Path.Combine(AppContext.BaseDirectory, "Catalogue", "indicators")).Current;

        var control = Assess(ScreeningWith("CTE-01", "CTL-01", "CTL-02"), catalogue: catalogue);
        Assert.Equal(1, control.GroupCount);
        Assert.Equal(AlertLevel.Attention, control.Alert);
        var mixed = Assess(ScreeningWith("CTE-01", "CTL-01", "GEN-01"), catalogue: catalogue);
        Assert.Equal(2, mixed.GroupCount);
        Assert.Equal(AlertLevel.Alarm, mixed.Alert);

        var untickable = catalogue.Indicators.First(i => !i.Tickable);
        Assert.Equal(AssessmentOutcome.NoIndicatorsRecorded, Assess(ScreeningWith(untickable.Id), catalogue: catalogue).Outcome);

        Assert.Contains(Assess(ScreeningWith("BOR-06"), catalogue: catalogue).Advice, a => a.Key == "secondary-check");
        Assert.Contains(Assess(ScreeningWith("DOM-01"), catalogue: catalogue).Advice, a => a.Key == "domestic");
        Assert.DoesNotContain(Assess(ScreeningWith("DOM-01", "LAB-01"), catalogue: catalogue).Advice, a => a.Key == "domestic");
    }
}
