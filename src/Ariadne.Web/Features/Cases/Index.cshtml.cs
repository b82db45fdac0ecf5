using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Features.Support;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Ariadne.Web.Features.Cases;

/// <summary>
/// The work queue: the user's own cases or all their organisation's, soonest due first; handovers waiting for the
/// organisation to accept, and services proposed to it.
/// </summary>
[Authorize(Policy = Policies.Cases)]
public sealed class CasesIndexModel(CaseService cases, SupportWork support) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty(SupportsGet = true)] public bool Closed { get; set; }
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Reference { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    // Not "page": Razor Pages uses that route value for the page's own path.
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [TempData] public string? Message { get; set; }

    /// <summary>The tab shown: as asked, or when not asked the one where the user's work is.</summary>
    public QueueScope Queue { get; private set; }
    public List<CaseSummary> Cases { get; private set; } = [];
    public int Total { get; private set; }
    public Paging Paging { get; private set; } = Paging.First;
    /// <summary>Why the filter or page asked for was not used (the typed values stay in the form).</summary>
    public List<string> FilterErrors { get; private set; } = [];

    /// <summary>The same list with another page, keeping scope, filters and "closed too".</summary>
    public string PageLink(int page) => QueryHelpers.AddQueryString("/Cases", new Dictionary<string, string?>
    {
        ["scope"] = Queue == QueueScope.Mine ? "mine" : "organisation", ["closed"] = Closed ? "true" : null,
        ["stage"] = Stage, ["reference"] = Reference, ["name"] = Name, ["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));
    public List<HandoverSummary> HandoversToUs { get; private set; } = [];
    public List<HandoverSummary> HandoversFromUs { get; private set; } = [];
    public List<ProposalToResponse> Proposals { get; private set; } = [];

    /// <summary>Which form failed (a handover or proposal id), with why; the typed reason is shown again.</summary>
    private (Guid Id, string Message, string? Reason)? Failed { get; set; }

    public (string Message, string? Reason)? FailureFor(Guid id) => Failed is { } f && f.Id == id ? (f.Message, f.Reason) : null;

    public async Task OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostHandoverAsync(Guid caseId, Guid handoverId, bool accept, string? reason)
    {
        var result = await cases.RespondToHandoverAsync(User, caseId, handoverId, accept, reason);
        if (result.Error is { } e)
        {
            Failed = (handoverId, e.Message, reason);
            await ShowAsync();
            return Page();
        }
        if (accept)
        {
            Message = "Handover accepted: your organisation owns the case now, and you work it.";
            return Redirect($"/Cases/View?id={caseId}");
        }
        Message = "Handover declined; the sender sees your reason.";
        return RedirectToPage("/Cases/Index", new { scope = Scope });
    }

    public async Task<IActionResult> OnPostProposalAsync(Guid caseId, Guid proposalId, bool accept, string? reason)
    {
        var result = await support.DecideAsync(User, caseId, proposalId, accept ? SupportWork.Decision.Accept : SupportWork.Decision.Decline, reason);
        if (result.Error is { } e)
        {
            Failed = (proposalId, e.Message, reason);
            await ShowAsync();
            return Page();
        }
        Message = accept ? "Service accepted." : "Service declined; the case owner sees your reason.";
        return RedirectToPage("/Cases/Index", new { scope = Scope });
    }

    private async Task ShowAsync()
    {
        Queue = Enums.Named<QueueScope>(Scope, ignoreCase: true) ?? await cases.DefaultScopeAsync(User);
        // The same bounds and filters as GET /api/v1/cases (issue #9 item 16).
        var errors = new Dictionary<string, string[]>();
        var filter = CaseListFilter.From(Stage, Reference, errors, Name) ?? CaseListFilter.None;
        Paging = Paging.From(PageNumber, null, errors) ?? Paging.First;
        FilterErrors = errors.Values.SelectMany(e => e).ToList();
        (Cases, Total) = await cases.QueuePageAsync(User, Queue, Closed, filter, Paging);
        var org = User.OrganisationId();
        var pending = await cases.PendingHandoversAsync(User);
        HandoversToUs = pending.Where(h => h.ToOrganisationId == org).ToList();
        HandoversFromUs = pending.Where(h => h.ToOrganisationId != org).ToList();
        if (User.OrganisationType() == OrganisationType.VictimSupport)
        {
            Proposals = await support.ProposalsToAsync(User);
        }
    }
}
