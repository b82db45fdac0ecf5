namespace Ariadne.Web.Features.Cases;

/// <summary>Everything that moves a case, or records a step in its stage.</summary>
public enum CaseTrigger
{
    StartAssessment,
    ReasonableGroundsPositive,
    ReasonableGroundsNegative,
    ExtendReflection,
    ConclusivePositive,
    ConclusiveNegative,
    RequestReconsideration,
    RecordOutcome,
    Review,
    Close,
    Reopen,
}

/// <summary>What the lifecycle needs to know about the case, taken from it at the moment of the request.</summary>
public sealed record CaseFacts(
    CaseStage Stage,
    bool IsChild = false,
    bool HasGuardian = false,
    bool HasOutcome = false,
    bool HasFinalDisposition = false,
    DecisionLevel? NegativeDecisionLevel = null,
    CaseStage? StageBeforeClosure = null,
    bool ReflectionRunning = false)
{
    public static CaseFacts Of(Case c, DateOnly today) => new(c.Stage, c.IsChild, c.GuardianOrganisationId is not null,
        c.Outcomes.Count > 0, c.DispositionAt is not null, c.NegativeDecisionLevel, c.StageBeforeClosure,
        c.ReflectionEndsOn is { } end && end >= today);
}

/// <summary>What the person asking may do on this case (worked out by <see cref="CaseAccess"/>).</summary>
public sealed record CaseActor(bool WorksCase, bool MayDecide, bool MayRequestReconsideration);

/// <summary>A step asked for; <c>EarlyDecisionReason</c> says why a conclusive decision is taken while the reflection period runs (L4).</summary>
public sealed record TransitionRequest(CaseTrigger Trigger, string? Reason = null, CaseClosureReason? ClosureReason = null,
    int? ExtensionDays = null, string? OutcomeCode = null, string? EarlyDecisionReason = null);

/// <summary>The answer: the stage the case moves to, or why not, in words a case worker understands.</summary>
public sealed record TransitionResult(bool Allowed, CaseStage To, string? Refusal, string? Field = null, bool NotYourPart = false)
{
    public static TransitionResult MoveTo(CaseStage stage) => new(true, stage, null);
    public static TransitionResult Refuse(CaseStage stays, string why, string? field = null) => new(false, stays, why, field);
    /// <summary>Refused because of who is asking, not because of the case.</summary>
    public static TransitionResult Deny(CaseStage stays, string why) => new(false, stays, why, NotYourPart: true);
}

/// <summary>
/// The case lifecycle (§3.4 L1-L12) as an explicit state machine in plain C#: one table of which trigger is
/// allowed in which stage, then the guards (who may, what must be recorded first). Nothing here touches the
/// database or the clock, so every allowed and every refused transition is unit-tested.
/// </summary>
public static class CaseLifecycle
{
    public const int MaxExtensionDays = 365;
    /// <summary>The early-decision reason is kept as a timeline entry's detail, which holds this many characters.</summary>
    public const int MaxEarlyDecisionReasonLength = 2000;

    /// <summary>The stage each trigger leads to, from each stage where it is allowed at all.</summary>
    private static readonly Dictionary<(CaseStage, CaseTrigger), CaseStage> Table = new()
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

        // A reconsidered decision is taken again at the level it was first taken.
        [(CaseStage.Reconsideration, CaseTrigger.ReasonableGroundsPositive)] = CaseStage.Reflection,
        [(CaseStage.Reconsideration, CaseTrigger.ReasonableGroundsNegative)] = CaseStage.NegativeDecision,
        [(CaseStage.Reconsideration, CaseTrigger.ConclusivePositive)] = CaseStage.Recovery,
        [(CaseStage.Reconsideration, CaseTrigger.ConclusiveNegative)] = CaseStage.NegativeDecision,

        [(CaseStage.Recovery, CaseTrigger.ExtendReflection)] = CaseStage.Recovery,
        [(CaseStage.Recovery, CaseTrigger.RecordOutcome)] = CaseStage.Recovery,
        [(CaseStage.Recovery, CaseTrigger.Review)] = CaseStage.Recovery,
        [(CaseStage.Recovery, CaseTrigger.Close)] = CaseStage.Closed,
    };

    /// <summary>Triggers that are decisions of the competent authority, not case work.</summary>
    public static bool IsDecision(CaseTrigger t) => t is CaseTrigger.ReasonableGroundsPositive or CaseTrigger.ReasonableGroundsNegative
        or CaseTrigger.ConclusivePositive or CaseTrigger.ConclusiveNegative;

    /// <summary>Triggers that exist in a stage, before the guards: the next steps a page offers.</summary>
    public static IReadOnlyList<CaseTrigger> Offered(CaseStage stage) => stage == CaseStage.Closed
        ? [CaseTrigger.Reopen]
        : Table.Keys.Where(k => k.Item1 == stage).Select(k => k.Item2).Distinct().ToList();

    /// <summary>As <see cref="Offered(CaseStage)"/>, with a reconsideration offering only the decision being reconsidered.</summary>
    public static IReadOnlyList<CaseTrigger> Offered(CaseFacts facts) => Offered(facts.Stage)
        .Where(t => facts.Stage != CaseStage.Reconsideration || facts.NegativeDecisionLevel is not { } level
                    || (level == DecisionLevel.ReasonableGrounds) == t is CaseTrigger.ReasonableGroundsPositive or CaseTrigger.ReasonableGroundsNegative)
        .ToList();

    public static TransitionResult Decide(CaseFacts facts, CaseActor actor, TransitionRequest request)
    {
        var stage = facts.Stage;
        var trigger = request.Trigger;

        if (trigger == CaseTrigger.Reopen)
        {
            if (stage != CaseStage.Closed)
            {
                return TransitionResult.Refuse(stage, "Only a closed case can be reopened.");
            }
            if (!actor.WorksCase)
            {
                return TransitionResult.Deny(stage, "Only the organisation that owns the case can reopen it.");
            }
            return Blank(request.Reason)
                ? TransitionResult.Refuse(stage, "Say why the case is reopened.", "reason")
                : TransitionResult.MoveTo(facts.StageBeforeClosure ?? CaseStage.Assessment);
        }

        if (!Table.TryGetValue((stage, trigger), out var to))
        {
            return TransitionResult.Refuse(stage, NotInStage(stage, trigger));
        }

        // Who may ask.
        if (IsDecision(trigger))
        {
            if (!actor.MayDecide)
            {
                return TransitionResult.Deny(stage, "Identification decisions are taken by the competent authority: " +
                                                      "your role cannot record this decision.");
            }
        }
        else if (trigger == CaseTrigger.RequestReconsideration)
        {
            if (!actor.MayRequestReconsideration)
            {
                return TransitionResult.Deny(stage, "Reconsideration is requested by the referring organisation or a support " +
                                                      "organisation working with the person.");
            }
        }
        else if (!actor.WorksCase)
        {
            return TransitionResult.Deny(stage, "Only the organisation that owns the case can do this.");
        }

        // A reconsidered decision is taken again at the level that was negative.
        if (stage == CaseStage.Reconsideration)
        {
            var level = trigger is CaseTrigger.ReasonableGroundsPositive or CaseTrigger.ReasonableGroundsNegative
                ? DecisionLevel.ReasonableGrounds
                : DecisionLevel.Conclusive;
            if (facts.NegativeDecisionLevel is { } reconsidered && reconsidered != level)
            {
                return TransitionResult.Refuse(stage, reconsidered == DecisionLevel.ReasonableGrounds
                    ? "The reconsideration concerns the reasonable-grounds decision: take that decision again."
                    : "The reconsideration concerns the conclusive decision: take that decision again.");
            }
        }

        // Children (CH-PR-02, CH-PR-05): nobody moves a child's case on before a guardian is recorded.
        if (stage == CaseStage.Intake && facts.IsChild && !facts.HasGuardian)
        {
            return TransitionResult.Refuse(stage, "This is a child's case (or the person is presumed to be a child): record " +
                                                  "the appointed guardian before the case leaves intake.", "guardian");
        }

        switch (trigger)
        {
            case CaseTrigger.ReasonableGroundsPositive or CaseTrigger.ReasonableGroundsNegative
                or CaseTrigger.ConclusivePositive or CaseTrigger.ConclusiveNegative:
                if (Blank(request.Reason))
                {
                    return TransitionResult.Refuse(stage, "Give the reasons for the decision: they are shown to the person's " +
                                                          "representatives and used if it is reconsidered.", "reason");
                }
                // L4, R-LEG-02: deciding before the reflection period ends is an exception that must be explained; the period
                // itself keeps its end date, so no return can follow before it ends (ReturnSafeguard).
                if (trigger is CaseTrigger.ConclusivePositive or CaseTrigger.ConclusiveNegative && facts.ReflectionRunning
                    && Blank(request.EarlyDecisionReason))
                {
                    return TransitionResult.Refuse(stage, "The reflection and recovery period is still running: say why the conclusive " +
                                                          "decision is taken before it ends. The period is not shortened by it.",
                        "earlyDecisionReason");
                }
                if (request.EarlyDecisionReason is { Length: > MaxEarlyDecisionReasonLength })
                {
                    return TransitionResult.Refuse(stage, $"Say why the decision comes early in at most {MaxEarlyDecisionReasonLength} characters.",
                        "earlyDecisionReason");
                }
                break;
            case CaseTrigger.ExtendReflection:
                if (stage != CaseStage.Reflection && !facts.ReflectionRunning)
                {
                    return TransitionResult.Refuse(stage, "The reflection and recovery period has ended; it can only be extended " +
                                                          "while it runs.");
                }
                if (request.ExtensionDays is not (>= 1 and <= MaxExtensionDays))
                {
                    return TransitionResult.Refuse(stage, $"Extend by 1 to {MaxExtensionDays} days.", "extensionDays");
                }
                if (Blank(request.Reason))
                {
                    return TransitionResult.Refuse(stage, "Say why the period is extended.", "reason");
                }
                break;
            case CaseTrigger.RequestReconsideration or CaseTrigger.Review:
                if (Blank(request.Reason))
                {
                    return TransitionResult.Refuse(stage, trigger == CaseTrigger.Review
                        ? "Write what the review found."
                        : "Say why the decision should be reconsidered (new information, a procedural error).", "reason");
                }
                break;
            case CaseTrigger.RecordOutcome:
                if (Blank(request.OutcomeCode))
                {
                    return TransitionResult.Refuse(stage, "Choose the outcome to record.", "outcome");
                }
                break;
            case CaseTrigger.Close:
                if (request.ClosureReason is not { } reason)
                {
                    return TransitionResult.Refuse(stage, "Choose why the case is closed.", "closureReason");
                }
                if (Blank(request.Reason))
                {
                    return TransitionResult.Refuse(stage, "Add a note on the closure: the next person to reopen it will need it.", "reason");
                }
                if (reason == CaseClosureReason.OutcomesAchieved && !(stage == CaseStage.Recovery && facts.HasOutcome))
                {
                    return TransitionResult.Refuse(stage, "'Outcomes achieved' needs a positive conclusive decision and at least one " +
                                                          "recorded outcome.", "closureReason");
                }
                if (reason == CaseClosureReason.NegativeDecisionFinal && stage != CaseStage.NegativeDecision)
                {
                    return TransitionResult.Refuse(stage, "There is no negative decision to close the case on.", "closureReason");
                }
                if (stage == CaseStage.Reflection && reason is not (CaseClosureReason.PersonWithdrew or CaseClosureReason.PersonMissing
                        or CaseClosureReason.Duplicate or CaseClosureReason.TransferredAbroad))
                {
                    return TransitionResult.Refuse(stage, "During the reflection period a case closes only if the person withdrew, " +
                                                          "is missing, moved abroad, or it is a duplicate.", "closureReason");
                }
                if (facts.IsChild && !facts.HasFinalDisposition && reason != CaseClosureReason.Duplicate)
                {
                    return TransitionResult.Refuse(stage, "A child's case closes only after the final disposition, with the parties " +
                                                          "consulted recorded (CH-PR-17).", "disposition");
                }
                break;
            case CaseTrigger.StartAssessment:
                break;
            case CaseTrigger.Reopen:
            default:
                throw new ArgumentOutOfRangeException(nameof(request), trigger, null);
        }
        return TransitionResult.MoveTo(to);
    }

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);

    private static string NotInStage(CaseStage stage, CaseTrigger trigger) => (stage, trigger) switch
    {
        (CaseStage.Closed, _) => "The case is closed: reopen it first.",
        (CaseStage.Intake, _) when IsDecision(trigger) => "Start the assessment before recording a decision.",
        (_, CaseTrigger.ConclusivePositive or CaseTrigger.ConclusiveNegative) =>
            "A conclusive decision follows a positive reasonable-grounds decision, during the reflection period.",
        (_, CaseTrigger.ReasonableGroundsPositive or CaseTrigger.ReasonableGroundsNegative) =>
            "The reasonable-grounds decision is taken once, during assessment, or again when it is reconsidered.",
        (_, CaseTrigger.RequestReconsideration) => "Only a negative decision can be reconsidered.",
        (CaseStage.Reconsideration, CaseTrigger.Close) => "A reconsideration is pending: take the decision again before closing.",
        (_, CaseTrigger.ExtendReflection) => "The reflection period has not started: it starts with a positive reasonable-grounds decision.",
        (_, CaseTrigger.RecordOutcome) => "Outcomes are recorded after the conclusive decision.",
        (_, CaseTrigger.StartAssessment) => "The assessment has already started.",
        _ => $"'{Words(trigger)}' is not possible while the case is in {Words(stage)}.",
    };

    public static string Words(CaseStage stage) => stage switch
    {
        CaseStage.Intake => "intake",
        CaseStage.Assessment => "assessment",
        CaseStage.Reflection => "the reflection and recovery period",
        CaseStage.NegativeDecision => "negative decision",
        CaseStage.Reconsideration => "reconsideration",
        CaseStage.Recovery => "assistance and recovery",
        CaseStage.Closed => "closed",
    };

    public static string Words(CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.StartAssessment => "Start the assessment",
        CaseTrigger.ReasonableGroundsPositive => "Positive reasonable-grounds decision",
        CaseTrigger.ReasonableGroundsNegative => "Negative reasonable-grounds decision",
        CaseTrigger.ExtendReflection => "Extend the reflection period",
        CaseTrigger.ConclusivePositive => "Positive conclusive decision",
        CaseTrigger.ConclusiveNegative => "Negative conclusive decision",
        CaseTrigger.RequestReconsideration => "Request reconsideration",
        CaseTrigger.RecordOutcome => "Record an outcome",
        CaseTrigger.Review => "Record a review",
        CaseTrigger.Close => "Close the case",
        CaseTrigger.Reopen => "Reopen the case",
    };
}
