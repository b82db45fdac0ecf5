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
}
