using Ariadne.Web.Data;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features;

public sealed class IndexModel(AriadneDbContext db) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string OrganisationName { get; private set; } = "";
    public string OrganisationType { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public bool TwoFactorEnabled { get; private set; }

    public async Task OnGetAsync()
    {
        var id = User.UserId();
        var me = await db.Users.AsNoTracking().Include(u => u.Organisation).SingleAsync(u => u.Id == id);
        DisplayName = me.DisplayName;
        OrganisationName = me.Organisation!.Name;
        OrganisationType = me.Organisation.Type.DisplayName();
        TwoFactorEnabled = me.TwoFactorEnabled;
        Roles = User.Claims.Where(c => c.Type == System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToList();
    }
}
