using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Children;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Safety;

public sealed record RiskAssessmentRequest(string? Purpose, string? ThreatToPerson, string? ThreatToFamily, string? ReTrafficking,
    bool RiskIdentified, string? Summary, [property: MaxLength(ColumnLengths.Name)] string? Reviewer);
public sealed record ReturnPlanRequest(string? Organiser, Guid RiskAssessmentId);
public sealed record SafetyCoordinatorRequest(Guid UserId);
public sealed record SafetyActionRequest([property: MaxLength(500)] string? Description, DateOnly? DueOn);
public sealed record SafetyActionStatusRequest(string? Status);
public sealed record MeetingRequest(DateTime? At, [property: MaxLength(200)] string? Purpose, bool LawEnforcementPresent, string? Venue, [property: MaxLength(500)] string? VenueDescription,
    bool CounsellorRequested, bool SafetyCoordinatorInvited);
public sealed record DocumentRequest([property: MaxLength(200)] string? Title, [property: MaxLength(ColumnLengths.Document)] string? Content);

public sealed record RiskAssessmentResponse(Guid Id, string Purpose, string ThreatToPerson, string ThreatToFamily, string ReTrafficking,
    bool RiskIdentified, string? Summary, string? Reviewer, DateTime AssessedAt, string? AssessedBy, bool WithGuardian = false);
public sealed record SafetyActionResponse(Guid Id, string Description, string Status, DateOnly? DueOn, DateTime? DoneAt);
public sealed record MeetingResponse(Guid Id, DateTime At, string? Purpose, bool LawEnforcementPresent, string Venue, string? VenueDescription,
    bool CounsellorRequested, bool SafetyCoordinatorInvited);
public sealed record DocumentSummary(Guid Id, string Kind, string Title, DateTime RecordedAt, string RecordedBy,
    bool TakenWhileSuspect = false);
public sealed record DocumentResponse(Guid Id, string Kind, string Title, DateTime RecordedAt, string RecordedBy, string Content);

/// <summary>
/// Protection work on a case: risk assessments before shelter and return (L3, L10, LE-D9, CH-PR-19), the
/// return plan, the safety coordinator and safety plan (R-SC-01/02), meetings (V-01, CH-PR-16), and
/// statements recorded once, encrypted, shared by consent, every view audited (§6.6).
/// </summary>
public sealed class SafetyWork(CaseService cases, CaseProtector protector, AuditTrail audit, IAuthorizationService authorization)
{
    public static readonly IReadOnlyDictionary<string, string> ReturnOrganisers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["RET-01"] = "Ministry of Interior to Ministry of Interior, with both Ministries of Foreign Affairs",
        ["RET-02"] = "NGO to NGO",
        ["RET-03"] = "Police and NGO to NGO",
        ["RET-04"] = "IOM",
    };

    private Data.AriadneDbContext Db => cases.Db;

    /// <summary>Both the unit (LE-D9) and support organisations working with the person (matrix §1.3: contribute) assess risk.</summary>
    public async Task<CaseResult<RiskAssessment>> AssessRiskAsync(ClaimsPrincipal user, Guid caseId, RiskAssessmentRequest request)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (ClosedCase.Refusal(loaded.Case, CaseChange.AssessRisk) is { } closed)
        {
            return closed;
        }
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.AssessRisk))
        {
            return CaseError.Forbidden("Risk is assessed by the owner of the case, a support organisation working with the person, or the guardian.");
        }
        if (Enums.Named<RiskPurpose>(request.Purpose) is not { } purpose)
        {
            return CaseError.Invalid("purpose", "Choose what the assessment is for: ShelterPlacement, Return or Review.");
        }
        if (Enums.Named<RiskLevel>(request.ThreatToPerson) is not { } person)
        {
            return CaseError.Invalid("threatToPerson", "Rate the threat to the person: Low, Medium or High.");
        }
        if (Enums.Named<RiskLevel>(request.ThreatToFamily) is not { } family)
        {
            return CaseError.Invalid("threatToFamily", "Rate the threat to family and loved ones: Low, Medium or High (ACT-18).");
        }
        if (Enums.Named<RiskLevel>(request.ReTrafficking) is not { } again)
        {
            return CaseError.Invalid("reTrafficking", "Rate the risk of re-trafficking: Low, Medium or High.");
        }
        if (string.IsNullOrWhiteSpace(request.Summary))
        {
            return CaseError.Invalid("summary", "Summarise the threats and the measures that follow.");
        }
        if (string.IsNullOrWhiteSpace(request.Reviewer) || request.Reviewer.Length > 200)
        {
            return CaseError.Invalid("reviewer", "Name who reviewed the assessment.");
        }
        if (!request.RiskIdentified && (person == RiskLevel.High || family == RiskLevel.High || again == RiskLevel.High))
        {
            return CaseError.Invalid("riskIdentified", "A high threat means a risk is identified: tick it, or lower the rating and say why.");
        }
        var record = new RiskAssessment
        {
            CaseId = caseId, Purpose = purpose, ThreatToPerson = person, ThreatToFamily = family, ReTrafficking = again,
            RiskIdentified = request.RiskIdentified, Summary = request.Summary.Trim(), ReviewerName = request.Reviewer.Trim(),
            AssessedAt = cases.Now, AssessedByName = user.DisplayName(), OrganisationId = loaded.Access.OrganisationId,
            // CH-PR-19: what the child's guardianship service finds cannot be overridden by anyone else's later assessment.
            WithGuardian = loaded.Case.IsChild && loaded.Access.IsGuardian && loaded.Case.GuardianOrganisationId == loaded.Access.OrganisationId,
        };
        Db.RiskAssessments.Add(record);
        cases.AddEvent(loaded.Case, user, "risk-assessment",
            $"Risk assessment ({CaseText.Purpose(purpose.ToString())}{(record.WithGuardian ? ", with the guardian" : "")}): " +
            $"{(record.RiskIdentified ? "risk identified" : "no significant risk")}", null, null, null);
        // A danger found now suspends a return planned before (CH-PR-19).
        await cases.KeepReturnSafeAsync(loaded.Case, user, new RiskFinding(record.AssessedAt, purpose == RiskPurpose.Return,
            record.RiskIdentified, record.WithGuardian, purpose == RiskPurpose.Review));
        await Db.SaveChangesAsync();
        return record;
    }

    /// <summary>
    /// A return is planned only on a risk assessment for the return (L10, LE-D9); a child's return is blocked while
    /// that assessment finds a risk to the child or the family (CH-PR-19).
    /// </summary>
    public async Task<CaseResult<Case>> PlanReturnAsync(ClaimsPrincipal user, Guid caseId, ReturnPlanRequest request)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (ClosedCase.Refusal(loaded.Case, CaseChange.PlanReturn) is { } closed)
        {
            return closed;
        }
        var c = loaded.Case;
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.PlanReturn))
        {
            return CaseError.Forbidden("The organisation that owns the case plans a return.");
        }
        // R-LEG-02, L4, R-SYS-01, CH-PR-19: one rule says whether a return may be planned; the page shows the same reasons.
        var blocked = ReturnSafeguard.Reasons(await cases.ReturnFactsAsync(c));
        if (blocked.Count > 0)
        {
            return CaseError.Conflict(string.Join(" ", blocked));
        }
        if (request.Organiser is null || !ReturnOrganisers.ContainsKey(request.Organiser))
        {
            return CaseError.Invalid("organiser", "Choose who organises the return (RET-01..04).");
        }
        var latest = await Db.RiskAssessments.AsNoTracking().Where(r => r.CaseId == caseId && r.Purpose == RiskPurpose.Return)
            .OrderByDescending(r => r.AssessedAt).FirstAsync();
        if (latest.Id != request.RiskAssessmentId)
        {
            return CaseError.Invalid("riskAssessmentId", "Base the return on the latest risk assessment for the return.");
        }
        c.ReturnSuspendedAt = null;
        c.ReturnSuspendedBecause = null;
        c.ReturnOrganiser = request.Organiser;
        c.ReturnPlannedAt = cases.Now;
        c.ReturnPlannedByName = user.DisplayName();
        c.ReturnRiskAssessmentId = latest.Id;
        cases.AddEvent(c, user, "return-planned", $"Return planned ({request.Organiser} {ReturnOrganisers[request.Organiser]})", null, null, null);
        await Db.SaveChangesAsync();
        return c;
    }

    /// <summary>R-SC-01: a named safety coordinator from law enforcement, kept across every stage.</summary>
    public async Task<CaseResult<Case>> AssignSafetyCoordinatorAsync(ClaimsPrincipal user, Guid caseId, Guid userId)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (ClosedCase.Refusal(loaded.Case, CaseChange.NameSafetyCoordinator) is { } closed)
        {
            return closed;
        }
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.NameSafetyCoordinator))
        {
            return CaseError.Forbidden("The organisation that owns the case names the safety coordinator.");
        }
        var orgs = loaded.Case.Participants.Select(p => p.OrganisationId).ToList();
        var candidate = await Db.Users.Where(u => u.Id == userId && u.IsActive && orgs.Contains(u.OrganisationId))
            .Join(Db.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new { u.DisplayName, o.Type }).SingleOrDefaultAsync();
        if (candidate is null || !candidate.Type.IsLawEnforcementOrProsecution() || candidate.Type == OrganisationType.Prosecution)
        {
            return CaseError.Invalid("userId", "The safety coordinator is a police officer of an organisation taking part in the case.");
        }
        var c = loaded.Case;
        c.SafetyCoordinatorUserId = userId;
        c.SafetyCoordinatorName = candidate.DisplayName;
        cases.AddEvent(c, user, "safety-coordinator", $"Safety coordinator named: {candidate.DisplayName}", null, null, null);
        await Db.SaveChangesAsync();
        return c;
    }

    public async Task<CaseResult<SafetyAction>> AddSafetyActionAsync(ClaimsPrincipal user, Guid caseId, SafetyActionRequest request)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (ClosedCase.Refusal(loaded.Case, CaseChange.AddSafetyAction) is { } closed)
        {
            return closed;
        }
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.KeepSafetyPlan))
        {
            return CaseError.Forbidden("The safety plan is kept by the safety coordinator and the owner of the case.");
        }
        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Length > 500)
        {
            return CaseError.Invalid("description", "Describe the action (up to 500 characters); never write a shelter address here (R-SC-05).");
        }
        var action = new SafetyAction
        {
            CaseId = caseId, Description = request.Description.Trim(), DueOn = request.DueOn, CreatedAt = cases.Now, RecordedByName = user.DisplayName(),
        };
        Db.SafetyActions.Add(action);
        cases.AddEvent(loaded.Case, user, "safety-action", "Safety plan action added", action.Description, null, null);
        await Db.SaveChangesAsync();
        return action;
    }

    public async Task<CaseResult<SafetyAction>> SetSafetyActionStatusAsync(ClaimsPrincipal user, Guid caseId, Guid actionId, string? status)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.KeepSafetyPlan))
        {
            return CaseError.Forbidden("The safety plan is kept by the safety coordinator and the owner of the case.");
        }
        var action = await Db.SafetyActions.SingleOrDefaultAsync(a => a.Id == actionId && a.CaseId == caseId);
        if (action is null)
        {
            return CaseError.NotFound;
        }
        if (Enums.Named<SafetyActionStatus>(status) is not { } s)
        {
            return CaseError.Invalid("status", "Choose Planned, InProgress, Done or Cancelled.");
        }
        action.Status = s;
        action.DoneAt = s == SafetyActionStatus.Done ? cases.Now : null;
        cases.AddEvent(loaded.Case, user, "safety-action", $"Safety plan action {s}", null, null, null);
        await Db.SaveChangesAsync();
        return action;
    }

    /// <summary>Why a venue is not allowed, or null: law enforcement never meets the person at a shelter (V-01); a child is not questioned at police premises or the place of exploitation (CH-PR-16).</summary>
    public static string? VenueProblem(VenueType venue, bool lawEnforcementPresent, bool child) => venue switch
    {
        VenueType.Shelter when lawEnforcementPresent =>
            "Law enforcement never meets the person or social workers at a shelter (V-01): choose another venue.",
        VenueType.PolicePremises or VenueType.PlaceOfExploitation when child =>
            "A child is not questioned at police premises or at the place of exploitation (CH-PR-16): choose a child-friendly venue.",
        VenueType.PlaceOfExploitation =>
            "Do not meet the person at the place of exploitation: choose a safe venue.",
        _ => null,
    };

    public async Task<CaseResult<CaseMeeting>> ScheduleMeetingAsync(ClaimsPrincipal user, Guid caseId, MeetingRequest request)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (ClosedCase.Refusal(loaded.Case, CaseChange.ArrangeMeeting) is { } closed)
        {
            return closed;
        }
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.ArrangeMeeting))
        {
            return CaseError.Forbidden("Meetings are arranged by the owner, a support organisation or the guardian.");
        }
        if (Enums.Named<VenueType>(request.Venue) is not { } venue)
        {
            return CaseError.Invalid("venue", "Choose the kind of venue.");
        }
        var lawEnforcement = request.LawEnforcementPresent || (user.OrganisationType()?.IsLawEnforcementOrProsecution() ?? false);
        if (VenueProblem(venue, lawEnforcement, loaded.Case.IsChild) is { } problem)
        {
            return CaseError.Invalid("venue", problem);
        }
        if (request.At is not { } at)
        {
            return CaseError.Invalid("at", "Give the date and time of the meeting.");
        }
        if (string.IsNullOrWhiteSpace(request.Purpose) || request.Purpose.Length > 200)
        {
            return CaseError.Invalid("purpose", "Say what the meeting is for (up to 200 characters).");
        }
        var meeting = new CaseMeeting
        {
            CaseId = caseId, At = at.ToUniversalTime(), Purpose = request.Purpose.Trim(), LawEnforcementPresent = lawEnforcement, Venue = venue,
            // A shelter is named by its kind only: a description could carry its location to law enforcement (V-01).
            VenueDescription = venue == VenueType.Shelter || string.IsNullOrWhiteSpace(request.VenueDescription) ? null : request.VenueDescription.Trim(),
            CounsellorRequested = request.CounsellorRequested, SafetyCoordinatorInvited = request.SafetyCoordinatorInvited,
            ArrangedByName = user.DisplayName(), ArrangedByOrganisationId = loaded.Access.OrganisationId,
        };
        Db.Meetings.Add(meeting);
        cases.AddEvent(loaded.Case, user, "meeting", $"Meeting arranged ({venue}{(lawEnforcement ? ", law enforcement present" : "")})", null, null, null);
        await Db.SaveChangesAsync();
        return meeting;
    }

    /// <summary>A statement or document recorded once on the case, encrypted at rest.</summary>
    public async Task<CaseResult<CaseDocument>> AddDocumentAsync(ClaimsPrincipal user, Guid caseId, DocumentRequest request)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (ClosedCase.Refusal(loaded.Case, CaseChange.AddStatement) is { } closed)
        {
            return closed;
        }
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.RecordStatement))
        {
            return CaseError.Forbidden("Statements are recorded by the owner, the guardian, or an organisation the person allowed to see them.");
        }
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200)
        {
            return CaseError.Invalid("title", "Give the statement a title (up to 200 characters).");
        }
        if (string.IsNullOrWhiteSpace(request.Content) || request.Content.Length > ColumnLengths.Document)
        {
            return CaseError.Invalid("content", "Write the statement (up to 100,000 characters).");
        }
        var document = new CaseDocument
        {
            CaseId = caseId, Kind = DocumentKind.Statement, Title = request.Title.Trim(), ContentCipher = protector.ProtectDocument(request.Content),
            RecordedAt = cases.Now, RecordedByName = user.DisplayName(), RecordedByOrganisationId = loaded.Access.OrganisationId,
        };
        Db.CaseDocuments.Add(document);
        cases.AddEvent(loaded.Case, user, "statement", $"Statement recorded: {document.Title}", null, null, null);
        await Db.SaveChangesAsync();
        return document;
    }

    /// <summary>
    /// Titles only; an empty list for viewers without access to statements. R-TR-01: a statement recorded while the
    /// person was a suspect stays on the case, marked as such.
    /// </summary>
    public async Task<List<DocumentSummary>> DocumentsAsync(LoadedCase loaded)
    {
        if (!loaded.Access.SeesStatements)
        {
            return [];
        }
        var history = await cases.StatusHistoryAsync(loaded.Case.Id);
        return (await Db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == loaded.Case.Id).ToListAsync())
            .OrderBy(d => d.RecordedAt)
            .Select(d => new DocumentSummary(d.Id, d.Kind.ToString(), d.Title, d.RecordedAt, d.RecordedByName,
                PersonStatus.WasSuspectAt(history, d.RecordedAt))).ToList();
    }

    /// <summary>Opens one statement: decrypted only for viewers with access, and every attempt is audited.</summary>
    public async Task<CaseResult<DocumentResponse>> ReadDocumentAsync(ClaimsPrincipal user, Guid caseId, Guid documentId)
    {
        var loaded = await cases.FindAsync(user, caseId);
        var document = loaded is { Access.SeesStatements: true }
            ? await Db.CaseDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.CaseId == caseId)
            : null;
        await audit.RecordAsync(Db, AuditActions.View, "CaseDocument", documentId.ToString(), details: $"case {caseId}",
            outcome: document is null ? AuditOutcome.Denied : AuditOutcome.Success);
        if (document is null)
        {
            return CaseError.NotFound;
        }
        return new DocumentResponse(document.Id, document.Kind.ToString(), document.Title, document.RecordedAt, document.RecordedByName,
            protector.UnprotectDocument(document.ContentCipher));
    }

    /// <summary>A de-personalised viewer reads the coded ratings only: the summary and the names are typed text (item 7).</summary>
    public async Task<List<RiskAssessmentResponse>> RiskAssessmentsAsync(LoadedCase loaded)
    {
        var personal = loaded.Access.SeesPersonalData;
        return (await Db.RiskAssessments.AsNoTracking().Where(r => r.CaseId == loaded.Case.Id).ToListAsync())
            .OrderBy(r => r.AssessedAt)
            .Select(r => new RiskAssessmentResponse(r.Id, r.Purpose.ToString(), r.ThreatToPerson.ToString(), r.ThreatToFamily.ToString(),
                r.ReTrafficking.ToString(), r.RiskIdentified, personal ? r.Summary : null, personal ? r.ReviewerName : null, r.AssessedAt,
                personal ? r.AssessedByName : null, r.WithGuardian))
            .ToList();
    }

    /// <summary>The safety plan, for those who see personal data and for the safety coordinator who keeps it (R-SC-02).</summary>
    public async Task<List<SafetyActionResponse>> SafetyPlanAsync(LoadedCase loaded, ClaimsPrincipal user) =>
        !loaded.Access.Allows(CaseOperation.ReadSafetyPlan)
        ? []
        : (await Db.SafetyActions.AsNoTracking().Where(a => a.CaseId == loaded.Case.Id).ToListAsync())
        .OrderBy(a => a.CreatedAt)
        .Select(a => new SafetyActionResponse(a.Id, a.Description, a.Status.ToString(), a.DueOn, a.DoneAt)).ToList();

    public async Task<List<MeetingResponse>> MeetingsAsync(LoadedCase loaded)
    {
        var rows = await Db.Meetings.AsNoTracking().Where(m => m.CaseId == loaded.Case.Id)
            .Join(Db.Organisations, m => m.ArrangedByOrganisationId, o => o.Id, (m, o) => new { m, o.Id, o.Type }).ToListAsync();
        var personal = loaded.Access.SeesPersonalData;
        return rows.OrderBy(x => x.m.At)
            .Select(x => new MeetingResponse(x.m.Id, x.m.At, personal ? x.m.Purpose : null, x.m.LawEnforcementPresent, x.m.Venue.ToString(),
                MaySeeVenueText(personal, x.Id == loaded.Access.OrganisationId, loaded.Access.IsLawEnforcement, x.Type) ? x.m.VenueDescription : null,
                x.m.CounsellorRequested, x.m.SafetyCoordinatorInvited))
            .ToList();
    }

    /// <summary>
    /// V-01 for meetings in one place: a venue's description is typed text, so only for viewers who see personal data or
    /// wrote it themselves (item 7), and law enforcement or prosecution never reads one written by a support organisation,
    /// a guardian or anyone else outside law enforcement: it could say where a shelter is (item 8).
    /// </summary>
    public static bool MaySeeVenueText(bool viewerSeesPersonalData, bool viewerArrangedIt, bool viewerIsLawEnforcement,
        OrganisationType arrangedBy) =>
        (viewerSeesPersonalData || viewerArrangedIt) && (!viewerIsLawEnforcement || arrangedBy.IsLawEnforcementOrProsecution());
}
