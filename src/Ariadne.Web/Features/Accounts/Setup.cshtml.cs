using Ariadne.Web.Data;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Accounts;

/// <summary>Creates the first administrator with the one-time link printed at the first start.</summary>
public sealed class SetupModel(FirstAdministratorSetup setup, AriadneDbContext db, AccountAdministration accounts,
    TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string OrganisationName { get; set; } = "System administration";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    public bool Allowed { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => Allowed = setup.IsValid(Token) && !await db.Users.AnyAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Allowed = setup.IsValid(Token) && !await db.Users.AnyAsync();
        if (!Allowed)
        {
            return Page();
        }
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Type == OrganisationType.Administration)
                           ?? new Organisation
                           {
                               Name = string.IsNullOrWhiteSpace(OrganisationName) ? "System administration" : OrganisationName.Trim(),
                               Type = OrganisationType.Administration,
                               CreatedAt = time.GetUtcNow().UtcDateTime,
                           };
        if (db.Entry(organisation).State == EntityState.Detached)
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }
        var (user, errors) = await accounts.CreateAsync(organisation, UserName, Password,
            new AccountChange(DisplayName, null, [Roles.Administrator], IsActive: true));
        if (user is null)
        {
            Errors.AddRange(errors.Values.SelectMany(v => v));
            Password = "";
            return Page();
        }
        setup.TrySpend(Token);
        return RedirectToPage("/Accounts/SignIn");
    }
}
