using Ariadne.Matching.Names;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ariadne.Matching.Tests.Names;

/// <summary>The Bloom filter in front of the name index's token keys (ADR 0012, "Spellings one letter off").</summary>
public sealed class TokenKeyFilterTests
{
    [Property(MaxTest = 200)]
    public Property A_key_added_is_always_said_to_be_there() =>
        Prop.ForAll(Gen.Elements("ta", "tmuktar", "tsunani", "tахмед", "t", "tx").ArrayOf().ToArbitrary(),
            ArbMap.Default.ArbFor<NonEmptyString>(), (common, other) =>
            {
                var filter = new TokenKeyFilter(0);
                var keys = common.Append("t" + other.Get).ToArray();
                foreach (var key in keys)
                {
                    filter.TryAdd(key);
                }
                return keys.All(key => filter.MayContain(key));
            });

    [Fact]
    public void A_filter_sized_for_its_keys_lets_few_absent_keys_through()
    {
        // Eight bits a key, two probes: about 5 % of absent strings get through to the dictionary when the filter is full.
        var filter = new TokenKeyFilter(10_000);
        var added = 0;
        while (filter.TryAdd($"tname{added}"))
        {
            added++;
        }
        var through = Enumerable.Range(0, 20_000).Count(i => filter.MayContain($"tabsent{i}"));

        Assert.InRange(added, 10_000, 20_000);
        Assert.InRange(through, 1, 20_000 / 10);
        Assert.All(Enumerable.Range(0, added), i => Assert.True(filter.MayContain($"tname{i}")));
    }

    [Fact]
    public void A_full_filter_refuses_the_next_key_and_keeps_the_others()
    {
        var filter = new TokenKeyFilter(0);
        var added = 0;
        while (filter.TryAdd($"t{added}"))
        {
            added++;
        }

        Assert.Equal(1_024, added);
        Assert.False(filter.TryAdd("tone-more"));
        Assert.True(filter.MayContain("t0"));
    }
}
