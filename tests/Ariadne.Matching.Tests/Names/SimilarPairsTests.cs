using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// Issue #11 item 5 (full cross-reference with names, 1,000,000 reports in 60 s): the pass that pairs forms within the
/// index's keys (blocking) finds what searching every form among every entry sharing a key finds, with the same scorer,
/// threshold, viewer and common-name rule.
/// </summary>
public sealed class SimilarPairsTests
{
    private static readonly string[] s_given =
    [
        "Ivan", "Georgi", "Maria", "Olena", "Mohammed", "Yusuf", "Andreea", "Chinedu", "Dmytro", "Nguyen", "Ahmad", "Fatima",
        "Иван", "Георги", "Мария", "Олена", "محمد", "يوسف", "فاطمة", "أسامة", "Usama", "Elena", "Jelena", "Katarina",
    ];

    private static readonly string[] s_family =
    [
        "Petrov", "Dimitrov", "Ivanova", "Shevchenko", "Ali", "Hassan", "Popescu", "Okafor", "Kovalenko", "Minh", "Tikriti",
        "Петров", "Димитров", "Иванова", "Шевченко", "علي", "حسن", "التكريتي", "Horvat", "Kovac", "Novak", "Markovic",
        "Jovanovic", "Nikolaidis", "Papadopoulos", "Haddad", "Khalil", "Mansour", "Nasser", "Saleh",
    ];

    /// <summary>A few thousand names: recurring ones (common names), typing slips, other orders and scripts.</summary>
    private static List<(string Id, string Name)> Generated(int count, int seed)
    {
        var random = new Random(seed);
        var names = new List<(string, string)>(count);
        for (var i = 0; i < count; i++)
        {
            var given = s_given[random.Next(s_given.Length)];
            var family = s_family[random.Next(s_family.Length)];
            var name = random.Next(5) switch
            {
                0 => $"{family} {given}",
                1 => $"{given} {s_given[random.Next(s_given.Length)]} {family}",
                2 => Slip(random, $"{given} {family}"),
                _ => $"{given} {family}",
            };
            names.Add(($"r{i:D5}", name));
        }
        return names;

        static string Slip(Random random, string name)
        {
            var at = random.Next(1, name.Length);
            return name[at] == ' ' ? name : name.Remove(at, 1);
        }
    }

    private static NameIndex Index(IEnumerable<(string Id, string Name)> names)
    {
        var index = new NameIndex();
        foreach (var (id, name) in names)
        {
            index.Add(id, name);
        }
        return index;
    }

    private static List<(string, string, double)> Pairs(IEnumerable<(string First, string Second, double Score, string Explanation)> pairs) =>
        pairs.Select(p => (p.First, p.Second, p.Score)).ToList();

    [Theory]
    [InlineData(2_000, 1, 10)]
    [InlineData(3_000, 2, 10)]
    [InlineData(3_000, 3, 3)]
    public void Blocking_finds_the_pairs_that_searching_every_form_finds(int count, int seed, int commonAbove)
    {
        using var index = Index(Generated(count, seed));

        // The reference: each form searched among every entry sharing one of its keys (no candidate bound). The pass's own
        // key of token starts finds more (the test below), so it is left out here.
        var searched = Pairs(index.SimilarPairsBySearch(_ => true, 0.85, candidates: count, commonAbove));
        var blocked = Pairs(index.SimilarPairs(_ => true, 0.85, commonAbove, from: null, blockAbove: int.MaxValue, byTokenStarts: false));

        Assert.NotEmpty(searched);
        Assert.Equal(searched, blocked);
    }

    [Fact]
    public void Blocking_finds_the_same_pairs_for_a_viewer_who_sees_part_and_for_new_reports_only()
    {
        var names = Generated(2_500, 4);
        using var index = Index(names);
        var seen = names.Where((_, i) => i % 3 != 0).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var recent = names.Skip(2_200).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);

        var searched = Pairs(index.SimilarPairsBySearch(seen.Contains, 0.85, candidates: names.Count, commonAbove: 10));
        var blocked = Pairs(index.SimilarPairs(seen.Contains, 0.85, 10, from: null, blockAbove: int.MaxValue, byTokenStarts: false));
        var searchedRecent = Pairs(index.SimilarPairsBySearch(_ => true, 0.85, candidates: names.Count, commonAbove: int.MaxValue, from: recent.Contains));
        var blockedRecent = Pairs(index.SimilarPairs(_ => true, 0.85, int.MaxValue, from: recent.Contains, blockAbove: int.MaxValue, byTokenStarts: false));

        Assert.Equal(searched, blocked);
        Assert.All(blocked, p => Assert.True(seen.Contains(p.Item1) && seen.Contains(p.Item2)));
        Assert.NotEmpty(searchedRecent);
        Assert.Equal(searchedRecent, blockedRecent);
        Assert.All(blockedRecent, p => Assert.True(recent.Contains(p.Item1) || recent.Contains(p.Item2)));
    }

    [Fact]
    public void A_common_name_links_nothing_but_a_rare_variant_of_it_still_links_to_it()
    {
        // Twelve "Ivan Petrov": each is alike to eleven others, more than ten, so none links to another. "Ivan Petrovski"
        // is alike to none of them (a longer name), and "Georgi Dimitrov" to its Cyrillic form only.
        var names = Enumerable.Range(0, 12).Select(i => ($"p{i:D2}", "Ivan Petrov"))
            .Append(("g1", "Georgi Dimitrov")).Append(("g2", "Георги Димитров")).ToList();
        using var index = Index(names);

        var pairs = index.SimilarPairs(_ => true, 0.85).Select(p => (p.First, p.Second)).ToList();
        // A viewer who sees three of them gets those three linked: the names they cannot see do not make it common.
        var three = new HashSet<string>(["p00", "p01", "p02"], StringComparer.Ordinal);
        var theirs = index.SimilarPairs(three.Contains, 0.85).Select(p => (p.First, p.Second)).ToList();

        Assert.Equal([("g1", "g2")], pairs);
        Assert.Equal([("p00", "p01"), ("p00", "p02"), ("p01", "p02")], theirs);
    }

    [Fact]
    public void A_common_name_still_links_to_the_same_name_written_otherwise_unless_that_is_common_too()
    {
        // Andreea Mari Popescu is alike to twelve other Andreea … Popescu, so it is common; the report that writes the same
        // three names family name first is still its link, and the twelve, common too and none the same name, link nothing.
        string[] middle = ["Maria", "Marie", "Marin", "Mariana", "Marina", "Maris", "Marius", "Mara", "Mary", "Marica", "Marieta", "Marilena"];
        var names = middle.Select((m, i) => ($"v{i:D2}", $"Andreea {m} Popescu"))
            .Append(("a", "Andreea Mari Popescu")).Append(("b", "POPESCU ANDREEA MARI")).ToList();
        using var index = Index(names);

        var blocked = index.SimilarPairs(_ => true, 0.85).Select(p => (p.First, p.Second)).ToList();
        var searched = index.SimilarPairsBySearch(_ => true, 0.85, candidates: names.Count, commonAbove: 10)
            .Select(p => (p.First, p.Second)).ToList();

        Assert.Equal([("a", "b")], blocked);
        Assert.Equal(blocked, searched);
    }

    [Fact]
    public void An_Arabic_form_and_its_letter_by_letter_reading_are_paired_though_every_key_they_share_is_crowded()
    {
        // آية ريم عارف and AnyAscii's ayh rym `rf share the consonants r-m-r-f, and so do sixty Rami Raouf; آية and ayh have
        // none. Only the letters with ي and و kept (ConsonantSkeleton.LetterByLetterKey) pair them.
        var names = Enumerable.Range(0, 60).Select(i => ($"r{i:D2}", "Rami Raouf"))
            .Append(("a", "آية ريم عارف")).Append(("b", "ayh rym `rf")).ToList();
        using var index = Index(names);

        var pairs = index.SimilarPairs(_ => true, 0.85).Select(p => (p.First, p.Second)).ToList();

        Assert.Equal([("a", "b")], pairs);
    }

    [Theory]
    [InlineData("آية ريم عارف", Script.Arabic, "y rym rf")]
    [InlineData("ayh rym rf", Script.Latin, "y rym rf")]
    [InlineData("سهيل يونس", Script.Arabic, "syl ywns")]
    [InlineData("shyl ywns", Script.Latin, "syl ywns")]
    // Each word's final h left out: ة, and the ح a reading cannot tell from it.
    [InlineData("فاطمة صلاح أمجد", Script.Arabic, "ftm sl mjd")]
    [InlineData("ftmh slh mjd", Script.Latin, "ftm sl mjd")]
    // A vowelled spelling is not a letter-by-letter reading; one word has its skeleton key.
    [InlineData("rami raouf", Script.Latin, null)]
    [InlineData("suhail yunus", Script.Latin, null)]
    [InlineData("محمد", Script.Arabic, null)]
    public void A_letter_by_letter_reading_keeps_the_long_vowels_where_they_stand(string folded, Script script, string? expected)
    {
        Assert.Equal(expected, ConsonantSkeleton.LetterByLetterKey(folded, script));
    }

    [Fact]
    public void A_key_held_by_more_forms_than_the_block_bound_pairs_nobody_through_it()
    {
        // Every form shares the key of "Ivan"; the pairs alike through it are found below the bound and not above it.
        var names = Enumerable.Range(0, 6).Select(i => ($"i{i}", "Ivan")).ToList();
        using var index = Index(names);

        Assert.Equal(15, index.SimilarPairs(_ => true, 0.85, int.MaxValue, null, blockAbove: 6).Count);
        Assert.Empty(index.SimilarPairs(_ => true, 0.85, int.MaxValue, null, blockAbove: 5));
    }

    [Fact]
    public void Another_order_of_the_same_tokens_is_paired_though_every_key_they_share_is_crowded()
    {
        // Sixty others hold each of the keys the two forms share (maria, julia, ivanova, their consonants and starts, the
        // consonants of "maria julia"), more than the block bound of 50: only the key of token starts pairs them.
        var names = new List<(string, string)> { ("a", "Maria Julia Ivanova"), ("b", "IVANOVA MARIA JULIA") };
        for (var i = 0; i < 60; i++)
        {
            var other = (char)('a' + i % 26) + ((char)('a' + i / 26)).ToString();
            names.Add(($"m{i}", $"Maria Julia Ko{other}lenko"));
            names.Add(($"i{i}", $"Ivanova Ra{other}"));
            names.Add(($"j{i}", $"Julia Sta{other}"));
        }
        using var index = Index(names);

        var withStarts = index.SimilarPairs(_ => true, 0.85, int.MaxValue, null, blockAbove: 50);
        var keysOnly = index.SimilarPairs(_ => true, 0.85, int.MaxValue, null, blockAbove: 50, byTokenStarts: false);

        Assert.Contains(withStarts, p => (p.First, p.Second) == ("a", "b"));
        Assert.DoesNotContain(keysOnly, p => (p.First, p.Second) == ("a", "b"));
    }

    [Fact]
    public void An_empty_index_pairs_nobody()
    {
        using var index = new NameIndex();

        Assert.Empty(index.SimilarPairs(_ => true, 0.85));
        Assert.Empty(index.SimilarPairs(_ => true, 0.85, from: _ => true));
    }
}
