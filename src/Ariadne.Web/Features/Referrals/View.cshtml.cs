using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Referrals;

/// <summary>One received referral: the written statement as sent, printable, and the acknowledgement.</summary>
[Authorize(Policy = Policies.ReferralIntake)]
public sealed class ReferralViewModel(ReferralService referrals) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public IncomingReferralResponse Referral { get; private set; } = null!;
    public IReadOnlyList<StatementSection> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await referrals.ReceivedAsync(User, Id) is not { } found)
        {
            return NotFound();
        }
        Referral = IncomingReferralResponse.From(found.Referral, found.FromName);
        Sections = WrittenStatement.Parse(found.Referral.StatementText);
        return Page();
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
