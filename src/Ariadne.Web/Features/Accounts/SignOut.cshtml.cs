using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Accounts;

public sealed class SignOutModel(SignInManager<ApplicationUser> signIn, AriadneDbContext db, AuditTrail audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync(db, AuditActions.SignOut, "User", User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
        await signIn.SignOutAsync();
        return RedirectToPage("/Accounts/SignIn");
    }
}
