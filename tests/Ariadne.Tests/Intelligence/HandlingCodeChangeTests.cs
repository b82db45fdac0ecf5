using Ariadne.Web.Features.Intelligence;
using static Ariadne.Tests.Intelligence.DisseminationPolicyTests;

namespace Ariadne.Tests.Intelligence;

/// <summary>
/// Who may change a report's handling (V-13, R-EVAL-06, issue 10 item 5): the originator or a dissemination supervisor of the
/// originating agency, with a reason; nobody else, in either direction. Widening is worked out from the audiences, not the
/// order of the codes (§5.5.1 note).
/// </summary>
public sealed class HandlingCodeChangeTests
{
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly HandlingChanger TheAuthor = new(Author, Origin.AgencyId, false);
    private static readonly HandlingChanger SupervisorOfTheForce = new(Guid.NewGuid(), Origin.AgencyId, true);
    private static readonly HandlingChanger SupervisorOfAnotherForce = new(Guid.NewGuid(), Guid.NewGuid(), true);
    private static readonly HandlingChanger AnalystOfTheForce = new(Guid.NewGuid(), Origin.AgencyId, false);
    private static readonly HandlingChanger ReceivingAnalyst = new(Guid.NewGuid(), Guid.NewGuid(), false);
    private static readonly HandlingChanger SupervisorWithoutAgency = new(Guid.NewGuid(), Guid.Empty, true);

    private static readonly Grading OnlyAgency = Five(FiveFiveFiveHandling.OnlyWithinOriginatingAgency);
    private static readonly Grading LawEnforcementAndProsecuting = Five(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu);
    private static readonly Grading NoFurther = Five(FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator);
    private static readonly Grading NonEu = Five(FiveFiveFiveHandling.NonEuLawEnforcementWithoutAdequateSafeguards, "Purpose: this investigation only.");

    private static HandlingChangeResult Change(HandlingChanger who, Grading from, Grading to, string? reason = "Operation ended.") =>
        HandlingCodeChange.Decide(Author, Origin, who, from, to, reason, fourByFour: null);

    [Fact]
    public void The_originator_and_a_supervisor_of_the_originating_force_may_widen_and_narrow()
    {
        foreach (var who in new[] { TheAuthor, SupervisorOfTheForce })
        {
            var widen = Change(who, OnlyAgency, LawEnforcementAndProsecuting);
            Assert.True(widen.Allowed);
            Assert.True(widen.Widens);
            var narrow = Change(who, LawEnforcementAndProsecuting, OnlyAgency);
            Assert.True(narrow.Allowed);
            Assert.False(narrow.Widens);
        }
    }

    [Fact]
    public void Nobody_else_may_change_the_handling_neither_widen_nor_narrow()
    {
        foreach (var who in new[] { SupervisorOfAnotherForce, AnalystOfTheForce, ReceivingAnalyst, SupervisorWithoutAgency })
        {
            foreach (var (from, to) in new[] { (OnlyAgency, LawEnforcementAndProsecuting), (LawEnforcementAndProsecuting, OnlyAgency), (NoFurther, NonEu) })
            {
                var result = Change(who, from, to);
                Assert.False(result.Allowed);
                Assert.Equal(HandlingChangeRefusal.NotOriginatorOrSupervisor, result.Refusal);
            }
            Assert.Equal(HandlingChangeRefusal.NotOriginatorOrSupervisor,
                Change(who, OnlyAgency with { SpecialHandling = true }, OnlyAgency).Refusal);
        }
    }

    [Fact]
    public void Widening_is_read_from_the_audiences_not_the_order_of_the_codes()
    {
        // Code 1 reaches police outside the EU that code 3 does not; code 3 reaches the prosecutor that code 1 does not.
        // Each way round is a widening, which no ordering of the codes could say.
        Assert.True(HandlingCodeChange.Widens(LawEnforcementAndProsecuting, NonEu, Origin));
        Assert.True(HandlingCodeChange.Widens(NonEu, LawEnforcementAndProsecuting, Origin));
        Assert.True(HandlingCodeChange.Widens(NoFurther, OnlyAgency, Origin));
        Assert.False(HandlingCodeChange.Widens(OnlyAgency, NoFurther, Origin));
        Assert.True(HandlingCodeChange.Widens(OnlyAgency,
            Five(FiveFiveFiveHandling.NonProsecutingOrganisationsWithinCountryOfOrigin, "For briefings only."), Origin));
        Assert.False(HandlingCodeChange.Widens(LawEnforcementAndProsecuting, LawEnforcementAndProsecuting, Origin));
    }

    [Fact]
    public void Lifting_special_handling_or_changing_conditions_counts_as_widening()
    {
        Assert.True(HandlingCodeChange.Widens(OnlyAgency with { SpecialHandling = true }, OnlyAgency, Origin));
        Assert.False(HandlingCodeChange.Widens(OnlyAgency, OnlyAgency with { SpecialHandling = true }, Origin));
        Assert.True(HandlingCodeChange.Widens(NonEu, NonEu with { Conditions = "Any purpose." }, Origin));
        Assert.True(HandlingCodeChange.Widens(LawEnforcementAndProsecuting with { Conditions = "Consult first." }, LawEnforcementAndProsecuting, Origin));
        Assert.False(HandlingCodeChange.Widens(LawEnforcementAndProsecuting, LawEnforcementAndProsecuting with { Conditions = "Consult first." }, Origin));
        var c = Grading.ThreeByFiveByTwo(ThreeFiveTwoSource.Reliable, ThreeFiveTwoIntelligence.A, ThreeFiveTwoHandling.C, "Consult first.");
        var p = c with { Handling3 = ThreeFiveTwoHandling.P, Conditions = null };
        Assert.True(HandlingCodeChange.Widens(c, p, Origin));
        Assert.False(HandlingCodeChange.Widens(p, c, Origin));
    }

    [Fact]
    public void A_change_needs_a_reason_a_valid_handling_the_same_system_and_a_difference()
    {
        Assert.Equal(HandlingChangeRefusal.ReasonRequired, Change(TheAuthor, OnlyAgency, NoFurther, reason: " ").Refusal);
        Assert.Equal(HandlingChangeRefusal.ReasonRequired, Change(TheAuthor, OnlyAgency, NoFurther, reason: null).Refusal);
        Assert.Equal(HandlingChangeRefusal.ReasonRequired, Change(TheAuthor, OnlyAgency, NoFurther, reason: new string('x', 2001)).Refusal);
        Assert.Equal(HandlingChangeRefusal.NoChange, Change(TheAuthor, OnlyAgency, OnlyAgency).Refusal);
        Assert.Equal(HandlingChangeRefusal.InvalidGrading,
            Change(TheAuthor, OnlyAgency, Five(FiveFiveFiveHandling.NonEuLawEnforcementWithoutAdequateSafeguards)).Refusal);
        var threeFiveTwo = Grading.ThreeByFiveByTwo(ThreeFiveTwoSource.Reliable, ThreeFiveTwoIntelligence.A, ThreeFiveTwoHandling.P);
        Assert.Equal(HandlingChangeRefusal.OtherSystem, Change(TheAuthor, OnlyAgency, threeFiveTwo).Refusal);
        Assert.Equal(HandlingChangeRefusal.InvalidGrading,
            Change(TheAuthor, threeFiveTwo, threeFiveTwo with { Handling3 = ThreeFiveTwoHandling.C }).Refusal);
        Assert.Equal(HandlingChangeRefusal.EvaluationIsNotHandling,
            Change(TheAuthor, OnlyAgency, OnlyAgency with { Source5 = FiveFiveFiveSource.Untested, Handling5 = FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator }).Refusal);
        Assert.True(Change(TheAuthor, threeFiveTwo, threeFiveTwo with { Handling3 = ThreeFiveTwoHandling.C, Conditions = "Consult first." }).Allowed);
    }
}
