using Ariadne.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Ariadne.Web.Features.Checks;

/// <summary>
/// Writes a check's touch rows set-based, in the check's own transaction. A value shared by 5,000 reports is 5,000 rows, and
/// EF's change tracker spent 1.5–2.5 s of a 2 s check on them (issue 12 benchmark, 20k reports). PostgreSQL: one INSERT … SELECT
/// FROM unnest(arrays). SQLite: one prepared single-row INSERT run per row (no network; Microsoft.Data.Sqlite binds parameters by
/// name, a scan of the statement's variables, so wide multi-row statements cost more per row, not less). The SQLite parameters
/// come from the model's own type mappings, so the rows are exactly what EF writes (a Guid as text, a timestamp as text).
/// </summary>
internal static class CheckTouchWriter
{
    public static async Task WriteAsync(AriadneDbContext db, IReadOnlyList<CheckTouch> touches)
    {
        if (touches.Count == 0)
        {
            return;
        }
        if (db.Database.IsNpgsql())
        {
            await WritePostgresAsync(db, touches);
            return;
        }
        var entity = db.Model.FindEntityType(typeof(CheckTouch))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = new (IProperty Property, Func<CheckTouch, object> Value)[]
        {
            (entity.FindProperty(nameof(CheckTouch.Id))!, t => t.Id),
            (entity.FindProperty(nameof(CheckTouch.CheckId))!, t => t.CheckId),
            (entity.FindProperty(nameof(CheckTouch.ReportId))!, t => t.ReportId),
            (entity.FindProperty(nameof(CheckTouch.OriginatorOrganisationId))!, t => t.OriginatorOrganisationId),
            (entity.FindProperty(nameof(CheckTouch.Shown))!, t => t.Shown),
            (entity.FindProperty(nameof(CheckTouch.TouchedAt))!, t => t.TouchedAt),
        };
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table.Name}\" (" + string.Join(", ", columns.Select(c => $"\"{c.Property.GetColumnName(table)}\"")) +
                              ") VALUES (" + string.Join(", ", columns.Select((_, i) => "@p" + i)) + ")";
        var mappings = columns.Select(c => c.Property.GetRelationalTypeMapping()).ToArray();
        foreach (var touch in touches)
        {
            command.Parameters.Clear();
            for (var c = 0; c < columns.Length; c++)
            {
                command.Parameters.Add(mappings[c].CreateParameter(command, "@p" + c, columns[c].Value(touch), nullable: false));
            }
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task WritePostgresAsync(AriadneDbContext db, IReadOnlyList<CheckTouch> touches)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO intelligence_check_touches ("Id", "CheckId", "ReportId", "OriginatorOrganisationId", "Shown", "TouchedAt")
            SELECT t.id, t.check_id, t.report_id, t.originator, t.shown, t.touched_at
            FROM unnest(@ids, @checks, @reports, @originators, @shown, @touched) AS t(id, check_id, report_id, originator, shown, touched_at)
            """, connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = touches.Select(t => t.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("checks", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = touches.Select(t => t.CheckId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("reports", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = touches.Select(t => t.ReportId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("originators", NpgsqlDbType.Array | NpgsqlDbType.Uuid)
        {
            TypedValue = touches.Select(t => t.OriginatorOrganisationId).ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter<bool[]>("shown", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { TypedValue = touches.Select(t => t.Shown).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("touched", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            TypedValue = touches.Select(t => DateTime.SpecifyKind(t.TouchedAt, DateTimeKind.Utc)).ToArray(),
        });
        await command.ExecuteNonQueryAsync();
    }
}
