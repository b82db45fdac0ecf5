using System.Security.Claims;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Jurisdiction;

namespace Ariadne.Web.Features.Statistics;

/// <summary>Quartiles of the days to decision; null where the count is below the threshold (a median of two is two people).</summary>
public sealed record DecisionTimes(int? LowerQuartile, int? Median, int? UpperQuartile);

/// <summary>
/// A figure as it may be published: the only thing pages, charts, CSV and API render (ADR 0018). The raw counts never
/// leave <see cref="StatisticsService"/> except as the coordinator's audited unsuppressed view.
/// </summary>
public sealed record PublishedFigure(FigureDefinition Definition, IReadOnlyList<string> Rows, IReadOnlyList<string> Columns,
    ProtectedTable Table, DisclosureRules Rules, bool Unsuppressed, DecisionTimes? Times)
{
    /// <summary>How a hidden cell reads everywhere (one marker for primary and secondary: telling them apart says which are small).</summary>
    public const string SuppressedMarker = "suppressed";

    public static string Show(PublishedCell cell) => cell.Value is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : SuppressedMarker;
}

/// <summary>Computes figures for a user: the sections the role rule allows, through disclosure control, auditing raw views.</summary>
public sealed class StatisticsService(AriadneDbContext db, JurisdictionProfile jurisdiction, AuditTrail audit)
{
    public DisclosureRules Rules => new(jurisdiction.StatisticsThreshold, jurisdiction.StatisticsRoundingBase);

    public JurisdictionProfile Jurisdiction => jurisdiction;

    public static IReadOnlyList<FigureDefinition> Visible(ClaimsPrincipal user) =>
        [.. FigureCatalogue.All.Where(f => StatisticsPermissions.MayRead(user, f.Section))];

    /// <summary>The figure if the user may see it, else null: a figure outside one's sections does not exist for one.</summary>
    public static FigureDefinition? Find(ClaimsPrincipal user, string id) =>
        FigureCatalogue.Find(id) is { } f && StatisticsPermissions.MayRead(user, f.Section) ? f : null;

    /// <summary>
    /// Figures for the user. <paramref name="unsuppressed"/> is honoured for the coordinator only and is audited once per
    /// request with the filter; for anyone else the figures are protected whatever was asked.
    /// </summary>
    public async Task<IReadOnlyList<PublishedFigure>> ComputeAsync(ClaimsPrincipal user, IEnumerable<FigureDefinition> figures,
        StatisticsFilter filter, bool unsuppressed, CancellationToken ct = default)
    {
        var raw = unsuppressed && StatisticsPermissions.MaySeeUnsuppressed(user);
        var list = figures.Where(f => StatisticsPermissions.MayRead(user, f.Section)).ToList();
        if (raw)
        {
            await audit.RecordAsync(db, AuditActions.View, "Statistics", reason: "Quality control of statistics",
                details: $"Unsuppressed figures ({string.Join(", ", list.Select(f => f.Id))}) for {filter.Describe()}", cancellationToken: ct);
        }
        var rules = raw ? DisclosureRules.None : Rules;
        var period = filter.Resolve();
        var result = new List<PublishedFigure>(list.Count);
        foreach (var figure in list)
        {
            var counts = await StatisticsQueries.RunAsync(db, figure, period, ct);
            result.Add(Protect(figure, counts, rules, raw));
        }
        return result;
    }

    /// <summary>The one step from counts to what may be shown. Public for the tests that check the catalogue.</summary>
    public static PublishedFigure Protect(FigureDefinition figure, RawFigure counts, DisclosureRules rules, bool raw)
    {
        var table = counts.OneWay
            ? DisclosureControl.ProtectOneWay([.. Enumerable.Range(0, counts.Columns.Count).Select(c => counts.Counts[0, c])], rules)
            : DisclosureControl.ProtectTwoWay(counts.Counts, rules);
        DecisionTimes? times = null;
        if (counts.DayHistogram is { } histogram)
        {
            var n = histogram.Values.Sum();
            times = n == 0 || (!raw && n < rules.Threshold)
                ? new DecisionTimes(null, null, null)
                : new DecisionTimes(Quantile(histogram, n, 0.25), Quantile(histogram, n, 0.5), Quantile(histogram, n, 0.75));
        }
        return new PublishedFigure(figure, counts.Rows, counts.Columns, table, rules, raw, times);
    }

    /// <summary>Nearest-rank quantile over a histogram of whole days.</summary>
    public static int Quantile(IReadOnlyDictionary<int, long> histogram, long n, double q)
    {
        var rank = Math.Max(1, (long)Math.Ceiling(q * n));
        long seen = 0;
        foreach (var (days, count) in histogram.OrderBy(h => h.Key))
        {
            seen += count;
            if (seen >= rank)
            {
                return days;
            }
        }
        return histogram.Keys.Max();
    }
}
