using Ariadne.Matching.Identifiers;
using System.Runtime.CompilerServices;
using Ariadne.Matching.Index;

namespace Ariadne.Matching.CrossReference;

/// <summary>
/// Full cross-reference over every report one viewer may see (issue #11 item 5; INT-P1, INT-P2): reports that share
/// an exact identifier, directly or through a chain, form a group, and each group carries the shared values as
/// evidence.
/// </summary>
/// <remarks>
/// Union-find over each value's postings list: a value held by k reports costs k − 1 unions, never k² pairs, so the run
/// is linear in the index's postings (≈ seconds for a million reports) and its output grows with the evidence, not with
/// the pairs it implies. Over-correlation is decided per viewer, on the reports that viewer may see: a viewer who sees
/// 3 of a switchboard's 500 reports gets those 3 linked and learns nothing about the other 497; a viewer who sees 150
/// of them gets the value flagged with the count 150.
/// </remarks>
public static class CrossReferencer
{
    public static CrossReferenceResult Run(IdentifierIndex index, CrossReferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.MayView); // deny by default: no predicate is no reach, not all reach
        ArgumentOutOfRangeException.ThrowIfLessThan(options.OverCorrelationThreshold, 2);
        var mayView = options.MayView;
        // Asked before taking the index's lock: the name index has its own, and writers need not wait for it.
        var nameLinks = options.Names?.FindLinks(mayView)
            .Where(l => l.First != l.Second && mayView(l.First) && mayView(l.Second))
            .ToList() ?? [];
        return index.Read(() => RunLocked(index, options, nameLinks));
    }

    // Runs once per run over millions of postings: optimised at once rather than started in unoptimised tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static CrossReferenceResult RunLocked(IdentifierIndex index, CrossReferenceOptions options, List<NameLink> nameLinks)
    {
        var entries = index.EntrySlots;
        var visible = new bool[entries];
        for (var number = 0; number < entries; number++)
        {
            visible[number] = index.IsLiveEntry(number) && options.MayView(index.EntryAt(number));
        }
        // Reports known only to the name source (no identifiers) are numbered after the index's entries.
        var outside = new Dictionary<Guid, int>();
        var outsideIds = new List<Guid>();
        int NumberOf(Guid report)
        {
            if (index.TryGetEntryNumber(report, out var number))
            {
                return number;
            }
            if (!outside.TryGetValue(report, out number))
            {
                number = entries + outsideIds.Count;
                outside.Add(report, number);
                outsideIds.Add(report);
            }
            return number;
        }
        var nameLinkNumbers = nameLinks.Select(l => (NumberOf(l.First), NumberOf(l.Second))).ToList();
        var sets = new DisjointSets(entries + outsideIds.Count);
        Guid ReportAt(int number) => number < entries ? index.EntryAt(number) : outsideIds[number - entries];

        var linking = new List<(IdentifierKind Kind, int Slot)>();
        var overCorrelating = new List<OverCorrelatingValue>();
        var seen = new List<int>();
        foreach (var kind in Enum.GetValues<IdentifierKind>())
        {
            var store = index.Store(kind);
            for (var slot = 0; slot < store.SlotCount; slot++)
            {
                var postings = store.PostingsAt(slot);
                if (postings.Length < 2)
                {
                    continue;
                }
                seen.Clear();
                foreach (var number in postings)
                {
                    if (visible[number])
                    {
                        seen.Add(number);
                    }
                }
                if (seen.Count < 2)
                {
                    continue;
                }
                if (seen.Count > options.OverCorrelationThreshold)
                {
                    overCorrelating.Add(new OverCorrelatingValue(new IdentifierValue(kind, store.KeyAt(slot)), seen.Count));
                    continue;
                }
                for (var i = 1; i < seen.Count; i++)
                {
                    sets.Union(seen[0], seen[i]);
                }
                linking.Add((kind, slot));
            }
        }
        foreach (var (first, second) in nameLinkNumbers)
        {
            sets.Union(first, second);
        }

        // Members of every set of two or more, in entry order (deterministic output for one index state).
        var groupOf = new int[sets.Count];
        Array.Fill(groupOf, -1);
        var members = new List<List<Guid>>();
        for (var number = 0; number < sets.Count; number++)
        {
            if ((number < entries && !visible[number]) || sets.SizeOf(number) < 2)
            {
                continue;
            }
            var root = sets.Find(number);
            if (groupOf[root] < 0)
            {
                groupOf[root] = members.Count;
                members.Add([]);
            }
            members[groupOf[root]].Add(ReportAt(number));
        }
        var shared = members.Select(_ => new List<SharedValue>()).ToList();
        var names = members.Select(_ => new List<NameLink>()).ToList();
        var newValues = new List<NewSharedValue>();
        var newNames = new List<NameLink>();
        foreach (var (kind, slot) in linking)
        {
            var store = index.Store(kind);
            var reports = new List<Guid>();
            var fresh = new List<Guid>();
            var group = -1;
            foreach (var number in store.PostingsAt(slot))
            {
                if (!visible[number])
                {
                    continue;
                }
                group = groupOf[sets.Find(number)];
                reports.Add(index.EntryAt(number));
                if (index.SequenceAt(number) > options.ChangedAfter)
                {
                    fresh.Add(index.EntryAt(number));
                }
            }
            var value = new SharedValue(new IdentifierValue(kind, store.KeyAt(slot)), reports);
            shared[group].Add(value);
            if (fresh.Count > 0)
            {
                newValues.Add(new NewSharedValue(value, fresh));
            }
        }
        for (var i = 0; i < nameLinks.Count; i++)
        {
            var (first, second) = nameLinkNumbers[i];
            names[groupOf[sets.Find(first)]].Add(nameLinks[i]);
            if (IsNewer(first) || IsNewer(second))
            {
                newNames.Add(nameLinks[i]);
            }
        }
        bool IsNewer(int number) => number < entries && index.SequenceAt(number) > options.ChangedAfter;

        var groups = members
            .Select((reports, i) => new ReportGroup(reports, shared[i], names[i]))
            .OrderByDescending(g => g.Reports.Count)
            .ToList();
        return new CrossReferenceResult(groups, overCorrelating, new NewLinks(newValues, newNames), index.ChangeSequenceUnlocked);
    }

    /// <summary>Union by size with path halving: near-constant time per operation.</summary>
    private sealed class DisjointSets
    {
        private readonly int[] _parent;
        private readonly int[] _size;

        public DisjointSets(int count)
        {
            _parent = new int[count];
            _size = new int[count];
            for (var i = 0; i < count; i++)
            {
                _parent[i] = i;
                _size[i] = 1;
            }
        }

        public int Count => _parent.Length;

        public int Find(int x)
        {
            while (_parent[x] != x)
            {
                _parent[x] = _parent[_parent[x]];
                x = _parent[x];
            }
            return x;
        }

        public int SizeOf(int x) => _size[Find(x)];

        public void Union(int a, int b)
        {
            a = Find(a);
            b = Find(b);
            if (a == b)
            {
                return;
            }
            if (_size[a] < _size[b])
            {
                (a, b) = (b, a);
            }
            _parent[b] = a;
            _size[a] += _size[b];
        }
    }
}
