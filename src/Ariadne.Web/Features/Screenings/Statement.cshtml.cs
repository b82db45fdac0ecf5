using Ariadne.Web.Data;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Screenings;

/// <summary>Printable preview of the written statement the unit will receive.</summary>
[Authorize(Policy = Policies.Screening)]
public sealed class ScreeningStatementModel(ScreeningService screenings, AriadneDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public IReadOnlyList<StatementSection> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await screenings.ViewAsync(User, Id, "statement preview") is not { } screening)
        {
            return NotFound();
        }
        var organisation = await db.Organisations.Where(o => o.Id == screening.OrganisationId).Select(o => o.Name).SingleAsync();
        Sections = WrittenStatement.Compose(screening, screenings.EditionOf(screening), screenings.Assess(screening), organisation,
            null, screenings.Jurisdiction.Zone);
        return Page();
    }
}
