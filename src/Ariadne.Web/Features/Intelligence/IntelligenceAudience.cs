using System.Linq.Expressions;
using System.Security.Claims;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>
/// A report's audience beyond its originating unit, stored with the report so that a list can select in SQL exactly the rows the
/// dissemination policy allows (issue 10 item 10: 100 of 100,000 in ≤ 20 ms). Beyond the home unit the policy depends on the
/// recipient only through (same agency or force, place, category) — <see cref="DisseminationPolicy.Relate"/> — so the audience is
/// the set of those 2 × 3 × 3 combinations the policy allows, one bit each, found by asking the policy itself
/// (<see cref="DisseminationPolicy.DecideBeyondHome"/>): nothing of the policy is written a second time here. ADR 0014.
/// </summary>
public static class IntelligenceAudience
{
    public static int Bit(bool sameAgency, RecipientPlace place, RecipientCategory category) =>
        1 << ((sameAgency ? 9 : 0) + (int)place * 3 + (int)category);

    /// <summary>The audience of a grading as the policy decides it; 0 for a report without a grading (a draft).</summary>
    public static int Of(Grading? grading, bool specialHandlingCleared)
    {
        if (grading is null)
        {
            return 0;
        }
        var mask = 0;
        foreach (var sameAgency in (bool[])[false, true])
        {
            foreach (var place in Enum.GetValues<RecipientPlace>())
            {
                foreach (var category in Enum.GetValues<RecipientCategory>())
                {
                    if (DisseminationPolicy.DecideBeyondHome(grading, specialHandlingCleared, sameAgency, place, category).Allowed)
                    {
                        mask |= Bit(sameAgency, place, category);
                    }
                }
            }
        }
        return mask;
    }

    /// <summary>The audience of a report, with special handling cleared exactly as <see cref="IntelligenceAccess.Decide"/> clears it.</summary>
    public static int Of(IntelligenceReport report, Guid originatingAgencyId, SpecialHandlingSettings settings)
    {
        if (report.Grading is not { } grading)
        {
            return 0;
        }
        var cleared = !grading.SpecialHandling
                      || SpecialHandling.Status(settings, report.SpecialHandlingFacts(originatingAgencyId)).Cleared;
        return Of(grading, cleared);
    }

    /// <summary>
    /// The reports a user may see, as one SQL predicate: the visibility rule of <see cref="IntelligenceFacts.Visible"/> with the
    /// policy's part read from the stored audience. The viewer's relation to each originating organisation is worked out here,
    /// in C#, by the policy's own <see cref="DisseminationPolicy.Relate"/>; organisations are grouped by the one bit that admits
    /// the viewer to their reports, so the predicate has at most four (organisations, bit) terms whatever the directory's size.
    /// </summary>
    /// <remarks>
    /// Generic over the three columns it reads, so that the same predicate selects reports (a page) and rows of
    /// <see cref="IntelligenceReportCount"/> (the exact total): the rule is written once.
    /// </remarks>
    public static Expression<Func<T, bool>> VisibleTo<T>(ClaimsPrincipal user, Organisation viewer,
        IEnumerable<Organisation> organisations) where T : class, IAudienceRow
    {
        var own = viewer.Id;
        var reach = IntelligencePermissions.ReachOf(user);
        switch (reach)
        {
            case IntelligenceReach.None:
                return r => false;
            case IntelligenceReach.OwnUnit:
                return r => r.OriginatorOrganisationId == own;
            case IntelligenceReach.ReadWithinHandling:
            case IntelligenceReach.ReadWriteWithinHandling:
                break;
        }
        var others = organisations.Where(o => o.Id != viewer.Id).ToList();
        // The supervisory regime (EVAL-S2) sees its agency's submitted reports whatever their code: IntelligenceFacts.Visible.
        var supervised = user.IsInRole(Roles.DisseminationSupervisor)
            ? others.Where(o => o.EffectiveAgencyId == viewer.EffectiveAgencyId).Select(o => o.Id).ToList()
            : [];
        var groups = new List<(int Bit, List<Guid> Organisations)>();
        if (IntelligenceAccess.RecipientOf(viewer) is { } recipient && DisseminationPolicy.IsIntelligenceRecipient(recipient))
        {
            groups = others
                .Select(o => (o.Id, Relation: DisseminationPolicy.Relate(IntelligenceAccess.OriginatorOf(o), recipient)))
                .GroupBy(x => Bit(x.Relation.SameAgency, x.Relation.Place, recipient.Category))
                .Select(g => (g.Key, g.Select(x => x.Id).ToList()))
                .ToList();
        }
        // A viewer stands in one of at most four relations (same agency or not × at home or abroad): fixed slots keep the
        // expression a plain lambda EF translates on both providers; an empty slot is a bit no report has.
        while (groups.Count < 4)
        {
            groups.Add((0, []));
        }
        if (groups.Count > 4)
        {
            throw new InvalidOperationException("A viewer stands in more than four relations to the originators.");
        }
        // "?? 0": in C# null & bit is null and null != 0 is true, and EF keeps C#'s meaning: a report whose audience is not computed
        // yet would be in every list. It is in none beyond its unit until RefreshAsync computes it.
        var (b0, o0) = groups[0];
        var (b1, o1) = groups[1];
        var (b2, o2) = groups[2];
        var (b3, o3) = groups[3];
        return r => r.OriginatorOrganisationId == own
                    || (r.Status == ReportStatus.Submitted
                        && (supervised.Contains(r.OriginatorOrganisationId)
                            || (((r.Audience ?? 0) & b0) != 0 && o0.Contains(r.OriginatorOrganisationId))
                            || (((r.Audience ?? 0) & b1) != 0 && o1.Contains(r.OriginatorOrganisationId))
                            || (((r.Audience ?? 0) & b2) != 0 && o2.Contains(r.OriginatorOrganisationId))
                            || (((r.Audience ?? 0) & b3) != 0 && o3.Contains(r.OriginatorOrganisationId))));
    }

    /// <summary>
    /// Computes every report's audience that is missing (rows written before migration 0011) and recomputes those under special
    /// handling, whose clearance depends on the configured authority levels and the originating agency, both of which can change
    /// between runs. Run at start-up, before requests.
    /// </summary>
    public static async Task<int> RefreshAsync(AriadneDbContext db, SpecialHandlingSettings settings, CancellationToken ct = default)
    {
        var agencies = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.EffectiveAgencyId, ct);
        var rows = await db.IntelligenceReports.AsNoTracking().Where(r => r.Audience == null || r.SpecialHandling)
            .Select(GradingColumns).ToListAsync(ct);
        var changed = 0;
        // A derived column, so a plain update: no audit entry per row, no decryption of the report's text.
        foreach (var group in rows.GroupBy(r => Of(r, agencies.GetValueOrDefault(r.OriginatorOrganisationId), settings)))
        {
            var audience = group.Key;
            foreach (var chunk in group.Where(r => r.Audience != audience).Select(r => r.Id).Chunk(500))
            {
                changed += await db.IntelligenceReports.Where(r => chunk.Contains(r.Id))
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Audience, audience), ct);
            }
        }
        return changed;
    }

    /// <summary>
    /// The columns the policy reads (grading, status, approvals), and whether a risk assessment exists rather than its encrypted
    /// text: what a list loads, so no report's text is decrypted to list it.
    /// </summary>
    public static readonly Expression<Func<IntelligenceReport, IntelligenceReport>> GradingColumns = r => new IntelligenceReport
    {
        Id = r.Id, Reference = r.Reference, OriginatorOrganisationId = r.OriginatorOrganisationId, AuthorUserId = r.AuthorUserId,
        CreatedAt = r.CreatedAt, SubmittedAt = r.SubmittedAt, Status = r.Status, GradingSystem = r.GradingSystem, Source5 = r.Source5,
        Intelligence5 = r.Intelligence5, Handling5 = r.Handling5, Source3 = r.Source3, Intelligence3 = r.Intelligence3,
        Handling3 = r.Handling3, SourceReliability4 = r.SourceReliability4, InformationValidity4 = r.InformationValidity4,
        Conditions = r.Conditions, SpecialHandling = r.SpecialHandling, ExploitationTypes = r.ExploitationTypes, Audience = r.Audience,
        RiskAssessment = r.RiskAssessedByUserId == null ? null : "recorded",
        RiskAssessedByUserId = r.RiskAssessedByUserId, RiskApprovedByUserId = r.RiskApprovedByUserId,
        RiskApprovedByAgencyId = r.RiskApprovedByAgencyId, RiskApprovedByLevel = r.RiskApprovedByLevel,
        DisseminationApprovedByUserId = r.DisseminationApprovedByUserId, DisseminationApprovedByAgencyId = r.DisseminationApprovedByAgencyId,
        DisseminationApprovedByLevel = r.DisseminationApprovedByLevel,
    };
}

/// <summary>
/// Keeps <see cref="IntelligenceReport.Audience"/> true to the policy on every write — creation, submission, a change of handling,
/// a risk assessment, an approval, and whatever writes a report later — without each of them having to remember it.
/// </summary>
internal sealed class IntelligenceAudienceInterceptor(IntelligenceSettings settings) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            Refresh(context);
        }
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            Refresh(context);
        }
        return ValueTask.FromResult(result);
    }

    private void Refresh(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var reports = context.ChangeTracker.Entries<IntelligenceReport>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity).ToList();
        if (reports.Count == 0)
        {
            return;
        }
        var originators = reports.Select(r => r.OriginatorOrganisationId).Distinct().ToList();
        // Synchronous on purpose: a handful of organisations by key, and the one lookup both save paths can share.
        var agencies = context.Set<Organisation>().AsNoTracking().Where(o => originators.Contains(o.Id))
            .Select(o => new { o.Id, o.AgencyId }).ToDictionary(o => o.Id, o => o.AgencyId ?? o.Id);
        foreach (var report in reports)
        {
            report.Audience = IntelligenceAudience.Of(report, agencies.GetValueOrDefault(report.OriginatorOrganisationId), settings.SpecialHandling);
        }
    }
}
