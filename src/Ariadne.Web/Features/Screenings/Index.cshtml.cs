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
    public List<SentReferralResponse> Sent { get; private set; } = [];

    /// <summary>The case opened from each sent referral, so the officer can follow its stage.</summary>
    public Dictionary<Guid, ReferredCase> Cases { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        Screenings = await screenings.ListAsync(User);
        Sent = await referrals.SentAsync(User);
        Cases = await cases.OpenedFromReferralsOfAsync(User);
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        var screening = screenings.Start(User);
        await db.SaveChangesAsync();
        return RedirectToPage("/Screenings/Edit", new { id = screening.Id });
    }
}
