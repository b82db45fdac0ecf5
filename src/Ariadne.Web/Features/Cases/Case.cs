namespace Ariadne.Web.Features.Cases;

/// <summary>
/// A presumed trafficked person's case in the National Referral Mechanism (§3.4, §3.7). It always has a stage,
/// one owning organisation, and a next due date, so that no case is lost between agencies (NRM-P3).
/// Identity fields are personal data: only the owner, a child's guardian and organisations the person
/// consented to share with ever see them (<see cref="CaseAccess"/>).
/// </summary>
public sealed class Case
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>Quoted between agencies instead of the person's name ("C-2611-7KQ4MZ").</summary>
    public required string Reference { get; set; }
    public Guid? ReferralId { get; set; }
    public Guid? ReferringOrganisationId { get; set; }
    public DateTime OpenedAt { get; set; }
    public required string OpenedByName { get; set; }

    public CaseStage Stage { get; set; } = CaseStage.Intake;
    public DateTime StageChangedAt { get; set; }
    /// <summary>Where a closed case goes back to when reopened.</summary>
    public CaseStage? StageBeforeClosure { get; set; }

    public Guid OwnerOrganisationId { get; set; }
    /// <summary>The person in the owning organisation who works the case; empty means the coordinator must chase it.</summary>
    public Guid? OwnerUserId { get; set; }
    public string? OwnerName { get; set; }

    public DateTime? NextDueAt { get; set; }
    public string? NextDueWhat { get; set; }
    public DateTime LastActivityAt { get; set; }

    public DateTime DecisionTargetAt { get; set; }
    public DecisionResult? ReasonableGrounds { get; set; }
    public DateTime? ReasonableGroundsAt { get; set; }
    public DecisionResult? Conclusive { get; set; }
    public DateTime? ConclusiveAt { get; set; }
    /// <summary>Which negative decision is being reconsidered (or was last taken).</summary>
    public DecisionLevel? NegativeDecisionLevel { get; set; }
    public DateTime? ReconsiderationDueAt { get; set; }
    public DateOnly? ReviewDueOn { get; set; }

    public DateTime? ReflectionStartedAt { get; set; }
    public DateOnly? ReflectionMinimumEndsOn { get; set; }
    public DateOnly? ReflectionEndsOn { get; set; }

    public CaseClosureReason? ClosureReason { get; set; }
    public DateTime? ClosedAt { get; set; }

    // The person. Personal data: shown only under CaseAccess.SeesPersonalData.
    public string? PersonName { get; set; }
    public string? Gender { get; set; }
    public string? Nationality { get; set; }
    public string? Language { get; set; }
    public int? ApproximateAge { get; set; }
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>Not personal on its own: children follow other rules, so every viewer must know.</summary>
    public AgeStatus AgeStatus { get; set; } = AgeStatus.Unknown;
    /// <summary>Forms of exploitation (EXP codes separated by spaces), part of the de-personalised view.</summary>
    public string ExploitationForms { get; set; } = "";

    public Guid? GuardianOrganisationId { get; set; }
    public string? GuardianName { get; set; }
    public DateTime? GuardianAppointedAt { get; set; }
    public DateTime? GuardianAcknowledgedAt { get; set; }

    public Guid? SafetyCoordinatorUserId { get; set; }
    public string? SafetyCoordinatorName { get; set; }

    public string? ReturnOrganiser { get; set; }
    public DateTime? ReturnPlannedAt { get; set; }
    public string? ReturnPlannedByName { get; set; }
    public Guid? ReturnRiskAssessmentId { get; set; }
    /// <summary>
    /// Set when a planned return stopped being allowed (a reconsideration started, a risk was found: R-LEG-02, CH-PR-19).
    /// A suspended plan is not in force; only planning the return again, once nothing blocks it, puts one back.
    /// </summary>
    public DateTime? ReturnSuspendedAt { get; set; }
    /// <summary>The <see cref="ReturnBlock"/> codes that suspended the plan, separated by spaces.</summary>
    public string? ReturnSuspendedBecause { get; set; }

    /// <summary>
    /// R-IND-07, R-TR-01: the flags set on the screening travel onto the case; every later change is a
    /// <see cref="CaseStatusChange"/> with its reason, date and who recorded it.
    /// </summary>
    public bool PresumedVictim { get; set; }
    public bool SuspectedOffender { get; set; }

    /// <summary>CH-PR-17: who was consulted before the final disposition of a child's case (codes separated by spaces).</summary>
    public string? DispositionConsultedParties { get; set; }
    public string? DispositionSummary { get; set; }
    public DateTime? DispositionAt { get; set; }

    public List<CaseParticipant> Participants { get; set; } = [];
    public List<CaseOutcome> Outcomes { get; set; } = [];

    /// <summary>CH-AGE-01..03: a presumed minor is treated exactly as a child until an assessment says otherwise.</summary>
    public bool IsChild => IsMinor(AgeStatus);
    public static bool IsMinor(AgeStatus status) => status is AgeStatus.ConfirmedMinor or AgeStatus.PresumedMinor;
    public bool IsOpen => Stage != CaseStage.Closed;
    /// <summary>A plan is in force while it exists and was not suspended by a safeguard.</summary>
    public bool ReturnInForce => ReturnOrganiser is not null && ReturnSuspendedAt is null;
}

public enum CaseStage
{
    /// <summary>The referral was received and the case opened; a child needs a guardian before it moves on.</summary>
    Intake,
    /// <summary>The competent authority assesses whether there are reasonable grounds (L1-L2).</summary>
    Assessment,
    /// <summary>Positive reasonable-grounds decision: the reflection and recovery period runs (L3-L5).</summary>
    Reflection,
    /// <summary>A negative decision stands; it can be reconsidered or the case closed.</summary>
    NegativeDecision,
    /// <summary>The referring or a support organisation asked for a negative decision to be looked at again.</summary>
    Reconsideration,
    /// <summary>Positive conclusive decision: assistance, outcomes, (re)integration (L6-L11).</summary>
    Recovery,
    Closed,
}

public enum DecisionResult
{
    Positive,
    Negative,
}

public enum DecisionLevel
{
    ReasonableGrounds,
    Conclusive,
}

public enum AgeStatus
{
    Unknown,
    PresumedMinor,
    ConfirmedMinor,
    ConfirmedAdult,
}

public enum CaseClosureReason
{
    /// <summary>The outcomes are reached and support has ended.</summary>
    OutcomesAchieved,
    /// <summary>A negative decision was not reconsidered, or was upheld.</summary>
    NegativeDecisionFinal,
    /// <summary>The person chose to end contact (QP-04: decisions are respected).</summary>
    PersonWithdrew,
    /// <summary>Nobody can reach the person: the police are told, the case stays findable and can reopen.</summary>
    PersonMissing,
    /// <summary>Returned or moved abroad; the origin-country partner took over.</summary>
    TransferredAbroad,
    Duplicate,
}

/// <summary>An organisation that takes part in a case; what it sees depends on its part and on consent.</summary>
public sealed class CaseParticipant
{
    public Guid CaseId { get; set; }
    public Guid OrganisationId { get; set; }
    public ParticipantKind Kind { get; set; }
    public DateTime AddedAt { get; set; }
}

public enum ParticipantKind
{
    Owner,
    /// <summary>Referred the person: sees the status of its referral, never the content (V-08).</summary>
    Referrer,
    /// <summary>The child's guardianship service: sees the child's case (matrix §1.3).</summary>
    Guardian,
    /// <summary>A support organisation a service was proposed to.</summary>
    Support,
    /// <summary>Invited by the owner (prosecution, another unit): sees personal data only with consent.</summary>
    Invited,
    /// <summary>A handover to it is pending: it sees the de-personalised case until it accepts.</summary>
    HandoverReceiver,
    /// <summary>Was the owner before a handover: keeps the de-personalised view of a case it worked on.</summary>
    FormerOwner,
}

/// <summary>One of the outcomes after the reflection period (§3.5); several may hold at once.</summary>
public sealed class CaseOutcome
{
    public Guid CaseId { get; set; }
    public required string Code { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedByName { get; set; }
}

/// <summary>
/// One line of the case's history: every transition with who, when and why. The summary is composed by
/// Ariadne from codes and organisation names and never holds personal data, so any participant may read it;
/// the detail is what a person typed (a reason) and is shown only to those who see personal data.
/// </summary>
public sealed class CaseEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public DateTime At { get; set; }
    public required string Kind { get; set; }
    public required string Summary { get; set; }
    public string? Detail { get; set; }
    public required string ActorName { get; set; }
    public Guid? ActorOrganisationId { get; set; }
    public CaseStage? FromStage { get; set; }
    public CaseStage? ToStage { get; set; }
}

/// <summary>A case handed to another organisation: it stays with the sender until the receiver accepts (NRM-P3).</summary>
public sealed class CaseHandover
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid FromOrganisationId { get; set; }
    public Guid ToOrganisationId { get; set; }
    public required string Reason { get; set; }
    public DateTime RequestedAt { get; set; }
    public required string RequestedByName { get; set; }
    public HandoverStatus Status { get; set; } = HandoverStatus.Pending;
    public DateTime? RespondedAt { get; set; }
    public string? RespondedByName { get; set; }
    public string? DeclineReason { get; set; }
}

public enum HandoverStatus
{
    Pending,
    Accepted,
    Declined,
    Withdrawn,
}
