using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// Foreign names written in Hangul and in Chinese characters read back as words (KoreanRomanisation.OfLoanword,
/// ChineseTranscription): Korean adds the vowel ㅡ to break a foreign cluster (트럼프), Chinese gives a bare consonant a
/// character with a vowel (特朗普), and neither writes a foreign name as a family name and a given name.
/// </summary>
public sealed class ForeignNamesInHangulAndHanTests
{
    [Theory]
    [InlineData("메르켈", "merkel")]
    [InlineData("트럼프", "treomp")]
    [InlineData("블라디미르", "bladimir")]
    [InlineData("앙겔라", "anggela")]
    [InlineData("스탈린", "stalin")]
    [InlineData("오바마", "obama")]
    [InlineData("마크롱", "makrong")]
    public void A_Hangul_loanword_is_read_without_the_vowel_Korean_adds(string hangul, string expected)
    {
        Assert.Equal(expected, KoreanRomanisation.OfLoanword(hangul));
    }

    [Theory]
    [InlineData("特朗普", "tlangp")]
    [InlineData("克林顿", "klindun")]
    [InlineData("斯大林", "sdalin")]
    [InlineData("弗拉基米尔", "flajimir")]
    // 普 before a vowelled syllable keeps its vowel: 普京 is Pujing (Putin).
    [InlineData("普京", "pujing")]
    public void A_Chinese_transcription_reads_its_bare_consonants_as_such(string han, string expected)
    {
        Assert.Equal(expected, ChineseTranscription.OfForeignName(han));
    }

    [Theory]
    [InlineData("앙겔라 메르켈", "Angela Merkel")]
    [InlineData("블라디미르 푸틴", "Vladimir Putin")]
    [InlineData("버락 오바마", "Barack Obama")]
    [InlineData("도널드 트럼프", "Donald Trump")]
    [InlineData("에마뉘엘 마크롱", "Emmanuel Macron")]
    [InlineData("빌 클린턴", "Bill Clinton")]
    public void A_foreign_name_in_Hangul_meets_its_Latin_spelling(string hangul, string latin)
    {
        var match = NameComparison.Compare(hangul, latin);

        Assert.True(match.Score >= 0.85, $"{hangul} / {latin}: {match.Score} ({match.Explanation})");
        Assert.Contains("a foreign name as Korean, Chinese or Japanese writes it", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("安格拉·默克尔", "Angela Merkel")]
    [InlineData("弗拉基米尔·普京", "Vladimir Putin")]
    public void A_foreign_name_in_Chinese_characters_meets_its_Latin_spelling(string han, string latin)
    {
        var match = NameComparison.Compare(han, latin);

        Assert.True(match.Score >= 0.8, $"{han} / {latin}: {match.Score} ({match.Explanation})");
    }

    [Theory]
    // A Korean or Chinese name is one word, or a one-syllable surname apart: read as such, not as a foreign word.
    [InlineData("김정은", "Kim Jong Un")]
    [InlineData("박지성", "Park Ji-sung")]
    [InlineData("毛泽东", "Mao Zedong")]
    public void A_Korean_or_Chinese_name_is_not_read_as_a_foreign_one(string native, string latin)
    {
        var match = NameComparison.Compare(native, latin);

        Assert.True(match.Score >= 0.9, $"{native} / {latin}: {match.Score} ({match.Explanation})");
        Assert.DoesNotContain("a foreign name", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("김정은", false)]
    [InlineData("김 정은", false)]
    [InlineData("이슬 김", false)]
    [InlineData("毛泽东", false)]
    [InlineData("毛 泽东", false)]
    [InlineData("앙겔라 메르켈", true)]
    [InlineData("트럼프", true)]
    [InlineData("弗拉基米尔", true)]
    [InlineData("唐纳德·特朗普", true)]
    public void Only_a_form_shaped_like_a_foreign_name_is_also_read_as_one(string form, bool foreign)
    {
        // Two words of two syllables or more, a Han word of four characters or more, or a Hangul word with Korean's added
        // vowel; a Korean or Chinese name (one word, or a one-syllable surname apart) is not given the reading, its keys or its cost.
        var rules = NameComparison.Prepare(form).Readings.Select(r => r.Rule).ToArray();

        Assert.Equal(foreign, rules.Any(r => r.Contains("a foreign name", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_Latin_query_finds_the_Hangul_form_of_a_foreign_name_among_Korean_names()
    {
        using var index = new NameIndex();
        string[] family = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"];
        string[] given = ["민준", "서연", "도윤", "하은", "지호", "수아", "예준", "지우", "주원", "서윤"];
        var n = 0;
        foreach (var f in family)
        {
            foreach (var g in given)
            {
                index.Add($"other-{n++}", f + g);
                index.Add($"other-{n++}", $"{f} {g}");
            }
        }
        index.Add("listed", "앙겔라 메르켈");

        var hits = index.Search("Angela Merkel", 5);

        Assert.Equal("listed", hits[0].EntityId);
    }
}
