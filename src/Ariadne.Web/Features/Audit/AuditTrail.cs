using Ariadne.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ariadne.Web.Features.Audit;

/// <summary>
/// Writes the audit trail. Explicit events (sign-in, views, searches, exports) are added with
/// <see cref="Record"/>; every create/update/delete is added automatically when the context saves, so no
/// feature can forget it. Entries that come with a change are chained and stored in the same transaction as
/// the change; entries on their own (reads, searches) go through the group commit of <see cref="AuditWriter"/>.
/// </summary>
public sealed class AuditTrail(IAuditActor actor, AuditChain chain, TimeProvider time, AuditWriter? writer = null)
{
    private const long PostgresLockKey = 0x4172_6961_646e_65; // "Ariadne"

    private readonly List<(AriadneDbContext Db, AuditEntry Entry)> _pending = [];

    private static readonly HashSet<string> SecretProperties = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Value",
    };

    public AuditEntry Record(
        AriadneDbContext db,
        string action,
        string? targetType = null,
        string? targetId = null,
        string? reason = null,
        string? details = null,
        AuditOutcome outcome = AuditOutcome.Success,
        string? actorName = null)
    {
        var entry = NewEntry(action, outcome);
        entry.TargetType = targetType;
        entry.TargetId = targetId;
        entry.Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        entry.Details = details;
        if (actorName is not null)
        {
            entry.ActorName = actorName;
        }
        // Held back until the context saves: entries get their place in the chain only then.
        _pending.Add((db, entry));
        return entry;
    }

    /// <summary>A sign-in attempt: made before anyone is signed in, so the actor is the account tried.</summary>
    public Task RecordSignInAsync(AriadneDbContext db, string action, string attemptedName,
        Ariadne.Web.Features.Accounts.ApplicationUser? user, bool succeeded, string detail)
    {
        var entry = Record(db, action, "User", user?.Id.ToString(), details: detail,
            outcome: succeeded ? AuditOutcome.Success : AuditOutcome.Failure,
            actorName: attemptedName.Trim().Length > 256 ? attemptedName.Trim()[..256] : attemptedName.Trim());
        entry.ActorUserId = user?.Id;
        entry.ActorOrganisationId = user?.OrganisationId;
        return db.SaveChangesAsync();
    }

    public async Task RecordAsync(
        AriadneDbContext db,
        string action,
        string? targetType = null,
        string? targetId = null,
        string? reason = null,
        string? details = null,
        AuditOutcome outcome = AuditOutcome.Success,
        CancellationToken cancellationToken = default)
    {
        Record(db, action, targetType, targetId, reason, details, outcome);
        await db.SaveChangesAsync(cancellationToken);
    }

    internal async Task<int> SaveChainedAsync(AriadneDbContext db, Func<Task<int>> save, CancellationToken ct)
    {
        var pending = EntriesForChanges(db.ChangeTracker);
        var recorded = _pending.Where(p => p.Db == db).Select(p => p.Entry).ToList();
        _pending.RemoveAll(p => p.Db == db);
        if (pending.Count == 0 && recorded.Count == 0)
        {
            return await save();
        }
        // Only entries of their own (a read, a search), no change and no caller's transaction to join: the
        // group commit writes them with those of other requests in one transaction (issue #9 item 17).
        if (writer is not null && pending.Count == 0 && db.Database.CurrentTransaction is null && !db.ChangeTracker.HasChanges())
        {
            await writer.AppendAsync(recorded);
            return recorded.Count;
        }
        pending.AddRange(recorded);

        {
            await using var ownTransaction = db.Database.CurrentTransaction is null
                ? await db.Database.BeginTransactionAsync(ct)
                : null;
            await ChainAsync(db, chain, pending, ct);

            int written;
            try
            {
                written = await save();
            }
            catch
            {
                // The change failed; its entries must not linger and be saved with a later change.
                foreach (var entry in pending)
                {
                    db.Entry(entry).State = EntityState.Detached;
                }
                AuditCheckpoint.Forget(db.Database.CurrentTransaction!.GetDbTransaction());
                throw;
            }
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }
            return written;
        }
    }

    /// <summary>
    /// Gives <paramref name="entries"/> their place at the end of the chain, inside the context's current
    /// transaction, and adds them to the context; the caller saves and commits. The chain's write lock is
    /// held from here to the commit: SQLite transactions begin IMMEDIATE (they take the write lock first);
    /// on PostgreSQL an advisory lock held to the end of the transaction does the same across instances.
    /// The sequence is the primary key, so a race that slipped through would fail loudly, never fork.
    /// </summary>
    internal static async Task ChainAsync(AriadneDbContext db, AuditChain chain, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
                          ?? throw new InvalidOperationException("Audit entries are chained inside a transaction.");
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
        }

        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(ct);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditChain.Genesis;
        foreach (var entry in entries)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.Hash = chain.ComputeHash(entry);
            previous = entry.Hash;
        }
        db.AuditEntries.AddRange(entries);
        // The checkpoint outside the database moves when this transaction commits, whoever commits it.
        AuditCheckpoint.OnCommit(transaction.GetDbTransaction(), new AuditHead(sequence, previous));
    }

    /// <summary>
    /// A bulk import (the command-line <c>demo seed</c>) records each save as one entry per kind of row and
    /// change with the count, instead of one entry per row: still every save on record, without a second
    /// million-row table. Only command-line code sets it; a request never does.
    /// </summary>
    internal bool BulkImport { get; set; }

    private List<AuditEntry> EntriesForChanges(ChangeTracker tracker)
    {
        var entries = new List<AuditEntry>();
        tracker.DetectChanges();
        var changes = tracker.Entries()
            .Where(e => e.Entity is not AuditEntry
                        && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (BulkImport)
        {
            foreach (var group in changes.GroupBy(c => (c.State, c.Metadata.ClrType.Name)))
            {
                var entry = NewEntry(ActionFor(group.Key.State), AuditOutcome.Success);
                entry.TargetType = group.Key.Name;
                entry.Details = $"bulk import: {group.Count()} rows";
                entries.Add(entry);
            }
            return entries;
        }
        foreach (var change in changes)
        {
            var entry = NewEntry(ActionFor(change.State), AuditOutcome.Success);
            entry.TargetType = change.Metadata.ClrType.Name;
            var key = change.Metadata.FindPrimaryKey();
            entry.TargetId = key is null || change.Entity is IUnlinkable
                ? null
                : string.Join('/', key.Properties.Select(p => Convert.ToString(change.Property(p.Name).CurrentValue,
                    System.Globalization.CultureInfo.InvariantCulture)));
            if (change.State == EntityState.Modified)
            {
                // Field names only: the trail must not become a second copy of personal data.
                var fields = change.Properties
                    .Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                    .Select(p => SecretProperties.Contains(p.Metadata.Name) ? p.Metadata.Name + "(secret)" : p.Metadata.Name)
                    .ToList();
                if (fields.Count == 0)
                {
                    continue;
                }
                entry.Details = "fields: " + string.Join(", ", fields);
            }
            entries.Add(entry);
        }
        return entries;
    }

    private static string ActionFor(EntityState state) => state switch
    {
        EntityState.Added => AuditActions.Create,
        EntityState.Deleted => AuditActions.Delete,
        _ => AuditActions.Update,
    };

    private AuditEntry NewEntry(string action, AuditOutcome outcome) => new()
    {
        Action = action,
        Outcome = outcome,
        OccurredAt = AuditChain.Truncate(time.GetUtcNow().UtcDateTime),
        ActorUserId = actor.UserId,
        ActorName = actor.Name,
        ActorOrganisationId = actor.OrganisationId,
        IpAddress = actor.IpAddress,
    };
}

/// <summary>
/// A record that must not be traceable to who made it (an anonymous statistical count): its creation is
/// audited, but without its id, so the trail cannot join the row back to the officer and the encounter.
/// </summary>
public interface IUnlinkable;
