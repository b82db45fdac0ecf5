using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>Korean names in McCune–Reischauer and in the Revised Romanization are one name (KoreanRomanisation).</summary>
public sealed class KoreanRomanisationTests
{
    [Theory]
    // McCune–Reischauer (North Korea, older passports) / Revised Romanization (South Korea since 2000, AnyAscii).
    [InlineData("kim", "gim")]
    [InlineData("pak", "bak")]
    [InlineData("chung", "jung")]
    [InlineData("chang", "jang")]
    [InlineData("cho", "jo")]
    [InlineData("chong", "jong")]
    [InlineData("kang", "gang")]
    [InlineData("tae", "dae")]
    [InlineData("ko", "go")]
    public void One_syllable_in_the_two_systems_is_one_name(string mccuneReischauer, string revised)
    {
        Assert.True(KoreanRomanisation.AreVariants(mccuneReischauer, revised));
        Assert.True(KoreanRomanisation.AreVariants(revised, mccuneReischauer));
        Assert.Equal(revised, KoreanRomanisation.Revised(mccuneReischauer));
        Assert.Null(KoreanRomanisation.Revised(revised));
    }

    [Theory]
    // Not one Korean syllable: longer words, or letters after the vowel that Korean does not end a syllable with.
    [InlineData("charles", "jarles")]
    [InlineData("peter", "beter")]
    [InlineData("gordon", "kordon")]
    [InlineData("park", "bark")]
    // Different rimes, or initials of different classes.
    [InlineData("kim", "gin")]
    [InlineData("cho", "go")]
    [InlineData("kim", "kim")]
    public void Other_pairs_are_not_taken_for_it(string a, string b)
    {
        Assert.False(KoreanRomanisation.AreVariants(a, b));
    }

    [Theory]
    [InlineData("KIM JUNG JONG", "Kim Chung Chong")]
    [InlineData("CHO YON CHUN", "Jo Yon Jun")]
    [InlineData("Pak Chol", "Bak Chol")]
    public void Names_spelt_by_the_two_systems_meet_and_say_why(string a, string b)
    {
        var match = NameComparison.Compare(a, b);

        Assert.True(match.Score >= 0.9, $"{a} / {b}: {match.Score} ({match.Explanation})");
        Assert.Contains("Korean romanised two ways", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_index_finds_a_Korean_name_written_by_the_other_system_among_others_of_its_syllables()
    {
        // The query shares no key of its own with the listed form but the romanisation's (jang / chang), while holders
        // of han and su written the query's way crowd the candidates.
        using var index = new NameIndex();
        for (var i = 0; i < 300; i++)
        {
            index.Add($"other-{i:000}", i % 2 == 0 ? $"Han Su {(char)('a' + i % 26)}{(char)('a' + i / 26 % 26)}ro" : "Han Su");
        }
        index.Add("listed", "Chang-Su Han");

        var hits = index.Search("HAN JANG SU", 10);

        Assert.Equal("listed", hits[0].EntityId);
        Assert.Contains("Korean romanised two ways", hits[0].Explanation, StringComparison.Ordinal);
    }
}
