namespace Ariadne.Matching.CrossReference;

/// <summary>Two reports whose person names match, as the name index explains it ("Dimitrov ≈ Димитров, transliterated").</summary>
public sealed record NameLink(Guid First, Guid Second, double Score, string Explanation);

/// <summary>
/// Where name-similarity links come from (issue #11 item 5: groups that share identifiers <em>or names</em>). The
/// cross-reference does not match names itself; the name index plugs in here.
/// </summary>
public interface INameLinkSource
{
    /// <summary>
    /// Pairs of reports whose names match above the source's own threshold, among reports
    /// <paramref name="mayView"/> admits only. The cross-reference filters the pairs by the same predicate again:
    /// a report the viewer may not see must not join a group, even through a faulty source.
    /// </summary>
    IEnumerable<NameLink> FindLinks(Func<Guid, bool> mayView);
}
