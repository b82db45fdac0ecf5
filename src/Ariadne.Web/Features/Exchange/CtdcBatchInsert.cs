using System.Data.Common;
using Ariadne.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ariadne.Web.Features.Exchange;

/// <summary>
/// Inserts reference rows many to a statement on PostgreSQL (a multi-row INSERT, prepared once and reused), in the caller's
/// transaction. One statement per row costs a round trip each: on PostgreSQL under load 100,000 rows took
/// over 100 s that way; batched, the database does the work instead of the network. Columns, types and conversions come from the
/// EF model, as a save would write them, so the same code serves SQLite and PostgreSQL.
/// </summary>
internal sealed class CtdcBatchInsert(AriadneDbContext db) : IAsyncDisposable
{
    /// <summary>
    /// On PostgreSQL 9 columns × 500 rows = 4,500 parameters a statement (the limit is 65,535). SQLite runs in the process, so a
    /// round trip costs nothing, while its named parameters are looked up one by one across the statement (4,500 per statement
    /// made 100,000 rows take 97 s): one row a statement is its fastest.
    /// </summary>
    private readonly int _rowsPerStatement = db.Database.IsNpgsql() ? 500 : 1;

    private readonly List<(IProperty Property, string Column, RelationalTypeMapping Mapping, ValueConverter? Converter)> _columns = Columns(db);
    private DbCommand? _full;

    public async Task<int> InsertAsync(IReadOnlyList<CtdcReferenceRecord> rows, CancellationToken ct)
    {
        var done = 0;
        while (done < rows.Count)
        {
            var count = Math.Min(_rowsPerStatement, rows.Count - done);
            var command = count == _rowsPerStatement ? _full ??= await CommandAsync(count, ct) : await CommandAsync(count, ct);
            var p = 0;
            for (var r = 0; r < count; r++)
            {
                foreach (var (property, _, _, converter) in _columns)
                {
                    var value = property.GetGetter().GetClrValue(rows[done + r]);
                    if (value is not null && converter is not null)
                    {
                        value = converter.ConvertToProvider(value);
                    }
                    command.Parameters[p++].Value = value ?? DBNull.Value;
                }
            }
            await command.ExecuteNonQueryAsync(ct);
            if (command != _full)
            {
                await command.DisposeAsync();
            }
            done += count;
        }
        return done;
    }

    private async Task<DbCommand> CommandAsync(int rows, CancellationToken ct)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                              ?? throw new InvalidOperationException("The reference rows go in within the import's transaction.");
        var values = new List<string>(rows);
        for (var r = 0; r < rows; r++)
        {
            var names = new List<string>(_columns.Count);
            foreach (var (property, _, mapping, _) in _columns)
            {
                var name = "p" + command.Parameters.Count;
                command.Parameters.Add(mapping.CreateParameter(command, name, null, property.IsNullable));
                names.Add("@" + name);
            }
            values.Add("(" + string.Join(", ", names) + ")");
        }
        var table = db.Model.FindEntityType(typeof(CtdcReferenceRecord))!.GetTableName();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Column}\""))}) VALUES {string.Join(", ", values)}";
        await command.PrepareAsync(ct);
        return command;
    }

    private static List<(IProperty, string, RelationalTypeMapping, ValueConverter?)> Columns(AriadneDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(CtdcReferenceRecord))!;
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return entity.GetProperties().Select(p => (p, p.GetColumnName(store)!, (RelationalTypeMapping)p.GetTypeMapping(), p.GetTypeMapping().Converter))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_full is not null)
        {
            await _full.DisposeAsync();
        }
    }
}
