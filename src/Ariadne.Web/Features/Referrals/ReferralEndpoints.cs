using System.Security.Claims;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ariadne.Web.Features.Referrals;

public static class ReferralEndpoints
{
    public static void MapReferrals(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/referrals").WithTags("Referrals").WithVersionCheck<Referral>();
        group.MapGet("/sent", SentAsync).RequireAuthorization(Policies.Screening);
        group.MapGet("/sent/{id:guid}", SentOneAsync).RequireAuthorization(Policies.Screening);
        group.MapGet("/incoming", IncomingAsync).RequireAuthorization(Policies.ReferralIntake);
        group.MapGet("/incoming/{id:guid}", ReceivedAsync).RequireAuthorization(Policies.ReferralIntake);
        group.MapPost("/incoming/{id:guid}/acknowledge", AcknowledgeAsync).RequireAuthorization(Policies.ReferralIntake);
    }

    /// <summary>Paged and filtered like the case list: <c>?status=&amp;reference=&amp;page=&amp;pageSize=</c>, with X-Total-Count and Link.</summary>
    private static Task<Results<Ok<List<SentReferralResponse>>, ValidationProblem>> SentAsync(ReferralService referrals,
        ClaimsPrincipal user, HttpContext http, string? status, string? reference, int? page, int? pageSize) =>
        PageAsync(http, status, reference, page, pageSize, (filter, paging) => referrals.SentPageAsync(user, filter, paging));

    /// <summary>Both lists read their filter and page the same way; a bad value answers 400 naming it.</summary>
    private static async Task<Results<Ok<List<T>>, ValidationProblem>> PageAsync<T>(HttpContext http, string? status,
        string? reference, int? page, int? pageSize, Func<ReferralListFilter, Paging, Task<(List<T> Rows, int Total)>> load)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = ReferralListFilter.From(status, reference, errors);
        var paging = Paging.From(page, pageSize, errors);
        if (filter is null || paging is null)
        {
            return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(e => e)));
        }
        var (rows, total) = await load(filter, paging);
        paging.Describe(http, total);
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<SentReferralResponse>, NotFound>> SentOneAsync(Guid id, ReferralService referrals, ClaimsPrincipal user) =>
        await referrals.SentOneAsync(user, id) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    private static Task<Results<Ok<List<IncomingReferralResponse>>, ValidationProblem>> IncomingAsync(ReferralService referrals,
        ClaimsPrincipal user, HttpContext http, string? status, string? reference, int? page, int? pageSize) =>
        PageAsync(http, status, reference, page, pageSize, (filter, paging) => referrals.IncomingPageAsync(user, filter, paging));

    private static async Task<Results<Ok<ReceivedReferralResponse>, NotFound>> ReceivedAsync(Guid id, ReferralService referrals, ClaimsPrincipal user) =>
        await referrals.ReceivedAsync(user, id) is { } r
            ? TypedResults.Ok(new ReceivedReferralResponse(IncomingReferralResponse.From(r.Referral, r.FromName), r.Referral.StatementText))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<IncomingReferralResponse>, NotFound>> AcknowledgeAsync(Guid id, ReferralService referrals, ClaimsPrincipal user)
    {
        if (await referrals.ReceivedAsync(user, id) is not { } r)
        {
            return TypedResults.NotFound();
        }
        await referrals.AcknowledgeAsync(r.Referral, user);
        return TypedResults.Ok(IncomingReferralResponse.From(r.Referral, r.FromName));
    }
}
