using System.Security.Claims;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Checks;

/// <summary>The other side of a check: approvals by the originator, deconfliction for the originator, review by a supervisor.</summary>
public sealed partial class CheckService
{
    /// <summary>The asker's own checks, newest first.</summary>
    public async Task<List<CheckSummary>> MineAsync(ClaimsPrincipal user)
    {
        var userId = user.UserId();
        var checks = await db.IntelligenceChecks.AsNoTracking().Where(c => c.AskedByUserId == userId)
            .OrderByDescending(c => c.AskedAt).Take(200).ToListAsync();
        return checks.Select(Summary).ToList();
    }

    /// <summary>
    /// Checks awaiting this user's approval: prompted by a report of the user's agency under a restricted code. A dissemination
    /// supervisor of the originating agency approves, as for special handling; the prompting report's author may too.
    /// </summary>
    public async Task<List<CheckSummary>> AwaitingApprovalAsync(ClaimsPrincipal user)
    {
        var pending = await db.IntelligenceChecks.AsNoTracking().Where(c => c.Status == CheckStatus.AwaitingApproval)
            .OrderBy(c => c.AskedAt).Take(500).ToListAsync();
        var result = new List<CheckSummary>();
        foreach (var check in pending)
        {
            if (await MayApproveAsync(user, check))
            {
                result.Add(Summary(check));
            }
        }
        return result;
    }

    public async Task<IntelligenceResult<CheckSummary>> ApproveAsync(ClaimsPrincipal user, Guid id)
    {
        var check = await db.IntelligenceChecks.SingleOrDefaultAsync(c => c.Id == id);
        if (check is null || !await MayApproveAsync(user, check))
        {
            return new IntelligenceError(StatusCodes.Status404NotFound, "There is no check awaiting your approval with this id.");
        }
        if (check.Status != CheckStatus.AwaitingApproval)
        {
            return new IntelligenceError(StatusCodes.Status409Conflict, "This check is not awaiting approval.");
        }
        check.Status = CheckStatus.Approved;
        check.ApprovedByUserId = user.UserId();
        check.ApprovedByName = user.DisplayName();
        check.ApprovedAt = time.GetUtcNow().UtcDateTime;
        audit.Record(db, CheckAuditActions.Approve, CheckAuditActions.TargetType, check.Id.ToString(),
            details: $"check by {check.AskedByName} for report {check.ForReportId}; code: {check.Handling}");
        await db.SaveChangesAsync();
        return Summary(check);
    }

    private async Task<bool> MayApproveAsync(ClaimsPrincipal user, IntelligenceCheck check)
    {
        if (check.ForReportId is not { } reportId || user.OrganisationId() is not { } org)
        {
            return false;
        }
        var report = await db.IntelligenceReports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.OriginatorOrganisationId, r.AuthorUserId }).SingleOrDefaultAsync();
        if (report is null)
        {
            return false;
        }
        if (report.AuthorUserId == user.UserId() && report.OriginatorOrganisationId == org)
        {
            return true;
        }
        var agencies = await db.Organisations.AsNoTracking().Where(o => o.Id == org || o.Id == report.OriginatorOrganisationId)
            .ToDictionaryAsync(o => o.Id, o => o.EffectiveAgencyId);
        return user.IsInRole(Roles.DisseminationSupervisor) && agencies.Count > 0
               && agencies.GetValueOrDefault(org) == agencies.GetValueOrDefault(report.OriginatorOrganisationId);
    }

    /// <summary>
    /// Deconfliction (TAC-V3): the checks that touched the user's organisation's reports — by whom, from where, why, which report,
    /// and whether the asker was shown it or referred. Only the originating organisation sees this; optionally for one report.
    /// </summary>
    public async Task<List<CheckOnOurMaterial>> OnOurMaterialAsync(ClaimsPrincipal user, Guid? reportId)
    {
        if (user.OrganisationId() is not { } org || IntelligencePermissions.ReachOf(user) == IntelligenceReach.None)
        {
            return [];
        }
        var touches = db.CheckTouches.AsNoTracking().Where(t => t.OriginatorOrganisationId == org);
        if (reportId is { } r)
        {
            touches = touches.Where(t => t.ReportId == r);
        }
        var rows = await (from t in touches
                          join c in db.IntelligenceChecks.AsNoTracking() on t.CheckId equals c.Id
                          join rep in db.IntelligenceReports.AsNoTracking() on t.ReportId equals rep.Id
                          join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
                          orderby t.TouchedAt descending
                          select new CheckOnOurMaterial(c.Id, t.TouchedAt, c.AskedByName, o.Name, o.Phone, c.Purpose, t.ReportId, rep.Reference, t.Shown))
            .Take(500).ToListAsync();
        return rows;
    }

    /// <summary>
    /// A dissemination supervisor's review (issue 12 item 3): the checks made by the users of the supervisor's agency, per user,
    /// with the patterns worth a question (checks without a linked case, outside working hours).
    /// </summary>
    public async Task<IntelligenceResult<List<CheckerReview>>> ReviewAsync(ClaimsPrincipal user, Guid? userId)
    {
        if (!user.IsInRole(Roles.DisseminationSupervisor) || user.OrganisationId() is not { } org)
        {
            return new IntelligenceError(StatusCodes.Status403Forbidden, "A dissemination supervisor reviews the checks of their agency.");
        }
        var agency = await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => o.AgencyId ?? o.Id).SingleAsync();
        var units = await db.Organisations.AsNoTracking().Where(o => o.Id == agency || o.AgencyId == agency).Select(o => o.Id).ToListAsync();
        var query = db.IntelligenceChecks.AsNoTracking().Where(c => units.Contains(c.OrganisationId));
        if (userId is { } u)
        {
            query = query.Where(c => c.AskedByUserId == u);
        }
        var checks = await query.OrderByDescending(c => c.AskedAt).Take(2000).ToListAsync();
        return checks.GroupBy(c => (c.AskedByUserId, c.AskedByName)).Select(g =>
        {
            var summaries = g.Select(Summary).ToList();
            return new CheckerReview(g.Key.AskedByUserId, g.Key.AskedByName, summaries.Count,
                summaries.Count(s => s.Flags.Contains("no linked case")), summaries.Count(s => s.Flags.Contains("outside working hours")),
                summaries.Take(20).ToList());
        }).OrderByDescending(r => r.Checks).ToList();
    }

    private CheckSummary Summary(IntelligenceCheck c) => new(c.Id, c.AskedAt, c.AskedByName, c.AskedByUserId, c.Purpose, c.ForReportId,
        c.ForCaseReference, c.Status.ToString(), c.HitsShown, c.RestrictedMarkers,
        CheckRules.Flags(c.ForCaseReference, c.AskedAt, settings.WorkingHoursStart, settings.WorkingHoursEnd).ToList());
}
