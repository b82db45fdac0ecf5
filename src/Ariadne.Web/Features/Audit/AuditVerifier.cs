using Ariadne.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Audit;

public sealed record AuditVerification(bool IsIntact, long EntriesChecked, long? FirstBadSequence, string Message);

/// <summary>Walks the chain from the first entry and reports the first one that was altered or removed.</summary>
public sealed class AuditVerifier(AuditChain chain)
{
    public async Task<AuditVerification> VerifyAsync(AriadneDbContext db, CancellationToken ct = default)
    {
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
            expected++;
        }
        return new(true, expected - 1, null, $"Audit trail intact: {expected - 1} entries verified.");
    }
}
