using Ariadne.Matching.Names;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ariadne.Matching.Tests.Names;

/// <summary>Issue #11: indexing then removing an entry leaves the index as before.</summary>
public sealed class NameIndexPropertyTests
{
    private static readonly string[] s_tokens =
    [
        "Ivan", "Petrov", "Иван", "Петров", "Mohammed", "محمد", "عبد", "الله", "Παπαδόπουλος", "王伟", "김정은", "ישראל",
        "देव", "Müller", "G.", "al", "bin", "Dimitrov", "Димитров", "Dr", "O'Brien", "-", "x",
    ];

    private static Arbitrary<string> Name() =>
        Gen.Elements(s_tokens).ArrayOf().Select(tokens => string.Join(' ', tokens)).ToArbitrary();

    private static Arbitrary<(string Id, string Name)[]> Entries() =>
        Gen.Elements("a", "b", "c", "d").Zip(Name().Generator).ArrayOf().Select(a => a.Select(p => (p.Item1, p.Item2)).ToArray())
            .ToArbitrary();

    private static byte[] Snapshot(NameIndex index)
    {
        using var stream = new MemoryStream();
        index.WriteSnapshot(stream);
        return stream.ToArray();
    }

    [Property(MaxTest = 300)]
    public Property Adding_then_removing_a_name_leaves_the_index_as_before() =>
        Prop.ForAll(Entries(), Name(), (entries, name) =>
        {
            using var index = new NameIndex();
            foreach (var (id, n) in entries)
            {
                index.Add(id, n);
            }
            var before = Snapshot(index);
            var answersBefore = index.Search(name).Select(h => h.EntityId).ToArray();

            var added = index.Add("new", name);
            var removed = index.Remove("new");

            return (removed == (added ? 1 : 0))
                .And(Snapshot(index).AsSpan().SequenceEqual(before))
                .And(index.Search(name).Select(h => h.EntityId).SequenceEqual(answersBefore));
        });

    [Property(MaxTest = 300)]
    public Property An_added_name_is_found_by_itself() =>
        Prop.ForAll(Entries(), Name(), (entries, name) =>
        {
            using var index = new NameIndex();
            foreach (var (id, n) in entries)
            {
                index.Add(id, n);
            }
            var added = index.Add("new", name);
            // Every form with letters is findable by itself: it scores 1 against itself, the best any entity can.
            return !added || !NameComparison.Readings(name).Any() || index.Search(name, 100).Any(h => h.EntityId == "new");
        });
}
