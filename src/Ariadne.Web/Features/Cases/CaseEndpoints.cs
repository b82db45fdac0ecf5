using System.Security.Claims;
using Ariadne.Web.Features.Children;
using Ariadne.Web.Features.Consent;
using Ariadne.Web.Features.Safety;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Features.Support;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ariadne.Web.Features.Cases;

/// <summary>Everything one viewer may see of a case, in one response (each part already cut to the viewer's access).</summary>
public sealed record CaseDetailResponse(
    CaseResponse Case,
    IReadOnlyList<ServiceResponse> Services,
    IReadOnlyList<PlacementResponse> Placements,
    IReadOnlyList<ConsentResponse> Consents,
    IReadOnlyList<RiskAssessmentResponse> RiskAssessments,
    IReadOnlyList<MeetingResponse> Meetings,
    IReadOnlyList<SafetyActionResponse> SafetyPlan,
    IReadOnlyList<DocumentSummary> Documents);

/// <summary>
/// <c>/api/v1/cases</c>: the National Referral Mechanism. Same service methods and rules as the pages; a case the
/// caller's organisation has no part in answers 404.
/// </summary>
public static class CaseEndpoints
{
    public static void MapCases(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/cases").WithTags("Cases").RequireAuthorization(Policies.Cases).WithVersionCheck<Case>();
        group.MapGet("/", QueueAsync);
        group.MapPost("/", OpenAsync);
        group.MapGet("/dashboard", DashboardAsync).RequireAuthorization(Policies.CaseOversight);
        group.MapGet("/handovers", HandoversAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapGet("/{id:guid}/timeline", TimelineAsync);
        group.MapGet("/{id:guid}/duplicates", DuplicatesAsync);
        group.MapPost("/{id:guid}/transitions", TransitionAsync);
        group.MapPut("/{id:guid}/owner", AssignAsync);
        group.MapPost("/{id:guid}/handovers", RequestHandoverAsync);
        group.MapPost("/{id:guid}/handovers/{handoverId:guid}/response", RespondAsync);
        group.MapPost("/{id:guid}/participants", InviteAsync);
        group.MapPost("/{id:guid}/status-changes", ChangeStatusAsync);
        group.MapSupport();
        group.MapConsent();
        group.MapChildren();
        group.MapSafety();
    }

    /// <summary>Turns a case operation's result into 200 with the mapped body, or the refusal as problem details.</summary>
    public static Results<Ok<TOut>, ProblemHttpResult, ValidationProblem> Answer<TIn, TOut>(CaseResult<TIn> result, Func<TIn, TOut> map) =>
        result.Error is { } e ? Problem<TOut>(e) : TypedResults.Ok(map(result.Value!));

    public static async Task<Results<Ok<TOut>, ProblemHttpResult, ValidationProblem>> AnswerAsync<TIn, TOut>(
        Task<CaseResult<TIn>> operation, Func<TIn, TOut> map) => Answer(await operation, map);

    public static Results<Ok<TOut>, ProblemHttpResult, ValidationProblem> Problem<TOut>(CaseError e) =>
        e.Field is { } field
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [e.Message] }, detail: e.Message)
            : TypedResults.Problem(detail: e.Message, statusCode: e.Status, title: e.Status switch
            {
                StatusCodes.Status404NotFound => "Not found",
                StatusCodes.Status403Forbidden => "Not your part of the case",
                _ => "Not possible in the case's current state",
            });

    /// <summary>Possible duplicates of the case's person in other cases, each shown as far as the caller may see that case (issue 12 item 6).</summary>
    private static async Task<Results<Ok<DuplicatesResponse>, NotFound>> DuplicatesAsync(Guid id, ClaimsPrincipal user, PersonDuplicates duplicates,
        CancellationToken ct) =>
        await duplicates.FindAsync(user, id, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<CaseSummary>>, ValidationProblem>> QueueAsync(CaseService cases, ClaimsPrincipal user,
        HttpContext http, string? scope, bool? closed, string? stage, string? reference, string? name, int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = CaseListFilter.From(stage, reference, errors, name);
        var paging = Paging.From(page, pageSize, errors);
        if (filter is null || paging is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (rows, total) = await cases.QueuePageAsync(user,
            string.Equals(scope, "mine", StringComparison.OrdinalIgnoreCase) ? QueueScope.Mine : QueueScope.Organisation, closed ?? false,
            filter, paging);
        paging.Describe(http, total);
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> OpenAsync(OpenCaseRequest request,
        CaseService cases, ClaimsPrincipal user)
    {
        var result = await cases.OpenFromReferralAsync(user, request.ReferralId);
        if (result.Error is { } e)
        {
            return Problem<CaseResponse>(e);
        }
        var loaded = (await cases.FindAsync(user, result.Value!.Id))!;
        return TypedResults.Ok(await cases.ToResponseAsync(loaded));
    }

    private static async Task<Ok<CoordinatorDashboard>> DashboardAsync(CaseService cases) => TypedResults.Ok(await cases.DashboardAsync());

    private static async Task<Ok<List<HandoverSummary>>> HandoversAsync(CaseService cases, ClaimsPrincipal user) =>
        TypedResults.Ok(await cases.PendingHandoversAsync(user));

    private static async Task<Results<Ok<CaseDetailResponse>, NotFound>> GetAsync(Guid id, CaseService cases, SupportWork support,
        ConsentWork consent, SafetyWork safety, ClaimsPrincipal user)
    {
        if (await cases.LoadAsync(user, id, "api") is not { } loaded)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await DetailAsync(loaded, cases, support, consent, safety, user));
    }

    public static async Task<CaseDetailResponse> DetailAsync(LoadedCase loaded, CaseService cases, SupportWork support, ConsentWork consent,
        SafetyWork safety, ClaimsPrincipal user)
    {
        var response = await cases.ToResponseAsync(loaded);
        if (!loaded.Access.SeesCase)
        {
            // The referrer's view: the status of its referral and nothing of the work on the case.
            return new CaseDetailResponse(response, [], [], [], [], [], [], []);
        }
        return new CaseDetailResponse(response, await support.ListAsync(loaded), await support.PlacementsAsync(loaded),
            await consent.ListAsync(loaded), await safety.RiskAssessmentsAsync(loaded), await safety.MeetingsAsync(loaded),
            await safety.SafetyPlanAsync(loaded, user), await safety.DocumentsAsync(loaded));
    }

    private static async Task<Results<Ok<List<TimelineEntry>>, NotFound>> TimelineAsync(Guid id, CaseService cases, ClaimsPrincipal user) =>
        await cases.LoadAsync(user, id, "timeline") is { } loaded ? TypedResults.Ok(await cases.TimelineAsync(loaded)) : TypedResults.NotFound();

    private static async Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> TransitionAsync(Guid id, TransitionBody body,
        CaseService cases, ClaimsPrincipal user)
    {
        var request = body.ToRequest();
        return request.Error is { } e
            ? Problem<CaseResponse>(e)
            : await CaseAnswerAsync(cases.TransitionAsync(user, id, request.Value!), cases, user, id);
    }

    private static Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> AssignAsync(Guid id, AssignRequest request,
        CaseService cases, ClaimsPrincipal user) => CaseAnswerAsync(cases.AssignAsync(user, id, request.UserId), cases, user, id);

    private static Task<Results<Ok<HandoverResponse>, ProblemHttpResult, ValidationProblem>> RequestHandoverAsync(Guid id, HandoverRequest request,
        CaseService cases, ClaimsPrincipal user) =>
        AnswerAsync(cases.RequestHandoverAsync(user, id, request.ToOrganisationId, request.Reason), Summary);

    private static Task<Results<Ok<HandoverResponse>, ProblemHttpResult, ValidationProblem>> RespondAsync(Guid id, Guid handoverId,
        HandoverResponseBody body, CaseService cases, ClaimsPrincipal user) =>
        AnswerAsync(cases.RespondToHandoverAsync(user, id, handoverId, body.Accept, body.Reason), Summary);

    private static HandoverResponse Summary(CaseHandover h) =>
        new(h.Id, h.CaseId, h.FromOrganisationId, h.ToOrganisationId, h.RequestedAt, h.Status.ToString(), h.RespondedAt);

    private static Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> InviteAsync(Guid id, InviteRequest request,
        CaseService cases, ClaimsPrincipal user) => CaseAnswerAsync(cases.InviteAsync(user, id, request.OrganisationId), cases, user, id);

    private static Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> ChangeStatusAsync(Guid id, StatusChangeRequest request,
        CaseService cases, ClaimsPrincipal user) => CaseAnswerAsync(cases.ChangeStatusAsync(user, id, request), cases, user, id);

    /// <summary>After a change to the case itself: answers with the case as the caller now sees it.</summary>
    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> CaseAnswerAsync(Task<CaseResult<Case>> operation,
        CaseService cases, ClaimsPrincipal user, Guid id)
    {
        var result = await operation;
        if (result.Error is { } e)
        {
            return Problem<CaseResponse>(e);
        }
        return await cases.FindAsync(user, id) is { } loaded ? TypedResults.Ok(await cases.ToResponseAsync(loaded)) : Problem<CaseResponse>(CaseError.NotFound);
    }
}
