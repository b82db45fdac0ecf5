using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// Latin spellings of Arabic names follow how the bearer's dialect says them: ق as g in Libya, the Gulf, Sudan and among
/// the Bedouin (القذافي Gaddafi, قرقاش Gargash), ج as g in Egypt (جمال Gamal, نجيب Naguib); and they often leave out the
/// article that the Arabic form writes joined (الخطيب Khatib). Each is a reading beside the standard one (q, j, al-), never
/// instead of it.
/// </summary>
public sealed class ArabicDialectReadingTests
{
    [Theory]
    [InlineData("قرقاش", 'ق', false, "grgs")]
    [InlineData("القذافي", 'ق', false, "lgdf")]
    [InlineData("القذافي", 'ق', true, "gdf")]
    [InlineData("جمال", 'ج', false, "gml")]
    [InlineData("جمال عبد الناصر", 'ج', false, "gmlbdlnsr")]
    [InlineData("نجيب محفوظ", 'ج', false, "ngbmhfz")]
    // One letter kind at a time: a dialect that says ج as g does not say ق so, and the other way round.
    [InlineData("جمال قاسم", 'ق', false, "jmlgsm")]
    [InlineData("جمال قاسم", 'ج', false, "gmlksm")]
    public void Qaf_or_jim_is_read_as_g_one_letter_at_a_time(string folded, char letter, bool withoutArticle, string expected)
    {
        Assert.Equal(expected, ConsonantSkeleton.AsG(folded, letter, withoutArticle));
    }

    [Fact]
    public void A_form_without_the_letter_has_no_g_reading()
    {
        Assert.Null(ConsonantSkeleton.AsG("محمد", ConsonantSkeleton.Qaf));
        Assert.Null(ConsonantSkeleton.AsG("قاسم", ConsonantSkeleton.Jim));
    }

    [Theory]
    [InlineData("الخطيب", "xtb")]
    [InlineData("القذافي", "kdf")]
    [InlineData("الزهراني", "zhrn")]
    [InlineData("محمد الخطيب", "mhmdxtb")]
    // What is left must keep two consonants: الهی is Elahi, one word, not an article before h.
    [InlineData("الهی", "lh")]
    public void The_leading_article_is_left_out_where_two_consonants_remain(string folded, string expected)
    {
        Assert.Equal(expected, ConsonantSkeleton.WithoutArticle(folded));
    }

    [Fact]
    public void The_article_inside_a_compound_stays()
    {
        // ʿAbd al-Raḥmān: the compound's own key joins the words; its article is no leading one.
        Assert.Null(ConsonantSkeleton.WithoutArticle("عبدالرحمن"));
    }

    [Theory]
    [InlineData("القذافي", "Gaddafi")]
    [InlineData("معمر القذافي", "Muammar Gaddafi")]
    [InlineData("قرقاش", "Gargash")]
    [InlineData("أنور قرقاش", "Anwar Gargash")]
    [InlineData("جمال عبد الناصر", "Gamal Abdel Nasser")]
    [InlineData("جمال", "Gamal")]
    [InlineData("جابر", "Gaber")]
    [InlineData("نجيب محفوظ", "Naguib Mahfouz")]
    public void A_name_spelt_as_its_dialect_says_it_meets_the_Arabic_script_form(string arabic, string latin)
    {
        var match = NameComparison.Compare(arabic, latin);

        Assert.True(match.Score >= 0.9, $"{arabic} / {latin}: {match.Score} ({match.Explanation})");
        Assert.Contains("said g", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("القرضاوي", "Qaradawi")]
    [InlineData("القرضاوي", "al-Qaradawi")]
    [InlineData("القذافي", "Qadhafi")]
    [InlineData("جمال", "Jamal")]
    [InlineData("جمال عبد الناصر", "Jamal Abd al-Nasir")]
    public void The_standard_reading_still_stands(string arabic, string latin)
    {
        var match = NameComparison.Compare(arabic, latin);

        Assert.True(match.Score >= 0.9, $"{arabic} / {latin}: {match.Score} ({match.Explanation})");
        Assert.DoesNotContain("said g", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("الخطيب", "Khatib")]
    [InlineData("القرضاوي", "Qaradawi")]
    [InlineData("محمد الخطيب", "Mohammed Khatib")]
    public void A_Latin_spelling_without_the_article_meets_the_form_that_writes_it(string arabic, string latin)
    {
        var match = NameComparison.Compare(arabic, latin);

        Assert.True(match.Score >= 0.9, $"{arabic} / {latin}: {match.Score} ({match.Explanation})");
        Assert.Contains("article al- left out", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // Consonants that differ beyond the g: a g reading must not make them meet.
    [InlineData("قرقاش", "Garcia")]
    [InlineData("جابر", "Gabriel")]
    [InlineData("عبد الجليل", "Abdul Ghani")]
    [InlineData("القذافي", "Al-Ghazali")]
    // Both letters as g at once is no dialect's spelling.
    [InlineData("جمال قاسم", "Gamal Gasim")]
    public void Different_names_stay_apart_under_the_g_reading(string arabic, string latin)
    {
        var match = NameComparison.Compare(arabic, latin);

        Assert.True(match.Score < 0.8, $"{arabic} / {latin}: {match.Score} ({match.Explanation})");
    }

    [Fact]
    public void The_index_keys_the_g_reading_token_by_token_and_whole()
    {
        var keys = NameKeys.Of(NameComparison.Prepare("معمر القذافي"));

        // القذافي as Gaddafi, so that a query of that one word meets the longer form...
        Assert.Contains("sgdf", keys);
        // ...and the whole form without the article, as Muammar Gaddafi and as Muammar Qadhafi.
        Assert.Contains("wmrgdf", keys);
        Assert.Contains("wmrkdf", keys);
    }

    [Fact]
    public void A_query_names_its_g_reading_keys_apart_and_the_indexed_form_holds_them_as_its_own()
    {
        var form = NameComparison.Prepare("معمر القذافي");

        var indexed = NameKeys.Of(form);
        var dialect = new HashSet<string>(StringComparer.Ordinal);
        var asked = NameKeys.Of(form, null, asQuery: true, dialect);

        // A query's g-reading keys are rarer than its standard ones and, at full weight, drew in the distractors spelt with
        // g; the index weighs them less (NameIndex.DialectKeyWeight). The standard keys are never among them.
        Assert.Contains("sgdf", indexed);
        Assert.Contains("sgdf", dialect);
        Assert.Contains("wmrgdf", dialect);
        Assert.DoesNotContain("wmrkdf", dialect);
        Assert.Contains("wmrkdf", asked);
        Assert.True(dialect.IsSubsetOf(asked));
        Assert.Equal(indexed, asked);
    }

    [Fact]
    public void An_Arabic_script_query_finds_a_Latin_form_spelt_the_dialect_way()
    {
        using var index = new NameIndex();
        index.Add("listed", "Muammar Gaddafi");
        for (var i = 0; i < 150; i++)
        {
            // Omar, Amir, Samir: at two million names the consonants m-r are everybody's.
            index.Add($"other-{i:000}", "Omar");
        }

        // معمر's standard keys meet Muammar only in m-r, which every Omar holds with fewer keys of its own, and القذافي is
        // q-dh-f: without its g-reading (gdf) the listed form was not among the candidates.
        var hits = index.Search("معمر القذافي", 5);

        Assert.Equal("listed", hits[0].EntityId);
    }

    [Fact]
    public void A_form_that_meets_the_standard_reading_goes_before_one_that_meets_the_g_reading()
    {
        using var index = new NameIndex();
        // On an equal name score, ids decide: the g-spelt form would come first.
        index.Add("a-gamal", "Gamal Lounis");
        index.Add("b-jamal", "Jamal Lounis");

        var hits = index.Search("جمال لونيس", 2);

        Assert.Equal(["b-jamal", "a-gamal"], hits.Select(h => h.EntityId));
    }

    [Theory]
    [InlineData("Gaddafi", "القذافي")]
    [InlineData("Muammar Gaddafi", "معمر القذافي")]
    [InlineData("ANWAR GARGASH", "أنور قرقاش")]
    [InlineData("Gamal Abdel Nasser", "جمال عبد الناصر")]
    public void A_Latin_query_spelt_the_dialect_way_finds_the_Arabic_script_form(string query, string arabic)
    {
        using var index = new NameIndex();
        index.Add("listed", arabic);
        for (var i = 0; i < 30; i++)
        {
            // Others that share the query's first letters or one of its tokens, not the listed form's consonants.
            index.Add($"other-{i}", $"{query.Split(' ')[0]}o{(char)('a' + i)} Petrov");
        }

        var hits = index.Search(query, 1);

        Assert.Equal("listed", Assert.Single(hits).EntityId);
    }
}
