using Ariadne.Web.Data;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Screenings;

[Authorize(Policy = Policies.Screening)]
public sealed class ScreeningsIndexModel(ScreeningService screenings, ReferralService referrals, CaseService cases, AriadneDbContext db)
    : PageModel
{
    public List<ScreeningSummary> Screenings { get; private set; } = [];
    /// <summary>The newest referrals sent; all of them, paged and filtered, are on /Referrals/Sent.</summary>
    public List<SentReferralResponse> Sent { get; private set; } = [];
    public int SentTotal { get; private set; }
    public const int RecentSent = 10;

    /// <summary>The case opened from each sent referral, so the officer can follow its stage.</summary>
    public Dictionary<Guid, ReferredCase> Cases { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        Screenings = await screenings.ListAsync(User);
        (Sent, SentTotal) = await referrals.SentPageAsync(User, ReferralListFilter.None, new Shared.Paging(1, RecentSent));
        Cases = await cases.OpenedFromReferralsOfAsync(User, Sent.Select(r => r.Id).ToList());
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        var screening = screenings.Start(User);
        await db.SaveChangesAsync();
        return RedirectToPage("/Screenings/Edit", new { id = screening.Id });
    }
}
