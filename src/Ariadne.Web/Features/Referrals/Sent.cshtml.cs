using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Referrals;

/// <summary>
/// Every referral the organisation sent, newest first, with the stage of the case opened from it (status only, V-08);
/// paged and filtered like the case list, with the same bounds as <c>GET /api/v1/referrals/sent</c> (issue #9 item 16).
/// </summary>
[Authorize(Policy = Policies.Screening)]
public sealed class ReferralsSentModel(ReferralService referrals, CaseService cases) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Reference { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }

    public List<SentReferralResponse> Sent { get; private set; } = [];
    public Dictionary<Guid, ReferredCase> Cases { get; private set; } = [];
    public int Total { get; private set; }
    public Paging Paging { get; private set; } = Paging.First;
    public List<string> FilterErrors { get; private set; } = [];
    public bool Filtered => Status is not null || Reference is not null;

    public string PageLink(int page) => ReferralPages.Link("/Referrals/Sent", Status, Reference, page);

    public async Task OnGetAsync()
    {
        var errors = new Dictionary<string, string[]>();
        var filter = ReferralListFilter.From(Status, Reference, errors) ?? ReferralListFilter.None;
        Paging = Paging.From(PageNumber, null, errors) ?? Paging.First;
        FilterErrors = errors.Values.SelectMany(e => e).ToList();
        (Sent, Total) = await referrals.SentPageAsync(User, filter, Paging);
        Cases = await cases.OpenedFromReferralsOfAsync(User, Sent.Select(r => r.Id).ToList());
    }
}
