namespace Ariadne.Web.Features.Cases;

/// <summary>Every change that work on a case can make, named for the closed-case rule.</summary>
public enum CaseChange
{
    Assign,
    RequestHandover,
    AcceptHandover,
    DeclineHandover,
    Invite,
    ProposeService,
    AcceptService,
    DeclineService,
    CompleteService,
    RevokeService,
    Place,
    EndPlacement,
    RecordConsent,
    WithdrawConsent,
    AssessRisk,
    PlanReturn,
    NameSafetyCoordinator,
    AddSafetyAction,
    UpdateSafetyAction,
    ArrangeMeeting,
    AddStatement,
    RecordGuardian,
    AcknowledgeGuardian,
    AssessAge,
    RecordChildInterview,
    RecordDisposition,
    ChangePersonStatus,
}

/// <summary>
/// NRM-P3: a closed case takes no new work. Nothing is proposed (services, handovers, participants) or accepted on
/// it, nor recorded, until it is reopened; only what winds work down stays possible: declining, revoking or
/// completing a service, ending a placement, cancelling a safety action, and withdrawing consent, which the person may
/// do at any time (V-05). The page asks the same rule before showing a form.
/// </summary>
public static class ClosedCase
{
    /// <summary>Whether the change may still be made once the case is closed.</summary>
    public static bool Allows(CaseChange change) => change switch
    {
        CaseChange.DeclineHandover or CaseChange.DeclineService or CaseChange.CompleteService or CaseChange.RevokeService
            or CaseChange.EndPlacement or CaseChange.WithdrawConsent or CaseChange.UpdateSafetyAction
            or CaseChange.AcknowledgeGuardian => true,
        CaseChange.Assign or CaseChange.RequestHandover or CaseChange.AcceptHandover or CaseChange.Invite or CaseChange.ProposeService
            or CaseChange.AcceptService or CaseChange.Place or CaseChange.RecordConsent or CaseChange.AssessRisk or CaseChange.PlanReturn
            or CaseChange.NameSafetyCoordinator or CaseChange.AddSafetyAction or CaseChange.ArrangeMeeting or CaseChange.AddStatement
            or CaseChange.RecordGuardian or CaseChange.AssessAge or CaseChange.RecordChildInterview or CaseChange.RecordDisposition
            or CaseChange.ChangePersonStatus => false,
    };

    /// <summary>Whether the change may be made on a case in this stage.</summary>
    public static bool Allows(CaseStage stage, CaseChange change) => stage != CaseStage.Closed || Allows(change);

    /// <summary>The refusal (409) for a change a closed case does not take, or null.</summary>
    public static CaseError? Refusal(Case c, CaseChange change) => Allows(c.Stage, change)
        ? null
        : CaseError.Conflict("The case is closed: nothing new is proposed, accepted or recorded on it. Reopen it first (NRM-P3).");
}
