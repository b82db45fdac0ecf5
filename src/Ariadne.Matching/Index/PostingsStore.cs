namespace Ariadne.Matching.Index;

/// <summary>
/// Keys to sorted lists of small integer ids (postings). Storage grows with the number of distinct keys and of
/// (key, id) occurrences, never with the pairs of ids that share a key (issue #11 item 4: MISP's pair table reached
/// 291 GB for 4.9 GB of attributes). Generic over the key so the name index can keep its keys here too.
/// </summary>
/// <remarks>
/// Each distinct key is held once (the dictionary's instance) and gets a slot; the slot holds the postings. A key's
/// slot number is stable while the key has postings, so an owner can remember "entry 7 holds slot 42" in four bytes
/// instead of a second reference to the key. A slot whose last posting goes is freed, and its key forgotten, so a
/// removed value leaves nothing behind. Live slots are visited in slot order, which adding and then removing the same
/// ids does not change: snapshots written before and after are byte-for-byte equal.
/// Not thread-safe: the owner serialises writers against readers (<see cref="IdentifierIndex"/> uses a lock).
/// </remarks>
public sealed class PostingsStore<TKey> where TKey : notnull
{
    private readonly Dictionary<TKey, int> _slotOf;
    private TKey[] _keys;
    private Postings[] _postings;
    private int _slotCount;
    private readonly Stack<int> _freeSlots = new();

    public PostingsStore(IEqualityComparer<TKey>? comparer = null, int capacity = 0)
    {
        _slotOf = new Dictionary<TKey, int>(capacity, comparer);
        _keys = new TKey[Math.Max(capacity, 4)];
        _postings = new Postings[_keys.Length];
    }

    /// <summary>Distinct keys that have at least one posting.</summary>
    public int KeyCount => _slotOf.Count;

    /// <summary>Slots ever used and not trimmed (live and free); slot numbers are below this.</summary>
    public int SlotCount => _slotCount;

    /// <summary>Adds <paramref name="id"/> to the key's postings (once: adding it again changes nothing).</summary>
    /// <returns>The key's slot.</returns>
    public int Add(TKey key, int id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        if (!_slotOf.TryGetValue(key, out var slot))
        {
            slot = NewSlot();
            _slotOf.Add(key, slot);
            _keys[slot] = key;
        }
        _postings[slot].Add(id);
        return slot;
    }

    /// <summary>Removes <paramref name="id"/> from the slot's postings; a slot left empty is freed with its key.</summary>
    /// <returns>Whether the id was there.</returns>
    public bool Remove(int slot, int id)
    {
        if ((uint)slot >= (uint)_slotCount || _postings[slot].Count == 0 || !_postings[slot].Remove(id))
        {
            return false;
        }
        if (_postings[slot].Count == 0)
        {
            _slotOf.Remove(_keys[slot]);
            _keys[slot] = default!;
            _freeSlots.Push(slot);
        }
        return true;
    }

    public bool TryGetSlot(TKey key, out int slot) => _slotOf.TryGetValue(key, out slot);

    /// <summary>The ids under a key, ascending; empty when the key is unknown.</summary>
    public ReadOnlySpan<int> Lookup(TKey key) =>
        _slotOf.TryGetValue(key, out var slot) ? Postings.Span(ref _postings[slot]) : [];

    /// <summary>The ids in a slot, ascending; empty for a free slot.</summary>
    public ReadOnlySpan<int> PostingsAt(int slot) =>
        (uint)slot < (uint)_slotCount ? Postings.Span(ref _postings[slot]) : [];

    public bool IsLive(int slot) => (uint)slot < (uint)_slotCount && _postings[slot].Count > 0;

    public TKey KeyAt(int slot) =>
        IsLive(slot) ? _keys[slot] : throw new ArgumentOutOfRangeException(nameof(slot), slot, "The slot is free.");

    /// <summary>Live slots in slot order (the order snapshots are written in).</summary>
    public IEnumerable<int> LiveSlots()
    {
        for (var slot = 0; slot < _slotCount; slot++)
        {
            if (_postings[slot].Count > 0)
            {
                yield return slot;
            }
        }
    }

    /// <summary>Sizes the tables for <paramref name="keys"/> more keys at once (a reload), instead of doubling into them.</summary>
    public void EnsureCapacity(int keys)
    {
        _slotOf.EnsureCapacity(_slotOf.Count + keys);
        var needed = _slotCount + keys;
        if (needed > _keys.Length)
        {
            Array.Resize(ref _keys, needed);
            Array.Resize(ref _postings, needed);
        }
    }

    /// <summary>
    /// Appends a key with its postings in one go (snapshot reload): no search per id, and the postings array is made
    /// at its final size. The ids must be ascending and distinct, and the key new.
    /// </summary>
    internal int AddSorted(TKey key, ReadOnlySpan<int> ascendingIds)
    {
        if (ascendingIds.Length == 0)
        {
            throw new ArgumentException("A key needs at least one posting.", nameof(ascendingIds));
        }
        if (_slotOf.ContainsKey(key))
        {
            throw new ArgumentException("The key is already present.", nameof(key));
        }
        var slot = NewSlot();
        _slotOf.Add(key, slot);
        _keys[slot] = key;
        _postings[slot] = Postings.FromSorted(ascendingIds);
        return slot;
    }

    private int NewSlot()
    {
        if (_freeSlots.TryPop(out var free))
        {
            return free;
        }
        if (_slotCount == _keys.Length)
        {
            var size = _keys.Length * 2;
            Array.Resize(ref _keys, size);
            Array.Resize(ref _postings, size);
        }
        return _slotCount++;
    }

    /// <summary>
    /// One key's ids. Most values occur once (a phone in one report), so a single id lives inline and costs no
    /// array; more ids live in a sorted growable array.
    /// </summary>
    private struct Postings
    {
        private int _count;
        private int _single;
        private int[]? _many;

        public readonly int Count => _count;

        public static Postings FromSorted(ReadOnlySpan<int> ids) => ids.Length == 1
            ? new Postings { _count = 1, _single = ids[0] }
            : new Postings { _count = ids.Length, _many = ids.ToArray() };

        /// <summary>Static over a reference into the slot array, so the single inline id is read in place, not copied.</summary>
        public static ReadOnlySpan<int> Span(ref Postings postings) => postings._count switch
        {
            0 => [],
            1 when postings._many is null => new ReadOnlySpan<int>(ref postings._single),
            _ => new ReadOnlySpan<int>(postings._many, 0, postings._count),
        };

        public void Add(int id)
        {
            if (_count == 0)
            {
                _single = id;
                _count = 1;
                return;
            }
            if (_many is null)
            {
                if (_single == id)
                {
                    return;
                }
                _many = _single < id ? [_single, id] : [id, _single];
                _count = 2;
                return;
            }
            var at = Array.BinarySearch(_many, 0, _count, id);
            if (at >= 0)
            {
                return;
            }
            at = ~at;
            if (_count == _many.Length)
            {
                Array.Resize(ref _many, _count * 2);
            }
            Array.Copy(_many, at, _many, at + 1, _count - at);
            _many[at] = id;
            _count++;
        }

        public bool Remove(int id)
        {
            if (_many is null)
            {
                if (_count == 1 && _single == id)
                {
                    _count = 0;
                    _single = 0;
                    return true;
                }
                return false;
            }
            var at = Array.BinarySearch(_many, 0, _count, id);
            if (at < 0)
            {
                return false;
            }
            Array.Copy(_many, at + 1, _many, at, _count - at - 1);
            _count--;
            if (_count == 1)
            {
                _single = _many[0];
                _many = null;
            }
            else if (_count * 4 <= _many.Length && _many.Length > 4)
            {
                // Give memory back after a burst (a switchboard number cleaned out of many reports).
                Array.Resize(ref _many, _many.Length / 2);
            }
            return true;
        }
    }
}
