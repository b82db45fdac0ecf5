using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ariadne.Web;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Demo;
using Ariadne.Web.Features.Statistics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ariadne.Bench;

/// <summary>
/// Issue 13: every statistics page as the national coordinator opens it, over HTTP against the real host (Kestrel on
/// loopback, cookie sign-in for the pages, a token for the API), so the figures include disclosure control, rendering and
/// the audit of the request: the index with the default filter, with a period, with a region, with both; the annual
/// summary; each figure's CSV download (the breakdowns the page offers, one by one) and its API response. Data is the
/// host's own national seed (<c>demo seed</c>: <c>--cases</c> 100,000 cases, <c>--screenings</c> 1,000,000 screenings).
/// Prints p50/p99 per page and database; asserts nothing.
/// <code>
/// bench/statistics.sh [--cases 100000] [--screenings 1000000] [--runs 20] [--only sqlite|postgres]
///     [--data DIR] [--postgres-database NAME]
/// </code>
/// <c>--data</c> (SQLite folder) and <c>--postgres-database</c> keep the seeded database for another run; a database that
/// already holds the seeded cases is measured without seeding again.
/// </summary>
internal static partial class StatisticsBench
{
    private const string Period = "from=2025-01-01&to=2025-12-31";
    private const string Region = "region=Region%203";

    public static async Task<int> RunAsync(string[] args)
    {
        var cases = Option(args, "--cases") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : 100_000;
        var screenings = Option(args, "--screenings") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 1_000_000;
        var runs = Option(args, "--runs") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 20;
        var only = Option(args, "--only");
        var postgres = Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("ARIADNE_BENCH_POSTGRES");

        if (only is null or "sqlite")
        {
            var keep = Option(args, "--data");
            var folder = keep ?? Path.Combine(Path.GetTempPath(), "ariadne-stats-bench-" + Guid.NewGuid().ToString("N"));
            try
            {
                await RunOnAsync("SQLite", [$"--Database:DataDirectory={folder}"], cases, screenings, runs);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                if (keep is null)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
        if (only is "sqlite")
        {
            return 0;
        }
        if (postgres is null)
        {
            Console.WriteLine("PostgreSQL: skipped (give --postgres CONNSTRING or set ARIADNE_BENCH_POSTGRES; bench/statistics.sh starts one).");
            return 0;
        }
        var kept = Option(args, "--postgres-database");
        var name = kept ?? "ariadne_stats_" + Guid.NewGuid().ToString("N")[..12];
        if (kept is null || !await DatabaseExistsAsync(postgres, kept))
        {
            await BenchDatabase.ExecuteAsync(postgres, $"CREATE DATABASE {name}");
        }
        var folderPg = Path.Combine(Path.GetTempPath(), "ariadne-stats-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString;
            await RunOnAsync("PostgreSQL",
                [$"--Database:DataDirectory={folderPg}", "--Database:Provider=Postgres", $"--ConnectionStrings:Ariadne={connection}"],
                cases, screenings, runs);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (kept is null)
            {
                await BenchDatabase.ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
            if (Directory.Exists(folderPg))
            {
                Directory.Delete(folderPg, recursive: true);
            }
        }
        return 0;
    }

    private static async Task RunOnAsync(string provider, string[] database, int caseCount, int screeningCount, int runs)
    {
        string[] settings =
        [
            // The web project's pages are found through its assembly, not this one's.
            "--applicationName=Ariadne.Web", "--demo", "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            "--Security:SignInRateLimit:PermitsPerMinute=100000", .. database,
        ];
        await using var app = AriadneHost.Build(settings);
        await app.StartAsync();
        var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AriadneDbContext>();
            var seeded = await db.Cases.CountAsync(x => x.Reference.StartsWith("C-S"));
            if (seeded < caseCount)
            {
                var seed = ActivatorUtilities.CreateInstance<NationalSeed>(scope.ServiceProvider);
                var report = await seed.RunAsync(caseCount, screeningCount, TextWriter.Null);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{provider}: seeded {report.Cases:N0} cases and {report.Screenings:N0} screenings in {report.Took.TotalSeconds:0} s"));
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: {seeded:N0} seeded cases already there, measured as they are"));
            }
            var (allCases, allScreenings, allReferrals) = (await db.Cases.CountAsync(), await db.Screenings.CountAsync(), await db.Referrals.CountAsync());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{provider}: {allCases:N0} cases, {allScreenings:N0} screenings, {allReferrals:N0} referrals"));
        }

        using var handler = new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var pages = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        using var api = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        await SignInAsync(api, pages, "demo-coordinator");
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine($"{provider}: {runs} runs per page after one warm-up, {Environment.ProcessorCount} cores, load average {load}");

        var targets = new List<(string Label, HttpClient Client, string Path)>
        {
            ("index, default filter (all time)", pages, "/Statistics"),
            ("index, period 2025", pages, $"/Statistics?{Period}"),
            ("index, region", pages, $"/Statistics?{Region}"),
            ("index, period 2025 and region", pages, $"/Statistics?{Period}&{Region}"),
            // Starts and ends mid-month: whole months from the kept counts, the days at either end from the tables.
            ("index, period 2025-01-15 to 2025-12-14", pages, "/Statistics?from=2025-01-15&to=2025-12-14"),
            ("annual summary 2025", pages, "/Statistics/Annual?year=2025"),
        };
        foreach (var figure in FigureCatalogue.All)
        {
            targets.Add(($"CSV {figure.Id}", pages, $"/Statistics?handler=Csv&figure={figure.Id}"));
        }
        foreach (var figure in FigureCatalogue.All)
        {
            targets.Add(($"API {figure.Id}", api, $"/api/v1/statistics/figures/{figure.Id}?{Period}"));
        }
        var worst = 0.0;
        foreach (var (label, client, path) in targets)
        {
            var times = await MeasureAsync(client, path, runs);
            worst = Math.Max(worst, Print(provider, label, times));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider,-10} slowest p99 of all pages: {worst:F1} ms (target 200 ms)"));
        await app.StopAsync();
    }

    private static async Task<List<double>> MeasureAsync(HttpClient client, string path, int runs)
    {
        await GetAsync(client, path);
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await GetAsync(client, path);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return times;
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
        }
    }

    private static double Print(string provider, string what, List<double> times)
    {
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider,-10} {what,-42} p50 {P(0.50),8:F1} ms  p99 {P(0.99),8:F1} ms"));
        return P(0.99);
    }

    private static async Task SignInAsync(HttpClient api, HttpClient pages, string userName)
    {
        var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = DemoSeeder.Password });
        token.EnsureSuccessStatusCode();
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        var form = await pages.GetStringAsync("/Accounts/SignIn");
        var signIn = await pages.PostAsync("/Accounts/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = DemoSeeder.Password,
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Page sign-in failed: {(int)signIn.StatusCode}");
        }
    }

    private static async Task<bool> DatabaseExistsAsync(string connectionString, string name)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
        command.Parameters.AddWithValue("n", name);
        return await command.ExecuteScalarAsync() is not null;
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
