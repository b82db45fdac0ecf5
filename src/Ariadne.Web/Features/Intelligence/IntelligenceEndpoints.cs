using System.Security.Claims;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>
/// <c>/api/v1/intelligence</c>: key-data reports (issue 10). A report the caller may not see answers 404, like one that does not
/// exist, and is absent from lists, X-Total-Count and filter choices; every open and export is a logged dissemination event.
/// </summary>
public static class IntelligenceEndpoints
{
    public static void MapIntelligence(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/intelligence").WithTags("Intelligence").RequireAuthorization(Policies.Intelligence)
            .WithVersionCheck<IntelligenceReport>();
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapGet("/filters", FiltersAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPut("/{id:guid}", UpdateDraftAsync);
        group.MapGet("/{id:guid}/export", ExportAsync);
        group.MapPost("/{id:guid}/submit", SubmitAsync);
        group.MapPost("/{id:guid}/evaluations", EvaluateAsync);
        group.MapPost("/{id:guid}/handling", ChangeHandlingAsync);
        group.MapPut("/{id:guid}/risk-assessment", RiskAssessmentAsync);
        group.MapPost("/{id:guid}/risk-assessment/approval", ApproveRiskAssessmentAsync);
        group.MapPost("/{id:guid}/dissemination-approval", ApproveDisseminationAsync);
        group.MapGet("/{id:guid}/access-log", AccessLogAsync);
        group.MapPost("/{id:guid}/sanitised", SanitiseAsync);
        group.MapPost("/{id:guid}/disseminations", async (Guid id, SendRequest request, IntelligenceService intelligence, ClaimsPrincipal user) =>
            Answer(await intelligence.SendAsync(user, id, request)));
        group.MapGet("/received", async (IntelligenceService intelligence, ClaimsPrincipal user) =>
            TypedResults.Ok(await intelligence.SentToUsAsync(user)));
    }

    /// <summary>
    /// <c>/api/v1/intelligence/sanitised</c>: sanitised thematic versions (issue 10 item 8), readable by the forum as well as by the
    /// intelligence roles; a version the caller may not read answers 404.
    /// </summary>
    public static void MapSanitisedIntelligence(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/intelligence/sanitised").WithTags("Intelligence").RequireAuthorization(Policies.ThematicIntelligence)
            .WithVersionCheck<SanitisedVersion>();
        group.MapGet("/", async (SanitisedService sanitised, ClaimsPrincipal user) => TypedResults.Ok(await sanitised.ListAsync(user)));
        group.MapGet("/{id:guid}", async (Guid id, SanitisedService sanitised, ClaimsPrincipal user) => Answer(await sanitised.OpenAsync(user, id)));
        group.MapPut("/{id:guid}", async (Guid id, SanitisedUpdateRequest request, SanitisedService sanitised, ClaimsPrincipal user) =>
            Answer(await sanitised.UpdateAsync(user, id, request)));
        group.MapPost("/{id:guid}/release", async (Guid id, SanitisedService sanitised, ClaimsPrincipal user) =>
            Answer(await sanitised.ReleaseAsync(user, id)));
    }

    private static async Task<Results<Ok<SanitisedResponse>, ProblemHttpResult, ValidationProblem>> SanitiseAsync(Guid id,
        SanitiseRequest? request, SanitisedService sanitised, ClaimsPrincipal user) =>
        Answer(await sanitised.DeriveAsync(user, id, request ?? new SanitiseRequest(null, null)));

    private static Results<Ok<T>, ProblemHttpResult, ValidationProblem> Answer<T>(IntelligenceResult<T> result) =>
        result.Error switch
        {
            null => TypedResults.Ok(result.Value!),
            { Fields: { } fields } e => TypedResults.ValidationProblem(fields, detail: e.Message),
            var e => TypedResults.Problem(detail: e.Message, statusCode: e.Status, title: e.Status switch
            {
                StatusCodes.Status404NotFound => "Not found",
                StatusCodes.Status403Forbidden => "Not yours to do",
                _ => "Not possible in the report's current state",
            }),
        };

    private static async Task<Results<Ok<List<ReportSummary>>, ValidationProblem>> ListAsync(IntelligenceService intelligence,
        ClaimsPrincipal user, HttpContext http, string? exploitationType, DateTime? from, DateTime? to, Guid? organisationId, int? page,
        int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = Paging.From(page, pageSize, errors);
        if (paging is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var filter = new ReportFilter(exploitationType, from?.ToUniversalTime(), to?.ToUniversalTime(), organisationId);
        var (rows, total) = await intelligence.ListAsync(user, filter, paging);
        paging.Describe(http, total);
        return TypedResults.Ok(rows);
    }

    private static async Task<Ok<FilterOptions>> FiltersAsync(IntelligenceService intelligence, ClaimsPrincipal user) =>
        TypedResults.Ok(await intelligence.FilterOptionsAsync(user));

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult, ValidationProblem>> CreateAsync(CreateReportRequest request,
        IntelligenceService intelligence, ClaimsPrincipal user) => Answer(await intelligence.CreateAsync(user, request));

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(Guid id,
        IntelligenceService intelligence, ClaimsPrincipal user) => Answer(await intelligence.OpenAsync(user, id));

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult, ValidationProblem>> UpdateDraftAsync(Guid id,
        CreateReportRequest request, IntelligenceService intelligence, ClaimsPrincipal user) =>
        Answer(await intelligence.UpdateDraftAsync(user, id, request));

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult, ValidationProblem>> ExportAsync(Guid id,
        IntelligenceService intelligence, ClaimsPrincipal user) =>
        Answer(await intelligence.OpenAsync(user, id, IntelligenceAuditActions.Export));

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult, ValidationProblem>> SubmitAsync(Guid id, SubmitRequest? request,
        IntelligenceService intelligence, ClaimsPrincipal user) => Answer(await intelligence.SubmitAsync(user, id, request ?? new SubmitRequest(null)));

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult, ValidationProblem>> EvaluateAsync(Guid id, EvaluationRequest request,
        IntelligenceService intelligence, ClaimsPrincipal user) => Answer(await intelligence.EvaluateAsync(user, id, request));

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult, ValidationProblem>> ChangeHandlingAsync(Guid id,
        ChangeHandlingRequest request, IntelligenceService intelligence, ClaimsPrincipal user) =>
        Answer(await intelligence.ChangeHandlingAsync(user, id, request));

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult, ValidationProblem>> RiskAssessmentAsync(Guid id,
        RiskAssessmentRequest request, IntelligenceService intelligence, ClaimsPrincipal user) =>
        Answer(await intelligence.RecordRiskAssessmentAsync(user, id, request));

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult, ValidationProblem>> ApproveRiskAssessmentAsync(Guid id,
        IntelligenceService intelligence, ClaimsPrincipal user) => Answer(await intelligence.ApproveAsync(user, id, dissemination: false));

    private static async Task<Results<Ok<ReportResponse>, ProblemHttpResult, ValidationProblem>> ApproveDisseminationAsync(Guid id,
        IntelligenceService intelligence, ClaimsPrincipal user) => Answer(await intelligence.ApproveAsync(user, id, dissemination: true));

    private static async Task<Results<Ok<List<AccessLogEntry>>, ProblemHttpResult, ValidationProblem>> AccessLogAsync(Guid id,
        IntelligenceService intelligence, ClaimsPrincipal user) => Answer(await intelligence.AccessLogAsync(user, id));
}
