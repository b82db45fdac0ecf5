using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// Somali's official orthography (x for ḥ, c for ʿayn, long vowels doubled) against the English spellings of the same
/// names (SomaliOrthography). The pairs are how the UN list and Somali registers write one person.
/// </summary>
public sealed class SomaliOrthographyTests
{
    [Theory]
    [InlineData("Mohamed Abdi Hassan", "Maxamed Cabdi Xasan")]
    [InlineData("Ahmed Hussein", "Axmed Xuseen")]
    [InlineData("Abdirahman Farah", "Cabdiraxmaan Faarax")]
    [InlineData("Abdullahi Osman Mohamed", "Cabdullahi Cusman Maxamed")]
    public void Somali_spellings_meet_their_English_ones(string english, string somali)
    {
        var match = NameComparison.Compare(english, somali);
        var reverse = NameComparison.Compare(somali, english);

        Assert.True(match.Score >= 0.9, $"{english} / {somali}: {match.Score} ({match.Explanation})");
        Assert.Equal(match.Score, reverse.Score);
        Assert.Contains(SomaliOrthography.Rule, match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("maxamed", "mahamed")]
    [InlineData("cabdi", "abdi")]
    [InlineData("xuseen", "husen")]
    [InlineData("ismaaciil", "ismail")]
    [InlineData("mascuud", "masud")]
    [InlineData("faarax", "farah")]
    public void A_token_is_read_as_Somali_spelling_says_it(string token, string said)
    {
        Assert.Equal(said, SomaliOrthography.ReadToken(token));
    }

    [Theory]
    // No Somali x: pinyin Xi and Xu are all x and a vowel; Carlos and Ivan have none.
    [InlineData("Xi Jinping")]
    [InlineData("Carlos Cuevas")]
    [InlineData("Ivan Petrov")]
    // A European x without any other mark of Somali spelling.
    [InlineData("Alexander Petrov")]
    [InlineData("Xavier Jiménez")]
    [InlineData("Felix Cooper")]
    public void Forms_without_a_Somali_x_are_read_as_written(string name)
    {
        Assert.Null(SomaliOrthography.Read(NameText.Tokens(name)));
    }

    [Fact]
    public void A_query_in_Somali_spelling_finds_the_English_form_among_forms_alike_token_by_token()
    {
        using var index = new NameIndex();
        for (var i = 0; i < 300; i++)
        {
            index.Add($"crowd-{i:000}", $"Maxamed Cabdi Warsame{i}");
        }
        index.Add("listed", "Mohamed Abdi Hassan");

        // As written, maxamed, cabdi and xasan share no key with the listed form, and two with each of the crowd.
        var hits = index.Search("Maxamed Cabdi Xasan", 10);

        Assert.Equal("listed", hits[0].EntityId);
    }
}
