using Ariadne.Web.Features.Intelligence;

namespace Ariadne.Tests.Intelligence;

/// <summary>
/// The grading systems as data and their validation (§5.5, R-EVAL-03..06, §5.5.3 [DERIVED] "evaluation fields are mandatory
/// on submission", OQ-03, OQ-04): exact catalogue labels, no conversion between systems, named errors.
/// </summary>
public sealed class GradingTests
{
    private static readonly FourByFourLabels AgencyLabels = new(
        ["Reliable", "Usually reliable", "Not reliable", "Unknown"], ["Confirmed", "Possibly true", "Doubtful", "Cannot be judged"]);

    private static IEnumerable<GradingProblem> Problems(Grading? grading, FourByFourLabels? labels = null) =>
        GradingRules.Validate(grading, labels).Select(e => e.Problem);

    [Fact]
    public void The_5x5x5_labels_are_the_catalogues_exact_words_in_its_order()
    {
        // Copied from requirements.md §5.5.1, not from the production code.
        Assert.Equal(["always reliable", "mostly reliable", "sometimes reliable", "unreliable", "untested"],
            Enum.GetValues<FiveFiveFiveSource>().Select(v => v.Label()));
        Assert.Equal(
            ["known to be true without reservation", "known personally to source but not to officer",
             "not known personally to source but corroborated", "cannot be judged", "suspected to be false"],
            Enum.GetValues<FiveFiveFiveIntelligence>().Select(v => v.Label()));
        Assert.Equal(
            ["may be disseminated to non-EU law enforcement agencies where no adequate safeguards exist",
             "may be disseminated to non-prosecuting organisations within country of origin",
             "may be disseminated to other law enforcement agencies and prosecuting agencies, including law enforcement agencies within the EU",
             "only disseminate within originating agency/force",
             "no further dissemination refer to originator"],
            Enum.GetValues<FiveFiveFiveHandling>().Select(v => v.Label()));
    }

    [Fact]
    public void The_3x5x2_system_has_three_sources_five_assessments_and_P_or_C()
    {
        Assert.Equal(3, Enum.GetValues<ThreeFiveTwoSource>().Length);
        Assert.Equal(["A", "B", "C", "D", "E"], Enum.GetValues<ThreeFiveTwoIntelligence>().Select(v => v.ToString()));
        Assert.Equal(["P", "C"], Enum.GetValues<ThreeFiveTwoHandling>().Select(v => v.ToString()));
        Assert.All(Enum.GetValues<ThreeFiveTwoIntelligence>(), v => Assert.StartsWith(v.ToString() + " – ", v.Label(), StringComparison.Ordinal));
        Assert.All(Enum.GetValues<ThreeFiveTwoSource>(), v => Assert.StartsWith(((int)v).ToString(System.Globalization.CultureInfo.InvariantCulture),
            v.Label(), StringComparison.Ordinal));
    }

    [Fact]
    public void Grading_is_mandatory()
    {
        Assert.Equal([GradingProblem.Missing], Problems(null));
        var empty = new Grading(GradingSystem.FiveByFiveByFive);
        Assert.Equal([GradingProblem.SourceMissing, GradingProblem.IntelligenceMissing, GradingProblem.HandlingMissing], Problems(empty));
        Assert.Equal([GradingProblem.SourceMissing, GradingProblem.IntelligenceMissing, GradingProblem.HandlingMissing],
            Problems(new Grading(GradingSystem.ThreeByFiveByTwo)));
        Assert.Equal([GradingProblem.SourceMissing, GradingProblem.IntelligenceMissing], Problems(new Grading(GradingSystem.FourByFour), AgencyLabels));
        Assert.Equal([GradingProblem.UnknownSystem], Problems(new Grading(default)));
        Assert.Equal([GradingProblem.UnknownSystem], Problems(new Grading((GradingSystem)7)));
    }

    [Fact]
    public void Each_error_names_the_field_and_says_what_to_do()
    {
        var errors = GradingRules.Validate(new Grading(GradingSystem.FiveByFiveByFive, Source5: FiveFiveFiveSource.Untested), null);
        Assert.Equal([nameof(Grading.Intelligence5), nameof(Grading.Handling5)], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Detail)));
    }

    [Fact]
    public void A_complete_grading_of_each_system_is_accepted()
    {
        Assert.Empty(Problems(Grading.FiveByFiveByFive(FiveFiveFiveSource.Untested, FiveFiveFiveIntelligence.CannotBeJudged,
            FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator)));
        Assert.Empty(Problems(Grading.ThreeByFiveByTwo(ThreeFiveTwoSource.Untested, ThreeFiveTwoIntelligence.D, ThreeFiveTwoHandling.P)));
        Assert.Empty(Problems(Grading.FourByFour(4, 1), AgencyLabels));
    }

    [Fact]
    public void Values_that_are_not_categories_are_refused_by_name()
    {
        Assert.Equal([GradingProblem.UnknownCategory], Problems(Grading.FiveByFiveByFive((FiveFiveFiveSource)0,
            FiveFiveFiveIntelligence.CannotBeJudged, FiveFiveFiveHandling.OnlyWithinOriginatingAgency)));
        Assert.Equal([GradingProblem.UnknownCategory], Problems(Grading.FiveByFiveByFive(FiveFiveFiveSource.Untested,
            FiveFiveFiveIntelligence.CannotBeJudged, (FiveFiveFiveHandling)6)));
        Assert.Equal([GradingProblem.UnknownCategory], Problems(Grading.ThreeByFiveByTwo(ThreeFiveTwoSource.Reliable,
            (ThreeFiveTwoIntelligence)9, ThreeFiveTwoHandling.P)));
        Assert.Equal([GradingProblem.UnknownCategory, GradingProblem.UnknownCategory], Problems(Grading.FourByFour(0, 5), AgencyLabels));
    }

    [Fact]
    public void A_report_keeps_one_system_and_nothing_is_converted()
    {
        var mixed = Grading.FiveByFiveByFive(FiveFiveFiveSource.Untested, FiveFiveFiveIntelligence.CannotBeJudged,
            FiveFiveFiveHandling.OnlyWithinOriginatingAgency) with { Handling3 = ThreeFiveTwoHandling.P };
        Assert.Equal([GradingProblem.PartOfAnotherSystem], Problems(mixed));
        Assert.Equal([GradingProblem.PartOfAnotherSystem],
            Problems(Grading.ThreeByFiveByTwo(ThreeFiveTwoSource.Reliable, ThreeFiveTwoIntelligence.A, ThreeFiveTwoHandling.P) with { SourceReliability4 = 1 }));
        Assert.Equal([GradingProblem.PartOfAnotherSystem],
            Problems(Grading.FourByFour(1, 1) with { Source5 = FiveFiveFiveSource.AlwaysReliable }, AgencyLabels));
    }

    [Fact]
    public void Handling_C_needs_its_conditions_and_P_takes_none()
    {
        var c = Grading.ThreeByFiveByTwo(ThreeFiveTwoSource.Reliable, ThreeFiveTwoIntelligence.B, ThreeFiveTwoHandling.C);
        Assert.Equal([GradingProblem.ConditionsRequired], Problems(c));
        Assert.Equal([GradingProblem.ConditionsRequired], Problems(c with { Conditions = " \n " }));
        Assert.Empty(Problems(c with { Conditions = "Not to be used as evidence." }));
        var p = c with { Handling3 = ThreeFiveTwoHandling.P, Conditions = "Not to be used as evidence." };
        Assert.Equal([GradingProblem.ConditionsNeedHandlingC], Problems(p));
    }

    [Fact]
    public void The_5x5x5_codes_reaching_outside_police_safeguards_need_written_conditions()
    {
        // ADR 0011: the non-EU code (no adequate safeguards) and the non-prosecuting code need them; the others may carry them.
        var expected = new Dictionary<FiveFiveFiveHandling, bool>
        {
            [FiveFiveFiveHandling.NonEuLawEnforcementWithoutAdequateSafeguards] = true,
            [FiveFiveFiveHandling.NonProsecutingOrganisationsWithinCountryOfOrigin] = true,
            [FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu] = false,
            [FiveFiveFiveHandling.OnlyWithinOriginatingAgency] = false,
            [FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator] = false,
        };
        Assert.Equal(Enum.GetValues<FiveFiveFiveHandling>().Order(), expected.Keys.Order());
        foreach (var (code, needs) in expected)
        {
            var bare = Grading.FiveByFiveByFive(FiveFiveFiveSource.MostlyReliable, FiveFiveFiveIntelligence.CannotBeJudged, code);
            Assert.Equal(needs ? new[] { GradingProblem.ConditionsRequired } : Array.Empty<GradingProblem>(), Problems(bare));
            Assert.Empty(Problems(bare with { Conditions = "Purpose limited to this investigation." }));
        }
    }

    [Fact]
    public void Conditions_have_a_length_limit()
    {
        var c = Grading.ThreeByFiveByTwo(ThreeFiveTwoSource.Reliable, ThreeFiveTwoIntelligence.B, ThreeFiveTwoHandling.C,
            new string('x', GradingRules.MaxConditionsLength + 1));
        Assert.Equal([GradingProblem.ConditionsTooLong], Problems(c));
        Assert.Empty(Problems(c with { Conditions = new string('x', GradingRules.MaxConditionsLength) }));
    }

    [Fact]
    public void FourByFour_is_unavailable_until_the_agency_configures_its_own_labels()
    {
        var grading = Grading.FourByFour(2, 3);
        Assert.Equal([GradingProblem.FourByFourNotConfigured], Problems(grading));
        Assert.Equal([GradingProblem.FourByFourNotConfigured], Problems(grading, new FourByFourLabels(["a", "b", "c"], ["d", "e", "f", "g"])));
        Assert.Equal([GradingProblem.FourByFourNotConfigured], Problems(grading, new FourByFourLabels(["a", "b", "c", " "], ["d", "e", "f", "g"])));
        Assert.Equal([GradingProblem.FourByFourNotConfigured], Problems(grading, new FourByFourLabels(["a", "b", "c", "A"], ["d", "e", "f", "g"])));
        Assert.Empty(Problems(grading, AgencyLabels));
        Assert.Equal(2, new FourByFourLabels(["a"], []).Problems().Count);
    }

    [Fact]
    public void A_grading_is_described_in_its_own_systems_words()
    {
        var five = Grading.FiveByFiveByFive(FiveFiveFiveSource.SometimesReliable, FiveFiveFiveIntelligence.SuspectedToBeFalse,
            FiveFiveFiveHandling.OnlyWithinOriginatingAgency);
        Assert.Equal("5x5x5: source sometimes reliable; intelligence suspected to be false; handling: only disseminate within originating agency/force",
            GradingRules.Describe(five, null));
        Assert.Equal("4x4: source Not reliable; information Possibly true", GradingRules.Describe(Grading.FourByFour(3, 2), AgencyLabels));
        Assert.Equal("4x4: source category 3; information category 2", GradingRules.Describe(Grading.FourByFour(3, 2), null));
        Assert.Contains("unknown category", GradingRules.Describe(five with { Source5 = (FiveFiveFiveSource)77 }, null), StringComparison.Ordinal);
        Assert.Equal("not graded", GradingRules.Describe(new Grading((GradingSystem)0), null));
    }
}
