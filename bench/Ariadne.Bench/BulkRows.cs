using System.Data.Common;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Ariadne.Bench;

/// <summary>
/// Bulk loading for benchmarks at national scale (millions of rows), writing exactly the rows the app writes: the columns, value
/// converters (encryption at rest, enums as text) and parameter types come from the host's own EF model, so a seeded row reads back
/// through EF like one the app saved. What EF's interceptors add on a save (a report's audience, its change-feed row) the caller
/// sets or adds itself; database triggers (the report counts of migration 0013) fire as on any insert.
/// SQLite: prepared multi-row INSERTs in one transaction per call; PostgreSQL: binary COPY.
/// </summary>
internal sealed class BulkRows<T> where T : class
{
    private sealed record Column(string Name, string StoreType, RelationalTypeMapping Mapping, Func<T, object?> Get);

    private readonly string _table;
    private readonly List<Column> _columns;

    public BulkRows(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        _table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(_table, entity.GetSchema());
        _columns = entity.GetProperties()
            // The database numbers identity columns (the change feed's sequence) itself, as for the app's inserts.
            .Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long)))
            .Select(p => new Column(p.GetColumnName(store)!, p.GetColumnType(), p.GetRelationalTypeMapping(), Getter(p)))
            .ToList();
    }

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

    private static object? Provider(Column column, T row)
    {
        var value = column.Get(row);
        return value is null ? null : column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    /// <summary>Time spent converting to provider values (encryption at rest, enums to text), summed over calls.</summary>
    public TimeSpan Converting { get; private set; }

    /// <summary>
    /// The provider values of every row, converted on all cores: encrypting the protected columns is most of the CPU of a load,
    /// and each value is encrypted independently (Data Protection is thread-safe).
    /// </summary>
    private object?[][] Convert(IReadOnlyList<T> rows)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var values = new object?[rows.Count][];
        Parallel.For(0, rows.Count, r =>
        {
            var row = new object?[_columns.Count];
            for (var c = 0; c < _columns.Count; c++)
            {
                row[c] = Provider(_columns[c], rows[r]);
            }
            values[r] = row;
        });
        Converting += watch.Elapsed;
        return values;
    }

    public async Task WriteAsync(DbContext db, IReadOnlyList<T> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }
        var values = Convert(rows);
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, values);
        }
        else
        {
            await InsertAsync(connection, values);
        }
    }

    private async Task CopyAsync(NpgsqlConnection connection, object?[][] rows)
    {
        var names = string.Join(", ", _columns.Select(c => $"\"{c.Name}\""));
        // "character varying(20)" → "character varying": the binary format carries no length modifier.
        var types = _columns.Select(c => c.StoreType.Split('(')[0]).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{_table}\" ({names}) FROM STDIN (FORMAT BINARY)");
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
        await writer.CompleteAsync();
    }

    private async Task InsertAsync(DbConnection connection, object?[][] rows)
    {
        // About 500 variables per statement: Microsoft.Data.Sqlite binds each parameter by name, a scan of the statement's
        // variables, so a statement with thousands of them costs quadratically (20,000 variables: 30 reports/s).
        var perStatement = Math.Max(1, 500 / _columns.Count);
        await using var transaction = await connection.BeginTransactionAsync();
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Length; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Length - start);
                DbCommand command;
                if (count == perStatement && full is not null)
                {
                    command = full;
                }
                else
                {
                    command = Command(connection, count);
                    command.Transaction = transaction;
                    command.Prepare();
                    if (count == perStatement)
                    {
                        full = command;
                    }
                }
                for (var r = 0; r < count; r++)
                {
                    for (var c = 0; c < _columns.Count; c++)
                    {
                        command.Parameters[r * _columns.Count + c].Value = rows[start + r][c] ?? DBNull.Value;
                    }
                }
                await command.ExecuteNonQueryAsync();
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
            await transaction.CommitAsync();
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    private DbCommand Command(DbConnection connection, int rows)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder($"INSERT INTO \"{_table}\" (")
            .AppendJoin(", ", _columns.Select(c => $"\"{c.Name}\"")).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Count; c++)
            {
                var name = $"@p{r}_{c}";
                sql.Append(c == 0 ? name : ", " + name);
                // The mapping configures the parameter as EF does for the app's own inserts (Guid as text, DateTime format).
                command.Parameters.Add(_columns[c].Mapping.CreateParameter(command, name, null, nullable: true));
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        return command;
    }
}
