using System.ComponentModel.DataAnnotations;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Accounts;

public sealed record TokenRequest([property: MaxLength(256)] string? Username, [property: MaxLength(256)] string? Password, [property: MaxLength(20)] string? Totp);

public sealed record OrganisationRef(Guid Id, string Name, string Type);

public sealed record MeResponse(Guid Id, string UserName, string DisplayName, OrganisationRef Organisation,
    IReadOnlyList<string> Roles, bool TwoFactorEnabled);

public static class AccountEndpoints
{
    public static void MapAccounts(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Sign-in");

        auth.MapPost("/token", IssueTokenAsync)
            .AllowAnonymous()
            .Produces<AccessTokenResponse>()
            .WithSummary("Exchange user name, password and (once enrolled) an authenticator code for an access token.");

        auth.MapGet("/me", GetMeAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The signed-in user, their organisation and roles.");
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult, ValidationProblem>> IssueTokenAsync(
        TokenRequest request, SignInManager<ApplicationUser> signIn, AriadneDbContext db, AuditTrail audit, SignInThrottle throttle,
        HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["username"] = ["Send 'username' and 'password' (and 'totp' once two-factor sign-in is enabled)."],
            });
        }

        if (throttle.TryAttempt(http, request.Username) is { } wait)
        {
            SignInThrottle.Refuse(http.Response, wait);
            return TypedResults.Problem(title: "Too many sign-in attempts", detail: SignInThrottle.Message(wait),
                statusCode: StatusCodes.Status429TooManyRequests);
        }
        var outcome = await SignInChecks.CheckAsync(signIn, request.Username, request.Password, request.Totp);
        await audit.RecordSignInAsync(db, AuditActions.TokenIssued, request.Username, outcome.User, outcome.Succeeded,
            outcome.AuditDetail);

        if (!outcome.Succeeded)
        {
            return TypedResults.Problem(title: "Sign-in failed", detail: outcome.Message,
                statusCode: StatusCodes.Status401Unauthorized,
                extensions: new Dictionary<string, object?> { ["reason"] = outcome.Code });
        }
        var principal = await signIn.CreateUserPrincipalAsync(outcome.User!);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Results<Ok<MeResponse>, NotFound>> GetMeAsync(
        HttpContext http, UserManager<ApplicationUser> users, AriadneDbContext db)
    {
        var id = http.User.UserId();
        var user = await db.Users.AsNoTracking().Include(u => u.Organisation).SingleOrDefaultAsync(u => u.Id == id);
        if (user?.Organisation is null)
        {
            return TypedResults.NotFound();
        }
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeResponse(user.Id, user.UserName!, user.DisplayName,
            new OrganisationRef(user.Organisation.Id, user.Organisation.Name, user.Organisation.Type.ToString()),
            roles.Order(StringComparer.Ordinal).ToList(), user.TwoFactorEnabled));
    }
}
