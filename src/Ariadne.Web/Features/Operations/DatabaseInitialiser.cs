using Ariadne.Web.Data;
using Ariadne.Web.Features.Accounts;
using Ariadne.Web.Features.Demo;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Operations;

/// <summary>
/// Runs before the server accepts requests: applies the schema scripts, makes sure the roles exist, then
/// seeds the demo data (demo mode) or prints the one-time link for creating the first administrator.
/// </summary>
internal sealed class DatabaseInitialiser(
    IServiceScopeFactory scopes,
    DatabaseOptions database,
    DemoMode demo,
    FirstAdministratorSetup setup,
    IConfiguration configuration,
    ILogger<DatabaseInitialiser> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AriadneDbContext>();
        var applied = await SchemaMigrator.MigrateAsync(db, database.Provider, cancellationToken);
        if (applied.Count > 0)
        {
            var versions = string.Join(", ", applied);
            logger.LogInformation("Applied schema scripts {Versions} on {Provider}", versions, database.Provider);
        }

        // Statements stored before they were encrypted are encrypted now, once (ADR 0006, issue 9 item 9).
        var encrypted = await ProtectedTextMigration.EncryptPlainRowsOnceAsync(db,
            scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
        if (encrypted > 0)
        {
            logger.LogInformation("Encrypted the free text of {Rows} rows stored before encryption at rest", encrypted);
        }

        // Reports' audiences the list query selects by: those written before 0011, and those under special handling (ADR 0014).
        var audiences = await Intelligence.IntelligenceAudience.RefreshAsync(db,
            scope.ServiceProvider.GetRequiredService<Intelligence.IntelligenceSettings>().SpecialHandling, cancellationToken);
        if (audiences > 0)
        {
            logger.LogInformation("Computed the audience of {Reports} intelligence reports", audiences);
        }

        await scope.ServiceProvider.GetRequiredService<Jurisdiction.JurisdictionSettings>().LoadAsync(db, cancellationToken);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }

        if (demo.Enabled)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
            logger.LogWarning("Demo mode: demo accounts use the password '{Password}'. Never use demo mode with real data.",
                DemoSeeder.Password);
        }
        else if (!await db.Users.AnyAsync(cancellationToken))
        {
            var baseUrl = (configuration["urls"] ?? "http://localhost:5080").Split(';')[0].TrimEnd('/');
            var link = $"{baseUrl}/Accounts/Setup?token={setup.Token}";
            // Printed on the console on purpose: whoever can read the server's console is trusted to set it up.
            Console.WriteLine($"Ariadne has no accounts yet. Create the first administrator (one-time link): {link}");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
