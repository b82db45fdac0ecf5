using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Demo;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ariadne.Bench;

/// <summary>
/// Issue 10 item 10: what intelligence costs at scale, printed, never asserted. Creating a report with 20 entities through the
/// service, and the first page of 100 reports a user may see out of <c>--reports</c> (100,000) across 50 organisations, for an
/// analyst, a frontline officer and a support worker, on SQLite and, given a connection string, on PostgreSQL.
/// <code>
/// dotnet run -c Release --project bench/Ariadne.Bench -- intelligence [--reports 100000] [--runs 200] [--postgres CONNSTRING]
/// </code>
/// The PostgreSQL connection string may also come from ARIADNE_BENCH_POSTGRES or ARIADNE_TEST_POSTGRES; a database of its own is
/// created on that server and dropped afterwards. Reports are bulk-loaded (BulkInsert, as the national seed) with their audience
/// computed by <see cref="IntelligenceAudience.Of(IntelligenceReport, Guid, SpecialHandlingSettings)"/>, as a save computes it.
/// Text is not encrypted here (no key ring): the list reads no encrypted column; creation would add the encryption of its text.
/// </summary>
internal static class IntelligenceBench
{
    private static readonly IntelligenceSettings Settings = new(SpecialHandlingSettings.Default, null);

    public static async Task<int> RunAsync(string[] args)
    {
        var reports = Option(args, "--reports") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 100_000;
        var runs = Option(args, "--runs") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 200;
        var postgres = Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("ARIADNE_BENCH_POSTGRES")
                       ?? Environment.GetEnvironmentVariable("ARIADNE_TEST_POSTGRES");

        var folder = Path.Combine(Path.GetTempPath(), "ariadne-intel-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await RunOnAsync(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}", folder), reports, runs);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("ARIADNE_BENCH_KEEP") is "1")
            {
                Console.WriteLine($"Kept {folder}");
            }
            else
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        if (postgres is null)
        {
            Console.WriteLine("PostgreSQL: skipped (give --postgres CONNSTRING or set ARIADNE_BENCH_POSTGRES).");
            return 0;
        }
        var name = "ariadne_bench_" + Guid.NewGuid().ToString("N")[..12];
        await BenchDatabase.ExecuteAsync(postgres, $"CREATE DATABASE {name}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString;
            await RunOnAsync(new DatabaseOptions(DatabaseProvider.Postgres, connection, folder), reports, runs);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await BenchDatabase.ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
        return 0;
    }

    private static async Task RunOnAsync(DatabaseOptions database, int reportCount, int runs)
    {
        var builder = new DbContextOptionsBuilder<AriadneDbContext>();
        database.Apply(builder);
        builder.AddInterceptors(new IntelligenceAudienceInterceptor(Settings));
        if (Environment.GetEnvironmentVariable("ARIADNE_BENCH_SQL") is "1")
        {
            builder.LogTo(Console.WriteLine, [DbLoggerCategory.Database.Command.Name], Microsoft.Extensions.Logging.LogLevel.Information);
        }
        var options = builder.Options;
        var chain = new AuditChain(new byte[32]);
        AriadneDbContext NewContext(out IntelligenceService service)
        {
            var trail = new AuditTrail(new BenchActor(), chain, TimeProvider.System);
            var db = new AriadneDbContext(options, trail, new ExpectedVersions());
            // Listing and creating never ask the authorization service (the list applies the rule itself).
            service = new IntelligenceService(db, trail, TimeProvider.System, Settings, null!);
            return db;
        }

        var loading = Stopwatch.StartNew();
        List<Organisation> organisations;
        await using (var db = NewContext(out _))
        {
            await SchemaMigrator.MigrateAsync(db, database.Provider);
            organisations = await DirectoryAsync(db);
            await LoadReportsAsync(db, organisations, reportCount);
        }
        Console.WriteLine($"{database.Provider}: loaded {reportCount:N0} reports across {organisations.Count} organisations in {loading.Elapsed.TotalSeconds:F1} s");

        var analyst = User(organisations.Single(o => o.Name == "Anti-trafficking unit 0"), Roles.IntelligenceAnalyst);
        var frontline = User(organisations.Single(o => o.Name == "Police force 1"), Roles.FrontlineOfficer);
        var support = User(organisations.First(o => o.Type == OrganisationType.VictimSupport && o.Country == "BE"), Roles.SupportWorker);

        // Creating a report with 20 entities, as the author's API call does.
        var create = await MeasureAsync(Math.Max(20, runs / 4), async () =>
        {
            await using var db = NewContext(out var service);
            var created = await service.CreateAsync(analyst, TwentyEntities());
            return created.Error is null ? 1 : throw new InvalidOperationException(created.Error.Message);
        });
        Print(database.Provider, "create a report with 20 entities", create.Times, "");

        foreach (var (kind, user) in new[] { ("analyst", analyst), ("frontline officer", frontline), ("support worker", support) })
        {
            var total = 0;
            var list = await MeasureAsync(runs, async () =>
            {
                await using var db = NewContext(out var service);
                var (rows, count) = await service.ListAsync(user, new ReportFilter(null, null, null, null), new Paging(1, 100));
                total = count;
                return rows.Count;
            });
            Print(database.Provider, $"first page of 100, {kind}", list.Times, $"(visible {total:N0}, page {list.Last})");
            // Its two queries alone, to show where the time goes.
            var viewer = organisations.Single(o => o.Id == user.OrganisationId());
            var count = await MeasureAsync(runs / 2, async () =>
            {
                await using var db = NewContext(out _);
                var all = await db.Organisations.AsNoTracking().ToListAsync();
                return (int)await db.IntelligenceReportCounts.AsNoTracking()
                    .Where(IntelligenceAudience.VisibleTo<IntelligenceReportCount>(user, viewer, all)).SumAsync(c => c.Count);
            });
            Print(database.Provider, $"  of which the total (kept counts), {kind}", count.Times, $"({count.Last:N0})");
            // The peer in the same run: counting the visible reports themselves, as the list did before migration 0013.
            var rowCount = await MeasureAsync(runs / 2, async () =>
            {
                await using var db = NewContext(out _);
                var all = await db.Organisations.AsNoTracking().ToListAsync();
                return await db.IntelligenceReports.AsNoTracking().CountAsync(IntelligenceAudience.VisibleTo<IntelligenceReport>(user, viewer, all));
            });
            Print(database.Provider, $"  peer: COUNT(*) of the reports, {kind}", rowCount.Times, $"({rowCount.Last:N0})");
            var page = await MeasureAsync(runs / 2, async () =>
            {
                await using var db = NewContext(out _);
                var all = await db.Organisations.AsNoTracking().ToListAsync();
                return (await db.IntelligenceReports.AsNoTracking().Where(IntelligenceAudience.VisibleTo<IntelligenceReport>(user, viewer, all))
                    .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(100).Select(IntelligenceAudience.GradingColumns).ToListAsync()).Count;
            });
            Print(database.Provider, $"  of which the page query, {kind}", page.Times, "");
        }
    }

    private static async Task<(List<double> Times, int Last)> MeasureAsync(int runs, Func<Task<int>> work)
    {
        var last = 0;
        for (var i = 0; i < 10; i++)
        {
            last = await work();
        }
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            last = await work();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return (times, last);
    }

    private static void Print(DatabaseProvider provider, string what, List<double> times, string note)
    {
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider,-8} {what,-42} p50 {P(0.50),7:F2} ms  p95 {P(0.95),7:F2} ms  p99 {P(0.99),7:F2} ms  ({times.Count} runs) {note}"));
    }

    /// <summary>
    /// 50 organisations: ten police forces at home with an anti-trafficking unit and a border or customs unit each, prosecution,
    /// support organisations and labour inspectorates at home, and police, prosecution and partners abroad (EU and not).
    /// </summary>
    private static async Task<List<Organisation>> DirectoryAsync(AriadneDbContext db)
    {
        var now = DateTime.UtcNow;
        Organisation Org(string name, OrganisationType type, string country, Guid? agency = null, RecipientCategory? category = null) =>
            new() { Name = name, Type = type, Country = country, AgencyId = agency, IntelligenceCategory = category, CreatedAt = now };
        var forces = Enumerable.Range(0, 10).Select(i => Org($"Police force {i}", OrganisationType.FrontlinePolice, "BE")).ToList();
        db.Organisations.AddRange(forces);
        await db.SaveChangesAsync();
        var others = new List<Organisation>();
        for (var i = 0; i < 10; i++)
        {
            others.Add(Org($"Anti-trafficking unit {i}", OrganisationType.AntiTraffickingUnit, "BE", forces[i].Id));
            others.Add(Org($"Border or customs {i}", i % 2 == 0 ? OrganisationType.BorderGuard : OrganisationType.Customs, "BE", forces[i].Id));
        }
        others.AddRange(Enumerable.Range(0, 4).Select(i => Org($"Prosecution {i}", OrganisationType.Prosecution, "BE")));
        others.AddRange(Enumerable.Range(0, 4).Select(i => Org($"Support {i}", OrganisationType.VictimSupport, "BE")));
        others.Add(Org("Labour inspectorate 0", OrganisationType.LabourInspectorate, "BE", category: RecipientCategory.NonProsecuting));
        others.Add(Org("Labour inspectorate 1", OrganisationType.LabourInspectorate, "BE", category: RecipientCategory.LawEnforcement));
        others.AddRange(Enumerable.Range(0, 3).Select(i => Org($"Police DE {i}", OrganisationType.FrontlinePolice, "DE")));
        others.Add(Org("Prosecution FR", OrganisationType.Prosecution, "FR"));
        others.Add(Org("Support NL", OrganisationType.VictimSupport, "NL"));
        others.Add(Org("Anti-trafficking AT", OrganisationType.AntiTraffickingUnit, "AT"));
        foreach (var country in new[] { "RO", "BG", "UA", "MD" })
        {
            others.Add(Org($"Liaison {country}", OrganisationType.ForeignLiaisonPartner, country, category: RecipientCategory.LawEnforcement));
        }
        db.Organisations.AddRange(others);
        await db.SaveChangesAsync();
        return [.. forces, .. others];
    }

    private static async Task LoadReportsAsync(AriadneDbContext db, List<Organisation> organisations, int count)
    {
        Grading[] gradings =
        [
            .. Enum.GetValues<FiveFiveFiveHandling>().Select(h => Grading.FiveByFiveByFive(FiveFiveFiveSource.MostlyReliable,
                FiveFiveFiveIntelligence.CannotBeJudged, h, h.RequiresConditions() ? "Not for court" : null)),
            new(GradingSystem.ThreeByFiveByTwo, Source3: ThreeFiveTwoSource.Reliable, Intelligence3: ThreeFiveTwoIntelligence.B, Handling3: ThreeFiveTwoHandling.P),
            new(GradingSystem.ThreeByFiveByTwo, Source3: ThreeFiveTwoSource.Reliable, Intelligence3: ThreeFiveTwoIntelligence.B, Handling3: ThreeFiveTwoHandling.C,
                Conditions: "JIT only"),
            new(GradingSystem.FourByFour, SourceReliability4: 2, InformationValidity4: 2),
        ];
        var start = DateTime.UtcNow.AddDays(-365);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await using var bulk = new BulkInsert(db);
        await bulk.InsertAsync(Enumerable.Range(0, count).Select(i =>
        {
            var originator = organisations[i % organisations.Count];
            var draft = i % 20 == 7;
            var report = new IntelligenceReport
            {
                Reference = $"INT-B-{i:D7}", OriginatorOrganisationId = originator.Id, AuthorUserId = Guid.NewGuid(), AuthorName = "bench",
                CreatedAt = start.AddSeconds(i * 300.0), Status = draft ? ReportStatus.Draft : ReportStatus.Submitted,
                SubmittedAt = draft ? null : start.AddSeconds(i * 300.0), ExploitationTypes = i % 3 == 0 ? "EXP-SEX" : "EXP-LAB",
                ModusOperandiTags = "TAC-A01",
            };
            report.SetGrading(gradings[i / organisations.Count % gradings.Length] with { SpecialHandling = i % 50 == 3 });
            report.Audience = IntelligenceAudience.Of(report, originator.EffectiveAgencyId, Settings.SpecialHandling);
            return report;
        }), CancellationToken.None);
        await transaction.CommitAsync();
        if (db.Database.IsNpgsql())
        {
            // As autovacuum leaves a table in steady state: the visibility map set, so a count can read the index alone.
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE intelligence_reports");
            // The load's 100,000 trigger upserts left as many dead versions of the few hundred count rows (ADR 0015);
            // autovacuum removes them in steady state, as this does.
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE intelligence_report_counts");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
    }

    private static CreateReportRequest TwentyEntities()
    {
        JsonElement Json(object o) => JsonSerializer.SerializeToElement(o);
        var suffix = Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);
        List<ItemRequest> items =
        [
            .. Enumerable.Range(0, 5).Select(i => new ItemRequest("Person", "individual", i == 0 ? "suspect" : "victim", $"Person {i} {suffix}", "BE",
                Json(new { gender = "female", dateOfBirth = "1999-01-01" }))),
            .. Enumerable.Range(0, 5).Select(i => new ItemRequest("Communication", "phone", "suspect", $"+32 470 {i}{suffix}", null, null)),
            .. Enumerable.Range(0, 3).Select(i => new ItemRequest("Vehicle", null, null, $"{i}-ABC-{suffix[..3]}", "BE", Json(new { make = "Volvo" }))),
            .. Enumerable.Range(0, 3).Select(i => new ItemRequest("Document", "passport", "victim", $"P{i}{suffix}", "RO", null)),
            new("Financial", "iban", null, "BE71 0961 2345 6769", null, null),
            new("Financial", "iban", null, "RO49 AAAA 1B31 0075 9384 0000", null, null),
            new("Address", null, "exploitation", $"{suffix} Canal Road", "BE", null),
            new("Communication", "telegram", null, "@bench_" + suffix, null, null),
        ];
        return new CreateReportRequest(["EXP-SEX"], "SRC-01", null, null, ["TAC-A01"], "Recruited online.", "Bench report.", null, items,
            Grading.FiveByFiveByFive(FiveFiveFiveSource.MostlyReliable, FiveFiveFiveIntelligence.CannotBeJudged,
                FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu), Submit: true);
    }

    private static ClaimsPrincipal User(Organisation organisation, string role) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Role, role),
        new Claim(AriadneClaims.OrganisationId, organisation.Id.ToString()), new Claim(AriadneClaims.OrganisationType, organisation.Type.ToString()),
        new Claim(AriadneClaims.DisplayName, "Bench " + role),
    ], "bench"));

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

}
