using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ariadne.Bench;

/// <summary>
/// A bulk load of a throwaway benchmark database: one connection; while it runs, the loaded tables' secondary indexes, foreign
/// keys and triggers are set aside, and <see cref="CompleteAsync"/> puts every one back from the database's own definitions
/// (sqlite_master's SQL; PostgreSQL's pg_get_indexdef and pg_get_constraintdef), so the schema afterwards is the migrated one.
/// Built after the load, an index is one sort instead of millions of inserts at random places (the identifier keys), and a foreign
/// key is checked with one join instead of a look-up per row. What the triggers keep (the report counts of migration 0013) the
/// caller recomputes set-based. SQLite writes the file with synchronous off and a large page cache: a benchmark's file only.
/// </summary>
internal sealed class BulkLoad : IAsyncDisposable
{
    private readonly DbContext _db;
    private readonly string[] _tables;
    private readonly List<string> _restore = [];
    private readonly bool _postgres;
    private string _sqliteSettings = "";

    private BulkLoad(DbContext db, string[] tables)
    {
        _db = db;
        _tables = tables;
        Connection = db.Database.GetDbConnection();
        _postgres = Connection is NpgsqlConnection;
    }

    public DbConnection Connection { get; }

    /// <summary>The current batch's transaction (null between batches).</summary>
    public DbTransaction? Transaction { get; private set; }

    /// <summary>Time spent putting the indexes, foreign keys and triggers back.</summary>
    public TimeSpan Restoring { get; private set; }

    /// <summary>CPU of the calling thread meanwhile: all of SQLite's work (in process), none of PostgreSQL's.</summary>
    public TimeSpan RestoringCpu { get; private set; }

    public static async Task<BulkLoad> BeginAsync(DbContext db, params string[] tables)
    {
        await db.Database.OpenConnectionAsync();
        var load = new BulkLoad(db, tables);
        await load.SetAsideAsync();
        return load;
    }

    private async Task SetAsideAsync()
    {
        if (_postgres)
        {
            var tables = string.Join(", ", _tables.Select(t => $"'{t}'"));
            // Foreign keys first: a key's definition reads the index it needs on the other side, which stays.
            foreach (var (table, name, definition) in await Rows(
                $"SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN ({tables})"))
            {
                await ExecuteAsync($"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"");
                _restore.Add($"ALTER TABLE {table} ADD CONSTRAINT \"{name}\" {definition}");
            }
            // Indexes that back no constraint (the primary keys stay).
            foreach (var (_, name, definition) in await Rows(
                $"SELECT i.indrelid::regclass::text, c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid " +
                $"WHERE i.indrelid::regclass::text IN ({tables}) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"))
            {
                await ExecuteAsync($"DROP INDEX \"{name}\"");
                _restore.Insert(0, definition);
            }
            foreach (var table in _tables)
            {
                await ExecuteAsync($"ALTER TABLE \"{table}\" DISABLE TRIGGER USER");
                _restore.Add($"ALTER TABLE \"{table}\" ENABLE TRIGGER USER");
            }
            return;
        }
        var names = string.Join(", ", _tables.Select(t => $"'{t}'"));
        // Put back as they were when the load completes (the connection goes back to the host's pool).
        foreach (var setting in new[] { "foreign_keys", "synchronous", "cache_size", "temp_store" })
        {
            _sqliteSettings += $"PRAGMA {setting} = {(await Rows($"PRAGMA {setting}")).Single().Item1};";
        }
        await ExecuteAsync("PRAGMA foreign_keys = OFF");
        await ExecuteAsync("PRAGMA synchronous = OFF");
        await ExecuteAsync("PRAGMA cache_size = -1048576");
        await ExecuteAsync("PRAGMA temp_store = MEMORY");
        // Explicit indexes and triggers have their SQL in sqlite_master; a primary key's or UNIQUE constraint's (sql NULL) stays.
        foreach (var (type, name, sql) in await Rows(
            $"SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ({names})"))
        {
            await ExecuteAsync($"DROP {type.ToUpperInvariant()} \"{name}\"");
            _restore.Add(sql);
        }
    }

    public async Task BeginBatchAsync() => Transaction = await Connection.BeginTransactionAsync();

    public async Task CommitBatchAsync()
    {
        await Transaction!.CommitAsync();
        await Transaction.DisposeAsync();
        Transaction = null;
    }

    /// <summary>Puts back the indexes (built now from the loaded rows), the foreign keys (checked now) and the triggers.</summary>
    public async Task CompleteAsync()
    {
        var watch = Stopwatch.StartNew();
        var cpu = ThreadCpu.Microseconds();
        if (_postgres)
        {
            await ExecuteAsync("SET maintenance_work_mem = '1GB'");
        }
        foreach (var sql in _restore)
        {
            await ExecuteAsync(sql);
        }
        _restore.Clear();
        if (!_postgres)
        {
            foreach (var table in _tables)
            {
                if ((await Rows($"PRAGMA foreign_key_check(\"{table}\")")).Count > 0)
                {
                    throw new InvalidOperationException($"Bulk-loaded rows of {table} break a foreign key.");
                }
            }
            await ExecuteAsync(_sqliteSettings);
        }
        Restoring = watch.Elapsed;
        RestoringCpu = TimeSpan.FromMicroseconds(ThreadCpu.Microseconds() - cpu);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<(string, string, string)>> Rows(string sql)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            string At(int i) => i < reader.FieldCount && !reader.IsDBNull(i) ? Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)! : "";
            rows.Add((At(0), At(1), At(2)));
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null)
        {
            await Transaction.DisposeAsync();
        }
        await _db.Database.CloseConnectionAsync();
    }
}
