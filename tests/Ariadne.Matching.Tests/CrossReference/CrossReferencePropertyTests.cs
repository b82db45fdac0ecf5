using Ariadne.Matching.CrossReference;
using Ariadne.Matching.Identifiers;
using Ariadne.Matching.Index;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Ariadne.Matching.Tests.Index.IndexBuilders;

namespace Ariadne.Matching.Tests.CrossReference;

/// <summary>
/// The union-find run equals the obvious definition, computed the slow way: connected components of the graph whose
/// edges join every two visible reports sharing a value held by 2..threshold visible reports.
/// </summary>
public sealed class CrossReferencePropertyTests
{
    private const int Threshold = 3;

    public sealed record Case(IdentifierValue[][] Reports, bool[] Visible)
    {
        public override string ToString() =>
            string.Join("; ", Reports.Select((v, i) => $"{i}{(Visible[i] ? "" : " hidden")}: {string.Join(", ", v)}"));
    }

    private static Arbitrary<Case> Cases() =>
        (from count in Gen.Choose(0, 14)
         from reports in (from kind in Gen.Elements(IdentifierKind.Phone, IdentifierKind.Iban)
                          from key in Gen.Elements("a", "b", "c", "d", "e", "f", "g")
                          select new IdentifierValue(kind, key)).ArrayOf().ArrayOf(count)
         from visible in Gen.Elements(true, true, false).ArrayOf(count)
         select new Case(reports, visible)).ToArbitrary();

    private static HashSet<string> Components(Case c)
    {
        var n = c.Reports.Length;
        var edges = new List<(int, int)>();
        foreach (var value in c.Reports.SelectMany(r => r).Distinct())
        {
            var holders = Enumerable.Range(0, n).Where(i => c.Visible[i] && c.Reports[i].Contains(value)).ToList();
            if (holders.Count is >= 2 and <= Threshold)
            {
                edges.AddRange(from a in holders from b in holders where a < b select (a, b));
            }
        }
        var seen = new bool[n];
        var components = new HashSet<string>();
        for (var start = 0; start < n; start++)
        {
            if (seen[start] || !c.Visible[start])
            {
                continue;
            }
            var component = new List<int>();
            var pending = new Stack<int>([start]);
            seen[start] = true;
            while (pending.TryPop(out var at))
            {
                component.Add(at);
                foreach (var next in edges.Where(e => e.Item1 == at).Select(e => e.Item2)
                    .Concat(edges.Where(e => e.Item2 == at).Select(e => e.Item1)).Where(x => !seen[x]))
                {
                    seen[next] = true;
                    pending.Push(next);
                }
            }
            if (component.Count > 1)
            {
                components.Add(string.Join(",", component.Order()));
            }
        }
        return components;
    }

    [Property(MaxTest = 1_000)]
    public Property Groups_are_the_connected_components_of_the_visible_sharing_graph() =>
        Prop.ForAll(Cases(), c =>
        {
            using var index = new IdentifierIndex();
            for (var i = 0; i < c.Reports.Length; i++)
            {
                index.Add(Report(i), c.Reports[i]);
            }
            var visible = Enumerable.Range(0, c.Reports.Length).Where(i => c.Visible[i]).Select(Report).ToHashSet();

            var result = CrossReferencer.Run(index, new CrossReferenceOptions
            {
                MayView = visible.Contains,
                OverCorrelationThreshold = Threshold,
            });

            var groups = result.Groups
                .Select(g => string.Join(",", g.Reports.Select(r => r.ToByteArray()[0]).Select(b => (int)b).Order()))
                .ToHashSet();
            var evidenceInsideGroups = result.Groups.All(g => g.SharedValues.All(v =>
                v.Reports.Count is >= 2 and <= Threshold && v.Reports.All(g.Reports.Contains)));
            var onlyVisible = result.Groups.SelectMany(g => g.Reports).All(visible.Contains)
                && result.OverCorrelating.All(o => o.VisibleReports > Threshold);
            return groups.SetEquals(Components(c)) && evidenceInsideGroups && onlyVisible;
        });
}
