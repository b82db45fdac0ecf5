using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// A Korean name written in Chinese characters, as Chinese and Japanese sources and the UN list write Korean names
/// (HanjaReading): read as Korean reads the characters, from CLDR's Korean collation, besides Mandarin's reading.
/// </summary>
public sealed class HanjaReadingTests
{
    [Theory]
    // The surname reading, where the collation sorts the character: 金 under 김 (Kim), not 금 (gold).
    [InlineData("金正恩", "김정은")]
    [InlineData("潘基文", "반기문")]
    [InlineData("朴槿惠", "박근혜")]
    // Without the initial sound law, as the collation and North Korea write it: 李 리; Lee, Ri and Yi meet it as surname spellings.
    [InlineData("李明博", "리명박")]
    // Simplified characters read as the traditional ones they simplify: 铁 as 鐵 철.
    [InlineData("金铁三", "김철삼")]
    [InlineData("金鐵三", "김철삼")]
    public void Chinese_characters_are_read_as_Korean_syllables(string han, string hangul)
    {
        Assert.Equal(hangul, HanjaReading.ToHangul(han));
    }

    [Theory]
    // 〇 is a Han number sign with no Korean reading; a form with it has no Korean reading at all rather than part of one.
    [InlineData("金〇三")]
    [InlineData("Kim")]
    public void A_token_with_a_character_Korean_does_not_read_has_no_reading(string token)
    {
        Assert.Null(HanjaReading.ToHangul(token));
    }

    [Theory]
    // Real Korean names written in Han beside the Latin forms passports, the UN list and the press use.
    [InlineData("金正恩", "Kim Jong Un")]
    [InlineData("金正恩", "김정은")]
    [InlineData("潘基文", "Ban Ki-moon")]
    [InlineData("李明博", "Lee Myung-bak")]
    [InlineData("朴槿惠", "Park Geun-hye")]
    [InlineData("Jin Tiesan (金铁三)", "KIM CHOL SAM")]
    public void A_Korean_name_in_Chinese_characters_meets_its_Korean_spellings(string han, string korean)
    {
        var match = NameComparison.Compare(han, korean);

        Assert.True(match.Score >= 0.9, $"{han} / {korean}: {match.Score} ({match.Explanation})");
        Assert.Contains("read as Korean reads Chinese characters", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // An analyst reads which character met which word: kim ≈ 金, not kim ≈ 金铁三 three times over; the syllables of a
    // Chinese given name are one word in Latin and two characters, not "two words written as one".
    [InlineData("KIM CHOL SAM", "金铁三", new[] { "kim ≈ 金", "chol ≈ 铁", "sam = 三" })]
    [InlineData("Xi Jinping", "习近平", new[] { "xi = 习", "jinping = 近平, transliterated" })]
    [InlineData("Kim Jong-un", "김정은", new[] { "kim ≈ 김", "jong ≈ 정", "un ≈ 은" })]
    public void The_explanation_names_the_character_each_word_met(string latin, string written, string[] expected)
    {
        var explanation = NameComparison.Compare(latin, written).Explanation;

        foreach (var part in expected)
        {
            Assert.Contains(part, explanation, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("two words written as one", explanation, StringComparison.Ordinal);
    }

    [Theory]
    // The Mandarin reading stays, and wins where it is the one meant.
    [InlineData("习近平", "Xi Jinping")]
    [InlineData("毛泽东", "Mao Zedong")]
    public void A_Chinese_name_keeps_its_Mandarin_reading(string han, string latin)
    {
        var match = NameComparison.Compare(han, latin);

        Assert.True(match.Score >= 0.95, $"{han} / {latin}: {match.Score} ({match.Explanation})");
        Assert.DoesNotContain("read as Korean", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_forms_in_Chinese_characters_are_not_compared_by_their_Korean_reading()
    {
        // 姜 and 康 are both 강 (gang) to Korean and jiang and kang to Mandarin: two forms in Han are alike by their
        // characters, and Korean reads many different characters alike.
        Assert.Equal(HanjaReading.ToHangul("姜文"), HanjaReading.ToHangul("康文"));

        var match = NameComparison.Compare("姜文", "康文");

        // Their Korean readings are the same; Mandarin's jiang wen / kang wen are close but not the same name.
        Assert.True(match.Score < 0.9, $"{match.Score} ({match.Explanation})");
        Assert.DoesNotContain("read as Korean", match.Explanation, StringComparison.Ordinal);
        Assert.Equal(1, NameComparison.Compare("金铁三", "金鐵三").Score);
    }

    [Fact]
    public void A_foreign_name_written_in_Chinese_characters_is_not_read_as_Korean()
    {
        // 弗拉基米尔·普京 is Vladimir Putin transcribed: no Korean reads it, and its Korean syllables would only add keys.
        var rules = NameComparison.Prepare("弗拉基米尔·普京").Readings.Select(r => r.Rule);

        Assert.DoesNotContain(rules, r => r.Contains("read as Korean", StringComparison.Ordinal));
    }

    [Fact]
    public void The_Korean_reading_is_keyed_by_its_joined_given_name_and_whole_form_not_syllable_by_syllable()
    {
        // Every Chinese name gets the reading: keyed syllable by syllable, the 張 (jang) and 修 (su) of Chinese names
        // joined the holders of Korean names' syllables in their thousands and cut "Chang-Su Han" from the candidates
        // for "HAN JANG SU" at 2 M rows.
        var chinese = NameKeys.Of(NameComparison.Prepare("張 修傑"));
        var korean = NameKeys.Of(NameComparison.Prepare("金铁三"));

        Assert.DoesNotContain("tjang", chinese);
        Assert.DoesNotContain("tsu", chinese);
        Assert.Contains("tzhang", chinese);
        Assert.Contains("tcheolsam", korean);
        Assert.Contains("tcholsam", korean);
        Assert.DoesNotContain("tgim", korean);
    }

    [Fact]
    public void A_Latin_query_finds_a_Korean_name_written_in_Chinese_characters_among_Chinese_names()
    {
        // Mandarin reads 金正恩 Jin Zheng'en, which shares no key with Kim Jong Un; crowds of Kims, Jongs and Jins, each
        // sharing a token with the query or with the Mandarin reading, stand between them without the Korean reading.
        using var index = new NameIndex();
        for (var i = 0; i < 200; i++)
        {
            index.Add($"kim-{i}", $"Kim {MadeUpWords.Word(i)}");
            index.Add($"jin-{i}", $"Jin {MadeUpWords.Word(i + 200)}");
            index.Add($"jong-{i}", $"Jong {MadeUpWords.Word(i + 400)}");
        }
        index.Add("listed", "金正恩");

        var hits = index.Search("Kim Jong Un", 5);

        Assert.Equal("listed", hits[0].EntityId);
    }

    [Fact]
    public void A_McCune_Reischauer_query_finds_the_Han_form_among_forms_that_share_two_of_its_words()
    {
        // Two hundred "X Jong Un" share the query's jong, un and jongun; 金正恩 shares its joined given name and, with the
        // query's whole form keyed in the Revised spellings too (gmjngn, not kmjngn), its whole form.
        using var index = new NameIndex();
        for (var i = 0; i < 200; i++)
        {
            index.Add($"jong-{i}", $"{MadeUpWords.Word(i)} Jong Un");
        }
        index.Add("listed", "金正恩");

        var hits = index.Search("Kim Jong Un", 5);

        Assert.Equal("listed", hits[0].EntityId);
    }
}
