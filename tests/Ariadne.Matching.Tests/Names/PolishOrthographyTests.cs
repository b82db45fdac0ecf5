using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// A Polish name is also read as said, the way Cyrillic documents write Polish names (PolishOrthography; ADR 0012, "Polish
/// as Cyrillic writes it"): folding alone makes Wałęsa walesa, while Валенса is read valensa.
/// </summary>
public sealed class PolishOrthographyTests
{
    [Theory]
    [InlineData("wałęsa", "valensa")]
    [InlineData("dąbrowski", "dombrovskii")]
    [InlineData("dębski", "dembskii")]
    [InlineData("szczęsny", "shchensny")]
    [InlineData("wojciech", "voitsekh")]
    [InlineData("jarosław", "iaroslav")]
    [InlineData("zieliński", "zelinskii")]
    [InlineData("ciechanów", "tsekhanuv")]
    [InlineData("żółć", "zhults")]
    [InlineData("grzegorz", "gzhegozh")]
    [InlineData("mikołaj", "mikolai")]
    public void Polish_letters_are_read_as_Cyrillic_writes_them(string polish, string said)
    {
        Assert.Equal(said, PolishOrthography.Said(polish));
    }

    [Theory]
    [InlineData("Лех Валенса", "Lech Wałęsa")]
    [InlineData("Домбровский", "Dąbrowski")]
    [InlineData("Бронислав Коморовский", "Bronisław Komorowski")]
    [InlineData("Лукаш Жулць", "Łukasz Żółć")]
    [InlineData("Войцех Щенсный", "Wojciech Szczęsny")]
    public void A_Cyrillic_form_meets_the_Polish_spelling_and_says_how(string cyrillic, string polish)
    {
        var match = NameComparison.Compare(cyrillic, polish);

        Assert.True(match.Score >= 0.95, $"{cyrillic} / {polish}: {match.Score} ({match.Explanation})");
        Assert.Contains("Polish read as said", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // Typed without diacritics, a Polish name cannot be told from another language's.
    [InlineData("Lech Walesa")]
    // ó and ć are Spanish, Hungarian, Serbian and Croatian letters too.
    [InlineData("José Gómez")]
    [InlineData("Aleksandar Vučić")]
    public void A_form_without_a_letter_only_Polish_has_gets_no_Polish_reading(string name)
    {
        Assert.Null(PolishOrthography.Read(name, NameText.Tokens(name)));
    }

    [Fact]
    public void The_Polish_form_and_its_typed_spelling_stay_one_name()
    {
        Assert.Equal(1.0, NameComparison.Compare("Lech Wałęsa", "Lech Walesa").Score);
    }

    [Fact]
    public void A_Cyrillic_query_finds_the_Polish_form_among_a_crowd_that_shares_its_consonants()
    {
        // Forty Valencias share валенса's consonants (f-l-n-s) and first letters; Wałęsa folded (walesa) shares nothing.
        using var index = new NameIndex(candidates: 10);
        for (var i = 0; i < 40; i++)
        {
            index.Add($"valencia-{i:000}", $"{MadeUpWords.Word(i)} Valencia");
        }
        index.Add("zz-person", "Lech Wałęsa");

        var hits = index.Search("Лех Валенса", 10);

        Assert.Equal("zz-person", hits[0].EntityId);
        Assert.Contains("Polish read as said", hits[0].Explanation, StringComparison.Ordinal);
    }
}
