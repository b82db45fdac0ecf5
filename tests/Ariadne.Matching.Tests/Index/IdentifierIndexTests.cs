using Ariadne.Matching.Identifiers;
using Ariadne.Matching.Index;
using static Ariadne.Matching.Tests.Index.IndexBuilders;

namespace Ariadne.Matching.Tests.Index;

/// <summary>Issue #11 item 4: exact identifiers to the reports holding them (INT-P2: the number on a scrap of paper).</summary>
public sealed class IdentifierIndexTests
{
    [Fact]
    public void A_phone_written_two_ways_by_two_units_finds_both_reports()
    {
        using var index = new IdentifierIndex();
        index.Add(Report(1), [PhoneNumberNormaliser.Normalise("0721 234 567", "RO")]);
        index.Add(Report(2), [PhoneNumberNormaliser.Normalise("0040-721-234-567", "BG")]);

        Assert.Equal([Report(1), Report(2)], index.Lookup(IdentifierKind.Phone, "+40721234567"));
        Assert.Empty(index.Lookup(IdentifierKind.Email, "+40721234567")); // the kind is part of the key
    }

    [Fact]
    public void Changed_after_lists_the_live_entries_changed_after_a_sequence_and_no_removed_one()
    {
        using var index = new IdentifierIndex();
        index.Add(Report(1), [Phone("+40721234567")], changeSequence: 3);
        index.Add(Report(2), [Phone("+40721234567")], changeSequence: 5);
        index.Add(Report(3), [Plate("RO:B123ABC")], changeSequence: 7);
        index.Add(Report(1), [Phone("+40721234567")], changeSequence: 8); // re-indexed: changed again
        index.Remove(Report(3));

        Assert.Equal([Report(1), Report(2)], index.ChangedAfter(4).Order());
        Assert.Equal([Report(1)], index.ChangedAfter(5));
        Assert.Empty(index.ChangedAfter(8));
    }

    [Fact]
    public void Values_that_could_not_be_normalised_are_not_indexed()
    {
        using var index = new IdentifierIndex();
        index.Add(Report(1), [IbanNormaliser.Normalise("RO49 AAAA 1B31 0075 9384 0001"), EmailNormaliser.Normalise("ana@abv.bg")]);

        Assert.Equal([new IdentifierValue(IdentifierKind.Email, "ana@abv.bg")], index.ValuesOf(Report(1)));
        Assert.Equal(1, index.ValueCount);
    }

    [Fact]
    public void Indexing_a_report_again_replaces_its_values()
    {
        using var index = new IdentifierIndex();
        index.Add(Report(1), [Phone("+40721234567"), Plate("RO:B123ABC")]);
        index.Add(Report(1), [Plate("RO:B123ABC"), Passport("PASSPORT:BG:382917465")]);

        Assert.Empty(index.Lookup(IdentifierKind.Phone, "+40721234567"));
        Assert.Equal([Report(1)], index.Lookup(IdentifierKind.VehiclePlate, "RO:B123ABC"));
        Assert.Equal([Report(1)], index.Lookup(IdentifierKind.TravelDocument, "PASSPORT:BG:382917465"));
        Assert.Equal(1, index.EntryCount);
        Assert.Equal(2, index.ValueCount);
    }

    [Fact]
    public void Removing_a_report_forgets_values_only_it_held_and_keeps_shared_ones()
    {
        using var index = new IdentifierIndex();
        index.Add(Report(1), [Phone("+40721234567"), Iban("RO49AAAA1B31007593840000")]);
        index.Add(Report(2), [Phone("+40721234567")]);

        Assert.True(index.Remove(Report(1)));
        Assert.False(index.Remove(Report(1)));

        Assert.Equal([Report(2)], index.Lookup(IdentifierKind.Phone, "+40721234567"));
        Assert.Empty(index.Lookup(IdentifierKind.Iban, "RO49AAAA1B31007593840000"));
        Assert.Equal(1, index.ValueCount);
        Assert.Equal(1, index.EntryCount);
    }

    [Fact]
    public void A_value_repeated_in_one_report_counts_once()
    {
        using var index = new IdentifierIndex();
        index.Add(Report(1), [Phone("+40721234567"), Phone("+40721234567")]);

        Assert.Equal(1, index.Count(IdentifierKind.Phone, "+40721234567"));
        Assert.Single(index.ValuesOf(Report(1)));
        Assert.True(index.Remove(Report(1)));
        Assert.Equal(0, index.ValueCount);
    }

    [Fact]
    public void Unknown_values_kinds_and_empty_keys_find_nothing_and_do_not_throw()
    {
        using var index = new IdentifierIndex();
        index.Add(Report(1), [Phone("+40721234567")]);

        Assert.Empty(index.Lookup(IdentifierKind.Phone, "+40721234568"));
        Assert.Empty(index.Lookup((IdentifierKind)99, "+40721234567"));
        Assert.Empty(index.Lookup(IdentifierKind.Phone, ""));
        Assert.Equal(0, index.Count((IdentifierKind)(-1), "x"));
    }

    [Fact]
    public void A_bad_value_is_refused_before_anything_changes()
    {
        using var index = new IdentifierIndex();
        index.Add(Report(1), [Phone("+40721234567")]);

        Assert.Throws<ArgumentException>(() => index.Add(Report(1), [Plate("RO:B123ABC"), Phone("")]));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Add(Report(1), [new IdentifierValue((IdentifierKind)42, "x")]));

        Assert.Equal([Phone("+40721234567")], index.ValuesOf(Report(1)));
        Assert.Empty(index.Lookup(IdentifierKind.VehiclePlate, "RO:B123ABC"));
    }

    [Fact]
    public void The_change_sequence_only_moves_forward()
    {
        using var index = new IdentifierIndex();
        index.AdvanceTo(41);
        index.AdvanceTo(41);

        Assert.Throws<ArgumentOutOfRangeException>(() => index.AdvanceTo(40));
        Assert.Equal(41, index.ChangeSequence);
    }

    [Fact]
    public async Task Two_readers_see_untouched_values_whole_while_a_writer_adds_and_removes()
    {
        using var index = new IdentifierIndex();
        var stable = Enumerable.Range(0, 50).Select(Report).ToArray();
        foreach (var report in stable)
        {
            index.Add(report, [Phone("+40721234567"), Plate("RO:B" + report.GetHashCode() + "ABC")]);
        }
        var failures = 0;
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var churn = Report(1000 + i % 300);
                index.Add(churn, [Phone("+4072100" + (i % 97)), Email(i % 13 + "@churn.ro")]);
                if (i % 3 == 0)
                {
                    index.Remove(Report(1000 + (i * 7) % 300));
                }
            }
        });
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var found = index.Lookup(IdentifierKind.Phone, "+40721234567");
                if (!found.SequenceEqual(stable))
                {
                    Interlocked.Increment(ref failures);
                }
                index.Lookup(IdentifierKind.Phone, "+4072100" + (i % 97));
            }
        })).ToArray();
        await Task.WhenAll([writer, .. readers]);

        Assert.Equal(0, failures);
        Assert.Equal(stable, index.Lookup(IdentifierKind.Phone, "+40721234567"));
    }
}
