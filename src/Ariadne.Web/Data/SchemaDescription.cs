using System.Data.Common;
using System.Globalization;

namespace Ariadne.Web.Data;

/// <summary>
/// Reads what a live database really contains (tables, columns with types and nullability, keys, indexes,
/// foreign keys) as sorted lines, so that two schemas can be compared line by line. Triggers and the
/// migration history table are left out: they belong to the scripts, not to the entity model.
/// </summary>
public static class SchemaDescription
{
    public static async Task<SortedSet<string>> ReadAsync(DbConnection connection, DatabaseProvider provider,
        CancellationToken ct = default)
    {
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }
        try
        {
            return provider == DatabaseProvider.Sqlite
                ? await ReadSqliteAsync(connection, ct)
                : await ReadPostgresAsync(connection, ct);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>The lines present in one description and not in the other, marked with the side they come from.</summary>
    public static IReadOnlyList<string> Differences(SortedSet<string> migrated, SortedSet<string> model) =>
        model.Except(migrated).Select(l => "model only:    " + l)
            .Concat(migrated.Except(model).Select(l => "migrated only: " + l))
            .ToList();

    private static async Task<SortedSet<string>> ReadSqliteAsync(DbConnection connection, CancellationToken ct)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        var tables = await QueryAsync(connection,
            $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{SchemaMigrator.HistoryTable}'",
            r => r.GetString(0), ct);
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            foreach (var column in await QueryAsync(connection, $"PRAGMA table_info('{table}')",
                         r => $"column {table}.{r.GetString(1)} {r.GetString(2).ToUpperInvariant()} {(r.GetInt64(3) == 1 ? "NOT NULL" : "NULL")} pk={r.GetInt64(5)}", ct))
            {
                lines.Add(column);
            }
            var indexes = await QueryAsync(connection, $"PRAGMA index_list('{table}')",
                r => (Name: r.GetString(1), Unique: r.GetInt64(2) == 1), ct);
            foreach (var index in indexes)
            {
                var columns = await QueryAsync(connection, $"PRAGMA index_info('{index.Name}')", r => r.GetString(2), ct);
                lines.Add($"index {table}({string.Join(",", columns)}){(index.Unique ? " UNIQUE" : "")}");
            }
            foreach (var fk in await QueryAsync(connection, $"PRAGMA foreign_key_list('{table}')",
                         r => $"fk {table}.{r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on delete {r.GetString(6)}", ct))
            {
                lines.Add(fk);
            }
        }
        return lines;
    }

    private static async Task<SortedSet<string>> ReadPostgresAsync(DbConnection connection, CancellationToken ct)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in await QueryAsync(connection,
                     $"""
                      SELECT table_name, column_name, data_type, character_maximum_length, is_nullable
                      FROM information_schema.columns
                      WHERE table_schema = current_schema() AND table_name <> '{SchemaMigrator.HistoryTable}'
                      """,
                     r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}" +
                          (r.IsDBNull(3) ? "" : "(" + Convert.ToString(r.GetValue(3), CultureInfo.InvariantCulture) + ")") +
                          (r.GetString(4) == "YES" ? " NULL" : " NOT NULL"), ct))
        {
            lines.Add(line);
        }
        foreach (var line in await QueryAsync(connection,
                     $"SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename <> '{SchemaMigrator.HistoryTable}'",
                     r => $"index {r.GetString(0)}: {r.GetString(1)}", ct))
        {
            lines.Add(line);
        }
        foreach (var line in await QueryAsync(connection,
                     $"""
                      SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
                      FROM pg_constraint
                      WHERE connamespace = current_schema()::regnamespace AND contype IN ('p', 'f', 'u', 'c')
                        AND conrelid::regclass::text <> '{SchemaMigrator.HistoryTable}'
                      """,
                     r => $"constraint {r.GetString(0)}.{r.GetString(1)}: {r.GetString(2)}", ct))
        {
            lines.Add(line);
        }
        return lines;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map,
        CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var results = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            results.Add(map(reader));
        }
        return results;
    }
}
