using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// Greek γ before e and i is said y, and BGN/PCGN (1962), passports and the press write it so (Γιάννης Yannis, Γιώργος
/// Yorgos), where ELOT 743, ISO 843 and AnyAscii write g (Giannis, Giorgos): both spellings meet the Greek form.
/// </summary>
public sealed class GreekGammaTests
{
    [Theory]
    [InlineData("Γιάννης", "Yannis")]
    [InlineData("Γιάννης", "Giannis")]
    [InlineData("Γιάννης", "Yiannis")]
    [InlineData("Γιώργος", "Yorgos")]
    [InlineData("Γιώργος", "Giorgos")]
    [InlineData("Γιώργος", "Yiorgos")]
    [InlineData("Γεώργιος", "Yeorgios")]
    [InlineData("Γεώργιος", "Georgios")]
    [InlineData("Παναγιώτης", "Panayiotis")]
    [InlineData("Παναγιώτης", "Panagiotis")]
    [InlineData("Ευγενία", "Evyenia")]
    [InlineData("Γιάννης Βαρουφάκης", "Yanis Varoufakis")]
    [InlineData("Βαρουφάκης", "Varoufakis")]
    [InlineData("Τσίπρας", "Tsipras")]
    [InlineData("Παπαδόπουλος", "Papadopoulos")]
    [InlineData("Μητσοτάκης", "Mitsotakis")]
    public void Greek_names_meet_their_spellings_with_y_and_with_g(string greek, string latin)
    {
        var match = NameComparison.Compare(greek, latin);

        Assert.True(match.Score >= 0.9, $"{greek} / {latin}: {match.Score} ({match.Explanation})");
    }

    [Theory]
    // The unstressed ι after that γ is the y sound itself, written once.
    [InlineData("Γιάννης", "Yannis")]
    [InlineData("Γιώργος", "Yorgos")]
    [InlineData("Γιάννης Παπαγιάννης", "Yannis Papayannis")]
    // A stressed ι is a syllable of its own and stays.
    [InlineData("Αγία", "Ayia")]
    public void The_y_reading_is_exact_and_says_so(string greek, string latin)
    {
        var match = NameComparison.Compare(greek, latin);

        Assert.Equal(1.0, match.Score);
        Assert.Contains(OtherScriptTransliteration.GammaAsYNote, match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // γ before a back vowel or a consonant is g, and the γ of γγ (ng) is not palatal.
    [InlineData("Παπάγος")]
    [InlineData("Ευάγγελος")]
    [InlineData("Γρηγόρης")]
    public void A_g_that_is_not_before_e_or_i_has_no_y_reading(string greek)
    {
        var readings = NameComparison.Readings(greek).SelectMany(r => r.Tokens).ToArray();

        Assert.DoesNotContain(readings, t => t.Contains('y', StringComparison.Ordinal));
    }

    [Fact]
    public void A_Latin_query_with_y_finds_the_Greek_form()
    {
        using var index = new NameIndex();
        index.Add("listed", "Γιάννης");
        index.Add("other", "Yannick Noah");

        var hits = index.Search("Yannis", 1);

        Assert.Equal("listed", Assert.Single(hits).EntityId);
    }

    [Theory]
    // Greek writes a foreign name's sounds with digraphs: ου u, ντ d, μπ b, γκ g, τζ j, in any place (Τζέιμς is still jeims: English spells its vowels otherwise).
    [InlineData("Βλαντιμίρ Πούτιν", "Vladimir Putin")]
    [InlineData("Βλαντιμίρ Πούτιν", "Владимир Путин")]
    [InlineData("Ντόναλντ Γκόρντον", "Donald Gordon")]
    [InlineData("Τζούλια Μπράουν", "Julia Braun")]
    public void A_foreign_name_in_Greek_reads_back_as_said(string greek, string other)
    {
        var match = NameComparison.Compare(greek, other);

        Assert.True(match.Score >= 0.95, $"{greek} / {other}: {match.Score} ({match.Explanation})");
        Assert.Contains(OtherScriptTransliteration.GreekSpokenNote, match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Greek_name_keeps_its_passport_spelling_beside_it()
    {
        // Παπαδόπουλος is Papadopoulos on a passport (ELOT 743), not Papadopulos.
        Assert.Equal(1, NameComparison.Compare("Γιώργος Παπαδόπουλος", "Giorgos Papadopoulos").Score);
        Assert.Contains("tputin", NameKeys.Of(NameComparison.Prepare("Πούτιν")));
    }
}
