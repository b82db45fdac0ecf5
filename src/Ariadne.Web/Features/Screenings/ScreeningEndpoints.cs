using System.Security.Claims;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ariadne.Web.Features.Screenings;

public sealed record SheetGivenRequest(string? Language);

public sealed record ReferralOutcomeResponse(string Result, IReadOnlyList<SentReferralResponse> Referrals);

public static class ScreeningEndpoints
{
    public static void MapScreenings(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/screenings").WithTags("Screenings").RequireAuthorization(Policies.Screening);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPut("/{id:guid}", UpdateAsync);
        group.MapPost("/{id:guid}/complete", CompleteAsync);
        group.MapPost("/{id:guid}/actions/{actionId}", ActionDoneAsync);
        group.MapPost("/{id:guid}/information-sheets", SheetGivenAsync);
        group.MapPost("/{id:guid}/referral", ReferAsync);
    }

    private static async Task<Ok<List<ScreeningSummary>>> ListAsync(ScreeningService screenings, ClaimsPrincipal user,
        Audit.AuditTrail audit, AriadneDbContext db)
    {
        var list = await screenings.ListAsync(user);
        await audit.RecordAsync(db, Audit.AuditActions.Search, ScreeningService.AuditType, details: $"own organisation's screenings, {list.Count}");
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

    private static async Task<Results<Ok<ScreeningResponse>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, ScreeningRequest request, ScreeningService screenings, ClaimsPrincipal user, AriadneDbContext db)
    {
        var screening = await screenings.FindAsync(user, id);
        if (screening is null)
        {
            return TypedResults.NotFound();
        }
        var errors = screenings.Update(screening, request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await db.SaveChangesAsync();
        return TypedResults.Ok(screenings.ToResponse(screening));
    }

    private static async Task<Results<Ok<ScreeningResponse>, NotFound, ValidationProblem>> CompleteAsync(
        Guid id, ScreeningService screenings, ClaimsPrincipal user, AriadneDbContext db)
    {
        var screening = await screenings.FindAsync(user, id);
        if (screening is null)
        {
            return TypedResults.NotFound();
        }
        var errors = screenings.Complete(screening);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await db.SaveChangesAsync();
        return TypedResults.Ok(screenings.ToResponse(screening));
    }

    private static async Task<Results<Ok<ScreeningResponse>, NotFound, ValidationProblem>> ActionDoneAsync(
        Guid id, string actionId, ScreeningService screenings, ClaimsPrincipal user, AriadneDbContext db)
    {
        var screening = await screenings.FindAsync(user, id);
        if (screening is null)
        {
            return TypedResults.NotFound();
        }
        if (screenings.MarkActionDone(screening, actionId, user) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["actionId"] = [error] });
        }
        await db.SaveChangesAsync();
        return TypedResults.Ok(screenings.ToResponse(screening));
    }

    private static async Task<Results<Ok<ScreeningResponse>, NotFound, ValidationProblem>> SheetGivenAsync(
        Guid id, SheetGivenRequest request, ScreeningService screenings, ClaimsPrincipal user, AriadneDbContext db)
    {
        var screening = await screenings.FindAsync(user, id);
        if (screening is null)
        {
            return TypedResults.NotFound();
        }
        var (_, error) = screenings.RecordSheetGiven(screening, request.Language, user);
        if (error is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["language"] = [error] });
        }
        await db.SaveChangesAsync();
        return TypedResults.Ok(screenings.ToResponse(screening));
    }

    private static async Task<Results<Ok<ReferralOutcomeResponse>, NotFound, ValidationProblem>> ReferAsync(
        Guid id, ReferralRequest request, ScreeningService screenings, ReferralService referrals, ClaimsPrincipal user, AriadneDbContext db)
    {
        var screening = await screenings.FindAsync(user, id);
        if (screening is null)
        {
            return TypedResults.NotFound();
        }
        var (outcome, errors) = await referrals.ReferAsync(screening, request, user);
        if (outcome is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var names = db.Organisations.Where(o => outcome.Referrals.Select(r => r.ToOrganisationId).Contains(o.Id))
            .ToDictionary(o => o.Id, o => o.Name);
        return TypedResults.Ok(new ReferralOutcomeResponse(outcome.Result.ToString(),
            outcome.Referrals.Select(r => SentReferralResponse.From(r, names[r.ToOrganisationId])).ToList()));
    }
}
