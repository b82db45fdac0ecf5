using System.Globalization;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Statistics;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Statistics;

/// <summary>
/// Every figure of the catalogue against counts worked out here, in memory, from the seeded records and the definition's
/// words (not from the production query): on SQLite and PostgreSQL. Raw counts are compared, before disclosure control.
/// </summary>
public sealed class StatisticsFigureTests
{
    private static readonly DateTime s_from = new(StatisticsWorld.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_to = s_from.AddYears(1);

    private static bool In(DateTime? at) => at >= s_from && at < s_to;

    private static string Month(DateTime at) => at.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    // Written out again from the definition: under 18, 18–24, 25–34, 35–49, 50 and over, unknown.
    private static string Band(int? age) =>
        age is null ? "Unknown" : age < 18 ? "Under 18" : age <= 24 ? "18–24" : age <= 34 ? "25–34" : age <= 49 ? "35–49" : "50 and over";

    private static string OrNotRecorded(string? value) => string.IsNullOrEmpty(value) ? "Not recorded" : value;

    private static string DayBand(int days) =>
        days <= 5 ? "0–5" : days <= 10 ? "6–10" : days <= 30 ? "11–30" : days <= 60 ? "31–60" : days <= 90 ? "61–90" : "91 and more";

    /// <summary>Expected (row, column) → count for each figure; a one-way figure's row is "".</summary>
    private static Dictionary<(string, string), long> Expected(string figure, StatisticsWorld w)
    {
        var completed = w.Screenings.Where(s => s.Status == Web.Features.Screenings.ScreeningStatus.Completed && In(s.CompletedAt)).ToList();
        var opened = w.Cases.Where(c => In(c.OpenedAt)).ToList();
        IEnumerable<(string, string)> keys = figure switch
        {
            "screenings-by-month" => completed.Select(s => ("", Month(s.CompletedAt!.Value))),
            "screenings-by-channel" => completed.Select(s => ("", OrNotRecorded(s.IntakeChannel))),
            "screenings-by-gender-age" => completed.Where(s => s.PresumedVictim).Select(s => (s.Gender.ToString(), Band(s.ApproximateAge))),
            "declined-referrals-by-month" => w.Declined.Select(d => ("", d.Month)),
            "declined-referrals-by-type" => w.Declined.Select(d => ("", d.ReportingOrganisationType)),
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

    public static TheoryData<string, string> FiguresOnEachDatabase
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var database in Databases.All)
            {
                foreach (var figure in FigureCatalogue.All)
                {
                    data.Add(database, figure.Id);
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
    public async Task Each_figure_counts_what_its_definition_says(string database, string figureId)
    {
        var (app, world) = await WorldAsync(database);
        var figure = FigureCatalogue.Find(figureId)!;
        var region = figure.RegionApplies ? world.Region : null;
        var raw = await app.WithScopeAsync(s => StatisticsQueries.RunAsync(s.GetRequiredService<AriadneDbContext>(), figure,
            new StatisticsFilter(DateOnly.FromDateTime(s_from), DateOnly.FromDateTime(s_to.AddDays(-1)), region).Resolve(), CancellationToken.None));

        var expected = Expected(figureId, world);
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
        Assert.Equal(expected.OrderBy(e => e.Key).ToList(), actual.OrderBy(e => e.Key).ToList());
        if (figureId is not ("referrals-by-kind-and-type" or "thematic-by-form"))
        {
            Assert.NotEmpty(expected); // the world gives every other figure something to count
        }
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
