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

    [Theory]
    // The Revised Romanization's tables, syllable by syllable: final consonants by their sound (AnyAscii: Bag, Seog, Gwag).
    [InlineData("박근혜", new[] { "bak", "geun", "hye" })]
    [InlineData("이명박", new[] { "i", "myeong", "bak" })]
    [InlineData("노무현", new[] { "no", "mu", "hyeon" })]
    [InlineData("김정은", new[] { "gim", "jeong", "eun" })]
    [InlineData("곽석", new[] { "gwak", "seok" })]
    [InlineData("류현진", new[] { "ryu", "hyeon", "jin" })]
    [InlineData("옥밭꽃", new[] { "ok", "bat", "kkot" })]
    [InlineData("앞닭", new[] { "ap", "dak" })]
    [InlineData("Kim 정", new[] { "jeong" })]
    public void Hangul_is_read_by_the_Revised_Romanization(string hangul, string[] expected)
    {
        Assert.Equal(expected, KoreanRomanisation.OfHangul(hangul));
    }

    [Theory]
    // Korean surnames as passports spell them, which neither system gives.
    [InlineData("park", "bak")]
    [InlineData("lee", "i")]
    [InlineData("rhee", "yi")]
    [InlineData("lee", "ri")]
    [InlineData("roh", "no")]
    [InlineData("choi", "choe")]
    [InlineData("moon", "mun")]
    [InlineData("ahn", "an")]
    [InlineData("shin", "sin")]
    [InlineData("kwon", "gwon")]
    [InlineData("yoon", "yun")]
    [InlineData("lim", "im")]
    [InlineData("oh", "o")]
    [InlineData("ryu", "yoo")]
    [InlineData("paik", "baek")]
    [InlineData("namkoong", "namgung")]
    public void A_Korean_surname_spelt_as_on_a_passport_meets_its_Revised_spelling(string passport, string revised)
    {
        Assert.True(KoreanRomanisation.AreSurnameSpellings(passport, revised));
        Assert.True(KoreanRomanisation.AreSurnameSpellings(revised, passport));
        Assert.True(KoreanRomanisation.AreVariants(passport, revised));
    }

    [Theory]
    [InlineData("park", "parker")]
    [InlineData("lee", "leo")]
    [InlineData("moon", "mon")]
    [InlineData("park", "park")]
    [InlineData("choi", "jung")]
    public void Other_words_are_not_taken_for_a_surname_spelling(string a, string b)
    {
        Assert.False(KoreanRomanisation.AreSurnameSpellings(a, b));
    }

    [Theory]
    // Latin forms as the press and passports write them; Hangul as written in Korea.
    [InlineData("Park Geun-hye", "박근혜")]
    [InlineData("Lee Myung-bak", "이명박")]
    [InlineData("Moon Jae-in", "문재인")]
    [InlineData("Ban Ki-moon", "반기문")]
    [InlineData("Kim Dae-jung", "김대중")]
    [InlineData("Choi Kyu-hah", "최규하")]
    [InlineData("Yoon Suk-yeol", "윤석열")]
    [InlineData("Shin Hyun-hwak", "신현확")]
    [InlineData("Ri Sol Ju", "리설주")]
    [InlineData("Kim Jong Un", "김정은")]
    public void Korean_names_in_Hangul_meet_their_Latin_forms(string latin, string hangul)
    {
        var match = NameComparison.Compare(latin, hangul);

        Assert.True(match.Score >= 0.85, $"{latin} / {hangul}: {match.Score} ({match.Explanation})");
        Assert.Contains("Revised Romanization", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_index_finds_a_Korean_surname_spelt_the_passport_way_among_the_Revised_ones()
    {
        // 박 read as Bak shares no token with Park; other Bak and Park holders and the given name's syllables crowd it.
        using var index = new NameIndex();
        for (var i = 0; i < 300; i++)
        {
            index.Add($"other-{i:000}", i % 3 == 0 ? $"박 {(char)('가' + i)}혜" : i % 3 == 1 ? $"Park Ji {(char)('a' + i % 26)}un" : "Geun Hye Jin");
        }
        index.Add("listed", "박근혜");

        var hits = index.Search("Park Geun-hye", 10);

        Assert.Equal("listed", hits[0].EntityId);
        Assert.Contains("Korean name as commonly spelt", hits[0].Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // McCune–Reischauer's ŏ and ŭ typed without the breve, against the Revised Romanization's eo and eu.
    [InlineData("jong", "jeong")]
    [InlineData("un", "eun")]
    [InlineData("song", "seong")]
    [InlineData("chon", "cheon")]
    public void A_vowel_written_with_or_without_its_breve_is_one_syllable(string mccuneReischauer, string revised)
    {
        Assert.True(KoreanRomanisation.AreVariants(mccuneReischauer, revised));
        Assert.True(KoreanRomanisation.AreVariants(revised, mccuneReischauer));
    }

    [Theory]
    [InlineData("jong", "jeans")]
    [InlineData("george", "gorge")]
    public void Words_that_are_no_Korean_syllable_are_not_taken_for_one(string a, string b)
    {
        Assert.False(KoreanRomanisation.AreVowelVariants(a, b));
    }

    [Theory]
    [InlineData("김 정은", "Kim Jong-un")]
    [InlineData("김 정은", "Kim Jong Un")]
    [InlineData("손 흥민", "Son Hung Min")]
    public void A_Korean_name_written_apart_meets_its_McCune_Reischauer_spelling(string hangul, string latin)
    {
        var match = NameComparison.Compare(hangul, latin);

        Assert.True(match.Score >= 0.85, $"{hangul} / {latin}: {match.Score} ({match.Explanation})");
    }

    [Theory]
    // Hangul's given name also as McCune–Reischauer without breves, joined (정은 jeongeun, jongun), so that the Latin form
    // written apart meets it through one key the crowds of 정 and 은 do not hold.
    [InlineData("김정은", "tjongun")]
    [InlineData("Kim Jong-un", "tjongun")]
    [InlineData("Kim Jeong-eun", "tjongun")]
    public void A_Korean_given_name_is_keyed_joined_without_breves(string name, string key)
    {
        Assert.Contains(key, NameKeys.Of(NameComparison.Prepare(name)));
    }
}
