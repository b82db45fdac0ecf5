using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Tests.Data;

/// <summary>
/// The schema scripts under Data/Migrations must build exactly the schema the entity model describes
/// (ADR 0002). A model change without a script fails here, on each database.
/// </summary>
public sealed class MigrationDriftTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_migration_scripts_build_the_schema_of_the_entity_model(string database)
    {
        var provider = Enum.Parse<DatabaseProvider>(database);
        await using var scratch = new ScratchDatabases(provider, Databases.PostgresServer);

        var differences = await SchemaDrift.CompareAsync(provider, scratch, o => new SchemaOnlyContext(o));

        Assert.True(differences.Count == 0, "Schema drift:\n" + string.Join('\n', differences));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_deliberately_unmigrated_model_change_is_reported(string database)
    {
        var provider = Enum.Parse<DatabaseProvider>(database);
        await using var scratch = new ScratchDatabases(provider, Databases.PostgresServer);

        // The same model plus one new column and one new index that no script creates.
        var differences = await SchemaDrift.CompareAsync(provider, scratch, o => new UnmigratedChangeContext(o));

        Assert.Contains(differences, d => d.StartsWith("model only:", StringComparison.Ordinal)
                                          && d.Contains("organisations", StringComparison.Ordinal)
                                          && d.Contains("PostalCode", StringComparison.Ordinal));
        Assert.DoesNotContain(differences, d => d.StartsWith("migrated only:", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Applying_the_scripts_twice_changes_nothing(string database)
    {
        var provider = Enum.Parse<DatabaseProvider>(database);
        await using var scratch = new ScratchDatabases(provider, Databases.PostgresServer);
        var connection = await scratch.CreateAsync(CancellationToken.None);
        await using var context = new SchemaOnlyContext(SchemaDrift.Options(provider, connection));

        var first = await SchemaMigrator.MigrateAsync(context.Database.GetDbConnection(), provider);
        var second = await SchemaMigrator.MigrateAsync(context.Database.GetDbConnection(), provider);

        Assert.Equal(SchemaMigrator.Scripts(provider).Select(s => s.Version), first);
        Assert.Empty(second);
    }

    [Fact]
    public void Both_providers_have_the_same_numbered_scripts()
    {
        var sqlite = SchemaMigrator.Scripts(DatabaseProvider.Sqlite).Select(s => (s.Version, s.Name)).ToList();
        var postgres = SchemaMigrator.Scripts(DatabaseProvider.Postgres).Select(s => (s.Version, s.Name)).ToList();

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, postgres);
        // Numbered in order without repeats; gaps are allowed, as numbers are handed out to parallel branches beforehand.
        Assert.Equal(1, sqlite[0].Version);
        Assert.All(sqlite.Zip(sqlite.Skip(1)), pair => Assert.True(pair.First.Version < pair.Second.Version,
            $"{pair.First.Name} and {pair.Second.Name} are out of order"));
    }

    private sealed class UnmigratedChangeContext(DbContextOptions options) : AriadneDbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder builder)
        {
            base.OnModelCreating(builder);
            builder.Entity<Organisation>().Property<string>("PostalCode").HasMaxLength(20);
            builder.Entity<Organisation>().HasIndex("PostalCode");
        }
    }
}
