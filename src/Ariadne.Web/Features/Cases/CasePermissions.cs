using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Ariadne.Web.Features.Cases;

/// <summary>
/// What can be done with one case (§1.3 access matrix). Each is asked of <see cref="IAuthorizationService"/> with the
/// <see cref="LoadedCase"/> as resource, by the services before they change anything and by the case page before it
/// shows a form, so the page offers exactly what the API allows.
/// </summary>
public enum CaseOperation
{
    /// <summary>See the status of the case: the referrer follows what it referred (V-08).</summary>
    ReadStatus,
    /// <summary>See the de-personalised case: stage, dates, coded fields (V-02).</summary>
    Read,
    /// <summary>See the person's identity and every free-text field (V-02..V-05).</summary>
    ReadPersonalData,
    /// <summary>See and open the statements and documents (§6.6).</summary>
    ReadStatements,
    /// <summary>Take an identification decision: reasonable grounds, conclusive (L2, L5).</summary>
    Decide,
    /// <summary>Ask for a negative decision to be reconsidered (L6).</summary>
    RequestReconsideration,
    /// <summary>The other steps of the lifecycle: start the assessment, extend reflection, outcomes, reviews, close, reopen.</summary>
    WorkLifecycle,
    /// <summary>Name the case worker of the owning organisation.</summary>
    Assign,
    /// <summary>Ask another organisation to take the case over.</summary>
    HandOver,
    /// <summary>Accept or decline a handover addressed to the viewer's organisation.</summary>
    AcceptHandover,
    /// <summary>Bring another organisation into the case.</summary>
    InviteParticipant,
    /// <summary>Propose a support service (SVC-01..07) to a support organisation.</summary>
    ProposeService,
    /// <summary>As a support organisation: accept, decline or complete a service proposed to it, place the person in its shelter.</summary>
    ProvideService,
    /// <summary>Record a risk and security assessment (L3, L10, LE-D9).</summary>
    AssessRisk,
    /// <summary>Plan the person's return (L10).</summary>
    PlanReturn,
    /// <summary>Name the safety coordinator (R-SC-01).</summary>
    NameSafetyCoordinator,
    /// <summary>See the safety plan (R-SC-02).</summary>
    ReadSafetyPlan,
    /// <summary>Add and update safety plan actions (R-SC-02).</summary>
    KeepSafetyPlan,
    /// <summary>Arrange a meeting with the person (V-01, CH-PR-16).</summary>
    ArrangeMeeting,
    /// <summary>Record a statement or document on the case.</summary>
    RecordStatement,
    /// <summary>Record or withdraw the person's consent to share (V-02..V-05).</summary>
    RecordConsent,
    /// <summary>Record the child's appointed guardian (CH-PR-05).</summary>
    RecordGuardian,
    /// <summary>As the guardianship service: acknowledge the appointment.</summary>
    AcknowledgeGuardian,
    /// <summary>Record an age assessment: for anyone whose age is in doubt, not only a presumed child (CH-AGE-04).</summary>
    AssessAge,
    /// <summary>The child procedure: first interview, final disposition (§4).</summary>
    RecordChildWork,
    /// <summary>Record a change of the person's status: suspect to presumed victim, a flag set or removed (R-TR-01).</summary>
    ChangePersonStatus,
    /// <summary>Look for the same person in other cases (issue 12 item 6): the organisation that owns the case, and the coordinator.</summary>
    FindDuplicates,
}

/// <summary>
/// What, beyond the viewer's part in the case, decides a permission: the viewer's role and organisation, the person's
/// consents to the viewer's organisation, and whether the person is (presumed) a child.
/// </summary>
public sealed record PermissionFacts(
    bool Coordinator = false,
    bool DecisionRole = false,
    bool SupportWorker = false,
    bool GuardianRole = false,
    bool GuardianshipService = false,
    bool SafetyCoordinator = false,
    bool Child = false,
    bool ConsentToPersonalData = false,
    bool ConsentToStatements = false,
    bool HandoverAwaitsViewer = false);

/// <summary>
/// The case permission table: one pure function of the viewer's part in the case (null: none) and the facts. Every
/// service and page asks it through <see cref="CaseAuthorizationHandler"/>; <c>CasePermissionsTests</c> writes it out
/// again independently. The switch has no default arm, so a new operation does not compile until it is decided here.
/// </summary>
public static class CasePermissions
{
    public static bool Allows(ParticipantKind? part, CaseOperation operation, PermissionFacts facts)
    {
        var owner = part == ParticipantKind.Owner;
        // The guardian acts for a child only, and only a member holding the guardian's role (CH-PR-05, V-16).
        var guardian = part == ParticipantKind.Guardian && facts.Child && facts.GuardianRole;
        var works = part is not null and not ParticipantKind.Referrer;
        var personal = owner || guardian || (part is not null && facts.ConsentToPersonalData);
        var statements = owner || guardian || (part is not null && facts.ConsentToStatements);
        return operation switch
        {
            CaseOperation.ReadStatus => part is not null || facts.Coordinator,
            CaseOperation.Read => works || facts.Coordinator,
            CaseOperation.ReadPersonalData => personal,
            CaseOperation.ReadStatements => statements,
            CaseOperation.Decide => facts.DecisionRole && (owner || facts.Coordinator),
            CaseOperation.RequestReconsideration => part is ParticipantKind.Referrer or ParticipantKind.Support,
            CaseOperation.WorkLifecycle or CaseOperation.Assign or CaseOperation.InviteParticipant or CaseOperation.ProposeService
                or CaseOperation.PlanReturn or CaseOperation.NameSafetyCoordinator or CaseOperation.ChangePersonStatus => owner,
            // Only the owner hands over, and only the organisation it chose accepts: the coordinator oversees, it does not
            // take a case over on its own (issue 9 item 6).
            CaseOperation.HandOver => owner,
            CaseOperation.AcceptHandover => works && !owner && facts.HandoverAwaitsViewer,
            CaseOperation.ProvideService => works && facts.SupportWorker,
            CaseOperation.AssessRisk or CaseOperation.ArrangeMeeting => owner || part == ParticipantKind.Support || guardian,
            CaseOperation.ReadSafetyPlan => personal || (works && facts.SafetyCoordinator),
            CaseOperation.KeepSafetyPlan => owner || (works && facts.SafetyCoordinator),
            CaseOperation.RecordStatement => statements,
            CaseOperation.RecordConsent => owner || guardian,
            // Whether the person is a child is the case's state (409 for an adult, and the page shows the child section only
            // for a child); the child rule here is that a guardian acts for a child only.
            CaseOperation.RecordGuardian => owner || (works && facts.GuardianshipService),
            CaseOperation.AcknowledgeGuardian => guardian,
            CaseOperation.AssessAge => owner || guardian,
            CaseOperation.RecordChildWork => owner || guardian,
            // Two referrals of one person by different agencies must not become two cases the owners never compare; the
            // coordinator oversees every case and sees the pairs de-personalised. What each side sees of the other case is
            // decided per candidate (PersonDuplicates), not here.
            CaseOperation.FindDuplicates => owner || facts.Coordinator,
        };
    }
}

/// <summary>The operations as authorization requirements, asked as <c>authorization.AllowsAsync(user, loaded, CaseOperation.AssessRisk)</c>.</summary>
public static class CaseOperations
{
    private static readonly Dictionary<CaseOperation, OperationAuthorizationRequirement> Requirements =
        Enum.GetValues<CaseOperation>().ToDictionary(o => o, o => new OperationAuthorizationRequirement { Name = o.ToString() });

    public static OperationAuthorizationRequirement For(CaseOperation operation) => Requirements[operation];

    /// <summary>Asks the one permission decision for one operation on a loaded case.</summary>
    public static async Task<bool> AllowsAsync(this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user,
        LoadedCase loaded, CaseOperation operation) =>
        (await authorization.AuthorizeAsync(user, loaded, For(operation))).Succeeded;
}

/// <summary>
/// Decides a <see cref="CaseOperations"/> requirement on a <see cref="LoadedCase"/>: works out the viewer's part and facts
/// afresh from the signed-in user (never from what the caller computed) and asks <see cref="CasePermissions.Allows"/>.
/// </summary>
internal sealed class CaseAuthorizationHandler(Jurisdiction.JurisdictionSettings jurisdiction)
    : AuthorizationHandler<OperationAuthorizationRequirement, LoadedCase>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        LoadedCase resource)
    {
        if (Shared.Enums.Named<CaseOperation>(requirement.Name) is { } operation
            && CaseAccess.For(context.User, resource.Case, resource.Consents, jurisdiction.Current, resource.PendingHandoverTo) is var access
            && CasePermissions.Allows(access.Part, operation, access.Facts))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
