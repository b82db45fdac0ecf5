using System.Security.Claims;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ariadne.Web.Features.Checks;

/// <summary>
/// <c>/api/v1/checks</c> and <c>/api/v1/links</c> (issue 12): checks, approvals, deconfliction, review and the link view. The
/// intelligence roles reach the group; which of them may check is configured ("Checks:Roles") and decided per request.
/// </summary>
public static class CheckEndpoints
{
    public static void MapChecks(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/checks").WithTags("Checks").RequireAuthorization(Policies.Intelligence);
        group.MapPost("/", async (CheckRequest? request, CheckService checks, ClaimsPrincipal user) =>
            Answer(await checks.CheckAsync(user, request)));
        group.MapGet("/", async (CheckService checks, ClaimsPrincipal user) => TypedResults.Ok(await checks.MineAsync(user)));
        group.MapPost("/{id:guid}/run", async (Guid id, CheckService checks, ClaimsPrincipal user) =>
            Answer(await checks.RunAgainAsync(user, id)));
        group.MapGet("/approvals", async (CheckService checks, ClaimsPrincipal user) =>
            TypedResults.Ok(await checks.AwaitingApprovalAsync(user)));
        group.MapPost("/{id:guid}/approval", async (Guid id, CheckService checks, ClaimsPrincipal user) =>
            Answer(await checks.ApproveAsync(user, id)));
        group.MapGet("/on-our-material", async (Guid? report, CheckService checks, ClaimsPrincipal user) =>
            TypedResults.Ok(await checks.OnOurMaterialAsync(user, report)));
        group.MapGet("/new-links", async (long? since, bool? mine, CheckService checks, ClaimsPrincipal user) =>
            Answer(await checks.NewLinksAsync(user, since, mine ?? false)));
        group.MapPost("/cross-reference/run", async (CheckService checks, ClaimsPrincipal user) =>
            Answer(await checks.RunCrossReferenceAsync(user)));
        group.MapGet("/review", async (Guid? userId, CheckService checks, ClaimsPrincipal user) =>
            Answer(await checks.ReviewAsync(user, userId)));

        api.MapGet("/links", async (Guid? report, string? entity, int? page, int? pageSize, CheckService checks, ClaimsPrincipal user) =>
                Answer(await checks.LinksAsync(user, report, entity, page, pageSize)))
            .WithTags("Checks").RequireAuthorization(Policies.Intelligence);
    }

    private static Results<Ok<T>, ProblemHttpResult, ValidationProblem> Answer<T>(IntelligenceResult<T> result) =>
        result.Error switch
        {
            null => TypedResults.Ok(result.Value!),
            { Fields: { } fields } e => TypedResults.ValidationProblem(fields, detail: e.Message),
            var e => TypedResults.Problem(detail: e.Message, statusCode: e.Status, title: e.Status switch
            {
                StatusCodes.Status404NotFound => "Not found",
                StatusCodes.Status403Forbidden => "Not yours to do",
                StatusCodes.Status503ServiceUnavailable => "Not ready",
                _ => "Not possible in the check's current state",
            }),
        };
}
