using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// A rare query token is also looked up as the index's tokens one edit away (ADR 0012, "Spellings one letter off"):
/// names-un asks for AHMAD ISLAM SANTOS as "Akmad Santos" and for HAMDULLAH SUNANI as "Sanani".
/// </summary>
public sealed class NearTokenTests
{
    private static string Word(int i) => MadeUpWords.Word(i);

    [Fact]
    public void A_spelling_one_letter_off_finds_the_person_among_a_crowd_that_shares_the_common_token()
    {
        // Forty others hold "Santos" with a shorter name, so they have fewer keys and win the tie among the candidates; the
        // person's "Ahmad" shares no key with "Akmad". The candidates are ten, as a hundred are among two million.
        using var index = new NameIndex(candidates: 10);
        for (var i = 0; i < 40; i++)
        {
            index.Add($"santos-{i:000}", $"{Word(i)} Santos");
        }
        index.Add("zz-person", "Ahmad Islam Santos");

        var hits = index.Search("Akmad Santos", 10);

        Assert.Equal("zz-person", hits[0].EntityId);
        Assert.Contains("Akmad", hits[0].Explanation, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_reloaded_snapshot_finds_the_near_spelling_too()
    {
        // The token-key filter is rebuilt as a snapshot is read; without it every near token would look absent.
        using var index = new NameIndex(candidates: 10);
        for (var i = 0; i < 40; i++)
        {
            index.Add($"santos-{i:000}", $"{Word(i)} Santos");
        }
        index.Add("zz-person", "Ahmad Islam Santos");
        using var snapshot = new MemoryStream();
        index.WriteSnapshot(snapshot);
        snapshot.Position = 0;

        using var reloaded = NameIndex.ReadSnapshot(snapshot, candidates: 10);

        Assert.Equal("zz-person", reloaded.Search("Akmad Santos", 10)[0].EntityId);
    }

    [Fact]
    public void The_filter_grows_with_the_index_and_still_answers_for_every_token()
    {
        // Past its first size (1,024 token keys) the filter is rebuilt larger: a token added early and one added late are
        // both still found one letter off.
        using var index = new NameIndex(candidates: 10);
        index.Add("early", "Ahmad Lomire");
        for (var i = 0; i < 3_000; i++)
        {
            index.Add($"filler-{i:0000}", $"{Word(i)}x{Word(i / 7)}");
        }
        index.Add("late", "Dorman Remisu");

        // Each pair is one consonant apart, so no key but the near token joins them.
        Assert.Contains(index.Search("Akmad", 10), h => h.EntityId == "early");
        Assert.Contains(index.Search("Dorkan", 10), h => h.EntityId == "late");
    }

    [Fact]
    public void A_rare_one_token_query_meets_the_token_one_vowel_away()
    {
        // "Sanani" has the consonants of every Sinan (snn); the person's "Sunani" is one letter off.
        using var index = new NameIndex(candidates: 10);
        for (var i = 0; i < 40; i++)
        {
            index.Add($"sinan-{i:000}", $"Sinan {Word(i)}");
        }
        index.Add("zz-person", "HAMDULLAH SUNANI");

        var hits = index.Search("Sanani", 10);

        Assert.Equal("zz-person", hits[0].EntityId);
    }

    [Fact]
    public void An_exact_match_keeps_its_whole_share_beside_a_near_spelling()
    {
        // The near token finds; it is not part of what the query asks for, so the exact form still scores 1.
        using var index = new NameIndex();
        index.Add("exact", "Akmad Santos");
        index.Add("near", "Ahmad Santos");
        for (var i = 0; i < 20; i++)
        {
            index.Add($"other-{i:000}", $"{Word(i)} {Word(i + 300)}");
        }

        var hits = index.Search("Akmad Santos", 10);

        Assert.Equal("exact", hits[0].EntityId);
        Assert.Equal(1.0, hits[0].Score);
        Assert.Equal("near", hits[1].EntityId);
        Assert.True(hits[1].Score < 1.0, hits[1].Explanation);
    }

    [Fact]
    public void A_common_query_token_is_not_widened()
    {
        // "Santos" is held by sixty entries: it is spelt as the index spells it, and "Sanos" (no key in common with it) is
        // not brought in by it. Widened, it would be.
        using var index = new NameIndex();
        for (var i = 0; i < 60; i++)
        {
            index.Add($"santos-{i:000}", $"{Word(i)} Santos");
        }
        index.Add("sanos", "Sanos Zebulo");

        var hits = index.Search("Santos", 100);

        Assert.Equal(60, hits.Count(h => h.EntityId.StartsWith("santos-", StringComparison.Ordinal)));
        Assert.DoesNotContain(hits, h => h.EntityId == "sanos");
    }

    [Fact]
    public void A_rare_query_token_is_widened_to_the_same_neighbour()
    {
        // The same pair as above with "Santos" rare: the neighbour is found.
        using var index = new NameIndex();
        index.Add("santos", "Lomire Santos");
        index.Add("sanos", "Sanos Zebulo");

        var hits = index.Search("Santos", 100);

        Assert.Contains(hits, h => h.EntityId == "sanos");
    }
}
