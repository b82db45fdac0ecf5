using Ariadne.Matching.Identifiers;

namespace Ariadne.Matching.Index;

/// <summary>One normalised identifier as the index keys it: its kind and its key (ADR 0010).</summary>
public readonly record struct IdentifierValue(IdentifierKind Kind, string Key)
{
    public override string ToString() => Kind + " " + Key;
}

/// <summary>
/// Exact identifiers of entries (reports) in memory: (kind, normalised key) → the entries holding it (issue #11
/// item 4). A cache of the database, rebuilt from it or reloaded from a snapshot (<see cref="IdentifierSnapshot"/>);
/// <see cref="ChangeSequence"/> says which database change it reflects, so a host applies only later ones.
/// </summary>
/// <remarks>
/// Entries are known outside by their database id (a <see cref="Guid"/>) and inside by a small int, so postings are
/// int arrays: 4 bytes per occurrence, whatever the id type. Each entry remembers its values as (kind, slot) packed in
/// 4 bytes, which is what makes <see cref="Remove"/> possible without the caller re-stating the values.
/// Thread safety: any number of concurrent readers with one writer at a time, through a reader-writer lock; readers
/// get copies, never views into arrays a writer may move.
/// </remarks>
public sealed class IdentifierIndex : IDisposable
{
    internal const int KindBits = 4;
    internal const int SlotBits = 32 - KindBits;
    internal const uint SlotMask = (1u << SlotBits) - 1;
    internal static readonly int KindCount = Enum.GetValues<IdentifierKind>().Length;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly PostingsStore<string>[] _stores;
    private readonly Dictionary<Guid, int> _entryOf;
    private Guid[] _entryIds;
    private uint[]?[] _entryValues; // null: a free entry number
    private long[] _entrySequences;
    private int _entryCount;
    private readonly Stack<int> _freeEntries = new();
    private long _changeSequence;
    private readonly List<uint> _packScratch = [];

    public IdentifierIndex() : this(0, null)
    {
    }

    internal IdentifierIndex(int entryCapacity, int[]? keyCapacityPerKind)
    {
        _stores = new PostingsStore<string>[KindCount];
        for (var kind = 0; kind < KindCount; kind++)
        {
            _stores[kind] = new PostingsStore<string>(StringComparer.Ordinal, keyCapacityPerKind?[kind] ?? 0);
        }
        _entryOf = new Dictionary<Guid, int>(entryCapacity);
        var size = Math.Max(entryCapacity, 4);
        _entryIds = new Guid[size];
        _entryValues = new uint[]?[size];
        _entrySequences = new long[size];
    }

    /// <summary>The last database change this index reflects (stored in snapshots). Never goes back.</summary>
    public long ChangeSequence
    {
        get => Interlocked.Read(ref _changeSequence);
    }

    /// <summary>Records that every database change up to <paramref name="sequence"/> has been applied.</summary>
    public void AdvanceTo(long sequence)
    {
        _lock.EnterWriteLock();
        try
        {
            if (sequence < _changeSequence)
            {
                throw new ArgumentOutOfRangeException(nameof(sequence), sequence,
                    $"The index already reflects change {_changeSequence}; it cannot go back to {sequence}.");
            }
            Interlocked.Exchange(ref _changeSequence, sequence);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public int EntryCount => Read(() => _entryOf.Count);

    /// <summary>Distinct (kind, key) values held.</summary>
    public int ValueCount => Read(() => _stores.Sum(s => s.KeyCount));

    /// <summary>
    /// Indexes an entry's identifiers, replacing what the entry had before (a report edited). Failures of
    /// normalisation are skipped: they have no key to meet anything with.
    /// </summary>
    public void Add(Guid entry, IEnumerable<NormalisationResult> identifiers, long changeSequence = 0) =>
        Add(entry, identifiers.OfType<NormalisedIdentifier>().Select(i => new IdentifierValue(i.Kind, i.Key)), changeSequence);

    /// <summary>
    /// Indexes an entry's values, replacing what the entry had before; duplicates count once. The change sequence is
    /// the database change that wrote the entry, so a cross-reference can tell links that are new since a run.
    /// </summary>
    public void Add(Guid entry, IEnumerable<IdentifierValue> values, long changeSequence = 0)
    {
        // Validated before the lock: a bad value leaves the index untouched. Arrays and lists are not copied: a bulk
        // load adds millions of reports, and every avoided allocation is a garbage collection less.
        var list = values as IReadOnlyList<IdentifierValue> ?? values.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var value = list[i];
            if ((uint)value.Kind >= (uint)KindCount)
            {
                throw new ArgumentOutOfRangeException(nameof(values), value.Kind, "Not a kind of identifier.");
            }
            if (string.IsNullOrEmpty(value.Key))
            {
                throw new ArgumentException("An identifier key cannot be empty.", nameof(values));
            }
        }
        _lock.EnterWriteLock();
        try
        {
            foreach (var store in _stores)
            {
                if (store.SlotCount > SlotMask - list.Count)
                {
                    // Checked before anything changes, so a full index refuses the entry whole.
                    throw new InvalidOperationException($"More than {SlotMask} distinct values of one kind: partition the index by key.");
                }
            }
            RemoveLocked(entry);
            if (list.Count == 0)
            {
                return;
            }
            var number = NewEntryNumber();
            var packed = _packScratch; // one writer at a time, so one scratch list serves every Add
            packed.Clear();
            for (var i = 0; i < list.Count; i++)
            {
                var value = list[i];
                var slot = _stores[(int)value.Kind].Add(value.Key, number);
                var code = ((uint)value.Kind << SlotBits) | (uint)slot;
                if (!packed.Contains(code))
                {
                    packed.Add(code);
                }
            }
            _entryOf.Add(entry, number);
            _entryIds[number] = entry;
            _entryValues[number] = [.. packed];
            _entrySequences[number] = changeSequence;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Forgets an entry and every value only it held.</summary>
    /// <returns>Whether the entry was indexed.</returns>
    public bool Remove(Guid entry)
    {
        _lock.EnterWriteLock();
        try
        {
            return RemoveLocked(entry);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The entries holding exactly this normalised value (a copy), ascending by internal number; empty if none.</summary>
    public IReadOnlyList<Guid> Lookup(IdentifierKind kind, string key)
    {
        if ((uint)kind >= (uint)KindCount || string.IsNullOrEmpty(key))
        {
            return [];
        }
        _lock.EnterReadLock();
        try
        {
            var postings = _stores[(int)kind].Lookup(key);
            if (postings.IsEmpty)
            {
                return [];
            }
            var result = new Guid[postings.Length];
            for (var i = 0; i < postings.Length; i++)
            {
                result[i] = _entryIds[postings[i]];
            }
            return result;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>How many entries hold the value, without copying them.</summary>
    public int Count(IdentifierKind kind, string key)
    {
        if ((uint)kind >= (uint)KindCount || string.IsNullOrEmpty(key))
        {
            return 0;
        }
        return Read(() => _stores[(int)kind].Lookup(key).Length);
    }

    /// <summary>The values an entry holds, in the order first added; empty if it is not indexed.</summary>
    public IReadOnlyList<IdentifierValue> ValuesOf(Guid entry) => Read<IReadOnlyList<IdentifierValue>>(() =>
        _entryOf.TryGetValue(entry, out var number)
            ? [.. _entryValues[number]!.Select(Unpack)]
            : []);

    /// <summary>
    /// The live entries last added or changed after <paramref name="sequence"/> (the change sequence given to <see cref="Add(Guid, IEnumerable{IdentifierValue}, long)"/>):
    /// what "new links since" has to look at, without a pass over every value's postings.
    /// </summary>
    public IReadOnlyList<Guid> ChangedAfter(long sequence) => Read<IReadOnlyList<Guid>>(() =>
    {
        var changed = new List<Guid>();
        for (var number = 0; number < _entryCount; number++)
        {
            if (_entryValues[number] is not null && _entrySequences[number] > sequence)
            {
                changed.Add(_entryIds[number]);
            }
        }
        return changed;
    });

    public void Dispose() => _lock.Dispose();

    /// <summary>Runs <paramref name="read"/> under the read lock: a consistent view for snapshots and cross-references.</summary>
    internal T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    // Below: the internal view, to be called inside Read(...).
    internal int EntrySlots => _entryCount;
    internal bool IsLiveEntry(int number) => _entryValues[number] is not null;
    internal Guid EntryAt(int number) => _entryIds[number];
    internal long SequenceAt(int number) => _entrySequences[number];
    internal int ValueCountAt(int number) => _entryValues[number]!.Length;
    internal bool TryGetEntryNumber(Guid entry, out int number) => _entryOf.TryGetValue(entry, out number);
    internal PostingsStore<string> Store(IdentifierKind kind) => _stores[(int)kind];
    internal long ChangeSequenceUnlocked => _changeSequence;

    /// <summary>Reload: entries arrive numbered densely in order, then their values; called before the index is shared.</summary>
    internal void LoadEntry(Guid entry, long sequence, int valueCount)
    {
        var number = NewEntryNumber();
        if (!_entryOf.TryAdd(entry, number))
        {
            throw new InvalidDataException($"Entry {entry} appears twice.");
        }
        _entryIds[number] = entry;
        _entrySequences[number] = sequence;
        _entryValues[number] = new uint[valueCount];
    }

    /// <summary>Places one stored value; <paramref name="filled"/> counts, per entry, the values placed so far.</summary>
    internal void LoadValue(IdentifierKind kind, string key, ReadOnlySpan<int> ascendingEntryNumbers, int[] filled)
    {
        var slot = _stores[(int)kind].AddSorted(key, ascendingEntryNumbers);
        var code = ((uint)kind << SlotBits) | (uint)slot;
        foreach (var number in ascendingEntryNumbers)
        {
            var values = _entryValues[number]!;
            if (filled[number] == values.Length)
            {
                throw new InvalidDataException("An entry holds more values than its header says.");
            }
            values[filled[number]++] = code;
        }
    }

    internal void FinishLoad(int[] filled, long changeSequence)
    {
        for (var number = 0; number < _entryCount; number++)
        {
            if (filled[number] != _entryValues[number]!.Length)
            {
                throw new InvalidDataException("An entry holds fewer values than its header says.");
            }
        }
        _changeSequence = changeSequence;
    }

    internal IdentifierValue Unpack(uint code)
    {
        var kind = (IdentifierKind)(code >> SlotBits);
        return new IdentifierValue(kind, _stores[(int)kind].KeyAt((int)(code & SlotMask)));
    }

    private bool RemoveLocked(Guid entry)
    {
        if (!_entryOf.Remove(entry, out var number))
        {
            return false;
        }
        foreach (var code in _entryValues[number]!)
        {
            _stores[code >> SlotBits].Remove((int)(code & SlotMask), number);
        }
        _entryValues[number] = null;
        _entryIds[number] = default;
        _entrySequences[number] = 0;
        _freeEntries.Push(number);
        return true;
    }

    private int NewEntryNumber()
    {
        if (_freeEntries.TryPop(out var free))
        {
            return free;
        }
        if (_entryCount == _entryIds.Length)
        {
            var size = _entryIds.Length * 2;
            Array.Resize(ref _entryIds, size);
            Array.Resize(ref _entryValues, size);
            Array.Resize(ref _entrySequences, size);
        }
        return _entryCount++;
    }
}
