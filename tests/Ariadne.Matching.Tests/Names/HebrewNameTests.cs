using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>Unvowelled Hebrew meets Latin spellings by consonants (ConsonantSkeleton.Hebrew).</summary>
public sealed class HebrewNameTests
{
    [Theory]
    // ב and פ after a vowel are v and f (begadkefat).
    [InlineData("אברהם", "Avraham")]
    [InlineData("יעקב", "Yaakov")]
    [InlineData("צבי", "Tzvi")]
    [InlineData("שאול מופז", "Shaul Mofaz")]
    [InlineData("נפתלי בנט", "Naftali Bennett")]
    // At the start of a word they are b and p.
    [InlineData("אהוד ברק", "Ehud Barak")]
    [InlineData("שמעון פרס", "Shimon Peres")]
    [InlineData("משה כהן", "Moshe Cohen")]
    [InlineData("אריאל שרון", "Ariel Sharon")]
    public void A_Hebrew_form_meets_its_Latin_spelling(string hebrew, string latin)
    {
        var match = NameComparison.Compare(hebrew, latin);

        Assert.True(match.Score >= 0.9, $"{hebrew} / {latin}: {match.Score} ({match.Explanation})");
    }

    [Theory]
    [InlineData("אברהם", "Abram Petrov")]
    [InlineData("יעקב", "Jacob Smith")]
    public void Another_name_with_the_same_letters_hard_stays_below_a_match(string hebrew, string latin)
    {
        Assert.True(NameComparison.Compare(hebrew, latin).Score < 0.85);
    }

    [Theory]
    // A foreign name written in Hebrew keeps b and p hard after a vowel, and its first ו is v.
    [InlineData("ברק אובמה", "Barack Obama")]
    [InlineData("ולדימיר פוטין", "Vladimir Putin")]
    [InlineData("דונלד טראמפ", "Donald Trump")]
    [InlineData("יצחק רבין", "Yitzhak Rabin")]
    public void A_foreign_name_in_Hebrew_meets_its_Latin_spelling_and_says_how_it_was_read(string hebrew, string latin)
    {
        var match = NameComparison.Compare(hebrew, latin);

        Assert.True(match.Score >= 0.9, $"{hebrew} / {latin}: {match.Score} ({match.Explanation})");
        Assert.Contains("as a foreign name written in Hebrew", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_index_keys_a_Hebrew_form_both_ways()
    {
        var keys = NameKeys.Of(NameComparison.Prepare("ברק אובמה"));

        // Hebrew's own reading (Avraham's soft b) and a foreign name's (Obama's hard one).
        Assert.Contains("wbrkfm", keys);
        Assert.Contains("wbrkbm", keys);
        Assert.Contains("sbm", keys);
    }
}
