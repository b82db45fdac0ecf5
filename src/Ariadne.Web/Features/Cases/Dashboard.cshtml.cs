using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Cases;

/// <summary>The national coordinator's view of what to chase: referrals nobody opened, overdue decisions, cases without a case worker, stale cases, pending handovers.</summary>
[Authorize(Policy = Policies.CaseOversight)]
public sealed class CaseDashboardModel(CaseService cases) : PageModel
{
    public CoordinatorDashboard Dashboard { get; private set; } = null!;
    public DateTime Now => cases.Now;
    public int ReferralOpenWorkingDays => cases.Profile.ReferralOpenWorkingDays;

    public async Task OnGetAsync() => Dashboard = await cases.DashboardAsync();
}
