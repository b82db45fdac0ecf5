using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Safety;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Ariadne.Web.Features.Children;

public sealed record GuardianRequest(Guid GuardianshipOrganisationId, [property: MaxLength(ColumnLengths.Name)] string? GuardianName);
public sealed record AgeAssessmentRequest(string? Method, string? Result, DateOnly? AssessedOn, [property: MaxLength(ColumnLengths.Name)] string? AssessedBy);
public sealed record DispositionRequest([property: MaxLength(200)] string[]? ConsultedParties, string? Summary);

/// <summary>
/// The child-specific procedure (§4): guardian appointment, age assessment, the first interview and the
/// final disposition. A presumed minor is treated exactly as a child until a recorded assessment says otherwise.
/// </summary>
public sealed class ChildWork(CaseService cases, CaseProtector protector, IAuthorizationService authorization)
{
    private Data.AriadneDbContext Db => cases.Db;

    /// <summary>Records the appointed guardian; the guardianship service then sees the child's case (CH-PR-05, V-16).</summary>
    public async Task<CaseResult<Case>> RecordGuardianAsync(ClaimsPrincipal user, Guid caseId, GuardianRequest request)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (ClosedCase.Refusal(loaded.Case, CaseChange.RecordGuardian) is { } closed)
        {
            return closed;
        }
        var c = loaded.Case;
        // The table first (a refusal says nothing of the case's state), then: a guardianship service records only its own guardian.
        var isGuardianship = !loaded.Access.IsOwner && user.OrganisationId() == request.GuardianshipOrganisationId;
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.RecordGuardian) || (!loaded.Access.IsOwner && !isGuardianship))
        {
            return CaseError.Forbidden("The guardian is recorded by the organisation that owns the case or by the guardianship service.");
        }
        if (!c.IsChild)
        {
            return CaseError.Conflict("A guardian is recorded for a child or a presumed child.");
        }
        var service = await Db.ActiveOrganisationAsync(request.GuardianshipOrganisationId, OrganisationType.Guardianship);
        if (service is null)
        {
            return CaseError.Invalid("guardianshipOrganisationId", "Choose the guardianship service that appointed the guardian.");
        }
        if (string.IsNullOrWhiteSpace(request.GuardianName) || request.GuardianName.Length > 200)
        {
            return CaseError.Invalid("guardianName", "Give the appointed guardian's name.");
        }
        var now = cases.Now;
        c.GuardianOrganisationId = service.Id;
        c.GuardianName = request.GuardianName.Trim();
        c.GuardianAppointedAt = now;
        // Appointed by the guardianship service itself: it is informed by definition.
        c.GuardianAcknowledgedAt = isGuardianship ? now : null;
        CaseService.AddParticipant(c, service.Id, ParticipantKind.Guardian, now);
        cases.AddEvent(c, user, "guardian", $"Guardian appointed through {service.Name}; the guardianship service is notified", null, null, null);
        await Db.SaveChangesAsync();
        return c;
    }

    /// <summary>The guardianship service confirms it has seen the notification.</summary>
    public async Task<CaseResult<Case>> AcknowledgeGuardianAsync(ClaimsPrincipal user, Guid caseId)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.AcknowledgeGuardian))
        {
            return CaseError.Forbidden("Only the child's guardianship service acknowledges the appointment.");
        }
        var c = loaded.Case;
        if (c.GuardianAcknowledgedAt is null && c.GuardianOrganisationId == loaded.Access.OrganisationId)
        {
            c.GuardianAcknowledgedAt = cases.Now;
            cases.AddEvent(c, user, "guardian-acknowledged", "The guardianship service acknowledged the appointment", null, null, null);
            await Db.SaveChangesAsync();
        }
        return c;
    }

    /// <summary>CH-AGE-04: only a recorded result moves a presumed minor to adult; an inconclusive one keeps the presumption.</summary>
    public async Task<CaseResult<AgeAssessment>> RecordAgeAssessmentAsync(ClaimsPrincipal user, Guid caseId, AgeAssessmentRequest request)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (ClosedCase.Refusal(loaded.Case, CaseChange.AssessAge) is { } closed)
        {
            return closed;
        }
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.AssessAge))
        {
            return CaseError.Forbidden("The owner of the case or the child's guardian records an age assessment.");
        }
        if (Enums.Named<AgeAssessmentMethod>(request.Method) is not { } method)
        {
            return CaseError.Invalid("method", "Choose the method: PsychoSocial, BoneXRay, Dental or Combined.");
        }
        if (Enums.Named<AgeAssessmentResult>(request.Result) is not { } result)
        {
            return CaseError.Invalid("result", "Choose the result: Minor, Adult or Inconclusive.");
        }
        var today = cases.Profile.LocalDate(cases.Now);
        if (request.AssessedOn is not { } on || on > today)
        {
            return CaseError.Invalid("assessedOn", "Give the date of the assessment (not in the future).");
        }
        if (string.IsNullOrWhiteSpace(request.AssessedBy) || request.AssessedBy.Length > 200)
        {
            return CaseError.Invalid("assessedBy", "Say who carried out the assessment.");
        }
        var c = loaded.Case;
        var record = new AgeAssessment
        {
            CaseId = caseId, Method = method, Result = result, AssessedOn = on, AssessedByName = request.AssessedBy.Trim(), RecordedAt = cases.Now,
        };
        Db.AgeAssessments.Add(record);
        var before = c.AgeStatus;
        c.AgeStatus = result switch
        {
            AgeAssessmentResult.Minor => AgeStatus.ConfirmedMinor,
            AgeAssessmentResult.Adult => AgeStatus.ConfirmedAdult,
            AgeAssessmentResult.Inconclusive => c.AgeStatus == AgeStatus.Unknown ? AgeStatus.PresumedMinor : c.AgeStatus,
        };
        cases.AddEvent(c, user, "age-assessment", $"Age assessment ({CaseText.AgeMethod(method)}): {CaseText.AgeResult(result)}; {CaseText.AgeStatus(before.ToString())} → {CaseText.AgeStatus(c.AgeStatus.ToString())}", null, null, null);
        await Db.SaveChangesAsync();
        return record;
    }

    /// <summary>
    /// The child's first interview (CH-PR-11..16): the guardian present, a permitted venue, and only the
    /// fields of <see cref="ChildFirstInterview"/>. Stored encrypted as a case document.
    /// </summary>
    public async Task<CaseResult<CaseDocument>> RecordFirstInterviewAsync(ClaimsPrincipal user, Guid caseId, ChildFirstInterview interview)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (ClosedCase.Refusal(loaded.Case, CaseChange.RecordChildInterview) is { } closed)
        {
            return closed;
        }
        var c = loaded.Case;
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.RecordChildWork))
        {
            return CaseError.Forbidden("The first interview is recorded by the organisation that owns the case or the guardian.");
        }
        if (!c.IsChild)
        {
            return CaseError.Conflict("The first-interview record is for children; record an adult's statement as a statement.");
        }
        if (c.GuardianOrganisationId is null)
        {
            return CaseError.Conflict("Record the guardian first: the guardian is present at every questioning of a child (CH-PR-11).");
        }
        if (SafetyWork.VenueProblem(interview.Venue, lawEnforcementPresent: false, child: true) is { } venue)
        {
            return CaseError.Invalid("venue", venue);
        }
        if (string.IsNullOrWhiteSpace(interview.GuardianPresent))
        {
            return CaseError.Invalid("guardianPresent", "Name the guardian present at the interview (CH-PR-11).");
        }
        if (string.IsNullOrWhiteSpace(interview.InterviewerName))
        {
            return CaseError.Invalid("interviewerName", "Name the specially trained interviewer (CH-PR-12).");
        }
        if (interview.HeldAt > cases.Now.AddMinutes(5))
        {
            return CaseError.Invalid("heldAt", "Record the interview after it took place.");
        }
        var document = new CaseDocument
        {
            CaseId = caseId, Kind = DocumentKind.ChildFirstInterview, Title = "Child's first interview (biographical and social history)",
            ContentCipher = protector.ProtectDocument(JsonSerializer.Serialize(interview)), RecordedAt = cases.Now,
            RecordedByName = user.DisplayName(), RecordedByOrganisationId = loaded.Access.OrganisationId,
        };
        Db.CaseDocuments.Add(document);
        cases.AddEvent(c, user, "child-interview", $"Child's first interview recorded ({CaseText.Venue(interview.Venue)}, guardian present)", null, null, null);
        await Db.SaveChangesAsync();
        return document;
    }

    /// <summary>CH-PR-17: the final disposition lists who was consulted; the guardian and the Ministry of Interior always are.</summary>
    public async Task<CaseResult<Case>> RecordDispositionAsync(ClaimsPrincipal user, Guid caseId, DispositionRequest request)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (ClosedCase.Refusal(loaded.Case, CaseChange.RecordDisposition) is { } closed)
        {
            return closed;
        }
        var c = loaded.Case;
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.RecordChildWork))
        {
            return CaseError.Forbidden("The final disposition is recorded by the owner of the case or the guardian.");
        }
        if (!c.IsChild)
        {
            return CaseError.Conflict("A final disposition is recorded for a child's case.");
        }
        var parties = (request.ConsultedParties ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (parties.Any(p => !ConsultedParties.All.ContainsKey(p)))
        {
            return CaseError.Invalid("consultedParties", "Consulted parties are: " + string.Join(", ", ConsultedParties.All.Keys) + ".");
        }
        var missing = ConsultedParties.Required.Where(r => !parties.Contains(r)).ToList();
        if (missing.Count > 0 || !parties.Contains("SocialServices") && !parties.Contains("Ngo"))
        {
            return CaseError.Invalid("consultedParties", "The disposition is made in consultation with the guardian, social services or an " +
                                                         "NGO, and the Ministry of Interior (CH-PR-17).");
        }
        if (string.IsNullOrWhiteSpace(request.Summary))
        {
            return CaseError.Invalid("summary", "Summarise the disposition and why it is in the child's favour.");
        }
        c.DispositionConsultedParties = string.Join(' ', parties);
        c.DispositionSummary = request.Summary.Trim();
        c.DispositionAt = cases.Now;
        cases.AddEvent(c, user, "disposition", "Final disposition recorded after consulting: " +
                                               string.Join(", ", parties.Select(p => ConsultedParties.All[p])), request.Summary, null, null);
        await Db.SaveChangesAsync();
        return c;
    }
}
