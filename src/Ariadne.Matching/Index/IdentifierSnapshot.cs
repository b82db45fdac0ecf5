using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;
using Ariadne.Matching.Identifiers;

namespace Ariadne.Matching.Index;

/// <summary>What reading a snapshot gave: an index ready to use, or why none was made.</summary>
public abstract record SnapshotReadResult;

/// <summary>A whole, verified index. The caller owns (and disposes) it.</summary>
public sealed record SnapshotLoaded(IdentifierIndex Index) : SnapshotReadResult;

/// <summary>The snapshot was not used; <see cref="Reason"/> says why, for the host's log (rebuild from the database).</summary>
public sealed record SnapshotRefused(string Reason) : SnapshotReadResult;

/// <summary>
/// The identifier index on disk, so a host restarts in seconds instead of re-reading every report (issue #11 item 4).
/// </summary>
/// <remarks>
/// Layout (little-endian; "varint" is LEB128 as <see cref="BinaryWriter.Write7BitEncodedInt64"/> writes it):
/// <code>
/// "ARIADIDX"  u32 format version  i64 change sequence
/// varint entries; per entry: 16-byte id, varint change sequence, varint value count
/// per kind in enum order: u8 kind, varint keys; per key: varint UTF-8 length, UTF-8 bytes,
///                         varint postings, first entry number, then gaps (≥ 1) as varints
/// u64 XxHash3 of every byte before it
/// </code>
/// Entry numbers are renumbered densely on writing, in internal order, so the bytes depend only on what the index
/// holds: an index and the same index after adding and removing an entry write the same bytes. Reading checks the
/// checksum over the whole file before parsing anything, then checks every count and number while building a new
/// index; any fault refuses the file whole. A file is written beside its target and renamed over it, so a crash
/// mid-write leaves the previous snapshot.
/// </remarks>
public static class IdentifierSnapshot
{
    public const uint FormatVersion = 1;
    private static readonly byte[] s_magic = "ARIADIDX"u8.ToArray();
    private const int HeaderLength = 8 + 4 + 8;
    private const int ChecksumLength = 8;

    /// <summary>Writes the index as it is now (readers may continue; writers wait).</summary>
    public static void Write(IdentifierIndex index, Stream stream) => index.Read(() =>
    {
        WriteLocked(index, stream);
        return 0;
    });

    /// <summary>Writes to <paramref name="path"/> through a temporary file renamed over it.</summary>
    public static void WriteFile(IdentifierIndex index, string path)
    {
        var temporary = path + ".writing";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            Write(index, file);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static SnapshotReadResult ReadFile(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SnapshotRefused($"The snapshot {path} cannot be read: {e.Message}");
        }
    }

    public static SnapshotReadResult Read(Stream stream)
    {
        byte[] bytes;
        try
        {
            bytes = ReadAll(stream);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or InvalidDataException)
        {
            return new SnapshotRefused("The snapshot cannot be read: " + e.Message);
        }
        if (bytes.Length < HeaderLength + ChecksumLength || !bytes.AsSpan(0, 8).SequenceEqual(s_magic))
        {
            return new SnapshotRefused("This is not an Ariadne identifier snapshot (its first bytes are not \"ARIADIDX\").");
        }
        var version = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        if (version != FormatVersion)
        {
            return new SnapshotRefused(
                $"The snapshot is in format version {version}; this build reads version {FormatVersion}. Rebuild the index from the database.");
        }
        var body = bytes.AsSpan(0, bytes.Length - ChecksumLength);
        var stored = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(bytes.Length - ChecksumLength));
        if (XxHash3.HashToUInt64(body) != stored)
        {
            return new SnapshotRefused("The snapshot's checksum does not match its contents: the file is damaged or truncated.");
        }
        IdentifierIndex? index = null;
        try
        {
            index = Parse(body);
            return new SnapshotLoaded(index);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or OverflowException or FormatException)
        {
            // Only reached by a file whose checksum was made over bad contents (a bug or a forgery), never half-used.
            index?.Dispose();
            return new SnapshotRefused("The snapshot is inconsistent: " + e.Message);
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        if (stream.CanSeek)
        {
            var length = stream.Length - stream.Position;
            if (length > Array.MaxLength)
            {
                throw new InvalidDataException("The snapshot is larger than one array; partition the index by key.");
            }
            var bytes = new byte[length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    // Runs once per process with one long loop: optimised at once rather than started in unoptimised tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteLocked(IdentifierIndex index, Stream stream)
    {
        using var writer = new ChunkWriter(stream);
        writer.Bytes(s_magic);
        writer.UInt32(FormatVersion);
        writer.Int64(index.ChangeSequenceUnlocked);

        // Dense numbers for live entries, in internal order, so the bytes do not depend on freed numbers.
        var dense = new int[index.EntrySlots];
        var live = 0;
        for (var number = 0; number < index.EntrySlots; number++)
        {
            dense[number] = index.IsLiveEntry(number) ? live++ : -1;
        }
        writer.VarInt(live);
        for (var number = 0; number < index.EntrySlots; number++)
        {
            if (dense[number] >= 0)
            {
                writer.Guid(index.EntryAt(number));
                writer.VarInt(index.SequenceAt(number));
                writer.VarInt(index.ValueCountAt(number));
            }
        }
        for (var kind = 0; kind < IdentifierIndex.KindCount; kind++)
        {
            var store = index.Store((IdentifierKind)kind);
            writer.Byte((byte)kind);
            writer.VarInt(store.KeyCount);
            for (var slot = 0; slot < store.SlotCount; slot++)
            {
                var postings = store.PostingsAt(slot);
                if (postings.IsEmpty)
                {
                    continue;
                }
                writer.String(store.KeyAt(slot));
                writer.VarInt(postings.Length);
                var previous = -1;
                foreach (var number in postings)
                {
                    var mapped = dense[number];
                    writer.VarInt(previous < 0 ? mapped : mapped - previous);
                    previous = mapped;
                }
            }
        }
        writer.FinishWithChecksum();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IdentifierIndex Parse(ReadOnlySpan<byte> body)
    {
        var reader = new SpanReader(body) { Position = 8 + 4 };
        var changeSequence = reader.Int64();
        var entries = reader.Count();
        var index = new IdentifierIndex(entries, null);
        try
        {
            for (var i = 0; i < entries; i++)
            {
                var id = reader.Guid();
                var sequence = reader.VarInt64();
                var values = reader.Count();
                if (values == 0)
                {
                    throw new InvalidDataException("An entry without values was stored.");
                }
                index.LoadEntry(id, sequence, values);
            }
            var filled = new int[entries];
            var scratch = new int[16]; // one buffer for every key's postings: a single id is stored inline, never as an array
            for (var kind = 0; kind < IdentifierIndex.KindCount; kind++)
            {
                if (reader.Byte() != kind)
                {
                    throw new InvalidDataException($"Kind {(IdentifierKind)kind} was expected next.");
                }
                var keys = reader.Count();
                index.Store((IdentifierKind)kind).EnsureCapacity(keys);
                for (var k = 0; k < keys; k++)
                {
                    var key = reader.String();
                    var count = reader.Count();
                    if (count == 0 || count > entries)
                    {
                        throw new InvalidDataException($"The value \"{key}\" has {count} postings for {entries} entries.");
                    }
                    if (scratch.Length < count)
                    {
                        scratch = new int[Math.Max(count, scratch.Length * 2)];
                    }
                    var numbers = scratch.AsSpan(0, count);
                    var previous = -1;
                    for (var p = 0; p < count; p++)
                    {
                        var step = reader.VarInt64();
                        var number = previous < 0 ? step : previous + step;
                        if ((p > 0 && step < 1) || number < 0 || number >= entries)
                        {
                            throw new InvalidDataException($"The postings of \"{key}\" are out of order or out of range.");
                        }
                        numbers[p] = (int)number;
                        previous = (int)number;
                    }
                    index.LoadValue((IdentifierKind)kind, key, numbers, filled);
                }
            }
            if (reader.Position != body.Length)
            {
                throw new InvalidDataException("Bytes follow the last kind.");
            }
            index.FinishLoad(filled, changeSequence);
            return index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>Buffers writes in 1 MiB chunks and hashes each chunk as it leaves, so the checksum costs one pass.</summary>
    private sealed class ChunkWriter(Stream stream) : IDisposable
    {
        private readonly byte[] _buffer = new byte[1 << 20];
        private readonly XxHash3 _hash = new();
        private int _used;

        public void Byte(byte value)
        {
            Reserve(1);
            _buffer[_used++] = value;
        }

        public void Bytes(ReadOnlySpan<byte> value)
        {
            Reserve(value.Length);
            value.CopyTo(_buffer.AsSpan(_used));
            _used += value.Length;
        }

        public void UInt32(uint value)
        {
            Reserve(4);
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_used), value);
            _used += 4;
        }

        public void Int64(long value)
        {
            Reserve(8);
            BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_used), value);
            _used += 8;
        }

        public void VarInt(long value)
        {
            Reserve(10);
            var v = (ulong)value;
            while (v >= 0x80)
            {
                _buffer[_used++] = (byte)(v | 0x80);
                v >>= 7;
            }
            _buffer[_used++] = (byte)v;
        }

        public void Guid(Guid value)
        {
            Reserve(16);
            value.TryWriteBytes(_buffer.AsSpan(_used));
            _used += 16;
        }

        public void String(string value)
        {
            var length = Encoding.UTF8.GetByteCount(value);
            VarInt(length);
            if (length > _buffer.Length)
            {
                Flush();
                var bytes = Encoding.UTF8.GetBytes(value);
                _hash.Append(bytes);
                stream.Write(bytes);
                return;
            }
            Reserve(length);
            _used += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used));
        }

        public void FinishWithChecksum()
        {
            Flush();
            Span<byte> checksum = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(checksum, _hash.GetCurrentHashAsUInt64());
            stream.Write(checksum);
        }

        public void Dispose()
        {
        }

        private void Reserve(int bytes)
        {
            if (_used + bytes > _buffer.Length)
            {
                Flush();
            }
        }

        private void Flush()
        {
            _hash.Append(_buffer.AsSpan(0, _used));
            stream.Write(_buffer, 0, _used);
            _used = 0;
        }
    }

    /// <summary>Reads the verified bytes; running off the end is a fault like any other, never an exception leak.</summary>
    private ref struct SpanReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        public int Position;

        public byte Byte() => Position < _bytes.Length ? _bytes[Position++] : throw Truncated();

        public long Int64()
        {
            var value = BinaryPrimitives.ReadInt64LittleEndian(Take(8));
            return value;
        }

        public Guid Guid() => new(Take(16));

        public long VarInt64()
        {
            ulong result = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Byte();
                result |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return (long)result;
                }
            }
            throw new InvalidDataException("A number is longer than 64 bits.");
        }

        /// <summary>A count of items still to come: each takes at least a byte, so a count beyond the bytes left is a fault.</summary>
        public int Count()
        {
            var count = VarInt64();
            if (count < 0 || count > _bytes.Length - Position)
            {
                throw new InvalidDataException($"A count of {count} does not fit in the {_bytes.Length - Position} bytes left.");
            }
            return (int)count;
        }

        public string String()
        {
            var length = Count();
            if (length == 0)
            {
                throw new InvalidDataException("An empty key was stored.");
            }
            return Encoding.UTF8.GetString(Take(length));
        }

        private ReadOnlySpan<byte> Take(int length)
        {
            if (length > _bytes.Length - Position)
            {
                throw Truncated();
            }
            var span = _bytes.Slice(Position, length);
            Position += length;
            return span;
        }

        private static InvalidDataException Truncated() => new("The snapshot ends too early.");
    }
}
