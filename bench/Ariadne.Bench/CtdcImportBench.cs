using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Exchange;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ariadne.Bench;

/// <summary>
/// Issue 13: how fast a CTDC file imports as reference data (the check pass and the insert pass together), printed in rows per second,
/// never asserted. A file of <c>--rows</c> (200,000) random codebook rows is written once and imported on SQLite and, given a
/// connection string, on PostgreSQL (a database of its own, dropped afterwards).
/// <code>
/// dotnet run -c Release --project bench/Ariadne.Bench -- ctdc-import [--rows 200000] [--postgres CONNSTRING]
/// </code>
/// </summary>
internal static class CtdcImportBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = BenchArgs.Int(args, "--rows", 200_000);
        var postgres = BenchArgs.Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("ARIADNE_BENCH_POSTGRES")
                       ?? Environment.GetEnvironmentVariable("ARIADNE_TEST_POSTGRES");
        var folder = Path.Combine(Path.GetTempPath(), "ariadne-ctdc-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "ctdc.csv");
            await WriteFileAsync(file, rows);
            Console.WriteLine($"CTDC file: {rows:N0} rows, {new FileInfo(file).Length / 1024.0 / 1024.0:F1} MB");
            await RunOnAsync(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}", folder), file);
            if (postgres is null)
            {
                Console.WriteLine("PostgreSQL: skipped (give --postgres CONNSTRING or set ARIADNE_BENCH_POSTGRES).");
                return 0;
            }
            var name = "ariadne_ctdc_bench_" + Guid.NewGuid().ToString("N")[..12];
            await BenchDatabase.ExecuteAsync(postgres, $"CREATE DATABASE {name}");
            try
            {
                await RunOnAsync(new DatabaseOptions(DatabaseProvider.Postgres,
                    new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString, folder), file);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await BenchDatabase.ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunOnAsync(DatabaseOptions database, string file)
    {
        var builder = new DbContextOptionsBuilder<AriadneDbContext>();
        database.Apply(builder);
        var chain = new AuditChain(new byte[32]);
        var trail = new AuditTrail(new BenchActor(), chain, TimeProvider.System);
        await using var db = new AriadneDbContext(builder.Options, trail, new ExpectedVersions());
        await SchemaMigrator.MigrateAsync(db, database.Provider);
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(AriadneClaims.DisplayName, "Bench coordinator")], "bench"));
        var import = new CtdcImport(db, trail, TimeProvider.System);
        var progress = new CtdcImportProgress(Guid.NewGuid(), Guid.Empty);
        var clock = Stopwatch.StartNew();
        var result = await import.RunAsync(user, "ctdc.csv", file, progress, CancellationToken.None);
        clock.Stop();
        if (!result.Imported)
        {
            Console.WriteLine($"{database.Provider}: refused, {result.BadRows} bad rows (first: {(result.Errors.Count > 0 ? result.Errors[0] : null)})");
            return;
        }
        Console.WriteLine($"{database.Provider}: imported {result.Rows:N0} rows in {clock.Elapsed.TotalSeconds:F1} s = " +
                          $"{result.Rows / clock.Elapsed.TotalSeconds:N0} rows/s (check and insert)");
    }

    private static async Task WriteFileAsync(string path, int rows)
    {
        var random = new Random(2024);
        string[] countries = ["ROU", "BGR", "NGA", "VNM", "UKR", "MDA", "PHL", ""];
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        await writer.WriteAsync(string.Join(',', CtdcCodebook.Names) + "\r\n");
        var line = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            line.Clear();
            foreach (var variable in CtdcCodebook.Variables)
            {
                if (line.Length > 0)
                {
                    line.Append(',');
                }
                line.Append(variable.Type switch
                {
                    CtdcVariableType.Year => (2002 + random.Next(21)).ToString(CultureInfo.InvariantCulture),
                    CtdcVariableType.Country => countries[random.Next(countries.Length)],
                    CtdcVariableType.Category => random.Next(4) == 0 ? "" : variable.Categories[random.Next(variable.Categories.Count)],
                    CtdcVariableType.Binary => random.Next(3) == 0 ? "1" : "",
                });
            }
            await writer.WriteAsync(line.Append("\r\n").ToString());
        }
    }

}
