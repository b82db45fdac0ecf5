using Ariadne.Web.Data;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Jurisdiction;

/// <summary>The settings in force, for everyone who works by them: officers see their deadlines here.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class JurisdictionIndexModel(JurisdictionProfile profile, AriadneDbContext db) : PageModel
{
    public JurisdictionProfile Profile => profile;

    /// <summary>When an administrator last changed the settings (null: still the configuration file's).</summary>
    public DateTime? ChangedAt { get; private set; }

    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    public async Task OnGetAsync() =>
        ChangedAt = await db.Settings.AsNoTracking().Where(s => s.Key == JurisdictionSettings.Key)
            .Select(s => (DateTime?)s.UpdatedAt).SingleOrDefaultAsync();
}
