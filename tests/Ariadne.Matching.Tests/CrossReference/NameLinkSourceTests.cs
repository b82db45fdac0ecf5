using Ariadne.Matching.CrossReference;
using Ariadne.Matching.Index;
using Ariadne.Matching.Names;
using static Ariadne.Matching.Tests.Index.IndexBuilders;

namespace Ariadne.Matching.Tests.CrossReference;

/// <summary>
/// Issue #11 item 5: the full cross-reference links reports through person names too, with the name index as the source
/// (NameLinkSource), only among the reports the viewer may see.
/// </summary>
public sealed class NameLinkSourceTests
{
    private static NameIndex Names(params (Guid Report, string Name)[] forms)
    {
        var index = new NameIndex();
        foreach (var (report, name) in forms)
        {
            index.Add(report.ToString("N"), name);
        }
        return index;
    }

    [Fact]
    public void Reports_naming_one_person_in_two_scripts_are_linked_once_with_the_reason()
    {
        using var names = Names(
            (Report(1), "Georgi Dimitrov"), (Report(1), "G. Dimitrov"),   // one report, two forms: no link with itself
            (Report(2), "ДИМИТРОВ Георги"),
            (Report(3), "Ivan Petrov"), (Report(4), "Maria Georgieva"));

        var link = Assert.Single(new NameLinkSource(names, 0.85).FindLinks(_ => true));

        Assert.Equal((Report(1), Report(2)), Ordered(link));
        Assert.True(link.Score >= 0.9, link.Explanation);
        Assert.Contains("transliterated", link.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_the_viewer_may_not_see_is_never_linked_nor_named()
    {
        using var names = Names((Report(1), "Georgi Dimitrov"), (Report(2), "Георги Димитров"), (Report(3), "Georgi Dimitrov"));

        var links = new NameLinkSource(names, 0.85).FindLinks(r => r != Report(3)).ToList();

        Assert.Equal([(Report(1), Report(2))], links.Select(Ordered));
    }

    [Fact]
    public void A_common_name_links_nothing_by_itself_judged_on_what_the_viewer_sees()
    {
        // Fifteen reports name an "Ivan Petrov": like a switchboard number, that is no link. A viewer who sees three of
        // them gets those three linked, and learns nothing of the twelve others.
        var petrovs = Enumerable.Range(10, 15).Select(Report).ToList();
        using var names = Names([.. petrovs.Select(r => (r, "Ivan Petrov")), (Report(1), "Georgi Dimitrov"), (Report(2), "Георги Димитров")]);

        var everything = new NameLinkSource(names, 0.85).FindLinks(_ => true).Select(Ordered).ToList();
        var three = petrovs.Take(3).ToHashSet();
        var some = new NameLinkSource(names, 0.85).FindLinks(three.Contains).Select(Ordered).ToList();

        Assert.Equal([(Report(1), Report(2))], everything);
        Assert.Equal(3, some.Count);
        Assert.All(some, pair => Assert.True(three.Contains(pair.Item1) && three.Contains(pair.Item2)));
    }

    [Fact]
    public void The_cross_reference_groups_reports_through_names_and_identifiers_together()
    {
        using var identifiers = new IdentifierIndex();
        identifiers.Add(Report(1), [Phone("+40721234567")]);
        identifiers.Add(Report(2), [Phone("+40721234567")]);
        identifiers.Add(Report(5), [Phone("+359888123456")]);
        using var names = Names((Report(2), "Mohammed Al-Tikriti"), (Report(3), "محمد التكريتي"), (Report(5), "Olena Shevchenko"));

        var result = CrossReferencer.Run(identifiers, new CrossReferenceOptions
        {
            MayView = _ => true, OverCorrelationThreshold = 100, Names = new NameLinkSource(names, 0.85),
        });

        var group = Assert.Single(result.Groups);
        Assert.Equal([Report(1), Report(2), Report(3)], group.Reports.Order());
        Assert.Equal((Report(2), Report(3)), Ordered(Assert.Single(group.NameLinks)));
    }

    private static (Guid, Guid) Ordered(NameLink link) =>
        link.First.CompareTo(link.Second) < 0 ? (link.First, link.Second) : (link.Second, link.First);
}
