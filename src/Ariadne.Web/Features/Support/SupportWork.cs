using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Safety;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Support;

public sealed record ProposeServiceRequest(string? Service, Guid ProviderOrganisationId, string? Note);
public sealed record ServiceDecisionRequest(string? Reason);
public sealed record ShelterRequest([property: MaxLength(100)] string? Name, string? Type, [property: MaxLength(500)] string? Address);
public sealed record PlacementRequest(Guid ProposalId, Guid ShelterId, Guid RiskAssessmentId);

public sealed record ServiceResponse(Guid Id, string Service, string ServiceName, string Provider, string ProposedBy, DateTime ProposedAt,
    string Status, string? StatusReason, DateTime? RespondedAt, DateTime? CompletedAt, string? Note, Guid ProviderOrganisationId,
    Guid ProposedByOrganisationId);

/// <summary>A placement as its viewer may see it: <see cref="Address"/> is filled only for the shelter's own organisation (V-01).</summary>
public sealed record PlacementResponse(Guid Id, string Shelter, string ShelterType, string Provider, DateTime StartedAt, DateTime? EndedAt,
    string? Address);

/// <summary>A service proposed to the viewer's organisation and not yet answered, with the case reference to open it by.</summary>
public sealed record ProposalToResponse(Guid Id, Guid CaseId, string CaseReference, string Service, string ServiceName, string ProposedBy,
    DateTime ProposedAt);

/// <summary>A shelter in its own organisation's list, address included: nobody else ever receives this record.</summary>
public sealed record ShelterResponse(Guid Id, string Name, string Type, string Address, bool IsActive);

/// <summary>
/// Support services (SVC-01..07, DLV-01..03) and shelter placements. The support organisation decides the
/// accommodation (SO-D1) and is the only one that ever handles the shelter's address.
/// </summary>
public sealed class SupportWork(CaseService cases, CaseProtector protector, AuditTrail audit, IAuthorizationService authorization)
{
    public static readonly IReadOnlyDictionary<string, string> Services = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SVC-01"] = "Board and lodging (shelter)",
        ["SVC-02"] = "Psychological counselling",
        ["SVC-03"] = "Social counselling",
        ["SVC-04"] = "Social and health services",
        ["SVC-05"] = "Education, vocational guidance, training and job placement",
        ["SVC-06"] = "Free legal assistance",
        ["SVC-07"] = "Intercultural mediation",
        ["DLV-01"] = "Outreach work",
        ["DLV-02"] = "Drop-in centre",
        ["DLV-03"] = "Hotline",
    };

    public const string Lodging = "SVC-01";

    private Data.AriadneDbContext Db => cases.Db;

    public async Task<CaseResult<ServiceProposal>> ProposeAsync(ClaimsPrincipal user, Guid caseId, ProposeServiceRequest request)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.ProposeService))
        {
            return CaseError.Forbidden("The organisation that owns the case proposes services.");
        }
        if (ClosedCase.Refusal(loaded.Case, CaseChange.ProposeService) is { } closed)
        {
            return closed;
        }
        if (request.Service is null || !Services.ContainsKey(request.Service))
        {
            return CaseError.Invalid("service", "Choose a service (SVC-01..07) or delivery channel (DLV-01..03).");
        }
        var provider = await Db.ActiveOrganisationAsync(request.ProviderOrganisationId, OrganisationType.VictimSupport);
        if (provider is null)
        {
            return CaseError.Invalid("providerOrganisationId", "Choose an active support organisation.");
        }
        if (await Db.ServiceProposals.AnyAsync(p => p.CaseId == caseId && p.ServiceCode == request.Service
                && p.ProviderOrganisationId == provider.Id && (p.Status == ServiceStatus.Proposed || p.Status == ServiceStatus.Accepted)))
        {
            return CaseError.Conflict("This service is already proposed to or provided by that organisation.");
        }
        var now = cases.Now;
        var proposal = new ServiceProposal
        {
            CaseId = caseId, ServiceCode = request.Service, ProviderOrganisationId = provider.Id,
            ProposedByOrganisationId = loaded.Access.OrganisationId, ProposedByName = user.DisplayName(), ProposedAt = now,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        };
        Db.ServiceProposals.Add(proposal);
        CaseService.AddParticipant(loaded.Case, provider.Id, ParticipantKind.Support, now);
        cases.AddEvent(loaded.Case, user, "service-proposed", $"{request.Service} {Services[request.Service]} proposed to {provider.Name}",
            proposal.Note, null, null);
        await Db.SaveChangesAsync();
        return proposal;
    }

    public enum Decision
    {
        Accept,
        Decline,
        Complete,
        Revoke,
    }

    /// <summary>The provider accepts, declines (with a reason) or completes; the proposer revokes (with a reason).</summary>
    public async Task<CaseResult<ServiceProposal>> DecideAsync(ClaimsPrincipal user, Guid caseId, Guid proposalId, Decision decision, string? reason)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        var p = await Db.ServiceProposals.SingleOrDefaultAsync(x => x.Id == proposalId && x.CaseId == caseId);
        if (p is null)
        {
            return CaseError.NotFound;
        }
        var org = loaded.Access.OrganisationId;
        // The table says whether the viewer may provide or propose at all; the proposal says whether it is theirs.
        var isProvider = p.ProviderOrganisationId == org && await authorization.AllowsAsync(user, loaded, CaseOperation.ProvideService);
        var isProposer = p.ProposedByOrganisationId == org && await authorization.AllowsAsync(user, loaded, CaseOperation.ProposeService);
        var (allowedFrom, who, next) = decision switch
        {
            Decision.Accept => (new[] { ServiceStatus.Proposed }, isProvider, ServiceStatus.Accepted),
            Decision.Decline => ([ServiceStatus.Proposed], isProvider, ServiceStatus.Declined),
            Decision.Complete => ([ServiceStatus.Accepted], isProvider, ServiceStatus.Completed),
            Decision.Revoke => ([ServiceStatus.Proposed, ServiceStatus.Accepted], isProposer, ServiceStatus.Revoked),
        };
        if (!who)
        {
            return CaseError.Forbidden(decision == Decision.Revoke
                ? "Only the organisation that proposed the service revokes it."
                : "Only the support organisation the service was proposed to answers it.");
        }
        if (ClosedCase.Refusal(loaded.Case, decision switch
            {
                Decision.Accept => CaseChange.AcceptService,
                Decision.Decline => CaseChange.DeclineService,
                Decision.Complete => CaseChange.CompleteService,
                Decision.Revoke => CaseChange.RevokeService,
            }) is { } closed)
        {
            return closed;
        }
        if (!allowedFrom.Contains(p.Status))
        {
            return CaseError.Conflict($"The service is {p.Status.ToString().ToLowerInvariant()}: it cannot be " +
                                      $"{decision.ToString().ToLowerInvariant()}d now.");
        }
        if (decision is Decision.Decline or Decision.Revoke && string.IsNullOrWhiteSpace(reason))
        {
            return CaseError.Invalid("reason", decision == Decision.Decline
                ? "Say why the service is declined, so the case owner can find another provider."
                : "Say why the service is revoked.");
        }
        var now = cases.Now;
        p.Status = next;
        if (decision == Decision.Complete)
        {
            p.CompletedAt = now;
        }
        else
        {
            p.RespondedAt = now;
            p.RespondedByName = user.DisplayName();
            p.StatusReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        }
        cases.AddEvent(loaded.Case, user, "service-" + next.ToString().ToLowerInvariant(),
            $"{p.ServiceCode} {Services[p.ServiceCode]} {next.ToString().ToLowerInvariant()} by {await cases.OrganisationNameAsync(org)}",
            reason, null, null);
        await Db.SaveChangesAsync();
        return p;
    }

    public async Task<List<ServiceResponse>> ListAsync(LoadedCase loaded)
    {
        var rows = await Db.ServiceProposals.AsNoTracking().Where(p => p.CaseId == loaded.Case.Id)
            .Join(Db.Organisations, p => p.ProviderOrganisationId, o => o.Id, (p, o) => new { p, Provider = o.Name })
            .Join(Db.Organisations, x => x.p.ProposedByOrganisationId, o => o.Id, (x, o) => new { x.p, x.Provider, By = o.Name })
            .ToListAsync();
        var personal = loaded.Access.SeesPersonalData;
        return rows.OrderBy(x => x.p.ProposedAt)
            .Select(x => new ServiceResponse(x.p.Id, x.p.ServiceCode, Services[x.p.ServiceCode], x.Provider, x.By, x.p.ProposedAt,
                x.p.Status.ToString(), personal ? x.p.StatusReason : null, x.p.RespondedAt, x.p.CompletedAt, personal ? x.p.Note : null,
                x.p.ProviderOrganisationId, x.p.ProposedByOrganisationId))
            .ToList();
    }

    /// <summary>
    /// Services proposed to the user's organisation that wait for its answer, oldest first: the support organisation's
    /// inbox. Only the case reference and who proposed what: the proposal's note stays on the case, behind its access rules.
    /// </summary>
    public async Task<List<ProposalToResponse>> ProposalsToAsync(ClaimsPrincipal user)
    {
        var org = user.OrganisationId();
        var rows = await Db.ServiceProposals.AsNoTracking()
            .Where(p => p.ProviderOrganisationId == org && p.Status == ServiceStatus.Proposed)
            .Join(Db.Cases, p => p.CaseId, c => c.Id, (p, c) => new { p, c.Reference })
            .Join(Db.Organisations, x => x.p.ProposedByOrganisationId, o => o.Id, (x, o) => new { x.p, x.Reference, By = o.Name })
            .ToListAsync();
        await audit.RecordAsync(Db, AuditActions.Search, "ServiceProposal", details: $"proposals to own organisation, {rows.Count}");
        return rows.OrderBy(x => x.p.ProposedAt)
            .Select(x => new ProposalToResponse(x.p.Id, x.p.CaseId, x.Reference, x.p.ServiceCode, Services[x.p.ServiceCode], x.By, x.p.ProposedAt))
            .ToList();
    }

    /// <summary>
    /// The support organisation places the person in one of its shelters, on an accepted SVC-01 and after a
    /// risk assessment for the placement (L3, LE-D9).
    /// </summary>
    public async Task<CaseResult<ShelterPlacement>> PlaceAsync(ClaimsPrincipal user, Guid caseId, PlacementRequest request)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (ClosedCase.Refusal(loaded.Case, CaseChange.Place) is { } closed)
        {
            return closed;
        }
        var org = loaded.Access.OrganisationId;
        var proposal = await Db.ServiceProposals.SingleOrDefaultAsync(p => p.Id == request.ProposalId && p.CaseId == caseId);
        if (proposal is null || proposal.ServiceCode != Lodging || proposal.ProviderOrganisationId != org
            || !await authorization.AllowsAsync(user, loaded, CaseOperation.ProvideService))
        {
            return CaseError.Forbidden("A placement is made by the support organisation that accepted board and lodging (SVC-01).");
        }
        if (proposal.Status != ServiceStatus.Accepted)
        {
            return CaseError.Conflict("Accept the board-and-lodging service before placing the person.");
        }
        var shelter = await Db.Shelters.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.ShelterId && s.OrganisationId == org && s.IsActive);
        if (shelter is null)
        {
            return CaseError.Invalid("shelterId", "Choose one of your organisation's active shelters.");
        }
        var risk = await Db.RiskAssessments.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == request.RiskAssessmentId && r.CaseId == caseId && r.Purpose == RiskPurpose.ShelterPlacement);
        if (risk is null)
        {
            return CaseError.Invalid("riskAssessmentId", "A risk assessment for the shelter placement must be recorded on the case first (LE-D9).");
        }
        if (await Db.Placements.AnyAsync(p => p.CaseId == caseId && p.EndedAt == null))
        {
            return CaseError.Conflict("The person already has a current placement: end it first.");
        }
        var now = cases.Now;
        var placement = new ShelterPlacement
        {
            CaseId = caseId, ShelterId = shelter.Id, ProposalId = proposal.Id, RiskAssessmentId = risk.Id, StartedAt = now,
            PlacedByName = user.DisplayName(),
        };
        Db.Placements.Add(placement);
        // The timeline names the kind of shelter and who runs it, never where it is.
        cases.AddEvent(loaded.Case, user, "placed", $"Placed in a {Words(shelter.Type)} run by {await cases.OrganisationNameAsync(org)}", null,
            null, null);
        await Db.SaveChangesAsync();
        return placement;
    }

    public async Task<CaseResult<ShelterPlacement>> EndPlacementAsync(ClaimsPrincipal user, Guid caseId, Guid placementId)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        var placement = await Db.Placements.SingleOrDefaultAsync(p => p.Id == placementId && p.CaseId == caseId);
        if (placement is null)
        {
            return CaseError.NotFound;
        }
        var shelterOrg = await Db.Shelters.Where(s => s.Id == placement.ShelterId).Select(s => s.OrganisationId).SingleAsync();
        if (shelterOrg != loaded.Access.OrganisationId)
        {
            return CaseError.Forbidden("Only the organisation running the shelter ends a placement.");
        }
        if (placement.EndedAt is not null)
        {
            return CaseError.Conflict("The placement has already ended.");
        }
        placement.EndedAt = cases.Now;
        cases.AddEvent(loaded.Case, user, "placement-ended", "Shelter placement ended", null, null, null);
        await Db.SaveChangesAsync();
        return placement;
    }

    public async Task<List<PlacementResponse>> PlacementsAsync(LoadedCase loaded)
    {
        var rows = await Db.Placements.AsNoTracking().Where(p => p.CaseId == loaded.Case.Id)
            .Join(Db.Shelters, p => p.ShelterId, s => s.Id, (p, s) => new { p, s })
            .Join(Db.Organisations, x => x.s.OrganisationId, o => o.Id, (x, o) => new { x.p, x.s, Provider = o.Name, o.Type })
            .ToListAsync();
        return rows.OrderBy(x => x.p.StartedAt)
            .Select(x => new PlacementResponse(x.p.Id, ShelterLabel(loaded.Access, x.s, x.Type), Words(x.s.Type), x.Provider, x.p.StartedAt,
                x.p.EndedAt,
                MaySeeAddress(loaded.Access.OrganisationId, x.s, x.Type) ? protector.UnprotectAddress(x.s.AddressCipher) : null))
            .ToList();
    }

    /// <summary>
    /// V-01 in one place: the address goes only to the organisation running the shelter, and never to law
    /// enforcement or prosecution even if such an organisation were somehow recorded as running one.
    /// </summary>
    public static bool MaySeeAddress(Guid viewerOrganisation, Shelter shelter, OrganisationType shelterOrganisationType) =>
        shelter.OrganisationId == viewerOrganisation && !shelterOrganisationType.IsLawEnforcementOrProsecution();

    /// <summary>
    /// V-01 for a shelter's name: a name can give a place away ("Harbour Street house"), so law enforcement and prosecution,
    /// and anyone seeing the case de-personalised, read a pseudonymous code that stays the same for the same shelter.
    /// The running organisation and personal viewers outside law enforcement read the name.
    /// </summary>
    public static bool MaySeeShelterName(Guid viewerOrganisation, bool viewerIsLawEnforcement, bool viewerSeesPersonalData, Shelter shelter,
        OrganisationType shelterOrganisationType) =>
        MaySeeAddress(viewerOrganisation, shelter, shelterOrganisationType) || (viewerSeesPersonalData && !viewerIsLawEnforcement);

    private static string ShelterLabel(CaseAccess viewer, Shelter shelter, OrganisationType shelterOrganisationType) =>
        MaySeeShelterName(viewer.OrganisationId, viewer.IsLawEnforcement, viewer.SeesPersonalData, shelter, shelterOrganisationType)
            ? shelter.Name
            : ShelterCode(shelter.Id);

    /// <summary>A pseudonymous code for a shelter: derived from its random id, so it reveals neither name nor place.</summary>
    public static string ShelterCode(Guid shelterId) =>
        "SHELTER-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(shelterId.ToByteArray()))[..8];

    public async Task<List<ShelterResponse>> SheltersAsync(ClaimsPrincipal user)
    {
        var org = user.OrganisationId();
        var rows = await Db.Shelters.AsNoTracking().Where(s => s.OrganisationId == org).OrderBy(s => s.Name).ToListAsync();
        await audit.RecordAsync(Db, AuditActions.View, "Shelter", details: $"own shelters with addresses, {rows.Count}");
        return rows.Select(s => new ShelterResponse(s.Id, s.Name, s.Type.ToString(), protector.UnprotectAddress(s.AddressCipher), s.IsActive))
            .ToList();
    }

    public async Task<CaseResult<Shelter>> AddShelterAsync(ClaimsPrincipal user, ShelterRequest request)
    {
        if (user.OrganisationType() != OrganisationType.VictimSupport || user.OrganisationId() is not { } org)
        {
            return CaseError.Forbidden("Shelters are registered by the support organisation that runs them.");
        }
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            return CaseError.Invalid("name", "Give the shelter a name of up to 100 characters that does not reveal where it is.");
        }
        if (Enums.Named<ShelterType>(request.Type) is not { } type)
        {
            return CaseError.Invalid("type", "Choose the kind of shelter: FlightShelter, CareShelter, AutonomyHouse, FamilyPlacement or NonResidential.");
        }
        if (string.IsNullOrWhiteSpace(request.Address) || request.Address.Length > 500)
        {
            return CaseError.Invalid("address", "Give the address (up to 500 characters); only your organisation will ever see it.");
        }
        if (await Db.Shelters.AnyAsync(s => s.OrganisationId == org && s.Name == request.Name.Trim()))
        {
            return CaseError.Conflict("Your organisation already has a shelter with that name.");
        }
        var shelter = new Shelter
            { OrganisationId = org, Name = request.Name.Trim(), Type = type, AddressCipher = protector.ProtectAddress(request.Address.Trim()) };
        Db.Shelters.Add(shelter);
        await Db.SaveChangesAsync();
        return shelter;
    }

    public static string Words(ShelterType type) => type switch
    {
        ShelterType.FlightShelter => "flight shelter",
        ShelterType.CareShelter => "care shelter",
        ShelterType.AutonomyHouse => "autonomy house",
        ShelterType.FamilyPlacement => "family placement",
        ShelterType.NonResidential => "non-residential programme",
    };
}
