using System.Security.Claims;
using Ariadne.Web.Features.Consent;
using Ariadne.Web.Features.Jurisdiction;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;

namespace Ariadne.Web.Features.Cases;

/// <summary>How much of a case a viewer sees (§1.3, V-02, V-08).</summary>
public enum CaseView
{
    None,
    /// <summary>The referring organisation: the stage and dates of what it referred, nothing else.</summary>
    StatusOnly,
    /// <summary>Stage, dates, forms of exploitation, age group, owner: no identity, no statements.</summary>
    Depersonalised,
    /// <summary>Identity and contact fields too.</summary>
    Personal,
}

/// <summary>
/// What one user may see and do on one case: their organisation's part in the case (<see cref="Part"/>) and the facts
/// about them and the person (<see cref="Facts"/>), with the answers of <see cref="CasePermissions"/> that the queries
/// and responses need. Worked out in one place; queries filter by participation first (two lines of defence).
/// </summary>
public sealed record CaseAccess(
    CaseView View,
    bool IsOwner,
    bool IsCoordinator,
    bool IsGuardian,
    bool IsSupport,
    bool SeesStatements,
    bool MayDecide,
    bool MayRequestReconsideration,
    Guid OrganisationId)
{
    public static readonly CaseAccess Nothing = new(CaseView.None, false, false, false, false, false, false, false, Guid.Empty);

    /// <summary>The viewer's organisation's part in the case; null when it has none (the coordinator's oversight).</summary>
    public ParticipantKind? Part { get; init; }
    public PermissionFacts Facts { get; init; } = new();
    /// <summary>The viewer's organisation is law enforcement or prosecution: never a shelter's name or a support organisation's venue (V-01).</summary>
    public bool IsLawEnforcement { get; init; }

    public bool SeesPersonalData => View == CaseView.Personal;
    public bool SeesCase => View >= CaseView.Depersonalised;
    public CaseActor Actor => new(Allows(CaseOperation.WorkLifecycle), MayDecide, MayRequestReconsideration);

    /// <summary>The permission table's answer for this viewer; the same answer the authorization handler gives.</summary>
    public bool Allows(CaseOperation operation) => CasePermissions.Allows(Part, operation, Facts);

    /// <summary>As the other overload, the parts taken from the case's participants.</summary>
    public static CaseAccess For(ClaimsPrincipal user, Case c, IEnumerable<ConsentRecord> consents, JurisdictionProfile profile,
        Guid? pendingHandoverTo = null) =>
        For(user, c, c.Participants.Where(p => p.OrganisationId == user.OrganisationId()).Select(p => p.Kind), consents, profile,
            pendingHandoverTo);

    /// <summary>
    /// Works out the access from the parts the user's organisation has in the case (<paramref name="kinds"/>; one row per
    /// organisation, the strongest counts) and the case's consents (only active ones to the user's organisation count).
    /// </summary>
    public static CaseAccess For(ClaimsPrincipal user, Case c, IEnumerable<ParticipantKind> kinds, IEnumerable<ConsentRecord> consents,
        JurisdictionProfile profile, Guid? pendingHandoverTo = null)
    {
        if (user.OrganisationId() is not { } org || !Policies.CaseRoles.Any(user.IsInRole))
        {
            return Nothing;
        }
        var part = kinds.Select(k => (ParticipantKind?)k).MaxBy(k => k is { } kind ? CaseService.Rank(kind) : -1);
        var active = consents.Where(x => x.IsActive && x.RecipientOrganisationId == org).Select(x => x.Purpose).ToHashSet();
        var facts = new PermissionFacts(
            Coordinator: user.IsInRole(Roles.Coordinator),
            DecisionRole: profile.DecisionRoles.Any(user.IsInRole),
            SupportWorker: user.IsInRole(Roles.SupportWorker),
            GuardianRole: user.IsInRole(Roles.Guardian),
            GuardianshipService: user.OrganisationType() == OrganisationType.Guardianship,
            SafetyCoordinator: c.SafetyCoordinatorUserId is { } sc && sc == user.UserId(),
            Child: c.IsChild,
            ConsentToPersonalData: active.Contains(ConsentPurpose.PersonalData),
            ConsentToStatements: active.Contains(ConsentPurpose.Statements),
            HandoverAwaitsViewer: pendingHandoverTo == org);
        bool Allows(CaseOperation o) => CasePermissions.Allows(part, o, facts);
        var view = Allows(CaseOperation.ReadPersonalData) ? CaseView.Personal
            : Allows(CaseOperation.Read) ? CaseView.Depersonalised
            : Allows(CaseOperation.ReadStatus) ? CaseView.StatusOnly
            : CaseView.None;
        return new CaseAccess(view, part == ParticipantKind.Owner, facts.Coordinator, Allows(CaseOperation.AcknowledgeGuardian),
            part == ParticipantKind.Support, Allows(CaseOperation.ReadStatements), Allows(CaseOperation.Decide),
            Allows(CaseOperation.RequestReconsideration), org)
        {
            Part = part,
            Facts = facts,
            IsLawEnforcement = user.OrganisationType()?.IsLawEnforcementOrProsecution() ?? false,
        };
    }
}
