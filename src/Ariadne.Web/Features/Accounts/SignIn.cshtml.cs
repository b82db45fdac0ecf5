using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Accounts;

public sealed class SignInModel(SignInManager<ApplicationUser> signIn, AriadneDbContext db, AuditTrail audit, SignInThrottle throttle)
    : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your user name and password.";
            return Page();
        }
        // Only a posted password counts towards the limit; loading this page never does (issue 9, item 14).
        if (throttle.TryAttempt(HttpContext, UserName) is { } wait)
        {
            Error = SignInThrottle.Message(wait);
            Password = "";
            SignInThrottle.Refuse(Response, wait);
            return Page();
        }
        var user = await signIn.UserManager.FindByNameAsync(UserName.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        var code = result.Succeeded ? "ok" : result.RequiresTwoFactor ? "password_ok_two_factor_next"
            : result.IsLockedOut ? "locked_out" : result.IsNotAllowed ? "account_disabled" : "invalid_credentials";
        await audit.RecordSignInAsync(db, AuditActions.SignIn, UserName, user, result.Succeeded || result.RequiresTwoFactor,
            "result: " + code);

        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/TwoFactor", new { returnUrl = SafeReturnUrl(ReturnUrl) });
        }
        Error = result.IsLockedOut ? SignInChecks.LockedOutMessage
            : result.IsNotAllowed ? "This account is disabled. Ask your organisation's administrator."
            : "The user name or password is wrong.";
        Password = "";
        return Page();
    }

    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
