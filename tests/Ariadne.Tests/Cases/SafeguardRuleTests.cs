using Ariadne.Web.Features.Cases;

namespace Ariadne.Tests.Cases;

/// <summary>
/// The legal safeguards as pure rules, each written out here as a table independently of the production code:
/// no removal while protected (R-LEG-02, L4, R-SYS-01, CH-PR-19), an early conclusive decision says why (L4), a closed
/// case takes no new work (NRM-P3), and the person's status changes only with a reason (R-TR-01). No host, no database.
/// </summary>
public sealed class SafeguardRuleTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly DateTime Noon = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);
    private static readonly RiskFinding SafeReturn = new(Noon.AddDays(-1), ForReturn: true, RiskIdentified: false);
    private static readonly RiskFinding DangerousReturn = new(Noon.AddDays(-1), ForReturn: true, RiskIdentified: true);

    // ---------------------------------------------------------------- R-LEG-02, L4, R-SYS-01: the stage and the period

    /// <summary>Stage × reflection end (relative to today) → what blocks a return, for an adult with a safe return assessment.</summary>
    public static TheoryData<CaseStage, int?, ReturnBlock[]> StageAndPeriod() => new()
    {
        { CaseStage.Intake, null, [ReturnBlock.IdentificationIncomplete] },
        { CaseStage.Assessment, null, [ReturnBlock.IdentificationIncomplete] },
        { CaseStage.Reflection, 20, [ReturnBlock.IdentificationIncomplete, ReturnBlock.ReflectionPeriodRuns] },
        // R-LEG-02: a negative reasonable-grounds decision completes identification; no period ran.
        { CaseStage.NegativeDecision, null, [] },
        // The issue's case: positive RG, then a negative conclusive decision the same day: the period still runs.
        { CaseStage.NegativeDecision, 30, [ReturnBlock.ReflectionPeriodRuns] },
        // The period covers the whole of its last day, and is over the day after.
        { CaseStage.NegativeDecision, 0, [ReturnBlock.ReflectionPeriodRuns] },
        { CaseStage.NegativeDecision, -1, [] },
        { CaseStage.Reconsideration, null, [ReturnBlock.ReconsiderationPending] },
        { CaseStage.Reconsideration, 5, [ReturnBlock.ReconsiderationPending, ReturnBlock.ReflectionPeriodRuns] },
        { CaseStage.Recovery, 12, [ReturnBlock.ReflectionPeriodRuns] },
        { CaseStage.Recovery, -40, [] },
        { CaseStage.Closed, -40, [ReturnBlock.CaseClosed] },
    };

    [Theory, MemberData(nameof(StageAndPeriod))]
    public void A_return_waits_for_identification_the_end_of_the_reflection_period_and_any_reconsideration(CaseStage stage, int? endsInDays,
        ReturnBlock[] expected)
    {
        var facts = new ReturnFacts(stage, Today, endsInDays is { } d ? Today.AddDays(d) : null, IsChild: false, LatestReturnAssessment: SafeReturn);

        Assert.Equal(expected, ReturnSafeguard.Blocks(facts));
        Assert.Equal(expected.Length, ReturnSafeguard.Reasons(facts).Count);
    }

    [Fact]
    public void Every_stage_has_a_row_so_a_new_stage_is_a_decision_not_an_accident()
    {
        Assert.Equal(Enum.GetValues<CaseStage>().Order(), StageAndPeriod().Select(row => (CaseStage)row[0]).Distinct().Order());
    }

    [Fact]
    public void The_reason_names_the_end_of_the_period_and_the_rule()
    {
        var facts = new ReturnFacts(CaseStage.NegativeDecision, Today, Today.AddDays(3), LatestReturnAssessment: SafeReturn);

        var reason = Assert.Single(ReturnSafeguard.Reasons(facts));

        Assert.Contains("13 Mar 2026", reason, StringComparison.Ordinal);
        Assert.Contains("L4", reason, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- L10, CH-PR-19: the risk assessment and the guardian

    /// <summary>Child or adult × the findings, in the order they were made → what blocks, once identification is complete and the period over.</summary>
    public static TheoryData<string, bool, RiskFinding[], ReturnBlock[]> Findings()
    {
        RiskFinding Owner(int day, bool risk, bool forReturn = true) => new(Noon.AddDays(day), forReturn, risk);
        RiskFinding Guardian(int day, bool risk, bool review = false) => new(Noon.AddDays(day), !review, risk, WithGuardian: true, IsReview: review);
        return new()
        {
            { "no assessment", false, [], [ReturnBlock.NoReturnRiskAssessment] },
            { "only one for a shelter placement", false, [Owner(-3, false, forReturn: false)], [ReturnBlock.NoReturnRiskAssessment] },
            { "an adult at risk: assessed, not blocked by CH-PR-19", false, [Owner(-3, true)], [] },
            { "a child, safe", true, [Owner(-3, false)], [] },
            { "a child, latest finds danger", true, [Owner(-5, false), Owner(-3, true)], [ReturnBlock.RiskToChild] },
            { "a child, the owner's later safe finding lifts the owner's own", true, [Owner(-5, true), Owner(-3, false)], [] },
            // The issue's case: the guardian found a risk; the owner's newer "low risk" does not lift it.
            { "guardian's risk, owner's newer safe finding", true, [Guardian(-5, true), Owner(-3, false)], [ReturnBlock.GuardianFindingStands] },
            { "guardian's risk, then a review with the guardian finds none", true,
                [Guardian(-5, true), Owner(-3, false), Guardian(-2, false, review: true)], [] },
            { "guardian's risk, then a safe return assessment by the guardian", true, [Guardian(-5, true), Guardian(-2, false)], [] },
            { "guardian found none, then found a risk on review", true, [Guardian(-5, false), Owner(-4, false), Guardian(-2, true, review: true)],
                [ReturnBlock.GuardianFindingStands] },
            { "guardian's risk with the latest assessment dangerous too", true, [Guardian(-5, true)],
                [ReturnBlock.RiskToChild, ReturnBlock.GuardianFindingStands] },
            { "the guardian rule is for children", false, [Guardian(-5, true), Owner(-3, false)], [] },
        };
    }

    [Theory, MemberData(nameof(Findings))]
    public void A_childs_return_stays_blocked_while_a_danger_found_with_the_guardian_stands(string row, bool child, RiskFinding[] findings,
        ReturnBlock[] expected)
    {
        var c = new Case { Reference = "C-TEST", OpenedByName = "Test", Stage = CaseStage.Recovery, ReflectionEndsOn = Today.AddDays(-1),
            AgeStatus = child ? AgeStatus.PresumedMinor : AgeStatus.ConfirmedAdult };

        var blocks = ReturnSafeguard.Blocks(ReturnFacts.Of(c, Today, findings.Reverse()));

        Assert.True(expected.SequenceEqual(blocks), $"{row}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", blocks)}]");
    }

    [Fact]
    public void A_plan_in_force_is_suspended_by_a_reconsideration_or_a_danger_but_not_by_closing_the_case()
    {
        Assert.Equal([ReturnBlock.ReconsiderationPending],
            ReturnSafeguard.Suspending(new ReturnFacts(CaseStage.Reconsideration, Today, LatestReturnAssessment: SafeReturn)));
        Assert.Equal([ReturnBlock.RiskToChild],
            ReturnSafeguard.Suspending(new ReturnFacts(CaseStage.Recovery, Today, IsChild: true, LatestReturnAssessment: DangerousReturn)));
        Assert.Empty(ReturnSafeguard.Suspending(new ReturnFacts(CaseStage.Closed, Today, LatestReturnAssessment: SafeReturn)));
        Assert.Empty(ReturnSafeguard.Suspending(new ReturnFacts(CaseStage.NegativeDecision, Today)));
    }

    // ---------------------------------------------------------------- L4: a conclusive decision before the period ends

    public static TheoryData<CaseStage, CaseTrigger, bool, string?, string?> EarlyDecisions() => new()
    {
        // stage, trigger, period running, early reason → the field refused (null: allowed)
        { CaseStage.Reflection, CaseTrigger.ConclusiveNegative, true, null, "earlyDecisionReason" },
        { CaseStage.Reflection, CaseTrigger.ConclusiveNegative, true, "  ", "earlyDecisionReason" },
        { CaseStage.Reflection, CaseTrigger.ConclusivePositive, true, null, "earlyDecisionReason" },
        { CaseStage.Reflection, CaseTrigger.ConclusiveNegative, true, "She asked for the decision now", null },
        { CaseStage.Reflection, CaseTrigger.ConclusiveNegative, true, new string('x', CaseLifecycle.MaxEarlyDecisionReasonLength + 1),
            "earlyDecisionReason" },
        { CaseStage.Reflection, CaseTrigger.ConclusivePositive, false, null, null },
        { CaseStage.Reconsideration, CaseTrigger.ConclusivePositive, true, null, "earlyDecisionReason" },
        { CaseStage.Reconsideration, CaseTrigger.ConclusivePositive, false, null, null },
        // Only the conclusive decision is early or not: the reasonable-grounds decision starts the period.
        { CaseStage.Reconsideration, CaseTrigger.ReasonableGroundsPositive, true, null, null },
    };

    [Theory, MemberData(nameof(EarlyDecisions))]
    public void A_conclusive_decision_while_the_reflection_period_runs_must_say_why(CaseStage stage, CaseTrigger trigger, bool running,
        string? early, string? refusedField)
    {
        var level = trigger is CaseTrigger.ConclusivePositive or CaseTrigger.ConclusiveNegative ? DecisionLevel.Conclusive : DecisionLevel.ReasonableGrounds;
        var facts = new CaseFacts(stage, NegativeDecisionLevel: stage == CaseStage.Reconsideration ? level : null, ReflectionRunning: running);

        var result = CaseLifecycle.Decide(facts, new CaseActor(true, true, true), new TransitionRequest(trigger, "Reasons", EarlyDecisionReason: early));

        Assert.Equal(refusedField is null, result.Allowed);
        Assert.Equal(refusedField, result.Field);
    }

    // ---------------------------------------------------------------- NRM-P3: a closed case

    /// <summary>What may still be done once a case is closed: only what winds work down, and withdrawing consent (V-05).</summary>
    private static readonly HashSet<CaseChange> AllowedWhileClosed =
    [
        CaseChange.DeclineHandover, CaseChange.DeclineService, CaseChange.CompleteService, CaseChange.RevokeService, CaseChange.EndPlacement,
        CaseChange.WithdrawConsent, CaseChange.UpdateSafetyAction, CaseChange.AcknowledgeGuardian,
    ];

    public static TheoryData<CaseChange> EveryChange() => [.. Enum.GetValues<CaseChange>()];

    [Theory, MemberData(nameof(EveryChange))]
    public void Nothing_is_proposed_accepted_or_recorded_on_a_closed_case(CaseChange change)
    {
        Assert.Equal(AllowedWhileClosed.Contains(change), ClosedCase.Allows(CaseStage.Closed, change));
        foreach (var open in Enum.GetValues<CaseStage>().Where(s => s != CaseStage.Closed))
        {
            Assert.True(ClosedCase.Allows(open, change), $"{change} refused in {open}");
        }
    }

    [Fact]
    public void Proposing_and_accepting_are_among_the_refused()
    {
        foreach (var change in new[] { CaseChange.ProposeService, CaseChange.AcceptService, CaseChange.RequestHandover, CaseChange.AcceptHandover,
                     CaseChange.Invite, CaseChange.Place, CaseChange.PlanReturn })
        {
            Assert.False(ClosedCase.Allows(change), change.ToString());
        }
    }

    // ---------------------------------------------------------------- R-TR-01: the person's status

    public static TheoryData<string, bool, bool, StatusChangeRequest, string?> StatusChanges()
    {
        const string why = "Confessed to being forced to carry the drugs; the prosecutor agrees";
        return new()
        {
            // row, presumed victim now, suspected offender now, request → field refused (null: recorded)
            { "suspect to presumed victim, with a reason", false, true, new(true, null, why), null },
            { "suspect to presumed victim, no reason", false, true, new(true, null, null), "reason" },
            { "suspect to presumed victim, blank reason", false, true, new(true, null, "   "), "reason" },
            { "nothing changes", false, true, new(false, true, why), "presumedVictim" },
            { "nothing asked", true, false, new(null, null, why), "presumedVictim" },
            { "removing the presumed-victim flag needs a reason", true, false, new(false, null, null), "reason" },
            { "removing the presumed-victim flag with a reason", true, false, new(false, null, why), null },
            { "removing the offender flag needs a reason", true, true, new(null, false, ""), "reason" },
            { "in the future", false, true, new(true, null, why, Noon.AddDays(1)), "effectiveAt" },
            { "before the last change", false, true, new(true, null, why, Noon.AddDays(-10)), "effectiveAt" },
            { "earlier today, during questioning", false, true, new(true, null, why, Noon.AddHours(-3)), null },
            { "a reason too long", false, true, new(true, null, new string('x', PersonStatus.MaxReasonLength + 1)), "reason" },
        };
    }

    [Theory, MemberData(nameof(StatusChanges))]
    public void A_change_of_status_says_why_and_when(string row, bool victim, bool offender, StatusChangeRequest request, string? refusedField)
    {
        var refusal = PersonStatus.Refusal(victim, offender, request, lastEffectiveAt: Noon.AddDays(-5), nowUtc: Noon);

        Assert.True(refusedField == refusal?.Field, $"{row}: expected {refusedField ?? "allowed"}, got {refusal?.Field ?? "allowed"}");
    }

    [Fact]
    public void Removing_the_presumed_victim_flag_is_named_as_taking_protection_away()
    {
        var refusal = PersonStatus.Refusal(true, false, new StatusChangeRequest(false, null, null), null, Noon);

        Assert.Contains("R-SYS-01", refusal!.Value.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false, ProceduralRole.NotFlagged)]
    [InlineData(false, true, ProceduralRole.Suspect)]
    [InlineData(true, false, ProceduralRole.PresumedVictim)]
    [InlineData(true, true, ProceduralRole.PresumedVictimAlsoSuspected)]
    public void The_two_flags_make_the_procedural_role(bool victim, bool offender, ProceduralRole role) =>
        Assert.Equal(role, PersonStatus.Role(victim, offender));

    [Fact]
    public void A_record_is_marked_as_taken_while_a_suspect_by_the_status_that_stood_when_it_was_taken()
    {
        CaseStatusChange Change(int day, bool victim, bool offender) => new()
        {
            EffectiveAt = Noon.AddDays(day), RecordedAt = Noon.AddDays(day + 1), PresumedVictim = victim, SuspectedOffender = offender,
            Reason = "r", RecordedByName = "Test",
        };
        // Opened as a suspect, presumed a victim (still suspected) on day 0 during questioning, recorded a day later.
        var history = new[] { Change(0, true, true), Change(-10, false, true) };

        Assert.True(PersonStatus.WasSuspectAt(history, Noon.AddDays(-20)), "before the first row, the screening's flags hold");
        Assert.True(PersonStatus.WasSuspectAt(history, Noon.AddDays(-10)));
        Assert.True(PersonStatus.WasSuspectAt(history, Noon.AddMinutes(-1)));
        Assert.False(PersonStatus.WasSuspectAt(history, Noon), "from the moment the change took effect, not when it was recorded");
        Assert.False(PersonStatus.WasSuspectAt(history, Noon.AddDays(3)));
        Assert.False(PersonStatus.WasSuspectAt([], Noon));
    }
}
