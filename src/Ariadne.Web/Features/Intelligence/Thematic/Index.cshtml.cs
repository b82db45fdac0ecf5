using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Intelligence.Thematic;

/// <summary>Sanitised thematic intelligence the user may read (V-06, V-14): released versions of their forum, and drafts they work on.</summary>
[Authorize(Policy = Policies.ThematicIntelligence)]
public sealed class ThematicIndexModel(SanitisedService sanitised) : PageModel
{
    public List<SanitisedSummary> Versions { get; private set; } = [];

    public async Task OnGetAsync() => Versions = await sanitised.ListAsync(User);
}
