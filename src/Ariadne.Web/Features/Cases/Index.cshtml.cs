using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Features.Support;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
    [TempData] public string? Message { get; set; }

    /// <summary>The tab shown: as asked, or when not asked the one where the user's work is.</summary>
    public QueueScope Queue { get; private set; }
    public List<CaseSummary> Cases { get; private set; } = [];
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
        Cases = await cases.QueueAsync(User, Queue, Closed);
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
