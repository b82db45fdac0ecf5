using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Ariadne.Web.Security;

/// <summary>
/// On the API, a refused request gets RFC 7807 problem details (401 or 403) instead of a sign-in redirect;
/// pages keep the default behaviour (redirect to sign-in, access-denied page).
/// </summary>
internal sealed class ProblemDetailsAuthorizationResultHandler(IProblemDetailsService problems)
    : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        if (!context.Request.IsApi() || authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var unauthenticated = authorizeResult.Challenged;
        context.Response.StatusCode = unauthenticated ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        if (unauthenticated)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = context.Response.StatusCode,
                Title = unauthenticated ? "Sign-in required" : "Not allowed",
                Detail = unauthenticated
                    ? "Send a valid access token from POST /api/v1/auth/token as 'Authorization: Bearer <token>'."
                    : "Your role or organisation does not allow this request.",
            },
        });
    }
}
