using System.Security.Claims;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ariadne.Web.Features.Screenings;

public sealed record SheetGivenRequest(string? Language);

public sealed record ReferralOutcomeResponse(string Result, IReadOnlyList<SentReferralResponse> Referrals);

public static class ScreeningEndpoints
{
    public static void MapScreenings(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/screenings").WithTags("Screenings").RequireAuthorization(Policies.Screening)
            .WithVersionCheck<Screening>();
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPut("/{id:guid}", UpdateAsync);
        group.MapPost("/{id:guid}/complete", CompleteAsync);
        group.MapPost("/{id:guid}/actions/{actionId}", ActionDoneAsync);
        group.MapPost("/{id:guid}/information-sheets", SheetGivenAsync);
        group.MapPost("/{id:guid}/referral", ReferAsync);
    }

    private static async Task<Results<Ok<List<ScreeningSummary>>, ValidationProblem>> ListAsync(ScreeningService screenings,
        ClaimsPrincipal user, HttpContext http, int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (Paging.From(page, pageSize, errors) is not { } paging)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (list, total) = await screenings.ListPageAsync(user, paging);
        paging.Describe(http, total);
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Created<ScreeningResponse>, ValidationProblem>> CreateAsync(
        ScreeningRequest? request, ScreeningService screenings, ClaimsPrincipal user, AriadneDbContext db)
    {
        var screening = screenings.Start(user);
        if (request is not null)
        {
            var errors = screenings.Update(screening, request);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }
        }
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/v1/screenings/{screening.Id}", screenings.ToResponse(screening));
    }

    private static async Task<Results<Ok<ScreeningResponse>, NotFound>> GetAsync(Guid id, ScreeningService screenings, ClaimsPrincipal user) =>
        await screenings.ViewAsync(user, id, "api") is { } s ? TypedResults.Ok(screenings.ToResponse(s)) : TypedResults.NotFound();

    private static Task<Results<Ok<ScreeningResponse>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, ScreeningRequest request, ScreeningService screenings, ClaimsPrincipal user, AriadneDbContext db,
        ExpectedVersions expected, HttpRequest http)
    {
        // The whole screening is replaced by what the client sends, so the version it read matters: If-Match, or
        // the version in the body it read; without either the PUT is an unconditional replace (ADR 0008).
        if (request.Version is { } read && Versioning.ParseIfMatch(http.Headers.IfMatch) is null)
        {
            expected.Expect(typeof(Screening), id, read);
        }
        return ChangeAsync(id, screenings, user, db, s => screenings.Update(s, request));
    }

    private static Task<Results<Ok<ScreeningResponse>, NotFound, ValidationProblem>> CompleteAsync(
        Guid id, ScreeningService screenings, ClaimsPrincipal user, AriadneDbContext db) =>
        ChangeAsync(id, screenings, user, db, screenings.Complete);

    private static Task<Results<Ok<ScreeningResponse>, NotFound, ValidationProblem>> ActionDoneAsync(
        Guid id, string actionId, ScreeningService screenings, ClaimsPrincipal user, AriadneDbContext db) =>
        ChangeAsync(id, screenings, user, db, s => Problem("actionId", screenings.MarkActionDone(s, actionId, user)));

    private static Task<Results<Ok<ScreeningResponse>, NotFound, ValidationProblem>> SheetGivenAsync(
        Guid id, SheetGivenRequest request, ScreeningService screenings, ClaimsPrincipal user, AriadneDbContext db) =>
        ChangeAsync(id, screenings, user, db, s => Problem("language", screenings.RecordSheetGiven(s, request.Language, user).Error));

    /// <summary>
    /// Every change to a screening goes the same way: load it through the organisation check, apply, and
    /// save only when the change was valid (the API never stores half a request).
    /// </summary>
    private static async Task<Results<Ok<ScreeningResponse>, NotFound, ValidationProblem>> ChangeAsync(
        Guid id, ScreeningService screenings, ClaimsPrincipal user, AriadneDbContext db,
        Func<Screening, Dictionary<string, string[]>> change)
    {
        var screening = await screenings.FindAsync(user, id);
        if (screening is null)
        {
            return TypedResults.NotFound();
        }
        var errors = change(screening);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await db.SaveChangesAsync();
        return TypedResults.Ok(screenings.ToResponse(screening));
    }

    private static Dictionary<string, string[]> Problem(string field, string? error) =>
        error is null ? [] : new() { [field] = [error] };

    private static async Task<Results<Ok<ReferralOutcomeResponse>, NotFound, ValidationProblem>> ReferAsync(
        Guid id, ReferralRequest request, ScreeningService screenings, ReferralService referrals, ClaimsPrincipal user)
    {
        var screening = await screenings.FindAsync(user, id);
        if (screening is null)
        {
            return TypedResults.NotFound();
        }
        var (outcome, errors) = await referrals.ReferAsync(screening, request, user);
        return outcome is null
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(new ReferralOutcomeResponse(outcome.Result.ToString(), outcome.Referrals));
    }
}
