using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// Hebrew and Arabic names as older European spellings write them (ConsonantSkeleton.AsEuropeanSpelling; ADR 0012,
/// "Older European spellings"): the kh sound as ch, a first י or ي as j, ב as b. Press, registers and passports of
/// German- and English-speaking countries write Menachem, Chaim, Joseph and Jacob, not Menahem, Haim, Yosef and Yaakov.
/// </summary>
public sealed class EuropeanSpellingTests
{
    [Theory]
    // ח as ch.
    [InlineData("מנחם בגין", "Menachem Begin")]
    [InlineData("חיים הרצוג", "Chaim Herzog")]
    [InlineData("רחל", "Rachel")]
    // A כ after a word's start, and a final ך, as ch.
    [InlineData("מיכאל", "Michael")]
    [InlineData("ברוך", "Baruch")]
    [InlineData("מרדכי", "Mordechai")]
    // A first י as j, and ב as b after a vowel too.
    [InlineData("יוסף", "Joseph")]
    [InlineData("יעקב", "Jacob")]
    [InlineData("יונתן", "Jonathan")]
    [InlineData("יצחק רבין", "Jitzchak Rabin")]
    // A י inside a word as j.
    [InlineData("בנימין נתניהו", "Benjamin Netanyahu")]
    // Arabic خ as ch and a first ي as j, as German writes them.
    [InlineData("خالد", "Chalid")]
    [InlineData("ياسر عرفات", "Jassir Arafat")]
    public void A_form_meets_its_older_European_spelling_and_says_so(string unvowelled, string latin)
    {
        var match = NameComparison.Compare(unvowelled, latin);

        Assert.True(match.Score >= 0.9, $"{unvowelled} / {latin}: {match.Score} ({match.Explanation})");
        Assert.Contains("older European spellings", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("מנחם", "mnsm")]
    [InlineData("חיים", "sm")]
    [InlineData("יעקב", "jkb")]
    [InlineData("ברוך", "brs")]
    [InlineData("כהן", "khn")]
    [InlineData("خالد", "sld")]
    [InlineData("ياسر", "jsr")]
    public void The_European_reading_of_a_form(string folded, string expected)
    {
        Assert.Equal(expected, ConsonantSkeleton.AsEuropeanSpelling(folded));
    }

    [Theory]
    // No letter the reading changes: no second reading to key or compare.
    [InlineData("שמעון פרס")]
    [InlineData("menachem begin")]
    [InlineData("عمر")]
    public void A_form_without_those_letters_has_no_European_reading(string folded)
    {
        Assert.Null(ConsonantSkeleton.AsEuropeanSpelling(folded));
    }

    [Theory]
    // The romanisations the written skeleton follows still explain their own matches.
    [InlineData("מנחם בגין", "Menahem Begin")]
    [InlineData("יוסף", "Yosef")]
    [InlineData("خالد", "Khalid")]
    public void A_form_written_by_the_standard_romanisation_is_explained_as_written(string unvowelled, string latin)
    {
        var match = NameComparison.Compare(unvowelled, latin);

        Assert.True(match.Score >= 0.9, $"{unvowelled} / {latin}: {match.Score}");
        Assert.DoesNotContain("older European spellings", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // An Arabic ي inside a word stays a long vowel (سيد Sayyid is not Sajid): the j is read only into Hebrew's י, whose
    // European spellings write it so (Benjamin).
    [InlineData("سيد", "Sajid")]
    // Another name with the same first letters stays below a match.
    [InlineData("יעקב", "Jacob Smith")]
    [InlineData("בנימין נתניהו", "Benjamin Cohen")]
    public void Another_name_stays_below_a_match(string unvowelled, string latin)
    {
        var match = NameComparison.Compare(unvowelled, latin);

        Assert.True(match.Score < 0.85, $"{unvowelled} / {latin}: {match.Score} ({match.Explanation})");
    }

    [Fact]
    public void The_index_keys_the_European_reading()
    {
        var keys = NameKeys.Of(NameComparison.Prepare("מנחם בגין"));

        Assert.Contains("smnhm", keys);
        Assert.Contains("smnsm", keys);
        Assert.Contains("wmnsmbgn", keys);
    }

    [Fact]
    public void A_European_spelling_finds_the_Hebrew_form_among_a_crowd_that_shares_the_family_name()
    {
        // A hundred others hold "Begin" with fewer keys, so they win the tie among ten candidates unless "Menachem" meets
        // מנחם through a key of its own. A hundred: more than the holders of a key whose entries are kept among the
        // candidates whatever their weight (NameIndex.RareKeyHolders), which would find the person through Begin alone.
        using var index = new NameIndex(candidates: 10);
        for (var i = 0; i < 100; i++)
        {
            index.Add($"begin-{i:000}", $"{MadeUpWords.Word(i)} Begin");
        }
        index.Add("zz-person", "מנחם בגין");

        var hits = index.Search("Menachem Begin", 10);

        Assert.Equal("zz-person", hits[0].EntityId);
        Assert.Contains("older European spellings", hits[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_that_shares_only_a_rare_key_is_scored_though_a_crowd_shares_more_keys_of_a_common_name()
    {
        // "Benjamin" gives three keys (token, skeleton bnjmn, prefix) that a hundred Benjamins share, בנימין none (its
        // European j is read only in the comparison), so the person shares only Netanyahu's skeleton: without the rare
        // key's holders kept among the candidates, ten Benjamins fill them and the scorer never sees the person.
        using var index = new NameIndex(candidates: 10);
        for (var i = 0; i < 100; i++)
        {
            index.Add($"benjamin-{i:000}", $"Benjamin {MadeUpWords.Word(i)}");
        }
        // Others who share nothing with the query make "Benjamin" rarer, as among two million names: its three keys then
        // weigh more together than Netanyahu's one.
        for (var i = 0; i < 5_000; i++)
        {
            index.Add($"other-{i:0000}", $"{MadeUpWords.Word(i)} {MadeUpWords.Word(i / 10 + 7)}");
        }
        index.Add("zz-person", "בנימין נתניהו");

        var hits = index.Search("Benjamin Netanyahu", 10);

        Assert.Equal("zz-person", hits[0].EntityId);
    }
}
