using Ariadne.Web.Data;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Organisations;

public sealed class OrganisationsIndexModel(AriadneDbContext db) : PageModel
{
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public bool CanAdminister => User.IsInRole(Roles.Administrator);

    public async Task OnGetAsync() =>
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync();
}
