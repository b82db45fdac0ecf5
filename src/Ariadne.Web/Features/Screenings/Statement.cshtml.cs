using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Screenings;

/// <summary>Printable preview of the written statement the unit will receive.</summary>
[Authorize(Policy = Policies.Screening)]
public sealed class ScreeningStatementModel(ScreeningService screenings) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public IReadOnlyList<StatementSection> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await screenings.ViewAsync(User, Id, "statement preview") is not { } screening)
        {
            return NotFound();
        }
        Sections = screenings.Statement(screening, screenings.Assess(screening), await screenings.OrganisationNameAsync(screening), null);
        return Page();
    }
}
