using System.Buffers.Binary;
using System.IO.Hashing;
using Ariadne.Matching.Identifiers;
using Ariadne.Matching.Index;
using static Ariadne.Matching.Tests.Index.IndexBuilders;

namespace Ariadne.Matching.Tests.Index;

/// <summary>Issue #11 item 4: snapshot and reload; a damaged or foreign file is refused whole, with a reason.</summary>
public sealed class SnapshotTests
{
    private static IdentifierIndex ASmallIndex()
    {
        var index = new IdentifierIndex();
        index.Add(Report(1), [Phone("+40721234567"), Plate("RO:B123ABC")], changeSequence: 10);
        index.Add(Report(2), [Phone("+40721234567"), Passport("PASSPORT:BG:382917465")], changeSequence: 11);
        index.Add(Report(3), [Email("ивана@пример.бг"), Iban("RO49AAAA1B31007593840000")], changeSequence: 12);
        index.Add(Report(4), [Plate("BG:CA1234AB")], changeSequence: 13);
        index.Remove(Report(4)); // a freed number must not show in the file
        index.AdvanceTo(13);
        return index;
    }

    [Fact]
    public void A_reloaded_index_answers_as_the_original_and_keeps_the_change_sequence()
    {
        using var original = ASmallIndex();
        using var reloaded = Reload(SnapshotBytes(original));

        Assert.Equal(13, reloaded.ChangeSequence);
        Assert.Equal(3, reloaded.EntryCount);
        Assert.Equal(original.ValueCount, reloaded.ValueCount);
        Assert.Equal([Report(1), Report(2)], reloaded.Lookup(IdentifierKind.Phone, "+40721234567"));
        Assert.Equal([Report(3)], reloaded.Lookup(IdentifierKind.Email, "ивана@пример.бг"));
        Assert.Empty(reloaded.Lookup(IdentifierKind.VehiclePlate, "BG:CA1234AB"));
        Assert.Equal(original.ValuesOf(Report(2)).ToHashSet(), reloaded.ValuesOf(Report(2)).ToHashSet());
    }

    [Fact]
    public void A_reloaded_index_can_be_changed_like_any_other()
    {
        using var reloaded = Reload(SnapshotBytes(ASmallIndex()));
        reloaded.Remove(Report(1));
        reloaded.Add(Report(5), [Phone("+40721234567")]);

        Assert.Equal(new[] { Report(5), Report(2) }.Order(), reloaded.Lookup(IdentifierKind.Phone, "+40721234567").Order());
        Assert.Empty(reloaded.Lookup(IdentifierKind.VehiclePlate, "RO:B123ABC"));
    }

    [Fact]
    public void A_file_is_written_whole_and_read_back()
    {
        var path = Path.Combine(Path.GetTempPath(), "ariadne-snapshot-" + Guid.NewGuid() + ".idx");
        try
        {
            using var original = ASmallIndex();
            IdentifierSnapshot.WriteFile(original, path);
            IdentifierSnapshot.WriteFile(original, path); // over an existing one

            var result = IdentifierSnapshot.ReadFile(path);

            using var reloaded = Assert.IsType<SnapshotLoaded>(result).Index;
            Assert.Equal(SnapshotBytes(original), SnapshotBytes(reloaded));
            Assert.False(File.Exists(path + ".writing"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_path()
    {
        var result = IdentifierSnapshot.ReadFile("/nonexistent/ariadne.idx");
        Assert.Contains("/nonexistent/ariadne.idx", Assert.IsType<SnapshotRefused>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_file_is_refused_as_not_a_snapshot()
    {
        Assert.Contains("not an Ariadne identifier snapshot", Refusal("PK\u0003\u0004 a zip file, not ours"u8.ToArray()), StringComparison.Ordinal);
        Assert.Contains("not an Ariadne identifier snapshot", Refusal([]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_of_another_format_version_is_refused_and_says_to_rebuild()
    {
        var bytes = SnapshotBytes(ASmallIndex());
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), IdentifierSnapshot.FormatVersion + 1);

        var reason = Refusal(bytes);

        Assert.Contains($"format version {IdentifierSnapshot.FormatVersion + 1}", reason, StringComparison.Ordinal);
        Assert.Contains("Rebuild", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_flipped_bit_is_refused_by_the_checksum()
    {
        var good = SnapshotBytes(ASmallIndex());
        for (var at = 20; at < good.Length; at++) // after magic and version, which have their own reasons
        {
            var bytes = (byte[])good.Clone();
            bytes[at] ^= 0x10;
            Assert.Contains("checksum", Refusal(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_truncated_snapshot_is_refused()
    {
        var good = SnapshotBytes(ASmallIndex());
        foreach (var length in new[] { 19, 20, 40, good.Length / 2, good.Length - 1 })
        {
            Assert.IsType<SnapshotRefused>(Read(good[..length]));
        }
    }

    [Fact]
    public void Contents_that_pass_the_checksum_but_do_not_add_up_are_refused_not_half_loaded()
    {
        // A postings gap of 0 (the same report twice) re-sealed with a valid checksum: only the content checks catch it.
        // Payment cards are the last kind written, so the second report's gap is the last byte before the checksum.
        var card = new IdentifierValue(IdentifierKind.PaymentCard, "4111111111111111");
        using var index = new IdentifierIndex();
        index.Add(Report(1), [card]);
        index.Add(Report(2), [card]);
        var bytes = SnapshotBytes(index);
        var gap = bytes.Length - 8 - 1;
        Assert.Equal(1, bytes[gap]);
        bytes[gap] = 0;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(bytes.Length - 8), XxHash3.HashToUInt64(bytes.AsSpan(0, bytes.Length - 8)));

        Assert.Contains("inconsistent", Refusal(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_stored_twice_is_refused_even_under_a_valid_checksum()
    {
        // Two keys "+1" and "+2" in one kind; the second rewritten to "+1" and re-sealed: a duplicate key.
        using var index = new IdentifierIndex();
        index.Add(Report(1), [new IdentifierValue(IdentifierKind.PaymentCard, "+1")]);
        index.Add(Report(2), [new IdentifierValue(IdentifierKind.PaymentCard, "+2")]);
        var bytes = SnapshotBytes(index);
        var second = bytes.AsSpan(0, bytes.Length - 8).LastIndexOf("+2"u8);
        bytes[second + 1] = (byte)'1';
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(bytes.Length - 8), XxHash3.HashToUInt64(bytes.AsSpan(0, bytes.Length - 8)));

        Assert.Contains("inconsistent", Refusal(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_index_round_trips()
    {
        using var empty = new IdentifierIndex();
        using var reloaded = Reload(SnapshotBytes(empty));
        Assert.Equal(0, reloaded.EntryCount);
        Assert.Equal(SnapshotBytes(empty), SnapshotBytes(reloaded));
    }

    private static SnapshotReadResult Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return IdentifierSnapshot.Read(stream);
    }

    private static string Refusal(byte[] bytes) => Assert.IsType<SnapshotRefused>(Read(bytes)).Reason;
}
