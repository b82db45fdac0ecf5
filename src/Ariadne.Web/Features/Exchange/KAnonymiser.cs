namespace Ariadne.Web.Features.Exchange;

/// <summary>
/// One record as the k-anonymiser sees it: for each quasi-identifier, its value at every generalisation level, from the exact value
/// (level 0) to the most general; the last level is always null (suppressed). Which values the levels hold (an age band, the
/// child/adult group, nothing) is the caller's business; the anonymiser only compares them.
/// </summary>
public sealed record KRecord(IReadOnlyList<IReadOnlyList<string?>> Levels);

/// <summary>The outcome: the level chosen for each quasi-identifier, the records kept (by index) and how many were suppressed.</summary>
public sealed record KAnonymity(int K, IReadOnlyList<int> Levels, IReadOnlyList<int> Kept, int Suppressed, int Total)
{
    /// <summary>The share of records left out (0 to 1); reported with every export.</summary>
    public double SuppressedShare => Total == 0 ? 0 : (double)Suppressed / Total;

    /// <summary>A kept record's quasi-identifier values at the chosen levels.</summary>
    public IReadOnlyList<string?> ValuesOf(KRecord record) => Levels.Select((level, q) => record.Levels[q][level]).ToList();
}

/// <summary>
/// k-anonymity by full-domain generalisation and record suppression (the "Datafly" method, Sweeney 1998): while more than the
/// tolerated share of records sits in a combination of quasi-identifiers seen fewer than k times, the quasi-identifier with the
/// most distinct values is generalised one level (for every record alike, so a published value always means the same); then
/// the records still in a combination seen fewer than k times are left out. Every combination of quasi-identifiers in the output
/// therefore occurs at least k times (the property the tests check on random tables). Pure: no database, no clock.
/// </summary>
public static class KAnonymiser
{
    public const int DefaultK = 11;
    /// <summary>Generalise until at most this share would have to be suppressed (or nothing is left to generalise).</summary>
    public const double DefaultTolerance = 0.05;

    public static KAnonymity Apply(IReadOnlyList<KRecord> records, int k, double tolerance = DefaultTolerance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var quasiIdentifiers = records.Count == 0 ? 0 : records[0].Levels.Count;
        foreach (var record in records)
        {
            if (record.Levels.Count != quasiIdentifiers
                || record.Levels.Select((l, q) => l.Count != records[0].Levels[q].Count || l[^1] is not null).Any(bad => bad))
            {
                throw new ArgumentException(
                    "Every record has the same quasi-identifiers with the same number of levels, each ending in a suppressed (null) level.",
                    nameof(records));
            }
        }
        var levels = new int[quasiIdentifiers];
        while (true)
        {
            var small = SmallClassRecords(records, levels, k);
            if (small <= tolerance * records.Count)
            {
                break;
            }
            var next = MostVaried(records, levels);
            if (next < 0)
            {
                break;
            }
            levels[next]++;
        }
        var counts = CountClasses(records, levels);
        var kept = new List<int>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (counts[Key(records[i], levels)] >= k)
            {
                kept.Add(i);
            }
        }
        return new KAnonymity(k, levels, kept, records.Count - kept.Count, records.Count);
    }

    private static int SmallClassRecords(IReadOnlyList<KRecord> records, int[] levels, int k) =>
        CountClasses(records, levels).Values.Where(c => c < k).Sum();

    private static Dictionary<string, int> CountClasses(IReadOnlyList<KRecord> records, int[] levels)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var key = Key(record, levels);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    /// <summary>The quasi-identifier that can still be generalised and has the most distinct values now; -1 when none can.</summary>
    private static int MostVaried(IReadOnlyList<KRecord> records, int[] levels)
    {
        var best = -1;
        var bestDistinct = -1;
        for (var q = 0; q < levels.Length; q++)
        {
            if (levels[q] >= records[0].Levels[q].Count - 1)
            {
                continue;
            }
            var distinct = records.Select(r => r.Levels[q][levels[q]]).Distinct().Count();
            if (distinct > bestDistinct)
            {
                (best, bestDistinct) = (q, distinct);
            }
        }
        return best;
    }

    // Units separated by a control character no value holds; null is its own marker, so "" and null stay apart.
    private static string Key(KRecord record, int[] levels) =>
        string.Join('\u001f', levels.Select((level, q) => record.Levels[q][level] ?? "\u0000"));
}
