using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Ariadne.Bench;

/// <summary>
/// Bulk loading for benchmarks at national scale (millions of rows), writing exactly the rows the app writes: the columns, value
/// converters (encryption at rest, enums as text) and parameter types come from the host's own EF model, so a seeded row reads back
/// through EF like one the app saved. What EF's interceptors add on a save (a report's audience, its change-feed row) the caller
/// sets or adds itself. <see cref="ToProvider"/> is thread-safe (the caller converts on all cores: encrypting is most of a load's
/// CPU); <see cref="WriteAsync"/> runs on the <see cref="BulkLoad"/>'s connection: SQLite, one prepared single-row INSERT reused for
/// every row of the load; PostgreSQL, binary COPY.
/// </summary>
internal sealed class BulkRows<T> : IDisposable where T : class
{
    private sealed record Column(string Name, string StoreType, RelationalTypeMapping Mapping, Func<T, object?> Get);

    private readonly List<Column> _columns;
    private DbCommand? _insert;

    public BulkRows(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        Table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(Table, entity.GetSchema());
        _columns = entity.GetProperties()
            // The database numbers identity columns (the change feed's sequence) itself, as for the app's inserts.
            .Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long)))
            .Select(p => new Column(p.GetColumnName(store)!, p.GetColumnType(), p.GetRelationalTypeMapping(), Getter(p)))
            .ToList();
    }

    public string Table { get; }

    /// <summary>Rows written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Time spent writing, summed over calls.</summary>
    public TimeSpan Writing { get; private set; }

    /// <summary>CPU time of the writing thread (SQLite's whole insert runs on it; for PostgreSQL, the client's side of COPY).</summary>
    public TimeSpan WritingCpu { get; private set; }

    private static Func<T, object?> Getter(IProperty property)
    {
        if (property.PropertyInfo is null)
        {
            // A shadow property (the concurrency Version of Data/Versioning.cs): EF inserts an added entity's with the CLR default.
            var fallback = property.ClrType.IsValueType && Nullable.GetUnderlyingType(property.ClrType) is null
                ? Activator.CreateInstance(property.ClrType)
                : null;
            return _ => fallback;
        }
        var row = Expression.Parameter(typeof(T));
        var value = Expression.Convert(Expression.Property(row, property.PropertyInfo!), typeof(object));
        return Expression.Lambda<Func<T, object?>>(value, row).Compile();
    }

    /// <summary>The row's provider values, as EF would send them (protected columns encrypted, enums as text). Thread-safe.</summary>
    public object?[] ToProvider(T row)
    {
        var values = new object?[_columns.Count];
        for (var c = 0; c < _columns.Count; c++)
        {
            var value = _columns[c].Get(row);
            values[c] = value is null ? null : _columns[c].Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
        return values;
    }

    public async Task WriteAsync(BulkLoad load, IReadOnlyList<object?[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (load.Connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, rows);
        }
        else
        {
            var cpu = ThreadCpu.Microseconds();
            Insert((SqliteConnection)load.Connection, (SqliteTransaction?)load.Transaction, rows);
            WritingCpu += TimeSpan.FromMicroseconds(ThreadCpu.Microseconds() - cpu);
        }
        Count += rows.Count;
        Writing += watch.Elapsed;
    }

    private async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<object?[]> rows)
    {
        var names = string.Join(", ", _columns.Select(c => $"\"{c.Name}\""));
        // "character varying(20)" → "character varying": the binary format carries no length modifier.
        var types = _columns.Select(c => c.StoreType.Split('(')[0]).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{Table}\" ({names}) FROM STDIN (FORMAT BINARY)");
        var cpu = ThreadCpu.Microseconds();
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            for (var c = 0; c < _columns.Count; c++)
            {
                if (row[c] is { } value)
                {
                    await writer.WriteAsync(value, types[c]);
                }
                else
                {
                    await writer.WriteNullAsync();
                }
            }
        }
        // Encoding the rows (buffered writes, on this thread as long as no write waits for the server).
        WritingCpu += TimeSpan.FromMicroseconds(ThreadCpu.Microseconds() - cpu);
        await writer.CompleteAsync();
    }

    /// <summary>
    /// One single-row INSERT, prepared once and executed for every row of the load with its parameters rebound. A multi-row
    /// INSERT costs more: Microsoft.Data.Sqlite binds each parameter by name, and SQLite finds a name by scanning the
    /// statement's variables, so a statement with n variables costs n² (at 500 variables, most of the insert's CPU).
    /// </summary>
    private void Insert(SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<object?[]> rows)
    {
        if (_insert is null)
        {
            _insert = connection.CreateCommand();
            _insert.CommandText = $"INSERT INTO \"{Table}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Name}\""))}) " +
                $"VALUES ({string.Join(", ", _columns.Select((_, c) => $"@p{c}"))})";
            for (var c = 0; c < _columns.Count; c++)
            {
                // The mapping configures the parameter as EF does for the app's own inserts (Guid as text, DateTime format).
                _insert.Parameters.Add(_columns[c].Mapping.CreateParameter(_insert, $"@p{c}", null, nullable: true));
            }
        }
        _insert.Transaction = transaction;
        _insert.Prepare();
        var parameters = _insert.Parameters;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                parameters[c].Value = row[c] ?? DBNull.Value;
            }
            _insert.ExecuteNonQuery();
        }
    }

    public void Dispose() => _insert?.Dispose();
}
