using Ariadne.Matching.CrossReference;
using Ariadne.Matching.Identifiers;
using Ariadne.Matching.Index;
using static Ariadne.Matching.Tests.Index.IndexBuilders;

namespace Ariadne.Matching.Tests.CrossReference;

/// <summary>Issue #11 item 5: groups of reports sharing identifiers, evidence per link, per-viewer over-correlation, new links.</summary>
public sealed class CrossReferenceTests
{
    private static readonly Func<Guid, bool> s_seesEverything = _ => true;

    private static CrossReferenceResult Run(IdentifierIndex index, Func<Guid, bool>? mayView = null, int threshold = 100,
        long? changedAfter = null, INameLinkSource? names = null) =>
        CrossReferencer.Run(index, new CrossReferenceOptions
        {
            MayView = mayView ?? s_seesEverything,
            OverCorrelationThreshold = threshold,
            ChangedAfter = changedAfter,
            Names = names,
        });

    private static IEnumerable<Guid> EveryReportNamed(CrossReferenceResult result) =>
        result.Groups.SelectMany(g => g.Reports
            .Concat(g.SharedValues.SelectMany(v => v.Reports))
            .Concat(g.NameLinks.SelectMany(l => new[] { l.First, l.Second })))
        .Concat(result.NewSinceChangedAfter.SharedValues.SelectMany(v => v.NewReports.Concat(v.Link.Reports)));

    [Fact]
    public void A_phone_and_a_plate_chain_three_reports_from_different_units_into_one_group_with_both_as_evidence()
    {
        // INT-P2: the number on a scrap of paper in one report, the car in another.
        using var index = new IdentifierIndex();
        index.Add(Report(1), [PhoneNumberNormaliser.Normalise("0721 234 567", "RO")]);
        index.Add(Report(2), [PhoneNumberNormaliser.Normalise("+40-721-234-567", "BG"), VehiclePlateNormaliser.Normalise("СА 1234 АВ", "BG")]);
        index.Add(Report(3), [VehiclePlateNormaliser.Normalise("CA1234AB", "BG")]);
        index.Add(Report(4), [PhoneNumberNormaliser.Normalise("0721 999 999", "RO")]);

        var result = Run(index);

        var group = Assert.Single(result.Groups);
        Assert.Equal([Report(1), Report(2), Report(3)], group.Reports.Order());
        Assert.Equal(
            [(Phone("+40721234567"), new[] { Report(1), Report(2) }), (Plate("BG:CA1234AB"), new[] { Report(2), Report(3) })],
            group.SharedValues.Select(v => (v.Value, v.Reports.Order().ToArray())).OrderBy(v => v.Value.Kind));
        Assert.Empty(result.OverCorrelating);
    }

    [Fact]
    public void A_switchboard_number_is_flagged_and_links_nothing()
    {
        using var index = new IdentifierIndex();
        for (var i = 1; i <= 5; i++)
        {
            index.Add(Report(i), [Phone("+40213000000")]);
        }
        index.Add(Report(6), [Phone("+40213000000"), Email("ana@abv.bg")]);
        index.Add(Report(7), [Email("ana@abv.bg")]);

        var result = Run(index, threshold: 3);

        Assert.Equal([new OverCorrelatingValue(Phone("+40213000000"), 6)], result.OverCorrelating);
        var group = Assert.Single(result.Groups);
        Assert.Equal([Report(6), Report(7)], group.Reports.Order());
    }

    [Fact]
    public void Over_correlation_is_counted_over_what_the_viewer_sees_and_reveals_nothing_else()
    {
        using var index = new IdentifierIndex();
        for (var i = 1; i <= 6; i++)
        {
            index.Add(Report(i), [Phone("+40213000000")]);
        }

        var seesTwo = Run(index, mayView: r => r == Report(1) || r == Report(2), threshold: 3);
        var seesFour = Run(index, mayView: r => r.CompareTo(Report(5)) < 0, threshold: 3);
        var seesOne = Run(index, mayView: r => r == Report(1), threshold: 3);

        // Two visible reports: an ordinary link, no hint that four more exist.
        Assert.Empty(seesTwo.OverCorrelating);
        Assert.Equal([Report(1), Report(2)], Assert.Single(seesTwo.Groups).Reports.Order());
        Assert.Equal([Report(1), Report(2)], Assert.Single(Assert.Single(seesTwo.Groups).SharedValues).Reports.Order());
        // Four visible: flagged with the count of four, not six.
        Assert.Equal([new OverCorrelatingValue(Phone("+40213000000"), 4)], seesFour.OverCorrelating);
        Assert.Empty(seesFour.Groups);
        // One visible: the value does not appear at all.
        Assert.Empty(seesOne.OverCorrelating);
        Assert.Empty(seesOne.Groups);
    }

    [Fact]
    public void A_report_the_viewer_may_not_see_neither_appears_nor_bridges_two_that_they_may()
    {
        using var index = new IdentifierIndex();
        index.Add(Report(1), [Phone("+40721234567")]);
        index.Add(Report(2), [Phone("+40721234567"), Plate("BG:CA1234AB")]); // another organisation's, restricted
        index.Add(Report(3), [Plate("BG:CA1234AB")]);

        var result = Run(index, mayView: r => r != Report(2));

        Assert.Empty(result.Groups);
        Assert.DoesNotContain(Report(2), EveryReportNamed(result));
    }

    [Fact]
    public void Links_touching_reports_written_after_the_last_run_are_new()
    {
        using var index = new IdentifierIndex();
        index.Add(Report(1), [Phone("+40721234567")], changeSequence: 5);
        index.Add(Report(2), [Phone("+40721234567")], changeSequence: 6);
        index.Add(Report(3), [Iban("RO49AAAA1B31007593840000")], changeSequence: 7);
        index.Add(Report(4), [Iban("RO49AAAA1B31007593840000"), Phone("+40721234567")], changeSequence: 12);
        index.AdvanceTo(12);

        var result = Run(index, changedAfter: 10);

        Assert.Equal(12, result.ChangeSequence);
        Assert.Equal([Report(1), Report(2), Report(3), Report(4)], Assert.Single(result.Groups).Reports.Order());
        Assert.Equal(
            [(Phone("+40721234567"), Report(4)), (Iban("RO49AAAA1B31007593840000"), Report(4))],
            result.NewSinceChangedAfter.SharedValues.Select(v => (v.Link.Value, Assert.Single(v.NewReports))).OrderBy(v => v.Value.Kind));
        Assert.Equal(0, Run(index, changedAfter: 12).NewSinceChangedAfter.Count);
        Assert.Equal(0, Run(index).NewSinceChangedAfter.Count);
    }

    [Fact]
    public void A_reloaded_snapshot_still_tells_which_links_are_new()
    {
        // A host restarts from its snapshot; each report's change sequence survives, so "new since" still holds.
        using var index = new IdentifierIndex();
        index.Add(Report(1), [Phone("+40721234567")], changeSequence: 5);
        index.Add(Report(2), [Phone("+40721234567")], changeSequence: 20);
        index.AdvanceTo(20);
        using var reloaded = Reload(SnapshotBytes(index));

        var result = Run(reloaded, changedAfter: 10);

        Assert.Equal(20, result.ChangeSequence);
        Assert.Equal([Report(2)], Assert.Single(result.NewSinceChangedAfter.SharedValues).NewReports);
    }

    [Fact]
    public void Comparing_with_the_previous_run_gives_the_links_it_did_not_have()
    {
        using var index = new IdentifierIndex();
        index.Add(Report(1), [Phone("+40721234567")]);
        index.Add(Report(2), [Phone("+40721234567")]);
        index.Add(Report(3), [Plate("RO:B123ABC")]);
        var previous = Run(index);
        index.Add(Report(4), [Phone("+40721234567")]);
        index.Add(Report(5), [Plate("RO:B123ABC")]);

        var fresh = Run(index).NewSince(previous);

        Assert.Equal(
            [(Phone("+40721234567"), new[] { Report(4) }), (Plate("RO:B123ABC"), new[] { Report(3), Report(5) })],
            fresh.SharedValues.Select(v => (v.Link.Value, v.NewReports.Order().ToArray())).OrderBy(v => v.Value.Kind));
        Assert.Equal(0, Run(index).NewSince(Run(index)).Count);
    }

    private sealed class FixedNames(params NameLink[] links) : INameLinkSource
    {
        public IEnumerable<NameLink> FindLinks(Func<Guid, bool> mayView) => links; // deliberately ignores mayView
    }

    [Fact]
    public void Name_links_from_the_name_index_join_groups_even_for_reports_without_identifiers()
    {
        using var index = new IdentifierIndex();
        index.Add(Report(1), [Phone("+40721234567")]);
        index.Add(Report(2), [Phone("+40721234567")]);
        var dimitrov = new NameLink(Report(2), Report(9), 0.97, "Dimitrov ≈ Димитров, transliterated");

        var result = Run(index, changedAfter: 0, names: new FixedNames(dimitrov));

        var group = Assert.Single(result.Groups);
        Assert.Equal([Report(1), Report(2), Report(9)], group.Reports.Order());
        Assert.Equal([dimitrov], group.NameLinks);
    }

    [Fact]
    public void A_name_link_to_a_report_the_viewer_may_not_see_is_dropped_even_if_the_source_returns_it()
    {
        using var index = new IdentifierIndex();
        index.Add(Report(1), [Phone("+40721234567")]);
        var hidden = new NameLink(Report(1), Report(9), 0.97, "Dimitrov ≈ Димитров");

        var result = Run(index, mayView: r => r != Report(9), names: new FixedNames(hidden));

        Assert.Empty(result.Groups);
        Assert.DoesNotContain(Report(9), EveryReportNamed(result));
    }

    [Fact]
    public void A_threshold_below_two_is_refused()
    {
        using var index = new IdentifierIndex();
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(index, threshold: 1));
    }
}
