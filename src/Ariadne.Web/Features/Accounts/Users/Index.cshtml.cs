using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Accounts.Users;

[Authorize(Policy = Policies.UserManagement)]
public sealed class UsersIndexModel(AriadneDbContext db, AccountAdministration accounts,
    IAuthorizationService authorization, AuditTrail audit) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public IReadOnlyList<UserResponse> Users { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? organisationId)
    {
        // An organisation administrator only ever sees their own organisation: no switcher, no probing.
        var all = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync();
        var manageable = new List<Organisation>();
        foreach (var o in all)
        {
            if ((await authorization.AuthorizeAsync(User, o, OrganisationOperations.ManageUsers)).Succeeded)
            {
                manageable.Add(o);
            }
        }
        Organisations = manageable;
        var chosen = manageable.SingleOrDefault(o => o.Id == (organisationId ?? User.OrganisationId()));
        if (chosen is null)
        {
            return NotFound();
        }
        Organisation = chosen;
        Users = await accounts.ListAsync(chosen.Id, audit);
        return Page();
    }
}
