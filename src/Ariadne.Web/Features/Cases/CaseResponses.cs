using Ariadne.Web.Features.Shared;

namespace Ariadne.Web.Features.Cases;

public sealed record OpenCaseRequest(Guid ReferralId);
public sealed record TransitionBody(string? Trigger, string? Reason = null, string? ClosureReason = null, int? ExtensionDays = null,
    string? Outcome = null)
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
        return new TransitionRequest(trigger, Reason, closure, ExtensionDays, Outcome);
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
    string[] NextSteps);

public sealed record CaseSummary(Guid Id, string Reference, string Stage, string OwnerOrganisation, string? OwnerName,
    DateTime? NextDueAt, string? NextDueWhat, bool Overdue, bool Stale, bool Child, DateTime LastActivityAt, string Part);

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
    IReadOnlyList<CaseSummary> GuardianNotAcknowledged);

public sealed record HandoverResponse(Guid Id, Guid CaseId, Guid FromOrganisationId, Guid ToOrganisationId, DateTime RequestedAt,
    string Status, DateTime? RespondedAt);
