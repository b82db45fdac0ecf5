using System.Security.Claims;
using Ariadne.Web.Features.Cases;

namespace Ariadne.Web.Features.Safety;

public static class SafetyEndpoints
{
    public static void MapSafety(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id:guid}/risk-assessments", (Guid id, RiskAssessmentRequest request, SafetyWork safety, ClaimsPrincipal user) =>
            CaseEndpoints.AnswerAsync(safety.AssessRiskAsync(user, id, request), Map));
        cases.MapPut("/{id:guid}/return-plan", (Guid id, ReturnPlanRequest request, SafetyWork safety, CaseService service, ClaimsPrincipal user) =>
            CaseEndpoints.CaseAnswerAsync(safety.PlanReturnAsync(user, id, request), service, user, id));
        cases.MapPut("/{id:guid}/safety-coordinator", (Guid id, SafetyCoordinatorRequest request, SafetyWork safety, CaseService service,
            ClaimsPrincipal user) => CaseEndpoints.CaseAnswerAsync(safety.AssignSafetyCoordinatorAsync(user, id, request.UserId), service, user, id));
        cases.MapPost("/{id:guid}/safety-actions", (Guid id, SafetyActionRequest request, SafetyWork safety, ClaimsPrincipal user) =>
            CaseEndpoints.AnswerAsync(safety.AddSafetyActionAsync(user, id, request), Map));
        cases.MapPut("/{id:guid}/safety-actions/{actionId:guid}", (Guid id, Guid actionId, SafetyActionStatusRequest request, SafetyWork safety,
            ClaimsPrincipal user) => CaseEndpoints.AnswerAsync(safety.SetSafetyActionStatusAsync(user, id, actionId, request.Status), Map));
        cases.MapPost("/{id:guid}/meetings", (Guid id, MeetingRequest request, SafetyWork safety, ClaimsPrincipal user) =>
            CaseEndpoints.AnswerAsync(safety.ScheduleMeetingAsync(user, id, request),
                m => new MeetingResponse(m.Id, m.At, m.Purpose, m.LawEnforcementPresent, m.Venue.ToString(), m.VenueDescription,
                    m.CounsellorRequested, m.SafetyCoordinatorInvited)));
        cases.MapPost("/{id:guid}/documents", (Guid id, DocumentRequest request, SafetyWork safety, ClaimsPrincipal user) =>
            CaseEndpoints.AnswerAsync(safety.AddDocumentAsync(user, id, request),
                d => new DocumentSummary(d.Id, d.Kind.ToString(), d.Title, d.RecordedAt, d.RecordedByName)));
        cases.MapGet("/{id:guid}/documents/{documentId:guid}", (Guid id, Guid documentId, SafetyWork safety, ClaimsPrincipal user) =>
            CaseEndpoints.AnswerAsync(safety.ReadDocumentAsync(user, id, documentId), d => d));
    }

    private static RiskAssessmentResponse Map(RiskAssessment r) => new(r.Id, r.Purpose.ToString(), r.ThreatToPerson.ToString(),
        r.ThreatToFamily.ToString(), r.ReTrafficking.ToString(), r.RiskIdentified, r.Summary, r.ReviewerName, r.AssessedAt, r.AssessedByName,
        r.WithGuardian);

    private static SafetyActionResponse Map(SafetyAction a) => new(a.Id, a.Description, a.Status.ToString(), a.DueOn, a.DoneAt);
}
