using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Checks;

/// <summary>The link view as a plain list (390 px): one step around a report or an identifier, each node expandable, paged.</summary>
[Authorize(Policy = Policies.Intelligence)]
public sealed class ChecksLinksModel(CheckService checks) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Report { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }

    public LinkView? View { get; private set; }
    public IntelligenceError? Error { get; private set; }

    public async Task OnGetAsync()
    {
        var result = await checks.LinksAsync(User, Report, Entity, PageNumber, 20);
        (View, Error) = (result.Value, result.Error);
    }

    public static string Expand(LinkNode node) => node.Type == "report"
        ? $"/Checks/Links?report={node.Id}"
        : $"/Checks/Links?entity={Uri.EscapeDataString(node.Id)}";
}
