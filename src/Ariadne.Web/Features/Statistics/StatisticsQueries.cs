using Ariadne.Web.Data;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Screenings;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Statistics;

/// <summary>Counts before disclosure control: never rendered, only handed to <see cref="DisclosureControl"/>.</summary>
public sealed record RawFigure(IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, long[,] Counts, bool OneWay,
    IReadOnlyDictionary<int, long>? DayHistogram = null);

/// <summary>
/// The SQL aggregates behind every figure of <see cref="FigureCatalogue"/>: each groups and counts in the database
/// (GROUP BY), on SQLite and PostgreSQL alike; only the groups come back, never rows.
/// </summary>
public static class StatisticsQueries
{
    public const string NotRecorded = "Not recorded";
    public static readonly string[] AgeBands = ["Under 18", "18–24", "25–34", "35–49", "50 and over", "Unknown"];
    public static readonly int[] DayBands = [0, 6, 11, 31, 61, 91];

    /// <summary>The age band of an approximate age. Migration 0023's triggers write the same bands into statistics_counts: change both.</summary>
    public static string AgeBand(int? age) => age switch
    {
        null => "Unknown",
        < 18 => "Under 18",
        < 25 => "18–24",
        < 35 => "25–34",
        < 50 => "35–49",
        _ => "50 and over",
    };

    public static string DayBand(int days)
    {
        var i = Array.FindLastIndex(DayBands, b => days >= b);
        return i < 0 ? "0–5" : i == DayBands.Length - 1 ? $"{DayBands[i]} and more" : $"{DayBands[i]}–{DayBands[i + 1] - 1}";
    }

    public static IReadOnlyList<string> DayBandLabels => [.. DayBands.Select(DayBand)];

    /// <summary>
    /// The figure's counts over the period: whole calendar months from <see cref="StatisticsCount"/> (kept by the database's triggers,
    /// migration 0023), the days at either end of a period that does not start or end on a month boundary from the tables themselves.
    /// Both give the same raw groups, which are labelled and shaped once, so a figure reads the same whichever way it was counted.
    /// </summary>
    public static async Task<RawFigure> RunAsync(AriadneDbContext db, FigureDefinition figure, ResolvedPeriod p, CancellationToken ct)
    {
        var (months, edges) = Split(p);
        var region = p.Region;
        async Task<List<T>> Both<T>(Func<MonthSpan, Task<List<T>>> counted, Func<ResolvedPeriod, Task<List<T>>> read)
        {
            var groups = months is { } m ? await counted(m) : [];
            foreach (var edge in edges)
            {
                groups.AddRange(await read(edge));
            }
            return groups;
        }
        switch (figure.Id)
        {
            case "screenings-by-month":
            {
                var groups = await Both(
                    async m => (await Counts(db, "screenings-by-channel", m, region).GroupBy(c => c.Month)
                        .Select(g => new { g.Key, N = g.Sum(c => c.Count) }).ToListAsync(ct)).Select(g => (MonthOf(g.Key), g.N)).ToList(),
                    async e => (await CompletedScreenings(db, e)
                        .GroupBy(s => new { s.CompletedAt!.Value.Year, s.CompletedAt!.Value.Month })
                        .Select(g => new { g.Key.Year, g.Key.Month, N = g.LongCount() }).ToListAsync(ct))
                        .Select(g => (new DateOnly(g.Year, g.Month, 1), g.N)).ToList());
                return Months(groups);
            }
            case "screenings-by-channel":
            {
                var groups = await Both(
                    async m => (await Counts(db, "screenings-by-channel", m, region).GroupBy(c => c.Column)
                        .Select(g => new { g.Key, N = g.Sum(c => c.Count) }).ToListAsync(ct)).Select(g => (Label(g.Key), g.N)).ToList(),
                    async e => (await CompletedScreenings(db, e).GroupBy(s => s.IntakeChannel)
                        .Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct)).Select(g => (Label(g.Key), g.N)).ToList());
                return OneWay(groups);
            }
            case "screenings-by-gender-age":
            {
                var groups = await Both(
                    async m => (await Counts(db, "screenings-by-gender-age", m, region).GroupBy(c => new { c.Row, c.Column })
                        .Select(g => new { g.Key.Row, g.Key.Column, N = g.Sum(c => c.Count) }).ToListAsync(ct))
                        .Select(g => (g.Row, g.Column, g.N)).ToList(),
                    async e => (await CompletedScreenings(db, e).Where(s => s.PresumedVictim)
                        .GroupBy(s => new { s.Gender, s.ApproximateAge })
                        .Select(g => new { g.Key.Gender, g.Key.ApproximateAge, N = g.LongCount() }).ToListAsync(ct))
                        .Select(g => (g.Gender.ToString(), AgeBand(g.ApproximateAge), g.N)).ToList());
                return TwoWay(groups, Enum.GetNames<Gender>(), AgeBands);
            }
            case "referrals-by-kind-and-type":
            {
                var groups = await Both(
                    async m => (await (
                            from c in Counts(db, "referrals-by-kind", m, region)
                            join o in db.Organisations on c.OrganisationId equals o.Id
                            group c by new { o.Type, c.Column } into g
                            select new { g.Key.Type, Kind = g.Key.Column, N = g.Sum(c => c.Count) })
                        .ToListAsync(ct)).Select(g => (g.Type.ToString(), g.Kind, g.N)).ToList(),
                    async e => (await (
                            from r in db.Referrals
                            join o in db.Organisations on r.FromOrganisationId equals o.Id
                            where r.Kind != ReferralKind.DeclinedReferralAlert && r.ReferredAt >= e.FromUtc && r.ReferredAt < e.ToUtc
                                && (region == null || o.Area == region)
                            group r by new { o.Type, r.Kind } into g
                            select new { g.Key.Type, g.Key.Kind, N = g.LongCount() })
                        .ToListAsync(ct)).Select(g => (g.Type.ToString(), g.Kind.ToString(), g.N)).ToList());
                return TwoWay(groups, null, [nameof(ReferralKind.SpecialisedUnit), nameof(ReferralKind.Guardianship)]);
            }
            case "declined-referrals-by-month":
            {
                var groups = await DeclinedIn(db, p).GroupBy(n => n.Month).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct);
                return Months(groups.Select(g => (MonthOf(g.Key), g.N)));
            }
            case "declined-referrals-by-type":
            {
                var groups = await DeclinedIn(db, p).GroupBy(n => n.ReportingOrganisationType)
                    .Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct);
                return OneWay(groups.Select(g => (g.Key, g.N)));
            }
            case "cases-by-stage-and-region":
            {
                var groups = await Both(
                    async m => (await (
                            from c in Counts(db, "cases-by-stage", m, region)
                            join o in db.Organisations on c.OrganisationId equals o.Id
                            group c by new { o.Area, c.Column } into g
                            select new { g.Key.Area, Stage = g.Key.Column, N = g.Sum(c => c.Count) })
                        .ToListAsync(ct)).Select(g => (Label(g.Area), g.Stage, g.N)).ToList(),
                    async e => (await (
                            from c in CasesOpened(db, e.FromUtc, e.ToUtc)
                            join o in db.Organisations on c.OwnerOrganisationId equals o.Id
                            where region == null || o.Area == region
                            group c by new { o.Area, c.Stage } into g
                            select new { g.Key.Area, g.Key.Stage, N = g.LongCount() })
                        .ToListAsync(ct)).Select(g => (Label(g.Area), g.Stage.ToString(), g.N)).ToList());
                return TwoWay(groups, null, Enum.GetNames<CaseStage>());
            }
            case "cases-by-form":
            {
                var groups = await Both(
                    async m => (await Counts(db, "cases-by-form", m, region).GroupBy(c => c.Column)
                        .Select(g => new { g.Key, N = g.Sum(c => c.Count) }).ToListAsync(ct)).Select(g => (g.Key, g.N)).ToList(),
                    async e => (await CasesIn(db, e.FromUtc, e.ToUtc, region).GroupBy(c => c.ExploitationForms)
                        .Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct)).Select(g => (g.Key, g.N)).ToList());
                return OneWay(groups.SelectMany(g => Codes(g.Item1, ' ').Select(code => (code, g.N))));
            }
            case "cases-by-gender-age":
            {
                var groups = await Both(
                    async m => (await Counts(db, "cases-by-gender-age", m, region).GroupBy(c => new { c.Row, c.Column })
                        .Select(g => new { g.Key.Row, g.Key.Column, N = g.Sum(c => c.Count) }).ToListAsync(ct))
                        .Select(g => (Label(g.Row), g.Column, g.N)).ToList(),
                    async e => (await CasesIn(db, e.FromUtc, e.ToUtc, region).GroupBy(c => new { c.Gender, c.ApproximateAge })
                        .Select(g => new { g.Key.Gender, g.Key.ApproximateAge, N = g.LongCount() }).ToListAsync(ct))
                        .Select(g => (Label(g.Gender), AgeBand(g.ApproximateAge), g.N)).ToList());
                return TwoWay(groups, null, AgeBands);
            }
            case "cases-by-citizenship":
            {
                var groups = await Both(
                    async m => (await Counts(db, "cases-by-citizenship", m, region).GroupBy(c => c.Column)
                        .Select(g => new { g.Key, N = g.Sum(c => c.Count) }).ToListAsync(ct)).Select(g => (Label(g.Key), g.N)).ToList(),
                    async e => (await CasesIn(db, e.FromUtc, e.ToUtc, region).GroupBy(c => c.Nationality)
                        .Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct)).Select(g => (Label(g.Key), g.N)).ToList());
                return OneWay(groups);
            }
            case "decisions":
            {
                var reasonable = await Both(
                    async m => (await Counts(db, "reasonable-grounds", m, region).Where(c => c.Row != "").GroupBy(c => c.Row)
                        .Select(g => new { g.Key, N = g.Sum(c => c.Count) }).ToListAsync(ct)).Select(g => ("Reasonable grounds", g.Key, g.N)).ToList(),
                    async e => (await CasesAnyTime(db, region)
                        .Where(c => c.ReasonableGroundsAt >= e.FromUtc && c.ReasonableGroundsAt < e.ToUtc && c.ReasonableGrounds != null)
                        .GroupBy(c => c.ReasonableGrounds).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct))
                        .Select(g => ("Reasonable grounds", g.Key.ToString()!, g.N)).ToList());
                var conclusive = await Both(
                    async m => (await Counts(db, "conclusive", m, region).GroupBy(c => c.Column)
                        .Select(g => new { g.Key, N = g.Sum(c => c.Count) }).ToListAsync(ct)).Select(g => ("Conclusive", g.Key, g.N)).ToList(),
                    async e => (await CasesAnyTime(db, region)
                        .Where(c => c.ConclusiveAt >= e.FromUtc && c.ConclusiveAt < e.ToUtc && c.Conclusive != null)
                        .GroupBy(c => c.Conclusive).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct))
                        .Select(g => ("Conclusive", g.Key.ToString()!, g.N)).ToList());
                return TwoWay(reasonable.Concat(conclusive), ["Reasonable grounds", "Conclusive"], Enum.GetNames<DecisionResult>());
            }
            case "time-to-decision":
            {
                var days = await Both(
                    async m => (await Counts(db, "reasonable-grounds", m, region).GroupBy(c => c.Column)
                        .Select(g => new { g.Key, N = g.Sum(c => c.Count) }).ToListAsync(ct))
                        .Select(g => (int.Parse(g.Key, System.Globalization.CultureInfo.InvariantCulture), g.N)).ToList(),
                    async e => [.. (await DaysToReasonableGroundsAsync(db, e, ct)).Select(h => (h.Key, h.Value))]);
                var histogram = days.GroupBy(d => Math.Max(0, d.Item1)).ToDictionary(g => g.Key, g => g.Sum(d => d.N));
                var bands = histogram.GroupBy(h => DayBand(h.Key)).ToDictionary(g => g.Key, g => g.Sum(h => h.Value));
                var labels = DayBandLabels;
                var counts = new long[1, labels.Count];
                for (var i = 0; i < labels.Count; i++)
                {
                    counts[0, i] = bands.GetValueOrDefault(labels[i]);
                }
                return new RawFigure([""], labels, counts, true, histogram);
            }
            case "reflection-periods":
            {
                var groups = await Both(
                    async m => (await Counts(db, "reflection-periods", m, region).GroupBy(c => c.Month)
                        .Select(g => new { g.Key, N = g.Sum(c => c.Count) }).ToListAsync(ct)).Select(g => (MonthOf(g.Key), g.N)).ToList(),
                    async e => (await CasesAnyTime(db, region).Where(c => c.ReflectionStartedAt >= e.FromUtc && c.ReflectionStartedAt < e.ToUtc)
                        .GroupBy(c => new { c.ReflectionStartedAt!.Value.Year, c.ReflectionStartedAt!.Value.Month })
                        .Select(g => new { g.Key.Year, g.Key.Month, N = g.LongCount() }).ToListAsync(ct))
                        .Select(g => (new DateOnly(g.Year, g.Month, 1), g.N)).ToList());
                return Months(groups);
            }
            case "outcomes":
            {
                var start = p.FromUtc;
                var end = p.ToUtc;
                var groups = await (
                        from o in db.Set<CaseOutcome>()
                        join c in CasesAnyTime(db, region) on o.CaseId equals c.Id
                        where o.RecordedAt >= start && o.RecordedAt < end
                        group o by o.Code into g
                        select new { g.Key, N = g.LongCount() })
                    .ToListAsync(ct);
                return OneWay(groups.Select(g => (g.Key, g.N)));
            }
            case "services":
            {
                var start = p.FromUtc;
                var end = p.ToUtc;
                var groups = await (
                        from s in db.ServiceProposals
                        join c in CasesAnyTime(db, region) on s.CaseId equals c.Id
                        where s.ProposedAt >= start && s.ProposedAt < end
                        group s by new { s.ServiceCode, s.Status } into g
                        select new { g.Key.ServiceCode, g.Key.Status, N = g.LongCount() })
                    .ToListAsync(ct);
                return TwoWay(groups.Select(g => (g.ServiceCode, g.Status.ToString(), g.N)), null, Enum.GetNames<Support.ServiceStatus>());
            }
            case "children":
            {
                var groups = await Both(
                    async m => (await Counts(db, "children", m, region).GroupBy(c => new { c.Row, c.Column })
                        .Select(g => new { g.Key.Row, g.Key.Column, N = g.Sum(c => c.Count) }).ToListAsync(ct))
                        .Select(g => (g.Row, g.Column == "1", g.N)).ToList(),
                    async e => (await CasesIn(db, e.FromUtc, e.ToUtc, region)
                        .Where(c => c.AgeStatus == AgeStatus.PresumedMinor || c.AgeStatus == AgeStatus.ConfirmedMinor)
                        .GroupBy(c => new { c.AgeStatus, Guardian = c.GuardianOrganisationId != null })
                        .Select(g => new { g.Key.AgeStatus, g.Key.Guardian, N = g.LongCount() }).ToListAsync(ct))
                        .Select(g => (g.AgeStatus.ToString(), g.Guardian, g.N)).ToList());
                return TwoWay(groups.Select(g => (g.Item1, g.Item2 ? "Guardian appointed" : "No guardian yet", g.N)),
                    [nameof(AgeStatus.PresumedMinor), nameof(AgeStatus.ConfirmedMinor)], ["Guardian appointed", "No guardian yet"]);
            }
            case "thematic-by-form":
            {
                var start = p.FromUtc;
                var end = p.ToUtc;
                var groups = await db.SanitisedVersions
                    .Where(v => v.Status == SanitisedStatus.Released && v.ReleasedAt >= start && v.ReleasedAt < end)
                    .GroupBy(v => v.ExploitationTypes).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct);
                return OneWay(groups.SelectMany(g => Codes(g.Key, ',').Select(code => (code, g.N))));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(figure), figure.Id, "No query for this figure.");
        }
    }

    /// <summary>Whole calendar months, "yyyy-MM" at both ends, included.</summary>
    public sealed record MonthSpan(string From, string To);

    /// <summary>
    /// The whole calendar months inside [FromUtc, ToUtc), if any, and the periods left at either end (none when the period starts
    /// and ends on month boundaries, as the default period and whole years do).
    /// </summary>
    public static (MonthSpan? Months, IReadOnlyList<ResolvedPeriod> Edges) Split(ResolvedPeriod p)
    {
        var start = new DateTime(p.FromUtc.Year, p.FromUtc.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var firstWhole = start == p.FromUtc ? start : start.AddMonths(1);
        var lastWholeEnd = new DateTime(p.ToUtc.Year, p.ToUtc.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        if (firstWhole >= lastWholeEnd)
        {
            return (null, [p]);
        }
        var edges = new List<ResolvedPeriod>(2);
        if (p.FromUtc < firstWhole)
        {
            edges.Add(p with { ToUtc = firstWhole });
        }
        if (lastWholeEnd < p.ToUtc)
        {
            edges.Add(p with { FromUtc = lastWholeEnd });
        }
        var format = System.Globalization.CultureInfo.InvariantCulture;
        return (new MonthSpan(firstWhole.ToString("yyyy-MM", format), lastWholeEnd.AddMonths(-1).ToString("yyyy-MM", format)), edges);
    }

    // "yyyy-MM" sorts as text; EF translates string.Compare to SQL's comparison (the StringComparison overload it cannot).
#pragma warning disable CA1309
    private static IQueryable<StatisticsCount> Counts(AriadneDbContext db, string figure, MonthSpan m, string? region)
    {
        var counts = db.StatisticsCounts.Where(c => c.Figure == figure && string.Compare(c.Month, m.From) >= 0 && string.Compare(c.Month, m.To) <= 0);
        return region is null ? counts : counts.Where(c => db.Organisations.Any(o => o.Id == c.OrganisationId && o.Area == region));
    }
#pragma warning restore CA1309

    private static DateOnly MonthOf(string month) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static IQueryable<Screening> CompletedScreenings(AriadneDbContext db, ResolvedPeriod e) =>
        Screenings(db, e.Region).Where(s => s.Status == ScreeningStatus.Completed && s.CompletedAt >= e.FromUtc && s.CompletedAt < e.ToUtc);

    private static IQueryable<Screening> Screenings(AriadneDbContext db, string? region) =>
        region is null ? db.Screenings
            : db.Screenings.Where(s => db.Organisations.Any(o => o.Id == s.OrganisationId && o.Area == region));

    // "yyyy-MM" sorts as text; EF translates string.Compare to SQL's comparison (the StringComparison overload it cannot).
#pragma warning disable CA1309
    private static IQueryable<AnonymousNotification> DeclinedIn(AriadneDbContext db, ResolvedPeriod p) =>
        db.AnonymousNotifications.Where(n => string.Compare(n.Month, p.FromMonth) >= 0 && string.Compare(n.Month, p.ToMonth) <= 0);
#pragma warning restore CA1309

    private static IQueryable<Case> CasesOpened(AriadneDbContext db, DateTime from, DateTime to) =>
        db.Cases.Where(c => c.OpenedAt >= from && c.OpenedAt < to);

    private static IQueryable<Case> CasesAnyTime(AriadneDbContext db, string? region) =>
        region is null ? db.Cases : db.Cases.Where(c => db.Organisations.Any(o => o.Id == c.OwnerOrganisationId && o.Area == region));

    private static IQueryable<Case> CasesIn(AriadneDbContext db, DateTime from, DateTime to, string? region) =>
        CasesAnyTime(db, region).Where(c => c.OpenedAt >= from && c.OpenedAt < to);

    /// <summary>
    /// Whole days from opening to the reasonable-grounds decision, counted per day in SQL. Date arithmetic is the one
    /// thing the providers spell differently, so it is written per provider here and nowhere else.
    /// </summary>
    private static async Task<IReadOnlyDictionary<int, long>> DaysToReasonableGroundsAsync(AriadneDbContext db, ResolvedPeriod p,
        CancellationToken ct)
    {
        var days = db.Database.IsNpgsql()
            ? """CAST(FLOOR(EXTRACT(EPOCH FROM (c."ReasonableGroundsAt" - c."OpenedAt")) / 86400) AS integer)"""
            : """CAST(julianday(c."ReasonableGroundsAt") - julianday(c."OpenedAt") AS INTEGER)""";
        var regionClause = p.Region is null ? "" : """ AND o."Area" = {2}""";
        var sql = $$"""
            SELECT {{days}} AS "Days", COUNT(*) AS "N"
            FROM "cases" c JOIN "organisations" o ON o."Id" = c."OwnerOrganisationId"
            WHERE c."ReasonableGroundsAt" IS NOT NULL AND c."ReasonableGroundsAt" >= {0} AND c."ReasonableGroundsAt" < {1}{{regionClause}}
            GROUP BY {{days}}
            """;
        object[] arguments = p.Region is null ? [p.FromUtc, p.ToUtc] : [p.FromUtc, p.ToUtc, p.Region];
        var rows = await db.Database.SqlQuery<DayCount>(System.Runtime.CompilerServices.FormattableStringFactory.Create(sql, arguments))
            .ToListAsync(ct);
        return rows.GroupBy(r => Math.Max(0, r.Days)).ToDictionary(g => g.Key, g => g.Sum(r => r.N));
    }

    private sealed record DayCount(int Days, long N);

    private static string Label(string? value) => string.IsNullOrWhiteSpace(value) ? NotRecorded : value;

    private static string[] Codes(string? list, char separator) =>
        string.IsNullOrWhiteSpace(list) ? [NotRecorded] : list.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static RawFigure OneWay(IEnumerable<(string Label, long N)> groups)
    {
        var sums = groups.GroupBy(g => g.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(x => x.N), StringComparer.Ordinal);
        var labels = sums.Keys.Order(StringComparer.Ordinal).ToList();
        var counts = new long[1, labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            counts[0, i] = sums[labels[i]];
        }
        return new RawFigure([""], labels, counts, true);
    }

    /// <summary>Every month of the span present, zeros included, so a trend has no silent gaps.</summary>
    private static RawFigure Months(IEnumerable<(DateOnly Month, long N)> groups)
    {
        var sums = groups.GroupBy(g => g.Month).ToDictionary(g => g.Key, g => g.Sum(x => x.N));
        var labels = new List<string>();
        var values = new List<long>();
        if (sums.Count > 0)
        {
            for (var m = sums.Keys.Min(); m <= sums.Keys.Max(); m = m.AddMonths(1))
            {
                labels.Add(m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
                values.Add(sums.GetValueOrDefault(m));
            }
        }
        var counts = new long[1, labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            counts[0, i] = values[i];
        }
        return new RawFigure([""], labels, counts, true);
    }

    /// <summary>Known categories first in their order (zeros shown), then any others seen, sorted.</summary>
    private static RawFigure TwoWay(IEnumerable<(string Row, string Column, long N)> groups, IReadOnlyList<string>? rows,
        IReadOnlyList<string>? columns)
    {
        var list = groups.ToList();
        var rowLabels = Labels(rows, list.Select(g => g.Row));
        var columnLabels = Labels(columns, list.Select(g => g.Column));
        var counts = new long[rowLabels.Count, columnLabels.Count];
        foreach (var (row, column, n) in list)
        {
            counts[rowLabels.IndexOf(row), columnLabels.IndexOf(column)] += n;
        }
        return new RawFigure(rowLabels, columnLabels, counts, false);
    }

    private static List<string> Labels(IReadOnlyList<string>? known, IEnumerable<string> seen)
    {
        var labels = known?.ToList() ?? [];
        labels.AddRange(seen.Distinct(StringComparer.Ordinal).Where(s => !labels.Contains(s)).Order(StringComparer.Ordinal));
        return labels;
    }
}
