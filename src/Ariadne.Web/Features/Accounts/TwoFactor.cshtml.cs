using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Accounts;

public sealed class TwoFactorModel(SignInManager<ApplicationUser> signIn, AriadneDbContext db, AuditTrail audit, SignInThrottle throttle)
    : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Accounts/SignIn");
        }
        if (throttle.TryAttempt(HttpContext, user.UserName) is { } wait)
        {
            Error = SignInThrottle.Message(wait);
            Code = "";
            SignInThrottle.Refuse(Response, wait);
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(SignInChecks.NormaliseCode(Code), isPersistent: false,
            rememberClient: false);
        var code = result.Succeeded ? "ok" : result.IsLockedOut ? "locked_out" : "invalid_totp";
        await audit.RecordSignInAsync(db, AuditActions.SignIn, user.UserName!, user, result.Succeeded, "two-factor result: " + code);
        if (result.Succeeded)
        {
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }
        Error = result.IsLockedOut ? SignInChecks.LockedOutMessage : "That code is wrong or has expired. Try the code now shown.";
        Code = "";
        return Page();
    }
}
