using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ariadne.Web;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Bench;

/// <summary>
/// A bounded load run (issue #9 item 17): starts Ariadne in demo mode on loopback, signs in as the demo unit,
/// and runs N concurrent HttpClient loops for a fixed time against /health/live and the audited reads (case
/// list page, case page, API case list, API case read). Prints req/s, p50 and p99 of each, and each audited
/// read's throughput as a share of /health/live in the same run. Prints figures; asserts nothing.
/// <code>
/// dotnet run -c Release --project bench/Ariadne.Bench -- load [--seconds 5] [--concurrency 8,32] [--floors]
///     [--only "API case list"] [--postgres "Host=127.0.0.1;Port=…;Username=…;Password=…;Database=…"] [--data DIR] [--keep]
/// </code>
/// With <c>--data</c> an existing data folder is used (for example one filled by <c>demo seed</c>).
/// </summary>
internal static partial class LoadTest
{
    /// <summary>A read to load; <paramref name="Audited"/> false marks one measured for comparison (a * in its name), which gets no verdict.</summary>
    private sealed record Target(string Name, string Path, bool Pages, bool Audited = true);

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = double.Parse(Option(args, "--seconds") ?? "5", CultureInfo.InvariantCulture);
        var levels = (Option(args, "--concurrency") ?? "8,32").Split(',').Select(int.Parse).ToArray();
        var postgres = Option(args, "--postgres");
        var data = Option(args, "--data") ?? Path.Combine(Path.GetTempPath(), "ariadne-load-" + Guid.NewGuid().ToString("N"));
        var settings = new List<string>
        {
            // The web project's pages are found through its assembly, not this one's.
            "--applicationName=Ariadne.Web", "--demo", "--urls=http://127.0.0.1:0", $"--Database:DataDirectory={data}",
            "--Logging:LogLevel:Default=Warning", "--Security:SignInRateLimit:PermitsPerMinute=100000",
        };
        if (postgres is not null)
        {
            settings.Add("--Database:Provider=Postgres");
            settings.Add($"--ConnectionStrings:Ariadne={postgres}");
        }

        await using var app = AriadneHost.Build([.. settings]);
        var floors = args.Contains("--floors");
        if (floors)
        {
            MapFloors(app);
        }
        await app.StartAsync();
        var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var load = File.Exists("/proc/loadavg") ? $", load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}" : "";
        Console.WriteLine($"Ariadne on {baseAddress} ({(postgres is null ? "SQLite" : "PostgreSQL")}), {Environment.ProcessorCount} cores{load}, {seconds:0.#} s per run; * = not audited, for comparison");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1024, UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var pages = new HttpClient(handler) { BaseAddress = baseAddress };
        using var api = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = baseAddress };
        await SignInAsync(api, pages);
        var cases = await api.GetFromJsonAsync<JsonElement>("/api/v1/cases?scope=organisation");
        var list = cases.ValueKind == JsonValueKind.Array ? cases : cases.GetProperty("items");
        var caseId = list.EnumerateArray().First().GetProperty("id").GetString();

        var targets = new[]
        {
            new Target("/health/live", "/health/live", false, Audited: false),
            new Target("case list page", "/Cases?scope=organisation", true),
            new Target("case page", $"/Cases/View?id={caseId}", true),
            new Target("API case list", "/api/v1/cases?scope=organisation", false),
            new Target("API case read", $"/api/v1/cases/{caseId}", false),
            // Not audited: what the same host does for a signed-in read that writes nothing.
            new Target("API indicators*", "/api/v1/indicators", false, Audited: false),
        };
        if (floors)
        {
            targets =
            [
                .. targets,
                new Target("floor: signed in*", "/api/v1/bench/signed-in", false, Audited: false),
                new Target("floor: audited", "/api/v1/bench/audited", false),
                new Target("floor: 1 query", $"/api/v1/bench/audited-one-query/{caseId}", false),
            ];
        }

        // --only "API case list" narrows a run to /health/live and one target, for profiling one read.
        if (Option(args, "--only") is { } only)
        {
            targets = [.. targets.Where(t => t.Path == "/health/live" || t.Name == only)];
        }

        // Warm-up: JIT, connection pools, page compilation.
        foreach (var t in targets)
        {
            await RunAsync(t.Pages ? pages : api, t.Path, 4, TimeSpan.FromSeconds(0.5));
        }

        Console.WriteLine();
        Console.WriteLine($"{"target",-16} {"conc",4} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"errors",7} {"cpu ms/req",10} {"% of live",10}  target ≥25 % and p99 ≤50 ms");
        foreach (var level in levels)
        {
            double live = 0;
            foreach (var t in targets)
            {
                var r = await RunAsync(t.Pages ? pages : api, t.Path, level, TimeSpan.FromSeconds(seconds));
                if (t.Path == "/health/live")
                {
                    live = r.PerSecond;
                }
                var share = live > 0 ? r.PerSecond / live * 100 : 0;
                var verdict = !t.Audited ? "" : share >= 25 && r.P99 <= 50 ? "met" : "NOT met";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{t.Name,-16} {level,4} {r.PerSecond,9:0} {r.P50,8:0.0} {r.P99,8:0.0} {r.Errors,7} {r.CpuMs,10:0.00} {share,9:0.0}%  {verdict}"));
            }
        }

        await app.StopAsync();
        if (!args.Contains("--keep") && Option(args, "--data") is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        return 0;
    }

    /// <summary>
    /// With <c>--floors</c>, three endpoints that exist only in this benchmark's host, behind the same pipeline (security
    /// headers, authentication, the account check, authorization, refusal audit): one that only needs a signed-in caller,
    /// one that also records an audit entry through the group commit and waits for its commit, and one that also reads
    /// one case row by its key. They measure what no audited read can go below, whatever its own queries cost (ADR 0024).
    /// </summary>
    private static void MapFloors(WebApplication app)
    {
        app.MapGet("/api/v1/bench/signed-in", () => Results.Ok())
            .RequireAuthorization(Policies.SignedIn);
        app.MapGet("/api/v1/bench/audited", async (AriadneDbContext db, AuditTrail audit) =>
        {
            await audit.RecordAsync(db, AuditActions.View, "Bench");
            return Results.Ok();
        }).RequireAuthorization(Policies.SignedIn);
        app.MapGet("/api/v1/bench/audited-one-query/{id:guid}", async (Guid id, Ariadne.Web.Data.AriadneDbContext db, Ariadne.Web.Features.Audit.AuditTrail audit) =>
        {
            var reference = await db.Cases.Where(c => c.Id == id).Select(c => c.Reference).FirstOrDefaultAsync();
            await audit.RecordAsync(db, AuditActions.View, "Bench", id.ToString());
            return Results.Ok(new { reference });
        }).RequireAuthorization(Policies.SignedIn);
    }

    private sealed record Figures(double PerSecond, double P50, double P99, int Errors, double CpuMs);

    private static async Task<Figures> RunAsync(HttpClient client, string path, int concurrency, TimeSpan duration)
    {
        // CPU time of the whole process (server and client loops) per request: on a shared machine the wall clock
        // includes waiting for a core, the CPU time does not, so this column stays comparable between runs.
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stop = Stopwatch.StartNew();
        var errors = 0;
        var loops = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                }
            }
            return latencies;
        })).ToList();
        var all = (await Task.WhenAll(loops)).SelectMany(l => l).Order().ToList();
        var elapsed = stop.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        return all.Count == 0
            ? new(0, 0, 0, errors, 0)
            : new(all.Count / elapsed, all[(int)(all.Count * 0.50)], all[Math.Min(all.Count - 1, (int)(all.Count * 0.99))], errors, cpu / all.Count);
    }

    private static async Task SignInAsync(HttpClient api, HttpClient pages)
    {
        // The demo is seeded by a start-up task; wait until its accounts exist.
        for (var attempt = 0; ; attempt++)
        {
            var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { username = "demo-atu", password = "ariadne-demo" });
            if (token.IsSuccessStatusCode)
            {
                var body = await token.Content.ReadFromJsonAsync<JsonElement>();
                api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
                break;
            }
            if (attempt > 120)
            {
                throw new InvalidOperationException("The demo accounts did not appear.");
            }
            await Task.Delay(500);
        }
        var signInPage = await pages.GetAsync("/Accounts/SignIn");
        if (signInPage.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Sign-in page: {(int)signInPage.StatusCode} {signInPage.Headers.Location}");
        }
        var form = await signInPage.Content.ReadAsStringAsync();
        var antiforgery = AntiforgeryToken().Match(form).Groups[1].Value;
        var signIn = await pages.PostAsync("/Accounts/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "demo-atu", ["Password"] = "ariadne-demo", ["__RequestVerificationToken"] = antiforgery,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Page sign-in failed: {(int)signIn.StatusCode}");
        }
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
