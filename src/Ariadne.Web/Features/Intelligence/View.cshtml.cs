using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>One report as the viewer may see it; opening it is a dissemination event, exactly as through the API.</summary>
[Authorize(Policy = Policies.Intelligence)]
public sealed class IntelligenceViewModel(IntelligenceService intelligence) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public ReportResponse Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await intelligence.OpenAsync(User, Id);
        if (result.Value is null)
        {
            return NotFound();
        }
        Report = result.Value;
        return Page();
    }
}
