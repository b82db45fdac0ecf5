using System.Globalization;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Statistics;

/// <summary>
/// Every figure of the catalogue against counts worked out here, in memory, from the seeded records and the definition's
/// words (not from the production query): on SQLite and PostgreSQL. Raw counts are compared, before disclosure control.
/// </summary>
public sealed class StatisticsFigureTests
{
    /// <summary>
    /// The periods every figure is checked over: a whole year (whole months only, all from the counts the database keeps, migration
    /// 0023) and one that starts and ends mid-month (whole months from the counts, the days at either end from the tables).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (DateTime From, DateTime To)> Periods = new Dictionary<string, (DateTime, DateTime)>
    {
        ["year"] = (new(StatisticsWorld.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc), new(StatisticsWorld.Year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        ["mid-month"] = (new(StatisticsWorld.Year, 2, 10, 0, 0, 0, DateTimeKind.Utc), new(StatisticsWorld.Year, 9, 21, 0, 0, 0, DateTimeKind.Utc)),
    };

    private static string Month(DateTime at) => at.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    // Written out again from the definition: under 18, 18–24, 25–34, 35–49, 50 and over, unknown.
    private static string Band(int? age) =>
        age is null ? "Unknown" : age < 18 ? "Under 18" : age <= 24 ? "18–24" : age <= 34 ? "25–34" : age <= 49 ? "35–49" : "50 and over";

    private static string OrNotRecorded(string? value) => string.IsNullOrEmpty(value) ? "Not recorded" : value;

    private static string DayBand(int days) =>
        days <= 5 ? "0–5" : days <= 10 ? "6–10" : days <= 30 ? "11–30" : days <= 60 ? "31–60" : days <= 90 ? "61–90" : "91 and more";

    /// <summary>Expected (row, column) → count for each figure; a one-way figure's row is "".</summary>
    private static Dictionary<(string, string), long> Expected(string figure, StatisticsWorld w, (DateTime From, DateTime To) period)
    {
        bool In(DateTime? at) => at >= period.From && at < period.To;
        // Anonymous counts carry only their month: a month is in when any of its days is.
        bool MonthIn(string month) => string.CompareOrdinal(month, Month(period.From)) >= 0 && string.CompareOrdinal(month, Month(period.To.AddTicks(-1))) <= 0;
        var completed = w.Screenings.Where(s => s.Status == Web.Features.Screenings.ScreeningStatus.Completed && In(s.CompletedAt)).ToList();
        var opened = w.Cases.Where(c => In(c.OpenedAt)).ToList();
        IEnumerable<(string, string)> keys = figure switch
        {
            "screenings-by-month" => completed.Select(s => ("", Month(s.CompletedAt!.Value))),
            "screenings-by-channel" => completed.Select(s => ("", OrNotRecorded(s.IntakeChannel))),
            "screenings-by-gender-age" => completed.Where(s => s.PresumedVictim).Select(s => (s.Gender.ToString(), Band(s.ApproximateAge))),
            "declined-referrals-by-month" => w.Declined.Where(d => MonthIn(d.Month)).Select(d => ("", d.Month)),
            "declined-referrals-by-type" => w.Declined.Where(d => MonthIn(d.Month)).Select(d => ("", d.ReportingOrganisationType)),
            "cases-by-stage-and-region" => opened.Select(c => (w.Region, c.Stage.ToString())),
            "cases-by-form" => opened.SelectMany(c => c.ExploitationForms.Length == 0 ? ["Not recorded"] : c.ExploitationForms.Split(' ')).Select(f => ("", f)),
            "cases-by-gender-age" => opened.Select(c => (OrNotRecorded(c.Gender), Band(c.ApproximateAge))),
            "cases-by-citizenship" => opened.Select(c => ("", OrNotRecorded(c.Nationality))),
            "decisions" => w.Cases.Where(c => In(c.ReasonableGroundsAt)).Select(c => ("Reasonable grounds", c.ReasonableGrounds!.Value.ToString()))
                .Concat(w.Cases.Where(c => In(c.ConclusiveAt)).Select(c => ("Conclusive", c.Conclusive!.Value.ToString()))),
            "time-to-decision" => w.Cases.Where(c => In(c.ReasonableGroundsAt))
                .Select(c => ("", DayBand((int)Math.Floor((c.ReasonableGroundsAt!.Value - c.OpenedAt).TotalDays)))),
            "reflection-periods" => w.Cases.Where(c => In(c.ReflectionStartedAt)).Select(c => ("", Month(c.ReflectionStartedAt!.Value))),
            "outcomes" => w.Outcomes.Where(o => In(o.RecordedAt)).Select(o => ("", o.Code)),
            "services" => w.Services.Where(s => In(s.ProposedAt)).Select(s => (s.ServiceCode, s.Status.ToString())),
            "children" => opened.Where(c => c.AgeStatus is Web.Features.Cases.AgeStatus.PresumedMinor or Web.Features.Cases.AgeStatus.ConfirmedMinor)
                .Select(c => (c.AgeStatus.ToString(), c.GuardianOrganisationId is null ? "No guardian yet" : "Guardian appointed")),
            // Nothing of these is seeded in the world's region and year: the figures must be empty.
            "referrals-by-kind-and-type" or "thematic-by-form" => [],
            _ => throw new InvalidOperationException($"The test has no independent count for '{figure}': add one."),
        };
        return keys.GroupBy(k => k).ToDictionary(g => g.Key, g => (long)g.Count());
    }

    public static TheoryData<string, string, string> FiguresOnEachDatabase
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var database in Databases.All)
            {
                foreach (var figure in FigureCatalogue.All)
                {
                    foreach (var period in Periods.Keys)
                    {
                        data.Add(database, figure.Id, period);
                    }
                }
            }
            return data;
        }
    }

    private static readonly Dictionary<string, Task<(AriadneAppFactory, StatisticsWorld)>> s_worlds = [];

    /// <summary>One isolated database per provider for all figures: the month-only anonymous counts have no region to separate them.</summary>
    private static Task<(AriadneAppFactory, StatisticsWorld)> WorldAsync(string database)
    {
        lock (s_worlds)
        {
            if (!s_worlds.TryGetValue(database, out var world))
            {
                world = Create();
                s_worlds[database] = world;
            }
            return world;
        }

        async Task<(AriadneAppFactory, StatisticsWorld)> Create()
        {
            var app = await AriadneAppFactory.IsolatedAsync(database);
            return (app, await StatisticsWorld.CreateAsync(app));
        }
    }

    [Theory, MemberData(nameof(FiguresOnEachDatabase))]
    public async Task Each_figure_counts_what_its_definition_says(string database, string figureId, string period)
    {
        var (app, world) = await WorldAsync(database);
        await AssertFigureAsync(app, world, figureId, Periods[period]);
    }

    /// <summary>
    /// The counts the database keeps (migration 0023's triggers) follow every kind of write, not only inserts: screenings completed
    /// and reopened, their channel, gender and age changed, cases moved to another stage, another owner outside the region and
    /// another decision, records deleted. Every figure over both periods then equals the in-memory count of what is left.
    /// </summary>
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Figures_follow_updates_and_deletes(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        var world = await StatisticsWorld.CreateAsync(app);
        var elsewhere = await app.CreateOrganisationAsync(Web.Features.Organisations.OrganisationType.AntiTraffickingUnit);
        var completed = world.Screenings.Where(x => x.Status == Web.Features.Screenings.ScreeningStatus.Completed).Select(x => x.Id).ToList();
        var draft = world.Screenings.First(x => x.Status == Web.Features.Screenings.ScreeningStatus.Draft).Id;
        var decided = world.Cases.Where(c => c.ReasonableGroundsAt is not null && c.OpenedAt.Year == StatisticsWorld.Year).Select(c => c.Id).ToList();
        await app.WithDbAsync(async db =>
        {
            var screenings = await db.Screenings.Where(x => completed.Contains(x.Id) || x.Id == draft).ToDictionaryAsync(x => x.Id);
            screenings[completed[0]].Status = Web.Features.Screenings.ScreeningStatus.Referred;
            screenings[completed[1]].IntakeChannel = "ENC-04";
            screenings[completed[2]].Gender = Web.Features.Screenings.Gender.Other;
            screenings[completed[2]].ApproximateAge = 70;
            screenings[completed[2]].PresumedVictim = true;
            screenings[completed[3]].CompletedAt = new DateTime(StatisticsWorld.Year, 9, 30, 12, 0, 0, DateTimeKind.Utc);
            screenings[draft].Status = Web.Features.Screenings.ScreeningStatus.Completed;
            screenings[draft].CompletedAt = new DateTime(StatisticsWorld.Year, 2, 12, 8, 0, 0, DateTimeKind.Utc);
            db.Screenings.Remove(screenings[completed[4]]);
            // Cases 20 and later have no outcome or service proposal under them (StatisticsWorld), so they can go.
            var cases = await db.Cases.Where(c => world.Cases.Select(w => w.Id).Contains(c.Id)).ToDictionaryAsync(c => c.Id);
            var first = cases[decided[0]];
            first.Stage = first.Stage == Web.Features.Cases.CaseStage.Closed ? Web.Features.Cases.CaseStage.Recovery : Web.Features.Cases.CaseStage.Closed;
            first.ReasonableGrounds = first.ReasonableGrounds == Web.Features.Cases.DecisionResult.Positive
                ? Web.Features.Cases.DecisionResult.Negative : Web.Features.Cases.DecisionResult.Positive;
            first.ReasonableGroundsAt = first.ReasonableGroundsAt!.Value.AddDays(45);
            cases[decided[1]].OwnerOrganisationId = elsewhere.Id;
            cases[decided[2]].Nationality = "BG";
            cases[decided[2]].ExploitationForms = "BEG";
            cases[decided[2]].AgeStatus = Web.Features.Cases.AgeStatus.ConfirmedMinor;
            cases[decided[2]].GuardianOrganisationId = null;
            db.Cases.Remove(cases[world.Cases[25].Id]);
            await db.SaveChangesAsync();
        });
        var now = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AriadneDbContext>();
            return new StatisticsWorld
            {
                Region = world.Region, Station = world.Station, Unit = world.Unit, Support = world.Support, Outcomes = world.Outcomes,
                Services = world.Services, Declined = world.Declined,
                Screenings = await db.Screenings.AsNoTracking().Where(x => x.OrganisationId == world.Station.Id).ToListAsync(),
                Cases = await db.Cases.AsNoTracking().Where(c => c.OwnerOrganisationId == world.Unit.Id).ToListAsync(),
            };
        });
        Assert.Equal(world.Cases.Count - 2, now.Cases.Count);
        foreach (var figure in FigureCatalogue.All.Where(f => f.Id is not ("outcomes" or "services")))
        {
            foreach (var period in Periods.Values)
            {
                await AssertFigureAsync(app, now, figure.Id, period);
            }
        }
    }

    private static async Task AssertFigureAsync(AriadneAppFactory app, StatisticsWorld world, string figureId, (DateTime From, DateTime To) period)
    {
        var figure = FigureCatalogue.Find(figureId)!;
        var region = figure.RegionApplies ? world.Region : null;
        var raw = await app.WithScopeAsync(s => StatisticsQueries.RunAsync(s.GetRequiredService<AriadneDbContext>(), figure,
            new StatisticsFilter(DateOnly.FromDateTime(period.From), DateOnly.FromDateTime(period.To.AddDays(-1)), region).Resolve(), CancellationToken.None));

        var expected = Expected(figureId, world, period);
        var actual = new Dictionary<(string, string), long>();
        for (var r = 0; r < raw.Rows.Count; r++)
        {
            for (var c = 0; c < raw.Columns.Count; c++)
            {
                if (raw.Counts[r, c] != 0)
                {
                    actual[(raw.Rows[r], raw.Columns[c])] = raw.Counts[r, c];
                }
            }
        }
        Assert.True(expected.OrderBy(e => e.Key).SequenceEqual(actual.OrderBy(e => e.Key)),
            $"{figureId} {period.From:yyyy-MM-dd}–{period.To:yyyy-MM-dd}: expected {string.Join(", ", expected.OrderBy(e => e.Key))}; "
            + $"got {string.Join(", ", actual.OrderBy(e => e.Key))}");
        if (figureId is not ("referrals-by-kind-and-type" or "thematic-by-form"))
        {
            Assert.NotEmpty(expected); // the world gives every other figure something to count
        }
    }

    [Fact]
    public void A_period_splits_into_whole_months_and_the_days_at_either_end()
    {
        var (months, edges) = StatisticsQueries.Split(new StatisticsFilter(new DateOnly(2025, 1, 15), new DateOnly(2025, 3, 31)).Resolve());
        Assert.Equal(new StatisticsQueries.MonthSpan("2025-02", "2025-03"), months);
        Assert.Equal([(new DateTime(2025, 1, 15, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc))],
            edges.Select(e => (e.FromUtc, e.ToUtc)));
        var (none, whole) = StatisticsQueries.Split(new StatisticsFilter(new DateOnly(2025, 1, 15), new DateOnly(2025, 2, 10)).Resolve());
        Assert.Null(none);
        Assert.Single(whole);
        var (all, noEdges) = StatisticsQueries.Split(new StatisticsFilter().Resolve());
        Assert.Equal(new StatisticsQueries.MonthSpan("1900-01", "8999-12"), all);
        Assert.Empty(noEdges);
    }

    [Fact]
    public void Every_figure_has_a_definition_and_a_unique_id() =>
        Assert.All(FigureCatalogue.All, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Definition));
            Assert.Single(FigureCatalogue.All, g => g.Id == f.Id);
        });

    [Fact]
    public void Quartiles_are_nearest_rank_over_the_day_histogram()
    {
        var histogram = new Dictionary<int, long> { [1] = 2, [4] = 1, [9] = 1, [20] = 4 };
        Assert.Equal(1, StatisticsService.Quantile(histogram, 8, 0.25));
        Assert.Equal(9, StatisticsService.Quantile(histogram, 8, 0.5));
        Assert.Equal(20, StatisticsService.Quantile(histogram, 8, 0.75));
    }
}
