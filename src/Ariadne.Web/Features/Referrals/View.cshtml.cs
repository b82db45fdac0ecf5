using Ariadne.Web.Features.Cases;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Referrals;

/// <summary>
/// One received referral: the written statement as sent, printable, and the acknowledgement; for the specialised
/// unit, "Open case" (or the case already opened for the same person).
/// </summary>
[Authorize(Policy = Policies.ReferralIntake)]
public sealed class ReferralViewModel(ReferralService referrals, CaseService cases) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public IncomingReferralResponse Referral { get; private set; } = null!;
    public IReadOnlyList<StatementSection> Sections { get; private set; } = [];
    /// <summary>The case opened from this screening's referral to the unit, if any.</summary>
    public Guid? CaseId { get; private set; }
    public string? CaseReference { get; private set; }
    public string? OpenError { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await referrals.ReceivedAsync(User, Id) is not { } found)
        {
            return NotFound();
        }
        await ShowAsync(found.Referral, found.FromName);
        return Page();
    }

    private async Task ShowAsync(Referral referral, string fromName)
    {
        Referral = IncomingReferralResponse.From(referral, fromName);
        Sections = WrittenStatement.Parse(referral.StatementText);
        // The guardianship service's notice and the unit's referral come from the same screening: both lead to the one case.
        var db = cases.Db;
        var existing = await db.Cases.AsNoTracking()
            .Where(c => db.Referrals.Any(r => r.Id == c.ReferralId && r.ScreeningId == referral.ScreeningId))
            .Select(c => new { c.Id, c.Reference }).FirstOrDefaultAsync();
        CaseId = existing?.Id;
        CaseReference = existing?.Reference;
    }

    /// <summary>Opens the NRM case for a referral to the specialised unit (opening twice leads to the same case).</summary>
    public async Task<IActionResult> OnPostOpenCaseAsync()
    {
        if (await referrals.ReceivedAsync(User, Id) is not { } found)
        {
            return NotFound();
        }
        var result = await cases.OpenFromReferralAsync(User, Id);
        if (result.Error is { } e)
        {
            OpenError = e.Message;
            await ShowAsync(found.Referral, found.FromName);
            return Page();
        }
        return Redirect($"/Cases/View?id={result.Value!.Id}");
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync()
    {
        if (await referrals.ReceivedAsync(User, Id) is not { } found)
        {
            return NotFound();
        }
        await referrals.AcknowledgeAsync(found.Referral, User);
        return RedirectToPage("/Referrals/View", new { id = Id });
    }
}
