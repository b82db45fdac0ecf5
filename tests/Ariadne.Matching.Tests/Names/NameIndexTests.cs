using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>The person-name index (issue #11 items 3 and 4; ADR 0012): add, search, remove, scripts, snapshot.</summary>
public sealed class NameIndexTests
{
    /// <summary>Other people in the index, in several scripts, so that a test finds one person among many.</summary>
    private static readonly (string Id, string Name)[] s_others =
    [
        ("o-1", "Ivan Petrov"), ("o-2", "Иван Петров"), ("o-3", "Maria Georgieva"), ("o-4", "Mohammed Ali Hassan"),
        ("o-5", "Ahmad Shah Massoud"), ("o-6", "Γιώργος Νικολάου"), ("o-7", "Dimitra Papadaki"), ("o-8", "David Cohen"),
        ("o-9", "דוד כהן"), ("o-10", "王伟"), ("o-11", "Li Qiang"), ("o-12", "박지성"), ("o-13", "Park Ji-sung"),
        ("o-14", "Rahul Sharma"), ("o-15", "राहुल शर्मा"), ("o-16", "佐藤健"), ("o-17", "Jean Dupont"),
        ("o-18", "José García López"), ("o-19", "Anna Kowalska"), ("o-20", "Ömer Yılmaz"), ("o-21", "Dimitar Ivanov"),
        ("o-22", "Mahmoud Abbas"), ("o-23", "عمر البشير"), ("o-24", "Nikos Papas"), ("o-25", "Olena Shevchenko"),
    ];

    private static NameIndex WithOthers(params (string Id, string Name)[] people)
    {
        var index = new NameIndex();
        foreach (var (id, name) in s_others.Concat(people))
        {
            index.Add(id, name);
        }
        return index;
    }

    private static int RankOf(NameIndex index, string query, string id)
    {
        var hits = index.Search(query, 10);
        for (var i = 0; i < hits.Count; i++)
        {
            if (hits[i].EntityId == id)
            {
                return i + 1;
            }
        }
        return 0;
    }

    [Fact]
    public void A_name_added_is_found_first_and_removed_is_gone()
    {
        using var index = WithOthers(("p-1", "Georgi Dimitrov"));

        Assert.Equal("p-1", index.Search("Georgi Dimitrov")[0].EntityId);
        Assert.Equal(1.0, index.Search("Georgi Dimitrov")[0].Score);

        Assert.Equal(1, index.Remove("p-1"));
        Assert.DoesNotContain(index.Search("Georgi Dimitrov"), h => h.EntityId == "p-1");
        Assert.Equal(0, index.Remove("p-1"));
    }

    [Fact]
    public void One_name_form_can_be_removed_and_the_others_stay()
    {
        using var index = WithOthers(("p-1", "Georgi Dimitrov"), ("p-1", "Георги Димитров"));

        Assert.True(index.Remove("p-1", "Georgi Dimitrov"));

        var hit = index.Search("Georgi Dimitrov")[0];
        Assert.Equal("p-1", hit.EntityId);
        Assert.Equal("Георги Димитров", hit.Name);
        Assert.False(index.Remove("p-1", "Georgi Dimitrov"));
    }

    [Fact]
    public void Answers_are_distinct_entities_best_form_first()
    {
        using var index = WithOthers(("p-1", "Georgi Dimitrov"), ("p-1", "Georgi Mihailov Dimitrov"), ("p-1", "Георги Димитров"));

        var hits = index.Search("Georgi Dimitrov", 10);

        Assert.Single(hits, h => h.EntityId == "p-1");
        Assert.Equal("Georgi Dimitrov", hits[0].Name);
        Assert.True(index.Search("Ivan", 3).Count <= 3);
    }

    [Theory]
    [InlineData("Dimitrov Georgi")]           // family name first
    [InlineData("DIMITROV, Georgi")]          // as on a list
    [InlineData("G. Dimitrov")]               // initial
    [InlineData("Mr Georgi Dimitrov")]        // honorific
    [InlineData("Georgi Dimitrov")]
    public void Token_order_initials_and_honorifics_do_not_hide_a_person(string query)
    {
        using var index = WithOthers(("p-1", "Georgi Dimitrov"));

        Assert.Equal("p-1", index.Search(query)[0].EntityId);
    }

    [Theory]
    // Cyrillic, by the Bulgarian and Russian passport schemes
    [InlineData("Георги Димитров", "Georgi Dimitrov")]
    [InlineData("Христо Стоичков", "Hristo Stoichkov")]
    [InlineData("Дмитрий Медведев", "Dmitriy Medvedev")]
    // Arabic written without vowels meets each vowelled Latin spelling
    [InlineData("محمد عبد الله", "Mohammed Abdullah")]
    [InlineData("محمد عبد الله", "Muhammad Abdallah")]
    [InlineData("محمد عبد الله", "Mohamed Abdalla")]
    [InlineData("عبدالرحمن", "Abdul Rahman")]
    // Greek by ELOT 743
    [InlineData("Παπαδόπουλος Κωνσταντίνος", "Konstantinos Papadopoulos")]
    // Hebrew
    [InlineData("ישראל כץ", "Israel Katz")]
    // Hangul, family name first, given name joined or apart
    [InlineData("김정은", "Kim Jong Un")]
    // Han by pinyin
    [InlineData("习近平", "Xi Jinping")]
    [InlineData("習近平", "Xi Jinping")]
    // Devanagari
    [InlineData("देव आनंद", "Dev Anand")]
    // Kana
    [InlineData("スズキ イチロー", "Suzuki Ichiro")]
    // Latin with and without diacritics
    [InlineData("Đorđe Balašević", "Djordje Balasevic")]
    [InlineData("Müller Jürgen", "Jurgen Muller")]
    public void A_form_in_one_script_finds_the_person_indexed_in_another(string indexed, string query)
    {
        using var index = WithOthers(("p-1", indexed));
        using var reverse = WithOthers(("p-1", query));

        Assert.InRange(RankOf(index, query, "p-1"), 1, 3);
        Assert.InRange(RankOf(reverse, indexed, "p-1"), 1, 3);
    }

    [Fact]
    public void A_Cyrillic_query_scores_its_exact_Latin_reading_as_exact_whatever_else_the_index_holds()
    {
        // Христо is read hristo (Bulgarian) and khristo (Russian). Another person indexed under the Russian reading
        // must not lower the score of the Bulgarian reading's exact match: the share of rare keys is measured per
        // reading (ADR 0012), not against the keys of every reading at once.
        var index = WithOthers(("p-1", "Hristo Stoichkov"), ("p-2", "Khristo Stoychkov"), ("p-3", "Khristo Stoichkov"));

        var hit = index.Search("Христо Стоичков", top: 3).Single(h => h.EntityId == "p-1");

        Assert.Equal(1.0, hit.NameScore);
        Assert.True(hit.Score >= 0.95, $"{hit.Score}: {hit.Explanation}");
    }

    [Fact]
    public void Among_entries_that_share_the_same_keys_of_a_query_the_shorter_form_is_scored_not_the_one_indexed_first()
    {
        // Three hundred holders of one surname, each with two given names, indexed before the one person listed by
        // surname and a single given name. All share exactly the query's keys, so their retrieval scores tie; only 100
        // candidates are scored. Cut by the order of indexing, the late report was never scored, although the scorer puts
        // it first (one token missing of two, against two of three); cut by the entry's own length, it is.
        var syllables = new[] { "ka", "lo", "mi", "re", "su", "na", "vo", "di", "ze", "bu" };
        string Word(int i) => syllables[i % 10] + syllables[i / 10 % 10] + syllables[i / 100 % 10];
        using var index = new NameIndex();
        for (var i = 0; i < 300; i++)
        {
            index.Add($"crowd-{i:000}", $"Petrov {Word(i)} {Word(i + 317)}");
        }
        index.Add("late", "Petrov Ivo");
        using var snapshot = new MemoryStream();
        index.WriteSnapshot(snapshot);
        snapshot.Position = 0;
        using var reloaded = NameIndex.ReadSnapshot(snapshot);

        Assert.Equal(1, RankOf(index, "Petrov", "late"));
        // A snapshot holds no key counts: the reload counts them from the postings, and must tie-break the same way.
        Assert.Equal(1, RankOf(reloaded, "Petrov", "late"));
    }

    [Fact]
    public void A_person_whose_aliases_hold_the_query_tokens_between_them_comes_before_crowds_that_hold_one()
    {
        // names-un lists MOHAMMAD ZAHID also as Jan Agha Ahmadzai, and is asked for as "Zahid Ahmadzai". Each form holds one
        // of the two tokens, as does each of 90 others; counted form by form, the person ties with the crowd and, answers
        // of equal score going by id, comes after it (hence the id). Counted over the person's names, the keys are all there.
        var syllables = new[] { "ka", "lo", "mi", "re", "su", "na", "vo", "di", "ze", "bu" };
        string Word(int i) => syllables[i % 10] + syllables[i / 10 % 10] + syllables[i / 100 % 10];
        using var index = new NameIndex();
        for (var i = 0; i < 45; i++)
        {
            index.Add($"zahid-{i:000}", $"{Word(i)} Zahid");
            index.Add($"ahmadzai-{i:000}", $"{Word(i + 401)} {Word(i + 613)} Ahmadzai");
        }
        index.Add("zz-aliases", "MOHAMMAD ZAHID");
        index.Add("zz-aliases", "Jan Agha Ahmadzai");

        var hits = index.Search("Zahid Ahmadzai", 10);

        Assert.Equal("zz-aliases", hits[0].EntityId);
        Assert.Contains("rare keys in common 1.00 with the person's other names", hits[0].Explanation, StringComparison.Ordinal);
        // The name score is still the best single form's: one token of two.
        Assert.True(hits[0].NameScore < 0.7, hits[0].Explanation);
    }

    [Fact]
    public void A_form_holding_only_common_tokens_of_the_query_is_found_while_its_rare_token_finds_few()
    {
        // Aliyev and Karimov are each held by 5,100 forms, more than a frequent key's 5,000. "Rustam" finds 260, enough
        // for the frequent keys to be walked (260 · 20 > 5,100) and too few to stop them bringing in new forms (fifty per
        // candidate): the one form that holds both common tokens and no Rustam is among the answers.
        var syllables = new[] { "lo", "mi", "re", "su", "vo", "di", "ze", "bu", "pe", "ti" };
        string Word(int i) => syllables[i % 10] + syllables[i / 10 % 10] + syllables[i / 100 % 10] + syllables[i / 1000 % 10];
        using var index = new NameIndex(candidates: 300);
        for (var i = 0; i < 5_100; i++)
        {
            index.Add($"aliyev-{i:0000}", $"{Word(i)} Aliyev");
            index.Add($"karimov-{i:0000}", $"{Word(i)} Karimov");
        }
        for (var i = 0; i < 260; i++)
        {
            index.Add($"rustam-{i:000}", $"Rustam {Word(i + 7_000)}");
        }
        // In the other order, so that no key of two adjacent tokens joined (NameKeys) is shared with the query.
        index.Add("both", "Karimov Aliyev");

        var hits = index.Search("Rustam Aliyev Karimov", 10);

        Assert.Contains(hits, h => h.EntityId == "both");
    }

    [Fact]
    public void A_key_held_by_several_aliases_of_one_person_counts_once()
    {
        // Many aliases sharing one common token must not add up: a person known as Abu Bakr, Abu Omar and Abu Ali holds
        // "abu" once, as does the one known only as Abu Bakr; for "Abu Hamza" neither holds more of the query than the other.
        using var index = new NameIndex();
        index.Add("many", "Abu Bakr");
        index.Add("many", "Abu Omar");
        index.Add("many", "Abu Ali");
        index.Add("one", "Abu Bakr");
        // Others, so that "hamza" is a key the index holds and "abu" alone is not the whole query.
        index.Add("other-1", "Hamza Yusuf");
        index.Add("other-2", "Yusuf Karim");

        var hits = index.Search("Abu Hamza", 10);

        Assert.Equal(hits.Single(h => h.EntityId == "one").Score, hits.Single(h => h.EntityId == "many").Score);
    }

    [Fact]
    public void A_caller_that_filters_answers_can_widen_the_search_until_filtered_out_names_no_longer_crowd_the_kept_ones()
    {
        // A check applies access after the search (issue 12: hidden hits never crowd out visible ones). 500 people of one
        // name the asker may not see, and one the asker may: the default bound of 100 candidates says it was truncated,
        // and widening while too few answers pass the filter reaches the one that does.
        var index = new NameIndex();
        for (var i = 0; i < 500; i++)
        {
            index.Add($"hidden-{i:000}", "Ivan Petrov");
        }
        index.Add("visible", "Ivan Petrov");
        static bool Visible(NameHit hit) => hit.EntityId == "visible";

        var first = index.SearchWide("Иван Петров", NameIndex.DefaultCandidates);
        var kept = first.Hits.Where(Visible).ToList();
        var cap = NameIndex.DefaultCandidates;
        var search = first;
        while (search.Truncated && kept.Count < NameIndex.DefaultCandidates)
        {
            cap *= 10;
            search = index.SearchWide("Иван Петров", cap);
            kept = search.Hits.Where(Visible).ToList();
        }

        Assert.True(first.Truncated);
        Assert.Equal(NameIndex.DefaultCandidates, first.Hits.Count);
        Assert.False(search.Truncated);
        Assert.Equal(501, search.Hits.Count);
        Assert.Equal("visible", Assert.Single(kept).EntityId);
        Assert.Equal(1.0, kept[0].NameScore);
    }

    [Fact]
    public void Every_answer_says_why()
    {
        using var index = WithOthers(("p-1", "Димитров Георги"));

        var hit = index.Search("Georgi Dimitrov")[0];

        Assert.Equal("p-1", hit.EntityId);
        Assert.Contains("dimitrov = димитров", hit.Explanation, StringComparison.Ordinal);
        Assert.Contains("transliterated (Bulgarian)", hit.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_breaks_a_tie_between_two_people_of_one_name_and_is_explained()
    {
        using var index = new NameIndex();
        index.Add("p-1", "Ivan Petrov", new NameEvidence(new DateOnly(1970, 1, 1), "BG", "M"));
        index.Add("p-2", "Ivan Petrov", new NameEvidence(new DateOnly(1985, 5, 5), "BG", "M"));

        var hits = index.Search("Ivan Petrov", 10, new NameEvidence(new DateOnly(1985, 5, 5)));

        Assert.Equal("p-2", hits[0].EntityId);
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.Contains("date of birth the same (1985-05-05 / 1985-05-05)", hits[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("date of birth differs", hits[1].Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("---")]
    [InlineData(null)]
    public void A_query_without_letters_finds_nobody_and_does_not_throw(string? query)
    {
        using var index = WithOthers();

        Assert.Empty(index.Search(query));
    }

    [Fact]
    public void A_snapshot_reloads_to_the_same_answers_and_the_same_bytes()
    {
        using var index = WithOthers(("p-1", "Georgi Dimitrov"), ("p-1", "Георги Димитров"));
        index.Add("p-2", "Ivan Petrov", new NameEvidence(new DateOnly(1970, 1, 1), "BG", "M"));
        index.Remove("o-4");
        using var first = new MemoryStream();
        index.WriteSnapshot(first);

        first.Position = 0;
        using var reloaded = NameIndex.ReadSnapshot(first);
        using var second = new MemoryStream();
        reloaded.WriteSnapshot(second);

        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(index.Count, reloaded.Count);
        foreach (var query in new[] { "Georgi Dimitrov", "Ivan Petrov", "محمد", "Mohammed Ali Hassan", "Xi" })
        {
            Assert.Equal(index.Search(query), reloaded.Search(query));
        }
        // The reloaded index can still change.
        reloaded.Add("p-3", "Stoyan Kolev");
        Assert.Equal("p-3", reloaded.Search("Stoyan Kolev")[0].EntityId);
        Assert.Equal(2, reloaded.Remove("p-1"));
        Assert.DoesNotContain(reloaded.Search("Georgi Dimitrov"), h => h.EntityId == "p-1");
    }

    [Fact]
    public void A_damaged_snapshot_is_refused_with_a_reason()
    {
        using var garbage = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);
        using var index = WithOthers();
        using var whole = new MemoryStream();
        index.WriteSnapshot(whole);
        using var truncated = new MemoryStream(whole.ToArray()[..(int)(whole.Length - 3)]);

        Assert.Contains("snapshot", Assert.Throws<InvalidDataException>(() => NameIndex.ReadSnapshot(garbage)).Message, StringComparison.Ordinal);
        Assert.Contains("ends", Assert.Throws<InvalidDataException>(() => NameIndex.ReadSnapshot(truncated)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_threads_search_while_a_third_adds_and_removes()
    {
        using var index = WithOthers(("p-1", "Georgi Dimitrov"));
        var failures = 0;
        var done = 0;

        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                index.Add($"w-{i}", $"Writer Person{i}");
                if (i % 2 == 0)
                {
                    index.Remove($"w-{i}");
                }
            }
            Interlocked.Exchange(ref done, 1);
        });
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 300 || Volatile.Read(ref done) == 0; i++)
            {
                var hits = index.Search("Георги Димитров");
                if (hits.Count == 0 || hits[0].EntityId != "p-1")
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();
        await Task.WhenAll([writer, .. readers]);

        Assert.Equal(0, failures);
        Assert.Equal(s_others.Length + 1 + 150, index.Count);
    }

    [Fact]
    public void A_Russian_spelling_of_a_Romanian_name_finds_its_Romanian_form()
    {
        using var index = new NameIndex();
        string[] family = ["Popescu", "Ionescu", "Popa", "Lupu", "Rusu", "Munteanu", "Ciobanu", "Ceban", "Rotaru", "Moraru"];
        for (var i = 0; i < 200; i++)
        {
            index.Add($"other-{i:000}", $"Nicolae {family[i % family.Length]}{(char)('a' + i / family.Length)}");
        }
        index.Add("listed", "Nicolae Ceaușescu");

        // Чаушеску read by the Russian scheme is chaushesku; Romanian writes the ch of ce as c (ConsonantSkeleton: s).
        var hits = index.Search("Николае Чаушеску", 5);

        Assert.Equal("listed", hits[0].EntityId);
    }
}
