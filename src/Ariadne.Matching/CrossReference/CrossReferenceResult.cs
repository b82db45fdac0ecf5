using Ariadne.Matching.Index;

namespace Ariadne.Matching.CrossReference;

/// <summary>Whose cross-reference this is and how it is bounded.</summary>
public sealed record CrossReferenceOptions
{
    /// <summary>
    /// The viewer's reach: only reports this admits take part, are counted or are named in the result. What a user may
    /// not see does not exist for them, and that includes how often a value occurs in reports they cannot see.
    /// </summary>
    public required Func<Guid, bool> MayView { get; init; }

    /// <summary>
    /// A value held by more than this many of the viewer's reports (a hotel's switchboard, <c>info@gmail.com</c>)
    /// links nothing and is flagged instead: it would merge unrelated reports into one meaningless group.
    /// </summary>
    public int OverCorrelationThreshold { get; init; } = 100;

    /// <summary>The change sequence of the previous run, if any: links touching reports written after it are "new".</summary>
    public long? ChangedAfter { get; init; }

    /// <summary>Name-similarity links, from the name index; none when not set.</summary>
    public INameLinkSource? Names { get; init; }
}

/// <summary>A value shared by two or more of the viewer's reports: the evidence for a link, no pairs enumerated.</summary>
public sealed record SharedValue(IdentifierValue Value, IReadOnlyList<Guid> Reports);

/// <summary>
/// A value too common among the viewer's reports to mean anything; <see cref="VisibleReports"/> counts only reports the
/// viewer may see, so the figure reveals nothing about anyone else's.
/// </summary>
public sealed record OverCorrelatingValue(IdentifierValue Value, int VisibleReports);

/// <summary>Reports connected through shared values and name links (transitively), with every piece of evidence.</summary>
public sealed record ReportGroup(IReadOnlyList<Guid> Reports, IReadOnlyList<SharedValue> SharedValues, IReadOnlyList<NameLink> NameLinks);

/// <summary>A shared value that gained reports: <see cref="NewReports"/> are those that were not linked through it before.</summary>
public sealed record NewSharedValue(SharedValue Link, IReadOnlyList<Guid> NewReports);

/// <summary>What an analyst has not seen yet.</summary>
public sealed record NewLinks(IReadOnlyList<NewSharedValue> SharedValues, IReadOnlyList<NameLink> NameLinks)
{
    public int Count => SharedValues.Count + NameLinks.Count;
}

/// <summary>One viewer's full cross-reference (issue #11 item 5).</summary>
/// <param name="Groups">Largest first.</param>
/// <param name="OverCorrelating">Values flagged for this viewer, which linked nothing.</param>
/// <param name="NewSinceChangedAfter">Links touching reports written after <see cref="CrossReferenceOptions.ChangedAfter"/>; empty when it was not given.</param>
/// <param name="ChangeSequence">The index's change sequence when it ran: the next run's <see cref="CrossReferenceOptions.ChangedAfter"/>.</param>
public sealed record CrossReferenceResult(
    IReadOnlyList<ReportGroup> Groups,
    IReadOnlyList<OverCorrelatingValue> OverCorrelating,
    NewLinks NewSinceChangedAfter,
    long ChangeSequence)
{
    /// <summary>
    /// The links in this result that <paramref name="previous"/> did not have: a value now shared by reports it did not
    /// link before, or a name link not made before. Both results must be for the same viewer.
    /// </summary>
    public NewLinks NewSince(CrossReferenceResult previous)
    {
        var before = new Dictionary<IdentifierValue, HashSet<Guid>>();
        foreach (var shared in previous.Groups.SelectMany(g => g.SharedValues))
        {
            before[shared.Value] = [.. shared.Reports];
        }
        var pairsBefore = previous.Groups.SelectMany(g => g.NameLinks).Select(Pair).ToHashSet();
        var values = new List<NewSharedValue>();
        foreach (var shared in Groups.SelectMany(g => g.SharedValues))
        {
            var added = before.TryGetValue(shared.Value, out var known)
                ? shared.Reports.Where(r => !known.Contains(r)).ToList()
                : [.. shared.Reports];
            if (added.Count > 0)
            {
                values.Add(new NewSharedValue(shared, added));
            }
        }
        var names = Groups.SelectMany(g => g.NameLinks).Where(l => !pairsBefore.Contains(Pair(l))).ToList();
        return new NewLinks(values, names);
    }

    private static (Guid, Guid) Pair(NameLink link) =>
        link.First.CompareTo(link.Second) <= 0 ? (link.First, link.Second) : (link.Second, link.First);
}
