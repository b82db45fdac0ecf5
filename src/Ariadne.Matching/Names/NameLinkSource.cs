using Ariadne.Matching.CrossReference;

namespace Ariadne.Matching.Names;

/// <summary>
/// The name index as the full cross-reference's source of name links (issue #11 item 5: groups that share identifiers
/// <em>or names</em>): reports whose person names match at or above a name score, among the reports the viewer may see.
/// The index's entities are report ids written as 32 hex digits (<c>Guid.ToString("N")</c>), as the host writes them.
/// A common name — alike to more than <c>commonAbove</c> reports the viewer sees — links nothing by itself, but to the
/// same name written otherwise while no more than <c>commonAbove</c> give it exactly (NameIndex.SameName).
/// </summary>
public sealed class NameLinkSource(NameIndex names, double minimumNameScore, int commonAbove = 10) : INameLinkSource
{
    public IEnumerable<NameLink> FindLinks(Func<Guid, bool> mayView)
    {
        ArgumentNullException.ThrowIfNull(mayView);
        // An entity that is not a report id is nobody's report: never admitted.
        bool Admits(string entity) => Guid.TryParseExact(entity, "N", out var report) && mayView(report);
        return names.SimilarPairs(Admits, minimumNameScore, commonAbove)
            .Select(p => new NameLink(Guid.ParseExact(p.First, "N"), Guid.ParseExact(p.Second, "N"), p.Score, p.Explanation));
    }
}
