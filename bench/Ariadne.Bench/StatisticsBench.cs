using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Demo;
using Ariadne.Web.Features.Jurisdiction;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Screenings;
using Ariadne.Web.Features.Statistics;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ariadne.Bench;

/// <summary>
/// Issue 13 item 5: the statistics page's work at scale, printed, never asserted: every figure the coordinator sees (all
/// sections, through disclosure control) over <c>--cases</c> (100,000) cases and <c>--screenings</c> (1,000,000) screenings
/// across 20 organisations in 5 regions, for all time and for one year in one region; on SQLite and, given a connection
/// string, on PostgreSQL.
/// <code>
/// bench/statistics.sh [--cases 100000] [--screenings 1000000] [--runs 20]
/// </code>
/// </summary>
internal static class StatisticsBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cases = Option(args, "--cases") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : 100_000;
        var screenings = Option(args, "--screenings") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 1_000_000;
        var runs = Option(args, "--runs") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 20;
        var postgres = Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("ARIADNE_BENCH_POSTGRES");

        var folder = Path.Combine(Path.GetTempPath(), "ariadne-stats-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await RunOnAsync(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}", folder), cases, screenings, runs);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        if (postgres is null)
        {
            Console.WriteLine("PostgreSQL: skipped (give --postgres CONNSTRING or set ARIADNE_BENCH_POSTGRES).");
            return 0;
        }
        var name = "ariadne_stats_" + Guid.NewGuid().ToString("N")[..12];
        await BenchDatabase.ExecuteAsync(postgres, $"CREATE DATABASE {name}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString;
            await RunOnAsync(new DatabaseOptions(DatabaseProvider.Postgres, connection, folder), cases, screenings, runs);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await BenchDatabase.ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
        return 0;
    }

    private static async Task RunOnAsync(DatabaseOptions database, int caseCount, int screeningCount, int runs)
    {
        var builder = new DbContextOptionsBuilder<AriadneDbContext>();
        database.Apply(builder);
        var options = builder.Options;
        var chain = new AuditChain(new byte[32]);
        AriadneDbContext NewContext() => new(options, new AuditTrail(new BenchActor(), chain, TimeProvider.System), new ExpectedVersions());

        var loading = Stopwatch.StartNew();
        await using (var db = NewContext())
        {
            await SchemaMigrator.MigrateAsync(db, database.Provider);
            await LoadAsync(db, caseCount, screeningCount);
        }
        Console.WriteLine($"{database.Provider}: loaded {caseCount:N0} cases and {screeningCount:N0} screenings in {loading.Elapsed.TotalSeconds:F1} s");

        var coordinator = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Coordinator)], "bench"));
        var profile = new JurisdictionProfile();
        foreach (var (label, filter) in new[]
                 {
                     ("whole page, all time, all regions", new StatisticsFilter()),
                     ("whole page, one year, one region", new StatisticsFilter(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), "Region 2")),
                 })
        {
            var times = await MeasureAsync(runs, async () =>
            {
                await using var db = NewContext();
                var service = new StatisticsService(db, profile, new AuditTrail(new BenchActor(), chain, TimeProvider.System));
                return (await service.ComputeAsync(coordinator, FigureCatalogue.All, filter, unsuppressed: false)).Count;
            });
            Print(database.Provider, label, times);
        }
        // The heaviest single figures, to show where the time goes.
        foreach (var id in new[] { "screenings-by-month", "screenings-by-gender-age", "cases-by-stage-and-region", "time-to-decision" })
        {
            var figure = FigureCatalogue.Find(id)!;
            var times = await MeasureAsync(runs, async () =>
            {
                await using var db = NewContext();
                return (await StatisticsQueries.RunAsync(db, figure, new StatisticsFilter().Resolve(), CancellationToken.None)).Columns.Count;
            });
            Print(database.Provider, "  " + id, times);
        }
    }

    private static async Task LoadAsync(AriadneDbContext db, int caseCount, int screeningCount)
    {
        var random = new Random(2026);
        var organisations = Enumerable.Range(0, 20).Select(i => new Organisation
        {
            Name = $"Bench organisation {i}", Type = i % 4 == 0 ? OrganisationType.AntiTraffickingUnit : OrganisationType.FrontlinePolice,
            Area = $"Region {i % 5}", CreatedAt = DateTime.UtcNow,
        }).ToList();
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync();
        var units = organisations.Where(o => o.Type == OrganisationType.AntiTraffickingUnit).ToList();
        var start = new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        DateTime At() => start.AddMinutes(random.Next(4 * 365 * 24 * 60));
        string[] channels = ["ENC-01", "ENC-02", "ENC-03", "ENC-04", "ENC-05"];
        string[] forms = ["SEX", "LAB", "SEX LAB", "CRIM", "BEG"];
        string[] nationalities = ["RO", "NG", "VN", "BG", "AL", "UA", "CN", "BR"];

        await using var transaction = await db.Database.BeginTransactionAsync();
        await using var bulk = new BulkInsert(db);
        await bulk.InsertAsync(Enumerable.Range(0, screeningCount).Select(i =>
        {
            var at = At();
            return new Screening
            {
                OrganisationId = organisations[random.Next(organisations.Count)].Id, OfficerName = "Bench", CatalogueVersion = "bench",
                Status = random.Next(10) == 0 ? ScreeningStatus.Draft : ScreeningStatus.Completed, CreatedAt = at, UpdatedAt = at,
                CompletedAt = at.AddMinutes(30), IntakeChannel = channels[random.Next(channels.Length)], Gender = (Gender)random.Next(4),
                ApproximateAge = 14 + random.Next(50), PresumedVictim = random.Next(4) == 0,
            };
        }), CancellationToken.None);
        await bulk.InsertAsync(Enumerable.Range(0, caseCount).Select(i =>
        {
            var opened = At();
            var decided = random.Next(3) > 0;
            return new Case
            {
                Reference = "B-" + i.ToString(CultureInfo.InvariantCulture), OpenedByName = "Bench", OwnerOrganisationId = units[random.Next(units.Count)].Id,
                OpenedAt = opened, StageChangedAt = opened, LastActivityAt = opened, DecisionTargetAt = opened.AddDays(7),
                Stage = (CaseStage)random.Next(Enum.GetValues<CaseStage>().Length), ExploitationForms = forms[random.Next(forms.Length)],
                Gender = random.Next(2) == 0 ? "Female" : "Male", Nationality = nationalities[random.Next(nationalities.Length)],
                ApproximateAge = 12 + random.Next(50), AgeStatus = (AgeStatus)random.Next(4),
                ReasonableGrounds = decided ? DecisionResult.Positive : null, ReasonableGroundsAt = decided ? opened.AddDays(random.Next(60)) : null,
                ReflectionStartedAt = decided ? opened.AddDays(2) : null,
            };
        }), CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static async Task<List<double>> MeasureAsync(int runs, Func<Task<int>> work)
    {
        await work();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await work();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return times;
    }

    private static void Print(DatabaseProvider provider, string what, List<double> times)
    {
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider,-8} {what,-42} p50 {P(0.50),8:F1} ms  p99 {P(0.99),8:F1} ms  ({times.Count} runs)"));
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

}
