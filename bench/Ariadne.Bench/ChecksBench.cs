using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Web;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Accounts;
using Ariadne.Web.Features.Checks;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Bench;

/// <summary>
/// Issue 12 benchmark, printed and never asserted: a check of 5 identifiers and 2 names through the HTTP API against
/// <c>--reports</c> synthetic reports, p50/p99; the check of a value planted in 5,000 hidden reports and 3 visible ones; and the
/// automatic check of a new report with 20 entities (submitted through the API, until its new links are available).
/// <code>
/// dotnet run -c Release --project bench/Ariadne.Bench -- checks [--reports 100000] [--runs 200] [--postgres CONNSTRING] [--seed-only]
/// </code>
/// Each report has 5 identifiers (phone, e-mail, plate, passport, IBAN); every second report has a person with one alias, so
/// N reports hold 5N identifiers and N name forms (2 M reports: 10 M identifiers, 1 M persons, 2 M names). The reports are bulk
/// loaded (<see cref="BulkRows{T}"/>) through a first host, which then stops; a second host starts on the loaded database and its
/// index load is timed, as at a real start-up. With --postgres the given (empty) database is used; otherwise a temporary SQLite file.
/// </summary>
internal static class ChecksBench
{
    private const string Password = "bench pass phrase 1";
    private const int Planted = 5000;
    /// <summary>Planted in 5,000 reports of another agency coded "only within originating agency" and in 3 of the viewer's own.</summary>
    private const string PlantedPhoneLocal = "0799 555 013";
    private const string PlantedPhoneIntl = "+40-799-555-013";

    public static async Task<int> RunAsync(string[] args)
    {
        var reports = BenchArgs.Int(args, "--reports", 100_000);
        var runs = BenchArgs.Int(args, "--runs", 200);
        var postgres = BenchArgs.Option(args, "--postgres");
        var data = Path.Combine(Path.GetTempPath(), "ariadne-checks-" + Guid.NewGuid().ToString("N"));
        var provider = postgres is null ? "SQLite" : "PostgreSQL";
        Seeded seeded;
        await using (var loader = AriadneHost.Build(Settings(data, postgres, loading: true)))
        {
            await loader.StartAsync();
            seeded = await SeedAsync(loader.Services, reports, provider);
            await loader.StopAsync();
        }
        if (BenchArgs.Flag(args, "--seed-only"))
        {
            Delete(data);
            return 0;
        }

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var cpu = BenchArgs.Cpu();
        await using var app = AriadneHost.Build(Settings(data, postgres, loading: false));
        await app.StartAsync();
        var index = app.Services.GetRequiredService<CheckIndex>();
        while (!index.IsReady)
        {
            await Task.Delay(20);
        }
        var loadTime = watch.Elapsed;
        var loadCpu = BenchArgs.Cpu() - cpu;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        using (var process = Process.GetCurrentProcess())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{provider}: host start-up with index load {BenchArgs.Seconds(loadTime)} (CPU {BenchArgs.Seconds(loadCpu)}): {index.Identifiers.EntryCount:N0} reports, " +
                $"{index.Identifiers.ValueCount:N0} identifier values, {index.Names.Count:N0} name forms; managed heap of the index " +
                $"{BenchArgs.MiB(heapAfter - heapBefore)}, process working set {BenchArgs.MiB(process.WorkingSet64)} (peak {BenchArgs.MiB(process.PeakWorkingSet64)}); " +
                $"{BenchArgs.LoadAverage()}"));
        }

        var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = seeded.UserName, password = Password });
        var tokenBody = await token.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokenBody.GetProperty("accessToken").GetString());

        var random = new Random(7);
        // The identifiers of report n as an officer would type them (local phone format, plate with a hyphen), and two names: the
        // Latin or Cyrillic name of a person of the data set and the alias of another.
        object CheckOf(int n) => new
        {
            identifiers = new object[]
            {
                new { kind = "phone", value = LocalPhone(n) }, new { kind = "email", value = Email(n).ToUpperInvariant() },
                new { kind = "plate", value = Plate(n).Replace(' ', '-'), country = "RO" },
                new { kind = "passport", value = Passport(n), country = "BG" }, new { kind = "iban", value = Iban(n) },
            },
            person = new { names = new[] { Names.Of(n & ~1).Name, Names.Of((n + 2 * random.Next(1000)) & ~1).Alias } },
            purpose = "Benchmark", caseReference = "C-BENCH", acknowledgeWarning = true,
        };
        for (var i = 0; i < 20; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/checks", CheckOf(random.Next(reports)))).EnsureSuccessStatusCode();
        }
        var times = new List<double>();
        var visibleHits = 0;
        var loopCpu = BenchArgs.Cpu();
        for (var i = 0; i < runs; i++)
        {
            var body = CheckOf(random.Next(reports));
            var t = Stopwatch.StartNew();
            var response = await client.PostAsJsonAsync("/api/v1/checks", body);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            times.Add(t.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            visibleHits += answer.GetProperty("hits").GetArrayLength();
        }
        Print("check 5 ids + 2 names (HTTP)", times, $"mean visible hits {visibleHits / (double)runs:0.0}", BenchArgs.Cpu() - loopCpu);

        var planted = new List<double>();
        JsonElement plantedAnswer = default;
        loopCpu = BenchArgs.Cpu();
        for (var i = 0; i < Math.Max(10, runs / 4); i++)
        {
            var t = Stopwatch.StartNew();
            var response = await client.PostAsJsonAsync("/api/v1/checks", new
            {
                identifiers = new object[] { new { kind = "phone", value = i % 2 == 0 ? PlantedPhoneLocal : PlantedPhoneIntl } },
                purpose = "Benchmark", caseReference = "C-BENCH", acknowledgeWarning = true,
            });
            plantedAnswer = await response.Content.ReadFromJsonAsync<JsonElement>();
            planted.Add(t.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }
        Print($"check of a value in {Planted:N0} hidden + 3 visible", planted,
            $"answered {plantedAnswer.GetProperty("hits").GetArrayLength()} visible hits, {plantedAnswer.GetProperty("restricted").GetArrayLength()} referral(s)",
            BenchArgs.Cpu() - loopCpu);

        // The originator's side: the other agency reads the checks on its material (one touch per hidden report of the planted value).
        // The automatic check of a new report with 20 entities: 20 phones of 20 existing reports, submitted through the API; the time
        // until GET new-links shows the new report linked to them.
        var submit = new List<double>();
        var available = new List<double>();
        var linksFound = 0;
        loopCpu = BenchArgs.Cpu();
        for (var i = 0; i < Math.Max(5, runs / 10); i++)
        {
            var n = random.Next(Planted + 3, reports - 20);
            var items = Enumerable.Range(0, 20).Select(k => (object)new { kind = "Communication", subKind = "phone", value = LocalPhone(n + k) }).ToList();
            var since = index.ChangeSequence;
            var t = Stopwatch.StartNew();
            var created = await client.PostAsJsonAsync("/api/v1/intelligence", new
            {
                items, freeText = "Benchmark report",
                grading = new { system = "FiveByFiveByFive", source5 = "MostlyReliable", intelligence5 = "KnownPersonallyToSourceButNotToOfficer", handling5 = "LawEnforcementAndProsecutingIncludingEu" },
                submit = true,
            });
            var createdBody = await created.Content.ReadFromJsonAsync<JsonElement>();
            submit.Add(t.Elapsed.TotalMilliseconds);
            created.EnsureSuccessStatusCode();
            var id = createdBody.GetProperty("id").GetGuid();
            while (true)
            {
                var linked = await client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/api/v1/checks/new-links?mine=true&since={since}"));
                var body = await linked.Content.ReadFromJsonAsync<JsonElement>();
                linked.EnsureSuccessStatusCode();
                var count = body.GetProperty("links").EnumerateArray()
                    .Count(l => l.GetProperty("reports").EnumerateArray().Any(r => r.GetProperty("reportId").GetGuid() == id));
                if (count > 0 || t.Elapsed > TimeSpan.FromSeconds(60))
                {
                    linksFound += count;
                    break;
                }
            }
            available.Add(t.Elapsed.TotalMilliseconds);
        }
        Print("submit report, 20 entities", submit, "", null);
        Print("… until its new links are shown", available, $"mean new links found {linksFound / (double)available.Count:0.0} of 20",
            BenchArgs.Cpu() - loopCpu);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AriadneDbContext>();
            var touches = await db.CheckTouches.CountAsync();
            var checks = await db.IntelligenceChecks.CountAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(touch rows written: {touches:N0} for {checks:N0} checks); {BenchArgs.LoadAverage()}"));
        }
        await app.StopAsync();
        Delete(data);
        return 0;
    }

    private static void Delete(string data)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // left to the temp cleaner
        }
    }

    private static string[] Settings(string data, string? postgres, bool loading)
    {
        var settings = new List<string>
        {
            "--applicationName=Ariadne.Web", "--demo", "--urls=http://127.0.0.1:0", "--Database:DataDirectory=" + data,
            "--Logging:LogLevel:Default=Warning", "--Security:SignInRateLimit:PermitsPerMinute=100000",
        };
        if (loading)
        {
            // The loading host's index would otherwise follow the bulk load through the change feed while it is written.
            settings.Add("--Checks:Index:PollMilliseconds=86400000");
        }
        if (postgres is not null)
        {
            settings.Add("--Database:Provider=Postgres");
            settings.Add("--ConnectionStrings:Ariadne=" + postgres);
        }
        return [.. settings];
    }

    /// <summary>
    /// Wall-clock percentiles, and the process's CPU per operation (host and client share the process): on a machine shared with
    /// other work (load average above the core count) wall-clock time overstates what a check costs; CPU time does not.
    /// </summary>
    private static void Print(string what, List<double> times, string note, TimeSpan? cpu)
    {
        var count = times.Count;
        times.Sort();
        double At(double q) => times[Math.Min(count - 1, (int)Math.Ceiling(q * count) - 1)];
        var perOp = cpu is { } c ? string.Create(CultureInfo.InvariantCulture, $"  CPU {c.TotalMilliseconds / count,7:0.0} ms/op") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-40} n={count,4}  p50 {At(0.5),8:0.0} ms  p99 {At(0.99),8:0.0} ms{perOp}  {note}"));
    }

    // Report n's identifiers: unique per report (the planted phone aside), as stored and as typed in a check.
    private static string Phone(int n) => "+40 7" + (30_000_000 + n).ToString("D8", CultureInfo.InvariantCulture);
    private static string LocalPhone(int n) => "07" + (30_000_000 + n).ToString("D8", CultureInfo.InvariantCulture);
    private static string Email(int n) => $"user{n}@example.org";
    private static string Plate(int n)
    {
        var letters = n / 1000;
        return string.Create(CultureInfo.InvariantCulture, $"B {n % 1000:D3} {(char)('A' + letters / 676 % 26)}{(char)('A' + letters / 26 % 26)}{(char)('A' + letters % 26)}");
    }
    private static string Passport(int n) => string.Create(CultureInfo.InvariantCulture, $"P{n:D8}");

    private static string Iban(int n)
    {
        // A valid German IBAN: DEkk + 18 digits, check digits by ISO 7064 mod 97-10.
        var bban = (100_000_000_000_000_000L + n).ToString(CultureInfo.InvariantCulture)[..18];
        var numeric = System.Numerics.BigInteger.Parse(bban + "131400", CultureInfo.InvariantCulture);
        var check = 98 - (int)(numeric % 97);
        return $"DE{check:D2}{bban}";
    }

    private sealed record Seeded(Guid Organisation, string UserName);

    private static async Task<Seeded> SeedAsync(IServiceProvider services, int count, string provider)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AriadneDbContext>();
        var now = DateTime.UtcNow;
        Organisation Unit(string name, string country) => new()
        {
            Name = name + " " + Guid.NewGuid().ToString("N")[..6], Type = OrganisationType.AntiTraffickingUnit, Country = country, CreatedAt = now,
            Phone = "+40 21 000 0000", Email = "desk@example.org",
        };
        // The viewer's unit, and two other agencies: their reports coded "only within originating agency" are restricted hits for it.
        var own = Unit("Bench unit", "RO");
        var other = Unit("Bench other agency", "RO");
        var third = Unit("Bench third agency", "BG");
        Organisation[] originators = [own, other, third];
        db.Organisations.AddRange(originators);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "bench-" + Guid.NewGuid().ToString("N")[..8], DisplayName = "Bench analyst", OrganisationId = own.Id, CreatedAt = now };
        if (!(await users.CreateAsync(user, Password)).Succeeded)
        {
            throw new InvalidOperationException("The bench user could not be created.");
        }
        await users.AddToRolesAsync(user, [Roles.IntelligenceAnalyst]);
        var special = services.GetRequiredService<IntelligenceSettings>().SpecialHandling;
        var open = Grading.FiveByFiveByFive(FiveFiveFiveSource.MostlyReliable, FiveFiveFiveIntelligence.CannotBeJudged,
            FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu);
        var closed = Grading.FiveByFiveByFive(FiveFiveFiveSource.MostlyReliable, FiveFiveFiveIntelligence.CannotBeJudged,
            FiveFiveFiveHandling.OnlyWithinOriginatingAgency);

        using var reportRows = new BulkRows<IntelligenceReport>(db);
        using var itemRows = new BulkRows<IntelligenceItem>(db);
        using var changeRows = new BulkRows<IntelligenceChange>(db);
        var watch = Stopwatch.StartNew();
        var cpu = BenchArgs.Cpu();

        // Report n's rows as the app writes them, converted to provider values (encrypted): the reports, their items, their change.
        (object?[] Report, object?[][] Items, object?[] Change) Rows(int n)
        {
            // Reports 0..4,999: the other agency's, coded "only within originating agency", holding the planted phone in local
            // format; 5,000..5,002: the viewer's own, holding it in international format. The rest spread over the three units.
            var originator = n < Planted ? other : n < Planted + 3 ? own : originators[n % 3];
            var grading = n < Planted || (n >= Planted + 3 && n % 4 == 0) ? closed : open;
            var report = new IntelligenceReport
            {
                Reference = string.Create(CultureInfo.InvariantCulture, $"INT-B-{n:D8}"), OriginatorOrganisationId = originator.Id,
                AuthorUserId = user.Id, AuthorName = "Bench", CreatedAt = now, SubmittedAt = now, Status = ReportStatus.Submitted,
            };
            report.SetGrading(grading);
            // What IntelligenceAudienceInterceptor sets on the app's saves.
            report.Audience = IntelligenceAudience.Of(report, originator.EffectiveAgencyId, special);
            var items = new object?[n % 2 == 0 ? 6 : 5][];
            object?[] Item(IntelligenceItemKind kind, string? sub, string value, string? country) => itemRows.ToProvider(new IntelligenceItem
            {
                ReportId = report.Id, Kind = kind, SubKind = sub, Value = value, Country = country,
                NormalisedKey = IdentifierKeys.For(kind, sub, value, country, originator.Country),
            });
            items[0] = Item(IntelligenceItemKind.Communication, "phone", n < Planted ? PlantedPhoneLocal : n < Planted + 3 ? PlantedPhoneIntl : Phone(n), null);
            items[1] = Item(IntelligenceItemKind.Communication, "email", Email(n), null);
            items[2] = Item(IntelligenceItemKind.Vehicle, null, Plate(n), "RO");
            items[3] = Item(IntelligenceItemKind.Document, "passport", Passport(n), "BG");
            items[4] = Item(IntelligenceItemKind.Financial, "iban", Iban(n), null);
            if (n % 2 == 0)
            {
                var person = Names.Of(n);
                items[5] = itemRows.ToProvider(new IntelligenceItem
                {
                    ReportId = report.Id, Kind = IntelligenceItemKind.Person, SubKind = "individual", Role = "suspect", Value = person.Name,
                    Details = JsonSerializer.Serialize(new { aliases = new[] { person.Alias } }),
                });
            }
            // What IntelligenceChangeInterceptor adds on the app's saves: the change feed numbers the new report.
            return (reportRows.ToProvider(report), items, changeRows.ToProvider(new IntelligenceChange { ReportId = report.Id, ChangedAt = now }));
        }

        // A pipeline: a batch is built and encrypted on all cores while the previous one is written. The ids are version 7 GUIDs
        // (time-ordered), so the primary keys are appended to; the secondary indexes are built after the load (BulkLoad).
        const int batch = 20_000;
        var building = TimeSpan.Zero;
        long buildingCpu = 0;
        var waiting = TimeSpan.Zero;
        var batches = System.Threading.Channels.Channel.CreateBounded<(object?[][] Reports, List<object?[]> Items, object?[][] Changes)>(2);
        var producer = Task.Run(async () =>
        {
            try
            {
                for (var start = 0; start < count; start += batch)
                {
                    var built = Stopwatch.StartNew();
                    var size = Math.Min(batch, count - start);
                    var rows = new (object?[] Report, object?[][] Items, object?[] Change)[size];
                    Parallel.For(0, size, i =>
                    {
                        var threadCpu = ThreadCpu.Microseconds();
                        rows[i] = Rows(start + i);
                        Interlocked.Add(ref buildingCpu, (long)(ThreadCpu.Microseconds() - threadCpu));
                    });
                    var itemBatch = new List<object?[]>(size * 6);
                    foreach (var row in rows)
                    {
                        itemBatch.AddRange(row.Items);
                    }
                    building += built.Elapsed;
                    await batches.Writer.WriteAsync(([.. rows.Select(r => r.Report)], itemBatch, [.. rows.Select(r => r.Change)]));
                }
                batches.Writer.Complete();
            }
            catch (Exception e)
            {
                batches.Writer.Complete(e);
            }
        });
        long items = 0;
        await using (var load = await BulkLoad.BeginAsync(db, reportRows.Table, itemRows.Table, changeRows.Table))
        {
            var waited = Stopwatch.StartNew();
            await foreach (var (reportBatch, itemBatch, changeBatch) in batches.Reader.ReadAllAsync())
            {
                waiting += waited.Elapsed;
                await load.BeginBatchAsync();
                await reportRows.WriteAsync(load, reportBatch);
                await itemRows.WriteAsync(load, itemBatch);
                await changeRows.WriteAsync(load, changeBatch);
                await load.CommitBatchAsync();
                items += itemBatch.Count;
                if (reportRows.Count % (10 * batch) == 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … {reportRows.Count:N0} reports in {BenchArgs.Seconds(watch.Elapsed)}; {BenchArgs.LoadAverage()}"));
                }
                waited.Restart();
            }
            await producer;
            await load.CompleteAsync();
            // What the 0013 triggers keep on each insert, set aside during the load: recomputed with the migration's own statement.
            await load.ExecuteAsync("DELETE FROM intelligence_report_counts");
            await load.ExecuteAsync(
                "INSERT INTO intelligence_report_counts (\"OriginatorOrganisationId\", \"Status\", \"Audience\", \"Count\") " +
                "SELECT \"OriginatorOrganisationId\", \"Status\", COALESCE(\"Audience\", 0), COUNT(*) FROM intelligence_reports " +
                "GROUP BY \"OriginatorOrganisationId\", \"Status\", COALESCE(\"Audience\", 0)");
            if (provider == "PostgreSQL")
            {
                // What autovacuum does soon after a load this size: statistics for the planner.
                await load.ExecuteAsync("ANALYZE intelligence_reports; ANALYZE intelligence_items; ANALYZE intelligence_changes");
            }
            var seedTime = watch.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{provider}: seeded {count:N0} reports ({items:N0} items: {5L * count:N0} identifiers, {(count + 1) / 2:N0} persons with one alias each) " +
                $"in {BenchArgs.Seconds(seedTime)} (CPU {BenchArgs.Seconds(BenchArgs.Cpu() - cpu)}), {count / seedTime.TotalSeconds:N0} reports/s; " +
                $"building and encrypting rows on all cores {BenchArgs.Seconds(building)} (CPU {BenchArgs.Seconds(TimeSpan.FromMicroseconds(buildingCpu))}, " +
                $"overlapping the writes), writing reports {BenchArgs.Seconds(reportRows.Writing)} (CPU {BenchArgs.Seconds(reportRows.WritingCpu)}), " +
                $"items {BenchArgs.Seconds(itemRows.Writing)} (CPU {BenchArgs.Seconds(itemRows.WritingCpu)}), changes {BenchArgs.Seconds(changeRows.Writing)}, " +
                $"waiting for rows {BenchArgs.Seconds(waiting)}; indexes, foreign keys and triggers put back after the load {BenchArgs.Seconds(load.Restoring)} " +
                $"(CPU of the loading thread {BenchArgs.Seconds(load.RestoringCpu)}: SQLite works on it, PostgreSQL in its server); {BenchArgs.LoadAverage()}"));
        }
        // The rows read back through EF as the app's own: decrypted values, the counts the 0013 triggers keep, one change per report.
        db.ChangeTracker.Clear();
        var sample = await db.IntelligenceReports.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.Reference == "INT-B-00000000");
        var counted = await db.IntelligenceReportCounts.Where(c => originators.Select(o => o.Id).Contains(c.OriginatorOrganisationId)).SumAsync(c => c.Count);
        var changes = await db.IntelligenceChanges.CountAsync();
        if (sample.Items.Count != 6 || sample.Items.All(i => i.Value != PlantedPhoneLocal) || counted != count || changes < count)
        {
            throw new InvalidOperationException($"The bulk-loaded rows do not read back as the app's: {sample.Items.Count} items, {counted} counted, {changes} changes.");
        }
        return new Seeded(own.Id, user.UserName!);
    }

    /// <summary>Person names of the data set: Latin and Cyrillic (Bogus's name lists per locale), the alias family name first in capitals.</summary>
    private static class Names
    {
        private static readonly string[] s_locales = ["ro", "ru", "uk", "de", "tr", "en", "fr", "pl", "ru", "ro"];
        private static readonly (string[] First, string[] Last)[] s_lists = s_locales.Select((locale, i) =>
        {
            Bogus.Randomizer.Seed = new Random(100 + i);
            var names = new Bogus.DataSets.Name(locale);
            return (Enumerable.Range(0, 400).Select(_ => names.FirstName()).Distinct().ToArray(),
                Enumerable.Range(0, 2000).Select(_ => names.LastName()).Distinct().ToArray());
        }).ToArray();

        public static (string Name, string Alias) Of(int n)
        {
            var (first, last) = s_lists[n % s_lists.Length];
            var mix = (uint)n * 2654435761u;
            var given = first[(int)(mix % (uint)first.Length)];
            var family = last[(int)(mix / 7 % (uint)last.Length)];
            var middle = first[(int)(mix / 13 % (uint)first.Length)];
            return ($"{given} {middle} {family}", $"{family} {given}".ToUpperInvariant());
        }
    }
}
