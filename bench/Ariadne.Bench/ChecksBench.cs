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
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Bench;

/// <summary>
/// Issue 12 benchmark, printed and never asserted: a check of 5 identifiers and 2 names through the HTTP API against
/// <c>--reports</c> synthetic reports (5 identifiers and one person with an alias each), p50/p99; and the automatic check of a new
/// report with 20 entities (submitted through the API, then its new links and a check of its 20 values).
/// <code>
/// dotnet run -c Release --project bench/Ariadne.Bench -- checks [--reports 100000] [--runs 200] [--postgres CONNSTRING]
/// </code>
/// With --postgres the given (empty) database is used; otherwise a temporary SQLite file.
/// </summary>
internal static class ChecksBench
{
    private const string Password = "bench pass phrase 1";

    public static async Task<int> RunAsync(string[] args)
    {
        var reports = int.Parse(Option(args, "--reports") ?? "100000", CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "200", CultureInfo.InvariantCulture);
        var postgres = Option(args, "--postgres");
        var data = Path.Combine(Path.GetTempPath(), "ariadne-checks-" + Guid.NewGuid().ToString("N"));
        var settings = new List<string>
        {
            "--applicationName=Ariadne.Web", "--demo", "--urls=http://127.0.0.1:0", $"--Database:DataDirectory={data}",
            "--Logging:LogLevel:Default=Warning", "--Security:SignInRateLimit:PermitsPerMinute=100000",
        };
        if (postgres is not null)
        {
            settings.Add("--Database:Provider=Postgres");
            settings.Add($"--ConnectionStrings:Ariadne={postgres}");
        }
        await using var app = AriadneHost.Build([.. settings]);
        await app.StartAsync();
        var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var index = app.Services.GetRequiredService<CheckIndex>();

        var (organisation, userName) = await SeedAsync(app.Services, reports);
        var watch = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            while (!index.IsReady)
            {
                await Task.Delay(50);
            }
            await index.CatchUpAsync(scope.ServiceProvider.GetRequiredService<AriadneDbContext>());
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(postgres is null ? "SQLite" : "PostgreSQL")}: {reports:N0} reports, {index.Identifiers.ValueCount:N0} identifier values, {index.Names.Count:N0} name forms; change feed applied in {watch.Elapsed.TotalSeconds:0.0} s"));

        using var client = new HttpClient { BaseAddress = baseAddress };
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = Password });
        var tokenBody = await token.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokenBody.GetProperty("accessToken").GetString());

        var random = new Random(7);
        object CheckOf(int n) => new
        {
            identifiers = new object[]
            {
                new { kind = "phone", value = Phone(n) }, new { kind = "email", value = $"user{n}@example.org" },
                new { kind = "plate", value = $"B {n % 100:D2} XYZ", country = "RO" }, new { kind = "passport", value = $"P{n:D8}", country = "BG" },
                new { kind = "iban", value = Iban(n) },
            },
            person = new { names = new[] { Name(n), Name(n + 1) } },
            purpose = "Benchmark", caseReference = "C-BENCH", acknowledgeWarning = true,
        };
        for (var i = 0; i < 20; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/checks", CheckOf(random.Next(reports)))).EnsureSuccessStatusCode();
        }
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var body = CheckOf(random.Next(reports));
            var t = Stopwatch.StartNew();
            var response = await client.PostAsJsonAsync("/api/v1/checks", body);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(t.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }
        Print("check 5 ids + 2 names (HTTP)", times);

        // The automatic check of a new report with 20 entities: submit, then its new links and a check of its 20 values.
        var create = new List<double>();
        var links = new List<double>();
        var check20 = new List<double>();
        for (var i = 0; i < Math.Max(5, runs / 10); i++)
        {
            var n = random.Next(reports);
            var items = Enumerable.Range(0, 20).Select(k => (object)new { kind = "Communication", subKind = "phone", value = Phone(n + k) }).ToList();
            var t = Stopwatch.StartNew();
            var created = await client.PostAsJsonAsync("/api/v1/intelligence", new
            {
                items, freeText = "Benchmark report",
                grading = new { system = "FiveByFiveByFive", source5 = "MostlyReliable", intelligence5 = "KnownPersonallyToSourceButNotToOfficer", handling5 = "LawEnforcementAndProsecutingIncludingEu" },
                submit = true,
            });
            await created.Content.ReadAsByteArrayAsync();
            create.Add(t.Elapsed.TotalMilliseconds);
            created.EnsureSuccessStatusCode();
            t.Restart();
            var linked = await client.GetAsync("/api/v1/checks/new-links?mine=true");
            await linked.Content.ReadAsByteArrayAsync();
            links.Add(t.Elapsed.TotalMilliseconds);
            t.Restart();
            var check = await client.PostAsJsonAsync("/api/v1/checks", new
            {
                identifiers = Enumerable.Range(0, 20).Select(k => new { kind = "phone", value = Phone(n + k) }).ToArray(),
                purpose = "Benchmark", caseReference = "C-BENCH", acknowledgeWarning = true,
            });
            await check.Content.ReadAsByteArrayAsync();
            check20.Add(t.Elapsed.TotalMilliseconds);
            check.EnsureSuccessStatusCode();
        }
        Print("submit report, 20 entities", create);
        Print("new links of own reports", links);
        Print("check of its 20 values", check20);
        Console.WriteLine($"(organisation {organisation}; memory {GC.GetTotalMemory(false) / 1_000_000:N0} MB managed)");
        await app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // left to the temp cleaner
        }
        return 0;
    }

    private static void Print(string what, List<double> times)
    {
        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-32} n={times.Count,4}  p50 {At(0.5),8:0.0} ms  p99 {At(0.99),8:0.0} ms"));
    }

    private static string Phone(int n) => "+40 7" + (20_000_000 + n % 79_999_999).ToString("D8", CultureInfo.InvariantCulture);

    private static string Iban(int n)
    {
        // A valid German IBAN: DEkk + 18 digits, check digits by ISO 7064 mod 97-10.
        var bban = (100_000_000_000_000_000L + n).ToString(CultureInfo.InvariantCulture)[..18];
        var numeric = System.Numerics.BigInteger.Parse(bban + "131400", CultureInfo.InvariantCulture);
        var check = 98 - (int)(numeric % 97);
        return $"DE{check:D2}{bban}";
    }

    private static readonly string[] Given = ["Ivan", "Maria", "Mohammed", "Elena", "Georgios", "Olga", "Ahmed", "Ana", "Pavel", "Fatima"];
    private static readonly string[] Family = ["Petrov", "Popescu", "El Alami", "Papadopoulos", "Ivanova", "Dimitrov", "Horvat", "Nowak", "Kovacs", "Haddad"];

    private static string Name(int n) => $"{Given[n % Given.Length]} {Family[n / Given.Length % Family.Length]}{(n / 100 == 0 ? "" : "-" + (n / 100).ToString(CultureInfo.InvariantCulture))}";

    private static async Task<(Guid Organisation, string UserName)> SeedAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AriadneDbContext>();
        var organisation = new Organisation { Name = "Bench unit " + Guid.NewGuid().ToString("N")[..6], Type = OrganisationType.AntiTraffickingUnit, Country = "RO", CreatedAt = DateTime.UtcNow };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "bench-" + Guid.NewGuid().ToString("N")[..8], DisplayName = "Bench analyst", OrganisationId = organisation.Id, CreatedAt = DateTime.UtcNow };
        if (!(await users.CreateAsync(user, Password)).Succeeded)
        {
            throw new InvalidOperationException("The bench user could not be created.");
        }
        await users.AddToRolesAsync(user, [Roles.IntelligenceAnalyst]);
        var grading = Grading.FiveByFiveByFive(FiveFiveFiveSource.MostlyReliable, FiveFiveFiveIntelligence.CannotBeJudged,
            FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu);
        var watch = Stopwatch.StartNew();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var start = 0; start < count; start += 2000)
        {
            for (var n = start; n < Math.Min(count, start + 2000); n++)
            {
                var report = new IntelligenceReport
                {
                    Reference = $"INT-B-{n:D8}", OriginatorOrganisationId = organisation.Id, AuthorUserId = user.Id, AuthorName = "Bench",
                    CreatedAt = DateTime.UtcNow, SubmittedAt = DateTime.UtcNow, Status = ReportStatus.Submitted,
                };
                report.SetGrading(grading);
                void Item(IntelligenceItemKind kind, string? sub, string value, string? country) => report.Items.Add(new IntelligenceItem
                {
                    ReportId = report.Id, Kind = kind, SubKind = sub, Value = value, Country = country,
                    NormalisedKey = IdentifierKeys.For(kind, sub, value, country, "RO"),
                });
                Item(IntelligenceItemKind.Communication, "phone", Phone(n), null);
                Item(IntelligenceItemKind.Communication, "email", $"user{n}@example.org", null);
                Item(IntelligenceItemKind.Vehicle, null, $"B {n % 100:D2} XYZ", "RO");
                Item(IntelligenceItemKind.Document, "passport", $"P{n:D8}", "BG");
                Item(IntelligenceItemKind.Financial, "iban", Iban(n), null);
                report.Items.Add(new IntelligenceItem
                {
                    ReportId = report.Id, Kind = IntelligenceItemKind.Person, SubKind = "individual", Value = Name(n),
                    Details = JsonSerializer.Serialize(new { aliases = new[] { Name(n).ToUpperInvariant() } }),
                });
                db.IntelligenceReports.Add(report);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {count:N0} reports in {watch.Elapsed.TotalSeconds:0.0} s"));
        return (organisation.Id, user.UserName!);
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
