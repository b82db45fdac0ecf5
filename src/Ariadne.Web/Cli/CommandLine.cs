using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Demo;

namespace Ariadne.Web.Cli;

/// <summary>
/// The administrative commands of the one host. They read the same configuration as the web server
/// (appsettings, environment, <c>--Key=Value</c> arguments) and exit with 0 on success.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["audit", "db", "demo", "help", "--help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var words = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal) || a == "--help").ToArray();
        var settings = args.Skip(words.Length).ToArray();
        switch (words)
        {
            case ["audit", "verify"]:
                return await VerifyAuditAsync(settings, output);
            case ["db", "script", var provider]:
                return await ScriptAsync(provider, output);
            case ["db", "check"]:
                return await CheckAsync(settings, output);
            case ["demo", "seed"]:
                return await SeedAsync(settings, output);
            default:
                await output.WriteLineAsync("""
                    Usage: dotnet run --project src/Ariadne.Web -- [command] [--Key=Value ...]
                      (no command)           serve Ariadne (add --demo for demo data)
                      audit verify           check the audit trail's hash chain; exit 1 at the first altered or removed entry
                      db check               compare the migrated schema with the entity model (needs a scratch database)
                      db script <provider>   print the model's CREATE script for Sqlite or Postgres (to start a new migration)
                      demo seed [--cases N] [--screenings M]
                                             add invented data at national scale to the demo database (default 100000 / 1000000)
                    """);
                return words is ["help"] or ["--help"] ? 0 : 2;
        }
    }

    private static async Task<int> VerifyAuditAsync(string[] settings, TextWriter output)
    {
        await using var app = BuildServices(settings);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AriadneDbContext>();
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db);
        await output.WriteLineAsync(result.Message);
        return result.IsIntact ? 0 : 1;
    }

    private static async Task<int> SeedAsync(string[] settings, TextWriter output)
    {
        int Count(string name, int fallback)
        {
            var i = Array.IndexOf(settings, name);
            return i >= 0 && i + 1 < settings.Length && int.TryParse(settings[i + 1], System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : fallback;
        }
        var cases = Count("--cases", 100_000);
        var screenings = Count("--screenings", 1_000_000);
        var rest = settings.Where((s, i) => s is not ("--cases" or "--screenings")
                                            && (i == 0 || settings[i - 1] is not ("--cases" or "--screenings"))).ToArray();
        // Demo mode: invented data only ever goes into a demo database, with the demo accounts to look at it.
        await using var app = BuildServices([.. rest, "--Demo:Enabled=true"]);
        foreach (var initialiser in app.Services.GetServices<IHostedService>().OfType<Features.Operations.DatabaseInitialiser>())
        {
            await initialiser.StartAsync(CancellationToken.None);
        }
        await using var scope = app.Services.CreateAsyncScope();
        await output.WriteLineAsync($"Seeding {cases:N0} cases and {screenings:N0} screenings…");
        var seed = ActivatorUtilities.CreateInstance<NationalSeed>(scope.ServiceProvider);
        var report = await seed.RunAsync(cases, screenings, output);
        await output.WriteLineAsync($"Added {report.Organisations} organisations, {report.Screenings:N0} screenings, {report.Referrals:N0} referrals "
                                    + $"and {report.Cases:N0} cases in {report.Took.TotalSeconds:0} s.");
        return 0;
    }

    private static async Task<int> ScriptAsync(string providerName, TextWriter output)
    {
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
        {
            await output.WriteLineAsync($"Unknown provider '{providerName}': use Sqlite or Postgres.");
            return 2;
        }
        var connection = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost";
        await using var context = new SchemaOnlyContext(SchemaDrift.Options(provider, connection));
        await output.WriteLineAsync(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GenerateCreateScript(context.Database));
        return 0;
    }

    private static async Task<int> CheckAsync(string[] settings, TextWriter output)
    {
        await using var app = BuildServices(settings);
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        await using var scratch = new ScratchDatabases(database.Provider, database.ConnectionString);
        var differences = await SchemaDrift.CompareAsync(database.Provider, scratch, o => new SchemaOnlyContext(o));
        foreach (var line in differences)
        {
            await output.WriteLineAsync(line);
        }
        await output.WriteLineAsync(differences.Count == 0
            ? $"The {database.Provider} migration scripts match the entity model."
            : $"{differences.Count} difference(s): add a migration script under Data/Migrations/{database.Provider}/.");
        return differences.Count == 0 ? 0 : 1;
    }

    /// <summary>The web host's services without its server or start-up work.</summary>
    private static WebApplication BuildServices(string[] settings)
    {
        var builder = WebApplication.CreateBuilder(DemoSwitch.Translate(settings));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddAriadne();
        return builder.Build();
    }
}
