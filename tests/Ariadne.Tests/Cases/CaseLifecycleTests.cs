using Ariadne.Web.Features.Cases;

namespace Ariadne.Tests.Cases;

/// <summary>
/// The case lifecycle as a pure state machine: every stage × every trigger against a table written out here,
/// independently of the production table, then every guard. No host, no database, no clock.
/// </summary>
public sealed class CaseLifecycleTests
{
    /// <summary>Which trigger is possible in which stage and where it leads (§3.4 L1-L12), written from the rules, not copied.</summary>
    private static readonly Dictionary<(CaseStage From, CaseTrigger Trigger), CaseStage> Allowed = new()
    {
        [(CaseStage.Intake, CaseTrigger.StartAssessment)] = CaseStage.Assessment,
        [(CaseStage.Intake, CaseTrigger.Close)] = CaseStage.Closed,

        [(CaseStage.Assessment, CaseTrigger.ReasonableGroundsPositive)] = CaseStage.Reflection,
        [(CaseStage.Assessment, CaseTrigger.ReasonableGroundsNegative)] = CaseStage.NegativeDecision,
        [(CaseStage.Assessment, CaseTrigger.Close)] = CaseStage.Closed,

        [(CaseStage.Reflection, CaseTrigger.ExtendReflection)] = CaseStage.Reflection,
        [(CaseStage.Reflection, CaseTrigger.ConclusivePositive)] = CaseStage.Recovery,
        [(CaseStage.Reflection, CaseTrigger.ConclusiveNegative)] = CaseStage.NegativeDecision,
        [(CaseStage.Reflection, CaseTrigger.Close)] = CaseStage.Closed,

        [(CaseStage.NegativeDecision, CaseTrigger.RequestReconsideration)] = CaseStage.Reconsideration,
        [(CaseStage.NegativeDecision, CaseTrigger.RecordOutcome)] = CaseStage.NegativeDecision,
        [(CaseStage.NegativeDecision, CaseTrigger.Review)] = CaseStage.NegativeDecision,
        [(CaseStage.NegativeDecision, CaseTrigger.ExtendReflection)] = CaseStage.NegativeDecision,
        [(CaseStage.NegativeDecision, CaseTrigger.Close)] = CaseStage.Closed,

        [(CaseStage.Reconsideration, CaseTrigger.ReasonableGroundsPositive)] = CaseStage.Reflection,
        [(CaseStage.Reconsideration, CaseTrigger.ReasonableGroundsNegative)] = CaseStage.NegativeDecision,
        [(CaseStage.Reconsideration, CaseTrigger.ConclusivePositive)] = CaseStage.Recovery,
        [(CaseStage.Reconsideration, CaseTrigger.ConclusiveNegative)] = CaseStage.NegativeDecision,

        [(CaseStage.Recovery, CaseTrigger.ExtendReflection)] = CaseStage.Recovery,
        [(CaseStage.Recovery, CaseTrigger.RecordOutcome)] = CaseStage.Recovery,
        [(CaseStage.Recovery, CaseTrigger.Review)] = CaseStage.Recovery,
        [(CaseStage.Recovery, CaseTrigger.Close)] = CaseStage.Closed,

        // Reopening goes back to the stage before closure; Recovery stands for "whatever that was" here.
        [(CaseStage.Closed, CaseTrigger.Reopen)] = CaseStage.Recovery,
    };

    private static readonly CaseStage[] Stages = Enum.GetValues<CaseStage>();
    private static readonly CaseTrigger[] Triggers = Enum.GetValues<CaseTrigger>();
    private static readonly CaseClosureReason[] ClosureReasons = Enum.GetValues<CaseClosureReason>();

    /// <summary>The stages a case can be closed from.</summary>
    private static readonly CaseStage[] Closable = Allowed.Keys.Where(k => k.Trigger == CaseTrigger.Close).Select(k => k.From).ToArray();

    private static readonly CaseActor Everything = new(WorksCase: true, MayDecide: true, MayRequestReconsideration: true);

    public static TheoryData<CaseStage, CaseTrigger> EveryPair()
    {
        var data = new TheoryData<CaseStage, CaseTrigger>();
        foreach (var stage in Stages)
        {
            foreach (var trigger in Triggers)
            {
                data.Add(stage, trigger);
            }
        }
        return data;
    }

    public static TheoryData<CaseStage, CaseTrigger> AllowedPairs(Func<CaseTrigger, bool> which)
    {
        var data = new TheoryData<CaseStage, CaseTrigger>();
        foreach (var (from, trigger) in Allowed.Keys.Where(k => which(k.Trigger)))
        {
            data.Add(from, trigger);
        }
        return data;
    }

    public static TheoryData<CaseStage, CaseTrigger> Decisions() => AllowedPairs(CaseLifecycle.IsDecision);

    /// <summary>Work on the case itself: everything except decisions and the request for reconsideration.</summary>
    public static TheoryData<CaseStage, CaseTrigger> CaseWork() =>
        AllowedPairs(t => !CaseLifecycle.IsDecision(t) && t != CaseTrigger.RequestReconsideration);

    public static TheoryData<CaseStage> ClosableStages() => new(Closable);

    // ---------------------------------------------------------------- the table

    [Theory, MemberData(nameof(EveryPair))]
    public void A_trigger_is_possible_exactly_in_the_stages_of_the_table_and_leads_to_the_stage_of_the_table(CaseStage stage,
        CaseTrigger trigger)
    {
        var result = CaseLifecycle.Decide(PermissiveFacts(stage, trigger), Everything, PermissiveRequest(stage, trigger));

        if (Allowed.TryGetValue((stage, trigger), out var to))
        {
            Assert.True(result.Allowed, $"{trigger} in {stage} refused: {result.Refusal}");
            Assert.Equal(to, result.To);
            Assert.Null(result.Refusal);
        }
        else
        {
            Assert.False(result.Allowed, $"{trigger} in {stage} was allowed, to {result.To}");
            Assert.Equal(stage, result.To);
            Assert.False(result.NotYourPart);
            Assert.Null(result.Field);
            // A readable sentence, not an enum name: the API puts it in the problem's detail.
            Assert.False(string.IsNullOrWhiteSpace(result.Refusal));
            Assert.EndsWith(".", result.Refusal, StringComparison.Ordinal);
            Assert.DoesNotContain(trigger.ToString(), result.Refusal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_steps_a_page_offers_in_each_stage_are_those_of_the_table()
    {
        foreach (var stage in Stages)
        {
            var expected = Allowed.Keys.Where(k => k.From == stage).Select(k => k.Trigger).Order().ToList();
            Assert.Equal(expected, CaseLifecycle.Offered(stage).Order().ToList());
        }
    }

    [Fact]
    public void A_closed_case_says_to_reopen_it_first_whatever_is_asked()
    {
        foreach (var trigger in Triggers.Where(t => t != CaseTrigger.Reopen))
        {
            var result = CaseLifecycle.Decide(new CaseFacts(CaseStage.Closed, StageBeforeClosure: CaseStage.Recovery), Everything,
                PermissiveRequest(CaseStage.Closed, trigger));
            Assert.False(result.Allowed);
            Assert.Equal(CaseStage.Closed, result.To);
            Assert.Contains("reopen", result.Refusal, StringComparison.OrdinalIgnoreCase);
        }
    }

    // ---------------------------------------------------------------- who may

    [Theory, MemberData(nameof(Decisions))]
    public void A_decision_needs_written_reasons(CaseStage stage, CaseTrigger trigger)
    {
        foreach (var reason in new[] { null, "", "   " })
        {
            var result = CaseLifecycle.Decide(PermissiveFacts(stage, trigger), Everything, new TransitionRequest(trigger, reason));
            Assert.False(result.Allowed);
            Assert.Equal(stage, result.To);
            Assert.Equal("reason", result.Field);
            Assert.Contains("reasons", result.Refusal, StringComparison.Ordinal);
        }
        Assert.True(CaseLifecycle.Decide(PermissiveFacts(stage, trigger), Everything, new TransitionRequest(trigger, "Indicators confirmed",
            EarlyDecisionReason: PermissiveEarlyReason)).Allowed);
    }

    [Theory, MemberData(nameof(Decisions))]
    public void Only_the_competent_authority_takes_a_decision_even_the_owner_of_the_case_cannot(CaseStage stage, CaseTrigger trigger)
    {
        var owner = new CaseActor(WorksCase: true, MayDecide: false, MayRequestReconsideration: true);

        var result = CaseLifecycle.Decide(PermissiveFacts(stage, trigger), owner, new TransitionRequest(trigger, "Reasons"));

        Assert.False(result.Allowed);
        Assert.True(result.NotYourPart);
        Assert.Null(result.Field);
        Assert.Equal(stage, result.To);
        Assert.Contains("competent authority", result.Refusal, StringComparison.Ordinal);
        // The authority itself need not own the case (the coordinator decides on a unit's case).
        var authority = new CaseActor(WorksCase: false, MayDecide: true, MayRequestReconsideration: false);
        Assert.True(CaseLifecycle.Decide(PermissiveFacts(stage, trigger), authority, new TransitionRequest(trigger, "Reasons",
            EarlyDecisionReason: PermissiveEarlyReason)).Allowed);
    }

    [Fact]
    public void Reconsideration_is_requested_by_the_referrer_or_a_support_organisation_not_by_the_owner_or_the_authority()
    {
        var facts = new CaseFacts(CaseStage.NegativeDecision, NegativeDecisionLevel: DecisionLevel.ReasonableGrounds);
        var request = new TransitionRequest(CaseTrigger.RequestReconsideration, "New information from the shelter");

        var byOwnerAndAuthority = CaseLifecycle.Decide(facts, new CaseActor(true, true, false), request);

        Assert.False(byOwnerAndAuthority.Allowed);
        Assert.True(byOwnerAndAuthority.NotYourPart);
        Assert.Equal(CaseStage.NegativeDecision, byOwnerAndAuthority.To);
        Assert.Contains("referring organisation", byOwnerAndAuthority.Refusal, StringComparison.Ordinal);

        var bySupport = CaseLifecycle.Decide(facts, new CaseActor(false, false, true), request);
        Assert.True(bySupport.Allowed);
        Assert.Equal(CaseStage.Reconsideration, bySupport.To);

        var withoutReason = CaseLifecycle.Decide(facts, new CaseActor(false, false, true),
            new TransitionRequest(CaseTrigger.RequestReconsideration, " "));
        Assert.False(withoutReason.Allowed);
        Assert.Equal("reason", withoutReason.Field);
    }

    [Theory, MemberData(nameof(CaseWork))]
    public void Work_on_the_case_is_done_by_the_owner_only_even_a_deciding_coordinator_cannot(CaseStage stage, CaseTrigger trigger)
    {
        foreach (var actor in new[] { new CaseActor(false, true, true), new CaseActor(false, false, true), new CaseActor(false, false, false) })
        {
            var result = CaseLifecycle.Decide(PermissiveFacts(stage, trigger), actor, PermissiveRequest(stage, trigger));

            Assert.False(result.Allowed, $"{trigger} in {stage} by {actor}");
            Assert.True(result.NotYourPart);
            Assert.Equal(stage, result.To);
            Assert.Contains("owns the case", result.Refusal, StringComparison.Ordinal);
        }
        Assert.True(CaseLifecycle.Decide(PermissiveFacts(stage, trigger), new CaseActor(true, false, false), PermissiveRequest(stage, trigger)).Allowed);
    }

    // ---------------------------------------------------------------- children

    [Fact]
    public void A_childs_case_does_not_leave_intake_until_a_guardian_is_recorded()
    {
        var child = new CaseFacts(CaseStage.Intake, IsChild: true, HasGuardian: false);

        foreach (var trigger in Triggers)
        {
            // A presumed child whose case is a duplicate still waits for the guardian: nothing leaves intake without one.
            var request = PermissiveRequest(CaseStage.Intake, trigger) with { ClosureReason = CaseClosureReason.Duplicate };
            var result = CaseLifecycle.Decide(child, Everything, request);

            Assert.False(result.Allowed, $"{trigger} left intake without a guardian");
            Assert.Equal(CaseStage.Intake, result.To);
            if (Allowed.ContainsKey((CaseStage.Intake, trigger)))
            {
                Assert.Equal("guardian", result.Field);
                Assert.Contains("guardian", result.Refusal, StringComparison.Ordinal);
            }
        }

        var withGuardian = child with { HasGuardian = true };
        Assert.Equal(CaseStage.Assessment,
            CaseLifecycle.Decide(withGuardian, Everything, new TransitionRequest(CaseTrigger.StartAssessment)).To);
        Assert.True(CaseLifecycle.Decide(withGuardian, Everything,
            new TransitionRequest(CaseTrigger.Close, "Same child as C-1", CaseClosureReason.Duplicate)).Allowed);
        // An adult needs no guardian.
        Assert.True(CaseLifecycle.Decide(new CaseFacts(CaseStage.Intake), Everything, new TransitionRequest(CaseTrigger.StartAssessment)).Allowed);
    }

    [Theory, MemberData(nameof(ClosableStages))]
    public void A_childs_case_closes_only_after_the_final_disposition_unless_it_is_a_duplicate(CaseStage stage)
    {
        var child = new CaseFacts(stage, IsChild: true, HasGuardian: true, HasOutcome: true, HasFinalDisposition: false);

        foreach (var reason in ClosureReasons.Where(r => ValidClosure(stage, r)))
        {
            var result = CaseLifecycle.Decide(child, Everything, new TransitionRequest(CaseTrigger.Close, "Note", reason));
            if (reason == CaseClosureReason.Duplicate)
            {
                Assert.True(result.Allowed, result.Refusal);
                Assert.Equal(CaseStage.Closed, result.To);
            }
            else
            {
                Assert.False(result.Allowed, $"child's case closed in {stage} as {reason} without disposition");
                Assert.Equal("disposition", result.Field);
                Assert.Equal(stage, result.To);
                Assert.Contains("CH-PR-17", result.Refusal, StringComparison.Ordinal);
            }
            var disposed = CaseLifecycle.Decide(child with { HasFinalDisposition = true }, Everything,
                new TransitionRequest(CaseTrigger.Close, "Note", reason));
            Assert.True(disposed.Allowed, disposed.Refusal);
        }
    }

    // ---------------------------------------------------------------- closing

    [Theory, MemberData(nameof(ClosableStages))]
    public void Closing_needs_a_reason_code_and_a_note(CaseStage stage)
    {
        var facts = PermissiveFacts(stage, CaseTrigger.Close);
        var valid = ClosureReasons.First(r => ValidClosure(stage, r));

        var noCode = CaseLifecycle.Decide(facts, Everything, new TransitionRequest(CaseTrigger.Close, "Note"));
        Assert.Equal(("closureReason", false, stage), (noCode.Field, noCode.Allowed, noCode.To));

        var noNote = CaseLifecycle.Decide(facts, Everything, new TransitionRequest(CaseTrigger.Close, "  ", valid));
        Assert.Equal(("reason", false, stage), (noNote.Field, noNote.Allowed, noNote.To));
    }

    [Theory, MemberData(nameof(ClosableStages))]
    public void Outcomes_achieved_needs_recovery_and_a_recorded_outcome(CaseStage stage)
    {
        foreach (var hasOutcome in new[] { false, true })
        {
            var result = CaseLifecycle.Decide(new CaseFacts(stage, HasOutcome: hasOutcome), Everything,
                new TransitionRequest(CaseTrigger.Close, "All done", CaseClosureReason.OutcomesAchieved));

            var expected = stage == CaseStage.Recovery && hasOutcome;
            Assert.True(expected == result.Allowed, $"OutcomesAchieved in {stage}, outcome {hasOutcome}: {result.Refusal}");
            if (!expected)
            {
                Assert.Equal("closureReason", result.Field);
                Assert.Equal(stage, result.To);
            }
        }
    }

    [Theory, MemberData(nameof(ClosableStages))]
    public void A_negative_decision_is_final_only_from_the_negative_decision_stage(CaseStage stage)
    {
        var result = CaseLifecycle.Decide(new CaseFacts(stage, HasOutcome: true), Everything,
            new TransitionRequest(CaseTrigger.Close, "Not reconsidered", CaseClosureReason.NegativeDecisionFinal));

        Assert.Equal(stage == CaseStage.NegativeDecision, result.Allowed);
        if (!result.Allowed)
        {
            Assert.Equal("closureReason", result.Field);
            Assert.Equal(stage, result.To);
        }
    }

    [Fact]
    public void During_the_reflection_period_a_case_closes_only_if_the_person_withdrew_is_missing_moved_abroad_or_it_is_a_duplicate()
    {
        var permitted = new[]
        {
            CaseClosureReason.PersonWithdrew, CaseClosureReason.PersonMissing, CaseClosureReason.Duplicate, CaseClosureReason.TransferredAbroad,
        };
        foreach (var reason in ClosureReasons)
        {
            var result = CaseLifecycle.Decide(new CaseFacts(CaseStage.Reflection, HasOutcome: true, ReflectionRunning: true), Everything,
                new TransitionRequest(CaseTrigger.Close, "Note", reason));

            Assert.True(permitted.Contains(reason) == result.Allowed, $"{reason}: {result.Refusal}");
            Assert.Equal(result.Allowed ? CaseStage.Closed : CaseStage.Reflection, result.To);
            if (!result.Allowed)
            {
                Assert.Equal("closureReason", result.Field);
            }
        }
    }

    [Fact]
    public void A_pending_reconsideration_cannot_be_closed_before_the_decision_is_taken_again()
    {
        foreach (var reason in ClosureReasons)
        {
            var result = CaseLifecycle.Decide(new CaseFacts(CaseStage.Reconsideration, NegativeDecisionLevel: DecisionLevel.Conclusive),
                Everything, new TransitionRequest(CaseTrigger.Close, "Note", reason));
            Assert.False(result.Allowed);
            Assert.Equal(CaseStage.Reconsideration, result.To);
            Assert.Contains("reconsideration is pending", result.Refusal, StringComparison.Ordinal);
        }
    }

    // ---------------------------------------------------------------- the reflection period

    [Theory]
    [InlineData(CaseStage.Reflection)]
    [InlineData(CaseStage.NegativeDecision)]
    [InlineData(CaseStage.Recovery)]
    public void An_extension_is_1_to_365_days_with_a_reason(CaseStage stage)
    {
        var facts = new CaseFacts(stage, ReflectionRunning: true);
        foreach (int? days in new int?[] { null, -1, 0, 366, 1000 })
        {
            var result = CaseLifecycle.Decide(facts, Everything, new TransitionRequest(CaseTrigger.ExtendReflection, "Needs more time", ExtensionDays: days));
            Assert.False(result.Allowed, $"{days} days allowed");
            Assert.Equal("extensionDays", result.Field);
            Assert.Equal(stage, result.To);
            Assert.Contains("1 to 365 days", result.Refusal, StringComparison.Ordinal);
        }
        foreach (var days in new[] { 1, 30, 365 })
        {
            var result = CaseLifecycle.Decide(facts, Everything, new TransitionRequest(CaseTrigger.ExtendReflection, "Needs more time", ExtensionDays: days));
            Assert.True(result.Allowed, $"{days} days: {result.Refusal}");
            Assert.Equal(stage, result.To);
        }
        var noReason = CaseLifecycle.Decide(facts, Everything, new TransitionRequest(CaseTrigger.ExtendReflection, null, ExtensionDays: 10));
        Assert.Equal(("reason", false), (noReason.Field, noReason.Allowed));
        Assert.Equal(365, CaseLifecycle.MaxExtensionDays);
    }

    [Theory]
    [InlineData(CaseStage.NegativeDecision)]
    [InlineData(CaseStage.Recovery)]
    public void After_the_reflection_stage_the_period_is_extended_only_while_it_still_runs(CaseStage stage)
    {
        var ended = CaseLifecycle.Decide(new CaseFacts(stage, ReflectionRunning: false), Everything,
            new TransitionRequest(CaseTrigger.ExtendReflection, "Needs more time", ExtensionDays: 10));

        Assert.False(ended.Allowed);
        Assert.Equal(stage, ended.To);
        Assert.Null(ended.Field);
        Assert.False(ended.NotYourPart);
        Assert.Contains("only be extended while it runs", ended.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_period_cannot_be_extended_before_it_started()
    {
        foreach (var stage in new[] { CaseStage.Intake, CaseStage.Assessment, CaseStage.Reconsideration })
        {
            var result = CaseLifecycle.Decide(new CaseFacts(stage, ReflectionRunning: true), Everything,
                new TransitionRequest(CaseTrigger.ExtendReflection, "Why", ExtensionDays: 5));
            Assert.False(result.Allowed);
            Assert.Equal(stage, result.To);
        }
        var assessment = CaseLifecycle.Decide(new CaseFacts(CaseStage.Assessment), Everything,
            new TransitionRequest(CaseTrigger.ExtendReflection, "Why", ExtensionDays: 5));
        Assert.Contains("has not started", assessment.Refusal, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- reopening and reconsideration

    [Theory, MemberData(nameof(ClosableStages))]
    public void Reopening_returns_the_case_to_the_stage_it_was_closed_in(CaseStage stage)
    {
        var result = CaseLifecycle.Decide(new CaseFacts(CaseStage.Closed, StageBeforeClosure: stage), Everything,
            new TransitionRequest(CaseTrigger.Reopen, "The person came back"));

        Assert.True(result.Allowed, result.Refusal);
        Assert.Equal(stage, result.To);
    }

    [Fact]
    public void Reopening_needs_the_owner_a_reason_and_a_closed_case()
    {
        var closed = new CaseFacts(CaseStage.Closed, StageBeforeClosure: CaseStage.Recovery);

        var noReason = CaseLifecycle.Decide(closed, Everything, new TransitionRequest(CaseTrigger.Reopen, ""));
        Assert.Equal(("reason", false, CaseStage.Closed), (noReason.Field, noReason.Allowed, noReason.To));

        var notOwner = CaseLifecycle.Decide(closed, new CaseActor(false, true, true), new TransitionRequest(CaseTrigger.Reopen, "Back"));
        Assert.True(notOwner.NotYourPart);
        Assert.False(notOwner.Allowed);
        Assert.Equal(CaseStage.Closed, notOwner.To);

        foreach (var open in Stages.Where(s => s != CaseStage.Closed))
        {
            var result = CaseLifecycle.Decide(new CaseFacts(open), Everything, new TransitionRequest(CaseTrigger.Reopen, "Back"));
            Assert.False(result.Allowed);
            Assert.Equal(open, result.To);
            Assert.Contains("Only a closed case", result.Refusal, StringComparison.Ordinal);
        }

        // A case closed before the stage was kept goes back to assessment rather than nowhere.
        Assert.Equal(CaseStage.Assessment,
            CaseLifecycle.Decide(new CaseFacts(CaseStage.Closed), Everything, new TransitionRequest(CaseTrigger.Reopen, "Back")).To);
    }

    [Theory]
    [InlineData(DecisionLevel.ReasonableGrounds, CaseTrigger.ConclusivePositive, "reasonable-grounds")]
    [InlineData(DecisionLevel.ReasonableGrounds, CaseTrigger.ConclusiveNegative, "reasonable-grounds")]
    [InlineData(DecisionLevel.Conclusive, CaseTrigger.ReasonableGroundsPositive, "conclusive")]
    [InlineData(DecisionLevel.Conclusive, CaseTrigger.ReasonableGroundsNegative, "conclusive")]
    public void A_reconsidered_decision_is_taken_again_at_the_level_that_was_negative(DecisionLevel level, CaseTrigger wrong, string named)
    {
        var facts = new CaseFacts(CaseStage.Reconsideration, NegativeDecisionLevel: level);

        var result = CaseLifecycle.Decide(facts, Everything, new TransitionRequest(wrong, "Reasons"));

        Assert.False(result.Allowed);
        Assert.False(result.NotYourPart);
        Assert.Null(result.Field);
        Assert.Equal(CaseStage.Reconsideration, result.To);
        Assert.Contains($"concerns the {named} decision", result.Refusal, StringComparison.Ordinal);

        var right = level == DecisionLevel.ReasonableGrounds
            ? (CaseTrigger.ReasonableGroundsPositive, CaseStage.Reflection)
            : (CaseTrigger.ConclusivePositive, CaseStage.Recovery);
        Assert.Equal(right.Item2, CaseLifecycle.Decide(facts, Everything, new TransitionRequest(right.Item1, "Reasons")).To);
    }

    // ---------------------------------------------------------------- properties over many combinations

    [Fact]
    public void Whatever_is_asked_a_refusal_never_moves_the_case_and_a_move_always_follows_the_table_and_the_guards()
    {
        var random = new Random(20261122);
        var closureReasons = ClosureReasons.Cast<CaseClosureReason?>().Append(null).ToArray();
        var levels = new DecisionLevel?[] { null, DecisionLevel.ReasonableGrounds, DecisionLevel.Conclusive };
        var stagesOrNull = Stages.Cast<CaseStage?>().Append(null).ToArray();
        var reasons = new[] { null, "", " ", "A reason" };
        var days = new int?[] { null, -3, 0, 1, 14, 365, 366 };
        var outcomes = new[] { null, "", "OUT-01" };
        T Pick<T>(IReadOnlyList<T> from) => from[random.Next(from.Count)];
        bool Coin() => random.Next(2) == 0;
        var moves = 0;

        for (var i = 0; i < 200_000; i++)
        {
            var facts = new CaseFacts(Pick(Stages), Coin(), Coin(), Coin(), Coin(), Pick(levels), Pick(stagesOrNull), Coin());
            var actor = new CaseActor(Coin(), Coin(), Coin());
            var request = new TransitionRequest(Pick(Triggers), Pick(reasons), Pick(closureReasons), Pick(days), Pick(outcomes), Pick(reasons));

            var result = CaseLifecycle.Decide(facts, actor, request);
            void Check(bool ok, string rule)
            {
                if (!ok)
                {
                    Assert.Fail($"{rule}: {request} on {facts} by {actor} gave {result}");
                }
            }

            if (!result.Allowed)
            {
                Check(result.To == facts.Stage, "a refusal moved the case");
                Check(!string.IsNullOrWhiteSpace(result.Refusal), "a refusal without a reason");
                Check(!(result.NotYourPart && result.Field is not null), "a refusal both of the caller and of the input");
                continue;
            }
            moves++;
            Check(Allowed.TryGetValue((facts.Stage, request.Trigger), out var expected), "moved outside the table");
            Check(result.To == (request.Trigger == CaseTrigger.Reopen ? facts.StageBeforeClosure ?? CaseStage.Assessment : expected),
                "moved to another stage than the table's");
            if (CaseLifecycle.IsDecision(request.Trigger))
            {
                Check(actor.MayDecide && !string.IsNullOrWhiteSpace(request.Reason), "a decision without authority or reasons");
            }
            else if (request.Trigger == CaseTrigger.RequestReconsideration)
            {
                Check(actor.MayRequestReconsideration && !string.IsNullOrWhiteSpace(request.Reason), "a reconsideration by whom may not");
            }
            else
            {
                Check(actor.WorksCase, "case work by a non-owner");
            }
            Check(facts is not { Stage: CaseStage.Intake, IsChild: true, HasGuardian: false }, "a child left intake without a guardian");
            if (request.Trigger == CaseTrigger.Close)
            {
                Check(request.ClosureReason is { } closure && ValidClosure(facts.Stage, closure) && !string.IsNullOrWhiteSpace(request.Reason),
                    "closed for a reason that does not fit the stage");
                Check(!facts.IsChild || facts.HasFinalDisposition || request.ClosureReason == CaseClosureReason.Duplicate,
                    "a child's case closed without disposition");
                Check(request.ClosureReason != CaseClosureReason.OutcomesAchieved || facts.HasOutcome, "outcomes achieved without an outcome");
            }
            if (request.Trigger == CaseTrigger.ExtendReflection)
            {
                Check(request.ExtensionDays is >= 1 and <= 365, "extended by days out of bounds");
                Check(facts.Stage == CaseStage.Reflection || facts.ReflectionRunning, "extended after the period ended");
            }
            if (request.Trigger == CaseTrigger.RecordOutcome)
            {
                Check(!string.IsNullOrWhiteSpace(request.OutcomeCode), "an outcome recorded without its code");
            }
            if (request.Trigger is CaseTrigger.ConclusivePositive or CaseTrigger.ConclusiveNegative && facts.ReflectionRunning)
            {
                Check(!string.IsNullOrWhiteSpace(request.EarlyDecisionReason), "a conclusive decision during the reflection period without saying why (L4)");
            }
            if (facts.Stage == CaseStage.Reconsideration && facts.NegativeDecisionLevel is { } level)
            {
                var conclusive = request.Trigger is CaseTrigger.ConclusivePositive or CaseTrigger.ConclusiveNegative;
                Check(level == DecisionLevel.Conclusive == conclusive, "reconsidered at the wrong level");
            }
        }
        // The sample must reach moves, not only refusals, for the checks above to mean something.
        Assert.True(moves > 1_000, $"only {moves} moves in the sample");
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Facts under which every guard passes for this trigger, so only the table decides.</summary>
    private static CaseFacts PermissiveFacts(CaseStage stage, CaseTrigger trigger) => new(stage,
        IsChild: false, HasGuardian: true, HasOutcome: true, HasFinalDisposition: true,
        NegativeDecisionLevel: trigger is CaseTrigger.ConclusivePositive or CaseTrigger.ConclusiveNegative
            ? DecisionLevel.Conclusive
            : DecisionLevel.ReasonableGrounds,
        StageBeforeClosure: CaseStage.Recovery, ReflectionRunning: true);

    /// <summary>The permissive facts have the reflection period running: a conclusive decision then says why it comes early (L4).</summary>
    private const string PermissiveEarlyReason = "The person asked for the decision before the period ends";

    /// <summary>A complete request: a reason, days, an outcome and a closure reason that fits the stage.</summary>
    private static TransitionRequest PermissiveRequest(CaseStage stage, CaseTrigger trigger) =>
        new(trigger, "Because", ClosureReasons.FirstOrDefault(r => ValidClosure(stage, r), CaseClosureReason.Duplicate), 10, "OUT-01",
            PermissiveEarlyReason);

    /// <summary>The closure reasons that fit a stage (for a case with an outcome recorded, an adult's).</summary>
    private static bool ValidClosure(CaseStage stage, CaseClosureReason reason) => reason switch
    {
        CaseClosureReason.OutcomesAchieved => stage == CaseStage.Recovery,
        CaseClosureReason.NegativeDecisionFinal => stage == CaseStage.NegativeDecision,
        CaseClosureReason.PersonWithdrew or CaseClosureReason.PersonMissing or CaseClosureReason.TransferredAbroad
            or CaseClosureReason.Duplicate => true,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
