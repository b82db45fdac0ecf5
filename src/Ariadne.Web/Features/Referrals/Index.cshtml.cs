using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Referrals;

/// <summary>The intake queue of the receiving unit or guardianship service: unacknowledged referrals first.</summary>
[Authorize(Policy = Policies.ReferralIntake)]
public sealed class ReferralsIndexModel(ReferralService referrals) : PageModel
{
    public List<IncomingReferralResponse> Incoming { get; private set; } = [];

    public async Task OnGetAsync() => Incoming = await referrals.IncomingAsync(User);
}
