using System.Security.Claims;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Safety;

namespace Ariadne.Web.Features.Children;

public sealed record AgeAssessmentRecorded(Guid Id, string Method, string Result, DateOnly AssessedOn);

public static class ChildEndpoints
{
    public static void MapChildren(this RouteGroupBuilder cases)
    {
        cases.MapPut("/{id:guid}/guardian", (Guid id, GuardianRequest request, ChildWork children, CaseService service, ClaimsPrincipal user) =>
            CaseEndpoints.CaseAnswerAsync(children.RecordGuardianAsync(user, id, request), service, user, id));
        cases.MapPost("/{id:guid}/guardian/acknowledge", (Guid id, ChildWork children, CaseService service, ClaimsPrincipal user) =>
            CaseEndpoints.CaseAnswerAsync(children.AcknowledgeGuardianAsync(user, id), service, user, id));
        cases.MapPost("/{id:guid}/age-assessments", (Guid id, AgeAssessmentRequest request, ChildWork children, ClaimsPrincipal user) =>
            CaseEndpoints.AnswerAsync(children.RecordAgeAssessmentAsync(user, id, request),
                a => new AgeAssessmentRecorded(a.Id, a.Method.ToString(), a.Result.ToString(), a.AssessedOn)));
        cases.MapPost("/{id:guid}/child-interviews", (Guid id, ChildFirstInterview request, ChildWork children, ClaimsPrincipal user) =>
            CaseEndpoints.AnswerAsync(children.RecordFirstInterviewAsync(user, id, request),
                d => new DocumentSummary(d.Id, d.Kind.ToString(), d.Title, d.RecordedAt, d.RecordedByName)));
        cases.MapPut("/{id:guid}/disposition", (Guid id, DispositionRequest request, ChildWork children, CaseService service, ClaimsPrincipal user) =>
            CaseEndpoints.CaseAnswerAsync(children.RecordDispositionAsync(user, id, request), service, user, id));
    }
}
