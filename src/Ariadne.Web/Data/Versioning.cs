using Ariadne.Web.Features.Accounts;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Consent;
using Ariadne.Web.Features.Jurisdiction;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Screenings;
using Ariadne.Web.Features.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;

namespace Ariadne.Web.Data;

/// <summary>
/// Optimistic concurrency (issue 9 item 10, ADR 0008). Every record that is edited carries an integer
/// <c>Version</c> (a shadow property: the domain types do not know about it) that is a concurrency token on
/// both providers: each save that changes the record adds one, and the UPDATE only matches the version it read,
/// so a second writer from the same read changes no row and gets <see cref="DbUpdateConcurrencyException"/>.
/// A case and a screening are aggregates: any change to a row that belongs to one (timeline, services,
/// consents, indicators…) also moves the aggregate's version, so two steps on one case from one read can
/// never both succeed, whatever rows each of them touches.
/// </summary>
public static class Versioning
{
    public const string Property = "Version";

    /// <summary>What is edited and so carries a version. Users, organisations and settings are edited by administrators.</summary>
    public static readonly Type[] Versioned =
    [
        typeof(Screening), typeof(Case), typeof(Referral), typeof(CaseHandover), typeof(ServiceProposal), typeof(ConsentRecord),
        typeof(Shelter), typeof(StoredSetting), typeof(Organisation), typeof(ApplicationUser),
        typeof(Features.Intelligence.IntelligenceReport), typeof(Features.Intelligence.SanitisedVersion),
    ];

    /// <summary>Aggregates whose version stands for every row that belongs to them (by foreign key).</summary>
    private static readonly Type[] Aggregates = [typeof(Case), typeof(Screening), typeof(Features.Intelligence.IntelligenceReport)];

    public static void Configure(ModelBuilder builder)
    {
        foreach (var type in Versioned)
        {
            builder.Entity(type).Property<int>(Property).IsConcurrencyToken();
        }
    }

    /// <summary>The version of a record as it was read (0 when it is not tracked or carries no version).</summary>
    public static int VersionOf(this DbContext db, object entity)
    {
        var entry = db.Entry(entity);
        return entry.State == EntityState.Detached || entry.Metadata.FindProperty(Property) is null
            ? 0
            : (int)entry.Property(Property).OriginalValue!;
    }

    /// <summary>The version of a tracked record found by type and key, or null (used for the ETag of an answer).</summary>
    public static int? TrackedVersion(this DbContext db, Type type, object key) =>
        db.ChangeTracker.Entries().FirstOrDefault(e => e.Metadata.ClrType == type && KeyOf(e) is { } k && k.Equals(key)) is { } e
            ? (int)e.Property(Property).CurrentValue!
            : null;

    public static string ETag(int version) => $"\"{version}\"";

    /// <summary>
    /// Reads an If-Match value ("7", W/"7", or several): null for none or "*"; a value that is no version of ours
    /// can never match, so it is read as -1 and the write is refused as stale.
    /// </summary>
    public static int? ParseIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }
        var first = header.Split(',')[0].Trim();
        if (first.StartsWith("W/", StringComparison.Ordinal))
        {
            first = first[2..];
        }
        return int.TryParse(first.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
            out var v) ? v : -1;
    }

    /// <summary>
    /// Called by the context before every save: checks the versions the client said it read, then moves the
    /// version of every changed record and of the aggregate each changed row belongs to. Returns the
    /// expectations met, to be settled once the save succeeded.
    /// </summary>
    internal static List<(Type, object)> Prepare(DbContext db, ExpectedVersions? expected)
    {
        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries().ToList();
        var aggregates = entries.Where(e => Aggregates.Contains(e.Metadata.ClrType) && KeyOf(e) is not null)
            .ToDictionary(e => (e.Metadata.ClrType, KeyOf(e)!));
        var bump = new HashSet<EntityEntry>();
        foreach (var entry in entries.Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty(Property) is not null)
            {
                bump.Add(entry);
            }
            foreach (var fk in entry.Metadata.GetForeignKeys().Where(fk => Aggregates.Contains(fk.PrincipalEntityType.ClrType)))
            {
                var key = entry.Property(fk.Properties[0].Name).CurrentValue ?? entry.Property(fk.Properties[0].Name).OriginalValue;
                // The aggregate is loaded by every operation that changes its rows (CaseService.FindForWorkAsync,
                // ScreeningService.FindAsync); one that is not tracked is being created or deleted with them.
                if (key is not null && aggregates.TryGetValue((fk.PrincipalEntityType.ClrType, key), out var root)
                    && root.State is EntityState.Unchanged or EntityState.Modified)
                {
                    bump.Add(root);
                }
            }
        }

        var met = new List<(Type, object)>();
        if (expected is not null)
        {
            foreach (var entry in entries.Where(e => e.State != EntityState.Added && e.Metadata.FindProperty(Property) is not null))
            {
                var id = (entry.Metadata.ClrType, KeyOf(entry)!);
                if (KeyOf(entry) is null || expected.For(id.ClrType, id.Item2) is not { } version)
                {
                    continue;
                }
                if ((int)entry.Property(Property).OriginalValue! != version)
                {
                    throw new DbUpdateConcurrencyException(WriteConflicts.Stale);
                }
                if (bump.Contains(entry))
                {
                    met.Add(id);
                }
            }
        }
        foreach (var entry in bump)
        {
            var version = entry.Property(Property);
            version.CurrentValue = (int)version.OriginalValue! + 1;
        }
        return met;
    }

    private static object? KeyOf(EntityEntry e) =>
        e.Metadata.FindPrimaryKey() is { Properties.Count: 1 } key ? e.Property(key.Properties[0].Name).CurrentValue : null;
}

/// <summary>
/// The versions the client said it read, for this request: from an API request's If-Match header or a page
/// form's hidden version field. Checked when the record is saved; settled once a save wrote the record, so
/// later saves in the same request compare with what they themselves read.
/// </summary>
public sealed class ExpectedVersions
{
    private readonly Dictionary<(Type, object), int> _expected = [];

    public void Expect(Type type, object key, int version) => _expected[(type, key)] = version;

    public int? For(Type type, object key) => _expected.TryGetValue((type, key), out var v) ? v : null;

    internal void Forget() => _expected.Clear();

    internal void Settle(IEnumerable<(Type, object)> met)
    {
        foreach (var id in met)
        {
            _expected.Remove(id);
        }
    }
}

/// <summary>
/// The one place that tells a lost race from a fault: a stale version, or a duplicate insert that lost the race on a
/// unique index (SQLite's SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY, PostgreSQL's 23505). Both answer 409, never 500.
/// </summary>
public static class WriteConflicts
{
    public const string Stale = "This record was changed by someone else since you opened it. Reload it to see the change, then make yours again.";
    public const string Duplicate = "This was just recorded by someone else. Reload to see it.";

    /// <summary>Saves, or answers why the save lost a race (for a page to show next to what was typed).</summary>
    public static async Task<string?> SaveOrConflictAsync(this DbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateException e) when (Describe(e) is { } message)
        {
            return message;
        }
    }

    /// <summary>The message to show for a write that lost a race, or null for any other failure.</summary>
    public static string? Describe(Exception e) => e switch
    {
        DbUpdateConcurrencyException => Stale,
        DbUpdateException { InnerException: SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } } => Duplicate,
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => Duplicate,
        _ => null,
    };
}
