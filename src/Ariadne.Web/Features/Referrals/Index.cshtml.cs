using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Ariadne.Web.Features.Referrals;

/// <summary>
/// The intake queue of the receiving unit or guardianship service: unacknowledged referrals first; paged and filtered
/// like the case list, with the same bounds as <c>GET /api/v1/referrals/incoming</c> (issue #9 item 16).
/// </summary>
[Authorize(Policy = Policies.ReferralIntake)]
public sealed class ReferralsIndexModel(ReferralService referrals) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Reference { get; set; }
    // Not "page": Razor Pages uses that route value for the page's own path.
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }

    public List<IncomingReferralResponse> Incoming { get; private set; } = [];
    public int Total { get; private set; }
    public int Waiting { get; private set; }
    public Paging Paging { get; private set; } = Paging.First;
    /// <summary>Why the filter or page asked for was not used (the typed values stay in the form).</summary>
    public List<string> FilterErrors { get; private set; } = [];
    public bool Filtered => Status is not null || Reference is not null;

    public string PageLink(int page) => ReferralPages.Link("/Referrals", Status, Reference, page);

    public async Task OnGetAsync()
    {
        var errors = new Dictionary<string, string[]>();
        var filter = ReferralListFilter.From(Status, Reference, errors) ?? ReferralListFilter.None;
        Paging = Paging.From(PageNumber, null, errors) ?? Paging.First;
        FilterErrors = errors.Values.SelectMany(e => e).ToList();
        (Incoming, Total) = await referrals.IncomingPageAsync(User, filter, Paging);
        Waiting = await referrals.WaitingCountAsync(User);
    }
}

/// <summary>The links of the referral lists' pagers, keeping the filter.</summary>
internal static class ReferralPages
{
    public static string Link(string path, string? status, string? reference, int page) => QueryHelpers.AddQueryString(path,
        new Dictionary<string, string?>
        {
            ["status"] = status, ["reference"] = reference,
            ["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value)));
}
