using Ariadne.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Audit;

public sealed record AuditVerification(bool IsIntact, long EntriesChecked, long? FirstBadSequence, string Message);

/// <summary>
/// Walks the chain from the first entry and reports the first one that was altered or removed, then compares
/// the chain's end with the checkpoint kept outside the database, which shows the newest entries removed.
/// </summary>
public sealed class AuditVerifier(AuditChain chain, AuditCheckpoint? checkpoint = null)
{
    public async Task<AuditVerification> VerifyAsync(AriadneDbContext db, CancellationToken ct = default)
    {
        // Read before the walk: the checkpoint moves only after a commit, so what it says now is in the table
        // by the time the walk gets there, however many entries are appended meanwhile.
        var (anchor, anchorProblem) = checkpoint?.Read() ?? (null, null);
        string? hashAtAnchor = null;
        long expected = 1;
        var previous = AuditChain.Genesis;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable()
                           .WithCancellation(ct))
        {
            if (entry.Sequence != expected)
            {
                var missing = expected == entry.Sequence - 1
                    ? $"entry #{expected} was removed"
                    : $"entries #{expected} to #{entry.Sequence - 1} were removed";
                return new(false, expected - 1, expected, $"Audit trail broken: {missing} (the chain jumps to #{entry.Sequence}).");
            }
            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new(false, expected - 1, entry.Sequence,
                    $"Audit trail broken at entry #{entry.Sequence}: it does not link to the entry before it (the previous entry was altered or replaced).");
            }
            if (!string.Equals(chain.ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
            {
                return new(false, expected - 1, entry.Sequence,
                    $"Audit trail broken at entry #{entry.Sequence}: its content was altered after it was written.");
            }
            previous = entry.Hash;
            if (entry.Sequence == anchor?.Sequence)
            {
                hashAtAnchor = entry.Hash;
            }
            expected++;
        }
        var last = expected - 1;
        if (checkpoint is not null)
        {
            if (anchorProblem is not null)
            {
                return new(false, last, null, $"Audit trail cannot be confirmed complete: {anchorProblem}.");
            }
            if (anchor is null && last > 0)
            {
                return new(false, last, null,
                    $"Audit trail cannot be confirmed complete: the checkpoint {checkpoint.Path} is missing, so removed newest entries would go unnoticed.");
            }
            if (anchor is not null && anchor.Sequence > last)
            {
                var missing = last == 0
                    ? $"all entries were removed (#1 to #{anchor.Sequence})"
                    : anchor.Sequence == last + 1
                        ? $"the newest entry #{anchor.Sequence} was removed"
                        : $"the newest entries #{last + 1} to #{anchor.Sequence} were removed";
                return new(false, last, last + 1,
                    $"Audit trail broken: {missing}; the checkpoint outside the database records #{anchor.Sequence} but the chain ends at #{last}.");
            }
            if (anchor is not null && !string.Equals(hashAtAnchor, anchor.Hash, StringComparison.Ordinal))
            {
                return new(false, last, anchor.Sequence,
                    $"Audit trail broken at entry #{anchor.Sequence}: it differs from the checkpoint outside the database (the chain was cut there and rewritten).");
            }
        }
        return new(true, last, null, $"Audit trail intact: {last} entries verified"
            + (anchor is null ? "." : $", up to and past the checkpoint at #{anchor.Sequence}."));
    }
}
