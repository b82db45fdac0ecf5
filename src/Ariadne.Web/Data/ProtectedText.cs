using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ariadne.Web.Data;

/// <summary>
/// Encryption at rest for the person's story written as free text: the officer's statement, what was seen, the
/// danger, the companion, the statement sent with a referral (issue 9, item 9; ADR 0006). Same mechanism as the
/// case documents (<c>CaseProtector</c>): ASP.NET Core Data Protection with keys outside the database, a purpose of
/// its own. Stored as text, "dp1:" + the protected payload, so that a row written before encryption (plain text,
/// no prefix) still reads and is encrypted on startup by <see cref="ProtectedTextMigration"/>. On PostgreSQL the
/// old row versions are left to autovacuum; run <c>VACUUM FULL</c> on the three tables to drop them at once.
/// </summary>
public sealed class TextProtector(IDataProtectionProvider provider)
{
    public const string Prefix = "dp1:";
    private readonly IDataProtector _protector = provider.CreateProtector("Ariadne.Statements.v1");

    public string Protect(string plain) => Prefix + _protector.Protect(plain);

    public string Unprotect(string stored) =>
        stored.StartsWith(Prefix, StringComparison.Ordinal) ? _protector.Unprotect(stored[Prefix.Length..]) : stored;

    public static bool IsProtected(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) != false;
}

/// <summary>
/// The value converter EF applies to every protected column. The model holds the converter, so each host (each key
/// ring) gets a model of its own: <see cref="ProtectedTextModelCacheKey"/> keys the model cache by the protector.
/// </summary>
internal static class ProtectedTextMapping
{
    /// <summary>For string properties only (nullable or not: the same type to EF).</summary>
    public static PropertyBuilder<T> IsProtectedText<T>(this PropertyBuilder<T> property, TextProtector? protector) =>
        protector is null ? property : property.HasConversion(new ProtectedTextConverter(protector));

    /// <summary>The host's protector, or null for a context that only describes the schema (no application services).</summary>
    public static TextProtector? ProtectorOf(DbContext context)
    {
        try
        {
            return context.GetService<IDbContextOptions>().FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()
                ?.ApplicationServiceProvider?.GetService(typeof(TextProtector)) as TextProtector;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>EF does not pass nulls to a converter, so only text is ever protected or unprotected.</summary>
internal sealed class ProtectedTextConverter(TextProtector protector)
    : ValueConverter<string, string>(v => protector.Protect(v), v => protector.Unprotect(v));

internal sealed class ProtectedTextModelCacheKey : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), designTime, (object?)ProtectedTextMapping.ProtectorOf(context) ?? "none");
}

/// <summary>
/// Rows written before statements were encrypted hold plain text. On startup each such value is read (the converter
/// passes plain text through) and written back encrypted; the step is idempotent and cheap once done (ADR 0006).
/// </summary>
public static class ProtectedTextMigration
{
    /// <summary>
    /// The stored setting that says the plain rows were encrypted. Rows written since are encrypted on save, so once
    /// is enough; a release that protects another column names a new key, so its old rows are encrypted once too.
    /// </summary>
    public const string DoneKey = "protected-text-encrypted-v1";

    /// <summary>
    /// At start-up: encrypts the rows stored before encryption at rest, the first time only. Later starts read one
    /// row by its key instead of scanning every protected table (a full scan of a national database at each start).
    /// The marker is written after the encryption succeeded, so an interrupted run is repeated at the next start.
    /// </summary>
    public static async Task<int> EncryptPlainRowsOnceAsync(AriadneDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Settings.AsNoTracking().AnyAsync(s => s.Key == DoneKey, ct))
        {
            return 0;
        }
        var changed = await EncryptPlainRowsAsync(db, ct);
        db.Settings.Add(new Features.Jurisdiction.StoredSetting
        {
            Key = DoneKey,
            Json = $"{{\"rowsEncrypted\":{changed}}}",
            UpdatedAt = time.GetUtcNow().UtcDateTime,
            UpdatedByName = "Start-up",
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Settings.AsNoTracking().AnyAsync(s => s.Key == DoneKey, ct))
            {
                throw;
            }
            // Another instance started at the same time and recorded it first: the work is done either way.
        }
        db.ChangeTracker.Clear();
        return changed;
    }

    public static async Task<int> EncryptPlainRowsAsync(AriadneDbContext db, CancellationToken ct)
    {
        var changed = 0;
        foreach (var entityType in db.Model.GetEntityTypes())
        {
            var columns = entityType.GetProperties()
                .Where(p => p.ClrType == typeof(string) && p.GetValueConverter() is ProtectedTextConverter)
                .ToList();
            if (columns.Count > 0)
            {
                changed += await EncryptAsync(db, entityType, columns, ct);
            }
        }
        if (changed > 0 && db.Database.IsSqlite())
        {
            // The plain text is still in the write-ahead log and in freed pages of the file: fold the log in,
            // rewrite the file without free pages, and empty the log again.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
            await db.Database.ExecuteSqlRawAsync("VACUUM;", ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }
        return changed;
    }

    /// <summary>
    /// Finds rows whose stored text lacks the prefix with plain SQL (EF would decrypt the values it reads), loads them
    /// (plain text passes through the converter) and marks the columns modified, so saving writes them encrypted.
    /// </summary>
    private static async Task<int> EncryptAsync(AriadneDbContext db, Microsoft.EntityFrameworkCore.Metadata.IEntityType entityType,
        List<Microsoft.EntityFrameworkCore.Metadata.IProperty> columns, CancellationToken ct)
    {
        var where = string.Join(" OR ", columns.Select(c =>
            $"(\"{c.GetColumnName()}\" IS NOT NULL AND \"{c.GetColumnName()}\" NOT LIKE '{TextProtector.Prefix}%')"));
        var sql = $"SELECT * FROM \"{entityType.GetTableName()}\" WHERE {where} LIMIT 500";
        var query = (IQueryable<object>)typeof(ProtectedTextMigration).GetMethod(nameof(Rows), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(entityType.ClrType).Invoke(null, [db, sql])!;
        var changed = 0;
        while (true)
        {
            var batch = await query.ToListAsync(ct);
            if (batch.Count == 0)
            {
                return changed;
            }
            foreach (var row in batch)
            {
                foreach (var column in columns)
                {
                    db.Entry(row).Property(column.Name).IsModified = true;
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            changed += batch.Count;
        }
    }

    private static IQueryable<object> Rows<T>(AriadneDbContext db, string sql) where T : class =>
        db.Set<T>().FromSqlRaw(sql).AsTracking();
}
