using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Ariadne.Matching.Names;

/// <summary>
/// A Bloom filter over the name index's token keys: "certainly not a key" from one or two cache lines. Looking up a rare
/// query token's one-edit neighbours (NameIndex.NearTokens) asks for about 55 strings per letter of the token, nearly
/// all absent; asked of the index's dictionary of two million keys, each was a cache miss, and together they cost
/// 0.3 ms a query at 2 M rows (ADR 0012). Eight bits a key and two probes: about one absent string in twenty gets
/// through to the dictionary. Keys are never taken out (a removed key's bits only send an asking string on to the
/// dictionary, which answers no); the owner builds a larger filter when this one is full.
/// </summary>
internal sealed class TokenKeyFilter
{
    private const int BitsPerKey = 8;

    private readonly ulong[] _words;
    private readonly ulong _mask;
    private readonly int _capacity;
    private int _count;

    /// <param name="capacity">Keys the filter is sized for; at least 1,024.</param>
    public TokenKeyFilter(int capacity)
    {
        var bits = (ulong)BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, 1024) * BitsPerKey);
        _words = new ulong[bits / 64];
        _mask = bits - 1;
        _capacity = (int)(bits / BitsPerKey);
    }

    /// <summary>Adds a key; false, and nothing added, when the filter is full.</summary>
    public bool TryAdd(ReadOnlySpan<char> key)
    {
        if (_count >= _capacity)
        {
            return false;
        }
        var hash = Hash(key);
        Set(hash);
        Set(hash >> 32);
        _count++;
        return true;
    }

    /// <summary>False when the key was certainly never added.</summary>
    public bool MayContain(ReadOnlySpan<char> key)
    {
        var hash = Hash(key);
        return IsSet(hash) && IsSet(hash >> 32);
    }

    private static ulong Hash(ReadOnlySpan<char> key) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(key));

    private void Set(ulong hash)
    {
        var bit = hash & _mask;
        _words[bit >> 6] |= 1UL << (int)(bit & 63);
    }

    private bool IsSet(ulong hash)
    {
        var bit = hash & _mask;
        return (_words[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
    }
}
