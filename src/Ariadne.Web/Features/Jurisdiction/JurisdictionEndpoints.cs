using System.Security.Claims;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ariadne.Web.Features.Jurisdiction;

public static class JurisdictionEndpoints
{
    public static void MapJurisdiction(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/jurisdiction").WithTags("Jurisdiction")
            .WithVersionCheck<StoredSetting>(_ => JurisdictionSettings.Key);
        // Everyone works by these rules, so everyone may read them; only the administrator changes them.
        group.MapGet("/", (JurisdictionProfile profile) => TypedResults.Ok(profile)).RequireAuthorization(Policies.SignedIn);
        group.MapPut("/", SaveAsync).RequireAuthorization(Policies.Administration);
    }

    // [FromBody]: the profile is also a (scoped) service, and without it the endpoint would be given the one in force.
    private static async Task<Results<Ok<JurisdictionProfile>, ValidationProblem>> SaveAsync([FromBody] JurisdictionProfile profile,
        JurisdictionSettings settings, AriadneDbContext db, ClaimsPrincipal user, TimeProvider time)
    {
        var errors = await settings.SaveAsync(db, profile, user, time.GetUtcNow().UtcDateTime);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(settings.Current);
    }
}
