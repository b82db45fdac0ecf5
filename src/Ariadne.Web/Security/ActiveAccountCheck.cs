using System.Security.Claims;
using Ariadne.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Ariadne.Web.Security;

/// <summary>
/// Re-checks on every request that the account behind a cookie or token still exists, is active, is not
/// locked out and has the same security stamp. Disabling an account or changing its roles therefore takes
/// effect at the next request, not when a token expires.
/// </summary>
internal static class ActiveAccountCheck
{
    public static IApplicationBuilder UseActiveAccountCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                var signIn = context.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>();
                var user = await signIn.ValidateSecurityStampAsync(context.User);
                if (user is null || !await signIn.CanSignInAsync(user) || await signIn.UserManager.IsLockedOutAsync(user))
                {
                    if (!context.Request.IsApi())
                    {
                        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                    }
                    context.User = new ClaimsPrincipal(new ClaimsIdentity());
                }
            }
            await next();
        });
}

/// <summary>A disabled account is not allowed to sign in, whatever its password.</summary>
internal sealed class AriadneSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) => user.IsActive && await base.CanSignInAsync(user);
}
