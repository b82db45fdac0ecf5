using Ariadne.Web.Features.Shared;

namespace Ariadne.Web.Features.Cases;

public sealed record OpenCaseRequest(Guid ReferralId);
public sealed record TransitionBody(string? Trigger, string? Reason = null, string? ClosureReason = null, int? ExtensionDays = null,
    string? Outcome = null, string? EarlyDecisionReason = null)
{
    /// <summary>The step as the lifecycle takes it, or the field that names no step or closure reason (API and page alike).</summary>
    public CaseResult<TransitionRequest> ToRequest()
    {
        if (Enums.Named<CaseTrigger>(Trigger) is not { } trigger)
        {
            return CaseError.Invalid("trigger", "Choose the next step. Steps are: " + string.Join(", ", Enum.GetNames<CaseTrigger>()) + ".");
        }
        CaseClosureReason? closure = null;
        if (ClosureReason is not null)
        {
            if (Enums.Named<CaseClosureReason>(ClosureReason) is not { } c)
            {
                return CaseError.Invalid("closureReason", "Closure reasons are: " + string.Join(", ", Enum.GetNames<CaseClosureReason>()) + ".");
            }
            closure = c;
        }
        return new TransitionRequest(trigger, Reason, closure, ExtensionDays, Outcome, EarlyDecisionReason);
    }
}
public sealed record AssignRequest(Guid? UserId);
public sealed record HandoverRequest(Guid ToOrganisationId, string? Reason);
public sealed record HandoverResponseBody(bool Accept, string? Reason = null);
public sealed record InviteRequest(Guid OrganisationId);

/// <summary>The person, present only for viewers who see personal data.</summary>
public sealed record PersonResponse(string? Name, string? Gender, string? Nationality, string? Language, int? ApproximateAge,
    DateOnly? DateOfBirth);

/// <summary>
/// A case as one viewer may see it. The de-personalised part (stage, dates, forms of exploitation, age group)
/// is always there; <see cref="Person"/> only with personal access. Shelter addresses are never part of a
/// case response: only the shelter's own organisation reads them, from its shelter list.
/// </summary>
public sealed record CaseResponse(
    Guid Id,
    string Reference,
    string View,
    string Stage,
    DateTime OpenedAt,
    string OwnerOrganisation,
    string? OwnerName,
    DateTime? NextDueAt,
    string? NextDueWhat,
    bool Overdue,
    bool Stale,
    DateTime LastActivityAt,
    bool Child,
    string AgeStatus,
    string[] ExploitationForms,
    string? ReasonableGrounds,
    DateTime? ReasonableGroundsAt,
    string? Conclusive,
    DateTime? ConclusiveAt,
    DateOnly? ReflectionMinimumEndsOn,
    DateOnly? ReflectionEndsOn,
    string[] Outcomes,
    string? ClosureReason,
    string? GuardianOrganisation,
    string? GuardianName,
    DateTime? GuardianAcknowledgedAt,
    string? SafetyCoordinatorName,
    string? ReturnOrganiser,
    PersonResponse? Person,
    string[] NextSteps,
    ReturnStatusResponse? Return = null,
    PersonStatusResponse? Status = null);

/// <summary>
/// The return as the safeguard sees it (R-LEG-02, L4, CH-PR-19): whether a plan is in force or suspended, and every
/// reason a return is blocked now, in words composed by Ariadne (never typed text), for the API and the case page.
/// </summary>
public sealed record ReturnStatusResponse(string? Organiser, bool InForce, bool Suspended, string[] SuspendedBecause, string[] BlockedBecause);

/// <summary>The person's flags on the case (R-IND-07, R-TR-01) and the procedural role they make.</summary>
public sealed record PersonStatusResponse(bool PresumedVictim, bool SuspectedOffender, string Role);

public sealed record CaseSummary(Guid Id, string Reference, string Stage, string OwnerOrganisation, string? OwnerName,
    DateTime? NextDueAt, string? NextDueWhat, bool Overdue, bool Stale, bool Child, DateTime LastActivityAt, string Part);

/// <summary>A case as the organisation that referred the person may follow it: reference and stage.</summary>
public sealed record ReferredCase(Guid Id, string Reference, CaseStage Stage);

public sealed record TimelineEntry(DateTime At, string Kind, string Summary, string? Detail, string Actor, string? Organisation);

public sealed record HandoverSummary(Guid Id, Guid CaseId, string CaseReference, string From, Guid FromOrganisationId, string To,
    Guid ToOrganisationId, DateTime RequestedAt,
    string? RequestedBy, string Status, string? Reason);

/// <summary>
/// What the national coordinator must chase (NRM-P3). <c>GuardianNotAcknowledged</c>: children whose guardian was
/// recorded but whose guardianship service has not confirmed it has the case (CH-PR-05).
/// </summary>
public sealed record CoordinatorDashboard(
    IReadOnlyList<CaseSummary> OverdueDecisions,
    IReadOnlyList<CaseSummary> WithoutOwner,
    IReadOnlyList<CaseSummary> Stale,
    IReadOnlyList<HandoverSummary> PendingHandovers,
    IReadOnlyDictionary<string, int> OpenByStage,
    int OverdueCount,
    int WithoutOwnerCount,
    int StaleCount,
    IReadOnlyList<CaseSummary> GuardianNotAcknowledged,
    IReadOnlyList<UnopenedReferral>? UnopenedReferrals = null,
    int UnopenedReferralCount = 0);

/// <summary>
/// NRM-P3: a referral to a specialised unit from which no case was opened yet, with the date by which one should be
/// (<see cref="CaseDeadlines.ReferralOpenDue"/>). Codes and organisations only: the coordinator sees no personal data.
/// </summary>
public sealed record UnopenedReferral(Guid Id, string Reference, string FromOrganisation, string ToOrganisation, DateTime ReferredAt,
    DateTime DueAt, bool Overdue, bool Child, bool ImmediateDanger);

public sealed record HandoverResponse(Guid Id, Guid CaseId, Guid FromOrganisationId, Guid ToOrganisationId, DateTime RequestedAt,
    string Status, DateTime? RespondedAt);
