using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>
/// The reports the user may see, newest first, with filters whose choices come only from those reports (the same service
/// as the API: what is invisible there is invisible here).
/// </summary>
[Authorize(Policy = Policies.Intelligence)]
public sealed class IntelligenceIndexModel(IntelligenceService intelligence) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ExploitationType { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? OrganisationId { get; set; }
    // Not "page": Razor Pages uses that route value for the page's own path.
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }

    public List<ReportSummary> Reports { get; private set; } = [];
    public FilterOptions Options { get; private set; } = new([], []);
    public int Total { get; private set; }
    public Paging Paging { get; private set; } = Paging.First;
    public List<ReceivedReport> Received { get; private set; } = [];

    public string PageLink(int page) => QueryHelpers.AddQueryString("/Intelligence", new Dictionary<string, string?>
    {
        ["exploitationType"] = ExploitationType, ["organisationId"] = OrganisationId?.ToString(),
        ["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public async Task OnGetAsync()
    {
        Paging = Paging.From(PageNumber, null, new Dictionary<string, string[]>()) ?? Paging.First;
        Options = await intelligence.FilterOptionsAsync(User);
        (Reports, Total) = await intelligence.ListAsync(User, new ReportFilter(ExploitationType, null, null, OrganisationId), Paging);
        Received = await intelligence.SentToUsAsync(User);
    }
}
