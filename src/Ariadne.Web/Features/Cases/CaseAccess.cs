using System.Security.Claims;
using Ariadne.Web.Features.Consent;
using Ariadne.Web.Features.Jurisdiction;
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
/// What one user may see and do on one case, worked out in one place from their organisation's part in the
/// case, their role and the person's consents. Queries filter by participation first (two lines of defence).
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

    public bool SeesPersonalData => View == CaseView.Personal;
    public bool SeesCase => View >= CaseView.Depersonalised;
    public CaseActor Actor => new(IsOwner, MayDecide, MayRequestReconsideration);

    /// <summary>
    /// Works out the access from the parts the user's organisation has in the case (<paramref name="kinds"/>) and the
    /// case's consents (<paramref name="consents"/>: only active ones to the user's organisation count).
    /// </summary>
    public static CaseAccess For(ClaimsPrincipal user, Case c, IEnumerable<ParticipantKind> kinds, IEnumerable<ConsentRecord> consents,
        JurisdictionProfile profile)
    {
        if (user.OrganisationId() is not { } org || !Policies.CaseRoles.Any(user.IsInRole))
        {
            return Nothing;
        }
        var parts = kinds.ToHashSet();
        var owner = c.OwnerOrganisationId == org;
        var coordinator = user.IsInRole(Roles.Coordinator);
        var guardian = parts.Contains(ParticipantKind.Guardian) && c.IsChild && user.IsInRole(Roles.Guardian);
        var support = parts.Contains(ParticipantKind.Support);
        var active = consents.Where(x => x.IsActive && x.RecipientOrganisationId == org).Select(x => x.Purpose).ToHashSet();

        var view = owner || guardian || (parts.Count > 0 && active.Contains(ConsentPurpose.PersonalData)) ? CaseView.Personal
            : coordinator || parts.Any(k => k != ParticipantKind.Referrer) ? CaseView.Depersonalised
            : parts.Contains(ParticipantKind.Referrer) ? CaseView.StatusOnly
            : CaseView.None;
        var statements = owner || guardian || (parts.Count > 0 && active.Contains(ConsentPurpose.Statements));
        var decides = profile.DecisionRoles.Any(user.IsInRole) && (owner || coordinator);
        var reconsideration = parts.Contains(ParticipantKind.Referrer) || support;
        return new CaseAccess(view, owner, coordinator, guardian, support, statements, decides, reconsideration, org);
    }
}
