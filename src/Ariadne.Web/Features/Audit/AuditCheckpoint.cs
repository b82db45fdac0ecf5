using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ariadne.Web.Features.Audit;

/// <summary>The newest entry of the chain as the checkpoint last saw it: its sequence and hash.</summary>
public sealed record AuditHead(long Sequence, string Hash);

/// <summary>
/// The chain's head kept outside the database (ADR 0004, issue #9 item 11): a file holding the newest
/// committed entry's sequence and hash, keyed with the chain key. Deleting the newest entries (or all of
/// them) leaves a valid but shorter chain; only an anchor outside the database shows that something is
/// missing. The file is written after each commit that appended entries, never before, so it is never
/// ahead of the database unless entries were removed.
/// </summary>
public sealed class AuditCheckpoint(string path, AuditChain chain, ILogger<AuditCheckpoint>? logger = null)
{
    public const string FileName = "audit-head.checkpoint";
    private const string Format = "ariadne-audit-head/1";

    private readonly Lock _gate = new();
    private long _written = -1;

    public string Path => path;

    /// <summary>
    /// <c>Audit:CheckpointPath</c> (a file, or a directory to hold <see cref="FileName"/>); by default beside the
    /// chain key file when the key comes from a file (which outside demo mode lies outside the data folder),
    /// else in the data folder.
    /// </summary>
    public static AuditCheckpoint FromConfiguration(IConfiguration configuration, string dataDirectory, AuditChain chain,
        ILogger<AuditCheckpoint>? logger = null)
    {
        string path;
        if (configuration["Audit:CheckpointPath"] is { Length: > 0 } configured)
        {
            path = System.IO.Path.GetFullPath(configured);
            if (Directory.Exists(path) || configured.EndsWith('/') || configured.EndsWith(System.IO.Path.DirectorySeparatorChar))
            {
                path = System.IO.Path.Combine(path, FileName);
            }
        }
        else
        {
            var keyFolder = string.IsNullOrWhiteSpace(configuration["Audit:ChainKey"])
                ? System.IO.Path.GetDirectoryName(AuditChain.KeyPath(configuration, dataDirectory))
                : null;
            path = System.IO.Path.Combine(keyFolder ?? dataDirectory, FileName);
        }
        return new AuditCheckpoint(path, chain, logger);
    }

    /// <summary>Moves the checkpoint forward to <paramref name="head"/>; an older head never replaces a newer one.</summary>
    public void Advance(AuditHead head)
    {
        lock (_gate)
        {
            if (_written < 0)
            {
                _written = Read() is { Head: { } current } ? current.Sequence : 0;
            }
            if (head.Sequence <= _written)
            {
                return;
            }
            try
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                var temporary = path + ".tmp";
                File.WriteAllText(temporary, string.Join(' ', Format,
                    head.Sequence.ToString(CultureInfo.InvariantCulture), head.Hash, chain.CheckpointMac(head)) + "\n");
                // Rename is atomic: a reader sees the old checkpoint or the new one, never half of one.
                File.Move(temporary, path, overwrite: true);
                _written = head.Sequence;
            }
            catch (IOException e)
            {
                // The entries are committed; a checkpoint that lags only weakens truncation detection, and
                // verify reports a checkpoint it cannot find. Failing the user's request would not help.
                logger?.LogError(e, "Could not write the audit checkpoint {Path}", path);
            }
            catch (UnauthorizedAccessException e)
            {
                logger?.LogError(e, "Could not write the audit checkpoint {Path}", path);
            }
        }
    }

    /// <summary>What the checkpoint file says: a head (null when there is no file yet), or why it cannot be trusted.</summary>
    public (AuditHead? Head, string? Problem) Read()
    {
        if (!File.Exists(path))
        {
            return (null, null);
        }
        var parts = File.ReadAllText(path).Trim().Split(' ');
        if (parts is not [Format, var sequenceText, var hash, var mac]
            || !long.TryParse(sequenceText, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return (null, $"the checkpoint {path} is not readable (it was altered or replaced)");
        }
        var head = new AuditHead(sequence, hash);
        return string.Equals(chain.CheckpointMac(head), mac, StringComparison.Ordinal)
            ? (head, null)
            : (null, $"the checkpoint {path} does not carry a valid seal (it was altered, or written with another key)");
    }

    /// <summary>
    /// Remembers the head a transaction will create once it commits. Entries recorded inside a caller's
    /// transaction are committed by the caller, so the checkpoint can only move when that commit happens.
    /// </summary>
    internal static void OnCommit(DbTransaction transaction, AuditHead head) => Uncommitted.AddOrUpdate(transaction, head);

    /// <summary>The save that would have created the head failed: nothing to checkpoint.</summary>
    internal static void Forget(DbTransaction transaction) => Uncommitted.Remove(transaction);

    private static readonly ConditionalWeakTable<DbTransaction, AuditHead> Uncommitted = new();

    /// <summary>Advances the checkpoint when a transaction that appended entries commits; forgets it when it rolls back.</summary>
    internal sealed class CommitInterceptor(AuditCheckpoint checkpoint) : DbTransactionInterceptor
    {
        // Npgsql reuses a connection's transaction object: a head left by a transaction that was disposed
        // without commit or rollback must not be taken for the next transaction's.
        public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        {
            Uncommitted.Remove(result);
            return result;
        }

        public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
            DbTransaction result, CancellationToken cancellationToken = default)
        {
            Uncommitted.Remove(result);
            return ValueTask.FromResult(result);
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
        {
            if (Uncommitted.TryGetValue(transaction, out var head))
            {
                Uncommitted.Remove(transaction);
                checkpoint.Advance(head);
            }
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            TransactionCommitted(transaction, eventData);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
            Uncommitted.Remove(transaction);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            Uncommitted.Remove(transaction);
            return Task.CompletedTask;
        }
    }
}
