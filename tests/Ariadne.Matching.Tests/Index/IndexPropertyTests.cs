using Ariadne.Matching.Identifiers;
using Ariadne.Matching.Index;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Ariadne.Matching.Tests.Index.IndexBuilders;

namespace Ariadne.Matching.Tests.Index;

/// <summary>
/// Issue #11 done-when: indexing then removing an entry leaves the index as before; and, for any history of adds and
/// removes, lookups equal a naive model and a snapshot round trip is exact.
/// </summary>
public sealed class IndexPropertyTests
{
    private const int Runs = 500;

    /// <summary>One step of a history: index <see cref="Report"/> with values, or remove it.</summary>
    public sealed record Step(bool IsAdd, int Report, IdentifierValue[] Values)
    {
        public override string ToString() => IsAdd ? $"add {Report} [{string.Join(", ", Values)}]" : $"remove {Report}";
    }

    // Few kinds, keys and reports, so values collide, postings grow and shrink, and numbers are freed and reused.
    private static readonly string[] s_keys = ["+40721234567", "RO:B123ABC", "a", "b", "c", "ё", "d@e.f"];
    private static readonly IdentifierKind[] s_kinds = [IdentifierKind.Phone, IdentifierKind.VehiclePlate, IdentifierKind.Email];

    private static readonly Gen<IdentifierValue> s_value =
        from kind in Gen.Elements(s_kinds)
        from key in Gen.Elements(s_keys)
        select new IdentifierValue(kind, key);

    private static readonly Gen<Step> s_step = Gen.OneOf(
        from report in Gen.Choose(0, 11)
        from values in s_value.ArrayOf()
        select new Step(true, report, values),
        from report in Gen.Choose(0, 11)
        select new Step(false, report, []));

    private static Arbitrary<Step[]> Histories() => s_step.ArrayOf().ToArbitrary();

    private static Arbitrary<(Step[] History, IdentifierValue[] Fresh)> HistoryAndFreshEntry() =>
        (from history in s_step.ArrayOf()
         from fresh in s_value.ArrayOf()
         select (history, fresh)).ToArbitrary();

    private static Dictionary<Guid, HashSet<IdentifierValue>> Apply(IdentifierIndex index, Step[] history)
    {
        var model = new Dictionary<Guid, HashSet<IdentifierValue>>();
        for (var i = 0; i < history.Length; i++)
        {
            var step = history[i];
            if (step.IsAdd)
            {
                index.Add(Report(step.Report), step.Values, changeSequence: i);
                if (step.Values.Length == 0)
                {
                    model.Remove(Report(step.Report));
                }
                else
                {
                    model[Report(step.Report)] = [.. step.Values];
                }
            }
            else
            {
                Assert.Equal(model.Remove(Report(step.Report)), index.Remove(Report(step.Report)));
            }
        }
        return model;
    }

    private static bool LookupsEqualTheModel(IdentifierIndex index, Dictionary<Guid, HashSet<IdentifierValue>> model)
    {
        foreach (var kind in Enum.GetValues<IdentifierKind>())
        {
            foreach (var key in s_keys)
            {
                var value = new IdentifierValue(kind, key);
                var expected = model.Where(e => e.Value.Contains(value)).Select(e => e.Key).Order();
                if (!index.Lookup(kind, key).Order().SequenceEqual(expected) || index.Count(kind, key) != expected.Count())
                {
                    return false;
                }
            }
        }
        return index.EntryCount == model.Count
            && index.ValueCount == model.Values.SelectMany(v => v).Distinct().Count()
            && model.All(e => index.ValuesOf(e.Key).ToHashSet().SetEquals(e.Value));
    }

    [Property(MaxTest = Runs)]
    public Property Lookups_after_any_history_equal_a_naive_model() =>
        Prop.ForAll(Histories(), history =>
        {
            using var index = new IdentifierIndex();
            var model = Apply(index, history);
            return LookupsEqualTheModel(index, model);
        });

    [Property(MaxTest = Runs)]
    public Property Indexing_then_removing_an_entry_leaves_the_snapshot_bytes_as_before() =>
        Prop.ForAll(HistoryAndFreshEntry(), input =>
        {
            using var index = new IdentifierIndex();
            Apply(index, input.History);
            var before = SnapshotBytes(index);

            index.Add(Report(500), input.Fresh, changeSequence: 999);
            index.Remove(Report(500));

            return before.AsSpan().SequenceEqual(SnapshotBytes(index));
        });

    [Property(MaxTest = Runs)]
    public Property A_snapshot_round_trip_gives_the_same_lookups_and_the_same_bytes() =>
        Prop.ForAll(Histories(), history =>
        {
            using var index = new IdentifierIndex();
            var model = Apply(index, history);
            index.AdvanceTo(history.Length);
            var bytes = SnapshotBytes(index);

            using var reloaded = Reload(bytes);

            return LookupsEqualTheModel(reloaded, model)
                && reloaded.ChangeSequence == history.Length
                && bytes.AsSpan().SequenceEqual(SnapshotBytes(reloaded));
        });

    [Property(MaxTest = Runs)]
    public Property A_reloaded_index_then_changed_still_equals_the_model() =>
        Prop.ForAll(HistoryAndFreshEntry(), input =>
        {
            using var index = new IdentifierIndex();
            var model = Apply(index, input.History);
            using var reloaded = Reload(SnapshotBytes(index));

            reloaded.Add(Report(3), input.Fresh);
            reloaded.Remove(Report(4));
            model.Remove(Report(4));
            model.Remove(Report(3));
            if (input.Fresh.Length > 0)
            {
                model[Report(3)] = [.. input.Fresh];
            }
            return LookupsEqualTheModel(reloaded, model);
        });
}
