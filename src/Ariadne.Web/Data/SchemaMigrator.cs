using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Data;

public sealed record SchemaMigration(int Version, string Name, string Sql);

/// <summary>
/// Applies the versioned SQL scripts under <c>Data/Migrations/&lt;Provider&gt;/</c> in order, each in its own
/// transaction, and records them in <c>ariadne_schema_history</c>. See ADR 0002 for why Ariadne does not use
/// EF migrations.
/// </summary>
public static partial class SchemaMigrator
{
    public const string HistoryTable = "ariadne_schema_history";
    private const long PostgresLockKey = 0x4172_6961_646e_66;

    [GeneratedRegex(@"^migrations/(?<provider>\w+)/(?<version>\d{4})_(?<name>[\w-]+)\.sql$")]
    private static partial Regex ResourceName();

    public static IReadOnlyList<SchemaMigration> Scripts(DatabaseProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<SchemaMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource.Replace('\\', '/'));
            if (!match.Success || !string.Equals(match.Groups["provider"].Value, provider.ToString(), StringComparison.Ordinal))
            {
                continue;
            }
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add(new(int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value, reader.ReadToEnd()));
        }
        return scripts.OrderBy(s => s.Version).ToList();
    }

    /// <summary>Brings the database up to the newest script. Returns the versions applied now.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(DbConnection connection, DatabaseProvider provider,
        CancellationToken ct = default)
    {
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }
        try
        {
            if (provider == DatabaseProvider.Postgres)
            {
                // Two instances starting together must not both apply the same script.
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockKey})", ct);
            }
            else
            {
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", ct);
            }
            await ExecuteAsync(connection, null,
                $"CREATE TABLE IF NOT EXISTS {HistoryTable} (version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)",
                ct);
            var applied = new HashSet<int>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT version FROM {HistoryTable}";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
                }
            }

            var appliedNow = new List<int>();
            foreach (var script in Scripts(provider).Where(s => !applied.Contains(s.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                await ExecuteAsync(connection, transaction, script.Sql, ct);
                await using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = $"INSERT INTO {HistoryTable} (version, name, applied_at) VALUES (@v, @n, @a)";
                    AddParameter(insert, "@v", script.Version);
                    AddParameter(insert, "@n", script.Name);
                    AddParameter(insert, "@a", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                    await insert.ExecuteNonQueryAsync(ct);
                }
                await transaction.CommitAsync(ct);
                appliedNow.Add(script.Version);
            }
            return appliedNow;
        }
        finally
        {
            if (provider == DatabaseProvider.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresLockKey})", ct);
            }
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    public static Task<IReadOnlyList<int>> MigrateAsync(AriadneDbContext db, DatabaseProvider provider, CancellationToken ct = default) =>
        MigrateAsync(db.Database.GetDbConnection(), provider, ct);

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
