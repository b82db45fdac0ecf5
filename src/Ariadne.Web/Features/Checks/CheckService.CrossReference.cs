using System.Security.Claims;
using System.Text.Json;
using Ariadne.Matching.CrossReference;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Features.Jurisdiction;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Checks;

/// <summary>The last full cross-reference: its change sequence and the one before, so "new since the last run" has a baseline.</summary>
public sealed record CrossReferenceRun(long Sequence, long PreviousSequence, DateTime RanAt);

public sealed record LinkedReport(Guid ReportId, string Reference, string Originator, bool Ours, bool New);

public sealed record NewLink(string Kind, string Value, List<LinkedReport> Reports);

public sealed record NewLinksResponse(long Since, long Sequence, DateTime? LastRunAt, List<NewLink> Links, List<OverCorrelation> OverCorrelating);

/// <summary>
/// Automatic checks (issue 12 item 4): a report is in the index as soon as it is saved (the change feed), so a submission is
/// cross-referenced at once; the author's unit and the owners of linked material see the links through <see cref="NewLinksAsync"/>,
/// each side only what its handling lets it see. The nightly run (<see cref="CrossReferenceSchedule"/>) moves the baseline of
/// "new since the last run". The engine's cross-referencer is given the viewer's reach, so groups, counts and over-correlation
/// are this viewer's, never global.
/// </summary>
public sealed partial class CheckService
{
    public const string RunSettingKey = "checks.cross-reference.last-run";

    public async Task<IntelligenceResult<NewLinksResponse>> NewLinksAsync(ClaimsPrincipal user, long? since, bool mine)
    {
        if (!index.IsReady)
        {
            return Loading;
        }
        var viewer = await ViewerAsync(user);
        if (viewer is null || !CheckRules.MayCheck(user, settings))
        {
            return new IntelligenceError(StatusCodes.Status403Forbidden, "Your role does not see cross-references.");
        }
        await index.CatchUpAsync(db);
        var run = await LastRunAsync();
        var baseline = since ?? run?.PreviousSequence ?? 0;
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        var changed = index.Identifiers.ChangedAfter(baseline);
        if (changed.Count <= IncrementalNewLinksLimit)
        {
            return await NewLinksOfAsync(user, viewer, organisations, changed, baseline, run, mine);
        }
        var visible = await db.IntelligenceReports.AsNoTracking()
            .Where(IntelligenceAudience.VisibleTo<IntelligenceReport>(user, viewer, organisations.Values))
            .Select(r => new { r.Id, r.Reference, r.OriginatorOrganisationId }).ToDictionaryAsync(r => r.Id);
        var result = CrossReferencer.Run(index.Identifiers, new CrossReferenceOptions
        {
            MayView = visible.ContainsKey, ChangedAfter = baseline, OverCorrelationThreshold = OverCorrelationThreshold,
        });
        var links = new List<NewLink>();
        foreach (var shared in result.NewSinceChangedAfter.SharedValues)
        {
            var reports = shared.Link.Reports.Where(visible.ContainsKey).Select(id => visible[id]).ToList();
            var ours = reports.Any(r => r.OriginatorOrganisationId == viewer.Id);
            if (reports.Count < 2 || (mine && !ours))
            {
                continue;
            }
            var added = shared.NewReports.ToHashSet();
            links.Add(new NewLink(shared.Link.Value.Kind.ToString(), shared.Link.Value.Key, reports
                .Select(r => new LinkedReport(r.Id, r.Reference, organisations.GetValueOrDefault(r.OriginatorOrganisationId)?.Name ?? "",
                    r.OriginatorOrganisationId == viewer.Id, added.Contains(r.Id)))
                .OrderBy(r => r.Reference, StringComparer.Ordinal).ToList()));
        }
        links.AddRange(await NewNameLinksAsync(user, viewer, organisations, baseline, mine));
        return new NewLinksResponse(baseline, result.ChangeSequence, run?.RanAt, links.Take(500).ToList(),
            result.OverCorrelating.Select(o => new OverCorrelation(o.Value.Kind.ToString(), o.Value.Key, o.VisibleReports)).ToList());
    }

    /// <summary>Up to this many reports changed since the baseline, new links are found from their values alone.</summary>
    internal const int IncrementalNewLinksLimit = 5000;

    /// <summary>
    /// New links from the changed reports' own values: each value's postings, the reports among them this viewer may see (asked of
    /// the database for those reports only), linked when at least two are visible and one of them changed. The same links as the
    /// full cross-reference's "new since" (a shared value links reports whatever else they share), at the cost of the new reports'
    /// values instead of every report the viewer may see (2 M reports: seconds). Over-correlation is judged, per viewer as always,
    /// on these values.
    /// </summary>
    private async Task<IntelligenceResult<NewLinksResponse>> NewLinksOfAsync(ClaimsPrincipal user, Organisations.Organisation viewer,
        Dictionary<Guid, Organisations.Organisation> organisations, IReadOnlyList<Guid> changed, long baseline, CrossReferenceRun? run,
        bool mine)
    {
        var sequence = index.Identifiers.ChangeSequence;
        var fresh = changed.ToHashSet();
        var values = new Dictionary<Matching.Index.IdentifierValue, IReadOnlyList<Guid>>();
        foreach (var report in changed)
        {
            foreach (var value in index.Identifiers.ValuesOf(report))
            {
                if (!values.ContainsKey(value))
                {
                    values[value] = index.Identifiers.Lookup(value.Kind, value.Key);
                }
            }
        }
        var candidates = values.Values.Where(p => p.Count >= 2).SelectMany(p => p).Distinct().ToList();
        var visible = new Dictionary<Guid, (Guid Id, string Reference, Guid OriginatorOrganisationId)>();
        var mayView = IntelligenceAudience.VisibleTo<IntelligenceReport>(user, viewer, organisations.Values).Compile();
        foreach (var row in await VisibleAmongAsync(candidates, mayView))
        {
            visible[row.Id] = (row.Id, row.Reference, row.OriginatorOrganisationId);
        }
        var links = new List<NewLink>();
        var overCorrelating = new List<OverCorrelation>();
        foreach (var (value, postings) in values.OrderBy(v => v.Key.Kind).ThenBy(v => v.Key.Key, StringComparer.Ordinal))
        {
            var reports = postings.Where(visible.ContainsKey).Select(id => visible[id]).ToList();
            if (reports.Count < 2 || !reports.Any(r => fresh.Contains(r.Id)))
            {
                continue;
            }
            if (reports.Count > OverCorrelationThreshold)
            {
                overCorrelating.Add(new OverCorrelation(value.Kind.ToString(), value.Key, reports.Count));
                continue;
            }
            if (mine && !reports.Any(r => r.OriginatorOrganisationId == viewer.Id))
            {
                continue;
            }
            links.Add(new NewLink(value.Kind.ToString(), value.Key, reports
                .Select(r => new LinkedReport(r.Id, r.Reference, organisations.GetValueOrDefault(r.OriginatorOrganisationId)?.Name ?? "",
                    r.OriginatorOrganisationId == viewer.Id, fresh.Contains(r.Id)))
                .OrderBy(r => r.Reference, StringComparer.Ordinal).ToList()));
        }
        links.AddRange(await NewNameLinksAsync(user, viewer, organisations, baseline, mine));
        return new NewLinksResponse(baseline, sequence, run?.RanAt, links.Take(500).ToList(), overCorrelating);
    }

    /// <summary>Reports written since the baseline whose names are looked at for new name links (the rest wait for the next run).</summary>
    private const int MaxNameLinkSources = 5_000;

    /// <summary>A name alike to more than this many reports the viewer sees is common and links nothing by itself.</summary>
    private const int CommonNameAbove = 10;

    /// <summary>
    /// New links through person names (issue 11 item 5: groups share identifiers or names): the names of the reports written
    /// since the baseline, each paired with the names sharing one of its keys in the name index, kept at the check's name score, then
    /// asked of the database which of the reports involved this viewer may see. Only then is a name judged common (alike to
    /// more than ten visible reports), so that over-correlation is per viewer and a hidden namesake changes nothing.
    /// </summary>
    private async Task<List<NewLink>> NewNameLinksAsync(ClaimsPrincipal user, Organisations.Organisation viewer,
        Dictionary<Guid, Organisations.Organisation> organisations, long baseline, bool mine)
    {
        var changed = (await db.IntelligenceChanges.AsNoTracking().Where(c => c.Sequence > baseline)
                .Select(c => c.ReportId).Distinct().Take(MaxNameLinkSources).ToListAsync())
            .Select(id => id.ToString("N")).ToHashSet(StringComparer.Ordinal);
        if (changed.Count == 0)
        {
            return [];
        }
        var pairs = index.Names.SimilarPairs(_ => true, MinNameScore, commonAbove: int.MaxValue, from: changed.Contains)
            .Select(p => (First: Guid.ParseExact(p.First, "N"), Second: Guid.ParseExact(p.Second, "N"), p.Score, p.Explanation))
            .ToList();
        var involved = pairs.SelectMany(p => new[] { p.First, p.Second }).Distinct().ToList();
        var visible = new Dictionary<Guid, (string Reference, Guid Originator)>();
        var mayView = IntelligenceAudience.VisibleTo<IntelligenceReport>(user, viewer, organisations.Values).Compile();
        foreach (var row in await VisibleAmongAsync(involved, mayView))
        {
            visible[row.Id] = (row.Reference, row.OriginatorOrganisationId);
        }
        var seen = pairs.Where(p => visible.ContainsKey(p.First) && visible.ContainsKey(p.Second)).ToList();
        var alike = seen.SelectMany(p => new[] { p.First, p.Second }).CountBy(id => id).ToDictionary(c => c.Key, c => c.Value);
        var links = new List<NewLink>();
        foreach (var (first, second, score, why) in seen)
        {
            var pair = new[] { first, second };
            if (pair.Any(id => changed.Contains(id.ToString("N")) && alike[id] > CommonNameAbove)
                || (mine && pair.All(id => visible[id].Originator != viewer.Id)))
            {
                continue;
            }
            links.Add(new NewLink("Person", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{why} (name score {score:0.00})"),
                pair.Select(id => new LinkedReport(id, visible[id].Reference, organisations.GetValueOrDefault(visible[id].Originator)?.Name ?? "",
                        visible[id].Originator == viewer.Id, changed.Contains(id.ToString("N"))))
                    .OrderBy(r => r.Reference, StringComparer.Ordinal).ToList()));
        }
        return links;
    }

    /// <summary>Records a full cross-reference run now (the nightly job, or "run now"): its sequence becomes the next baseline.</summary>
    public async Task<IntelligenceResult<CrossReferenceRun>> RunCrossReferenceAsync(ClaimsPrincipal? user)
    {
        if (user is not null && !user.IsInRole(Roles.DisseminationSupervisor) && !user.IsInRole(Roles.IntelligenceAnalyst))
        {
            return new IntelligenceError(StatusCodes.Status403Forbidden, "An analyst or a dissemination supervisor runs the cross-reference.");
        }
        if (!index.IsReady)
        {
            return Loading;
        }
        await index.CatchUpAsync(db);
        var previous = await LastRunAsync();
        var run = new CrossReferenceRun(index.ChangeSequence, previous?.Sequence ?? 0, time.GetUtcNow().UtcDateTime);
        var stored = await db.Settings.SingleOrDefaultAsync(s => s.Key == RunSettingKey);
        if (stored is null)
        {
            db.Settings.Add(new StoredSetting { Key = RunSettingKey, Json = JsonSerializer.Serialize(run), UpdatedAt = run.RanAt, UpdatedByName = user?.DisplayName() ?? "nightly run" });
        }
        else
        {
            stored.Json = JsonSerializer.Serialize(run);
            stored.UpdatedAt = run.RanAt;
            stored.UpdatedByName = user?.DisplayName() ?? "nightly run";
        }
        await db.SaveChangesAsync();
        return run;
    }

    private async Task<CrossReferenceRun?> LastRunAsync()
    {
        var json = await db.Settings.AsNoTracking().Where(s => s.Key == RunSettingKey).Select(s => s.Json).SingleOrDefaultAsync();
        return json is null ? null : JsonSerializer.Deserialize<CrossReferenceRun>(json);
    }
}

/// <summary>The nightly cross-reference: every "Checks:Nightly:IntervalHours" (24 by default) the baseline of "new links" moves on.</summary>
internal sealed class CrossReferenceSchedule(IServiceScopeFactory scopes, CheckSettings settings, CheckIndex index,
    ILogger<CrossReferenceSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.NightlyInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!index.IsReady)
            {
                continue;
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CheckService>().RunCrossReferenceAsync(null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The scheduled cross-reference failed; it runs again at the next interval");
            }
        }
    }
}
