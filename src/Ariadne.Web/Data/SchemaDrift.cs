using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ariadne.Web.Data;

/// <summary>
/// Answers "do the migration scripts build the schema the entity model expects?" by building both in
/// scratch databases and comparing what the databases report (ADR 0002). Used by the drift tests and by
/// <c>ariadne db check</c> when a developer has changed the model.
/// </summary>
public static class SchemaDrift
{
    /// <summary>Creates the model's schema (EnsureCreated) in one scratch database and the scripts' schema in another.</summary>
    /// <param name="provider">The database engine to compare on.</param>
    /// <param name="scratch">Gives out fresh, empty databases and removes them afterwards.</param>
    /// <param name="createModelContext">Builds the context whose model is the reference; tests pass one with a deliberate change.</param>
    /// <param name="ct">Cancels the comparison.</param>
    public static async Task<IReadOnlyList<string>> CompareAsync(
        DatabaseProvider provider,
        IScratchDatabases scratch,
        Func<DbContextOptions, DbContext> createModelContext,
        CancellationToken ct = default)
    {
        var migratedConnection = await scratch.CreateAsync(ct);
        var modelConnection = await scratch.CreateAsync(ct);

        var migratedOptions = Options(provider, migratedConnection);
        await using (var migrated = new SchemaOnlyContext(migratedOptions))
        {
            await SchemaMigrator.MigrateAsync(migrated.Database.GetDbConnection(), provider, ct);
        }
        await using (var model = createModelContext(Options(provider, modelConnection)))
        {
            await model.Database.EnsureCreatedAsync(ct);
        }

        await using var migratedRead = new SchemaOnlyContext(migratedOptions);
        await using var modelRead = new SchemaOnlyContext(Options(provider, modelConnection));
        var migratedSchema = await SchemaDescription.ReadAsync(migratedRead.Database.GetDbConnection(), provider, ct);
        var modelSchema = await SchemaDescription.ReadAsync(modelRead.Database.GetDbConnection(), provider, ct);
        return SchemaDescription.Differences(migratedSchema, modelSchema);
    }

    public static DbContextOptions Options(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<AriadneDbContext>();
        new DatabaseOptions(provider, connectionString, Path.GetTempPath()).Apply(builder);
        return builder.Options;
    }
}

/// <summary>A context that only describes the schema; it never saves.</summary>
public sealed class SchemaOnlyContext(DbContextOptions options) : AriadneDbContext(options);

public interface IScratchDatabases : IAsyncDisposable
{
    Task<string> CreateAsync(CancellationToken ct);
}

/// <summary>Scratch databases: temporary SQLite files, or temporary databases on a PostgreSQL server.</summary>
public sealed class ScratchDatabases(DatabaseProvider provider, string? postgresServerConnection = null) : IScratchDatabases
{
    private readonly List<string> _created = [];

    public async Task<string> CreateAsync(CancellationToken ct)
    {
        var name = "ariadne_scratch_" + Guid.NewGuid().ToString("N")[..12];
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), name + ".db");
            _created.Add(path);
            return $"Data Source={path};Pooling=False";
        }

        var server = new NpgsqlConnectionStringBuilder(postgresServerConnection
            ?? throw new InvalidOperationException("A PostgreSQL server connection string is needed for scratch databases."));
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(ct);
        }
        _created.Add(name);
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = false }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var item in _created)
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(item + suffix);
                }
                continue;
            }
            await using var connection = new NpgsqlConnection(postgresServerConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {item} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
