using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>Chinese names in Hanyu Pinyin and in Wade–Giles are one name (WadeGiles).</summary>
public sealed class WadeGilesTests
{
    [Theory]
    // Initials: b d g are p t k; z c are ts; zh ch j q are ch; x is hs; r is j.
    [InlineData("deng", "teng")]
    [InlineData("jiang", "chiang")]
    [InlineData("qiang", "chiang")]
    [InlineData("zhou", "chou")]
    [InlineData("xiao", "hsiao")]
    [InlineData("cai", "tsai")]
    [InlineData("ze", "tse")]
    [InlineData("ren", "jen")]
    [InlineData("bei", "pei")]
    // Finals: ong ung, ie ieh, ian ien, uo o, e o after k and h, ui uei after k.
    [InlineData("dong", "tung")]
    [InlineData("jie", "chieh")]
    [InlineData("tian", "tien")]
    [InlineData("luo", "lo")]
    [InlineData("guo", "kuo")]
    [InlineData("he", "ho")]
    [InlineData("gui", "kuei")]
    // The apical vowels and the y syllables.
    [InlineData("zhi", "chih")]
    [InlineData("shi", "shih")]
    [InlineData("zi", "tzu")]
    [InlineData("si", "ssu")]
    [InlineData("you", "yu")]
    [InlineData("yan", "yen")]
    [InlineData("yong", "yung")]
    public void A_pinyin_syllable_is_written_so_in_Wade_Giles(string pinyin, string wadeGiles)
    {
        Assert.Equal(wadeGiles, WadeGiles.FromPinyin(pinyin));
        Assert.True(WadeGiles.AreVariants(pinyin, wadeGiles));
        Assert.True(WadeGiles.AreVariants(wadeGiles, pinyin));
    }

    [Theory]
    // Not one Mandarin syllable: no pinyin reading.
    [InlineData("go")]
    [InlineData("jong")]
    [InlineData("charles")]
    [InlineData("smith")]
    [InlineData("tse")]
    public void A_token_that_is_no_pinyin_syllable_has_no_Wade_Giles_spelling(string token)
    {
        Assert.Null(WadeGiles.FromPinyin(token));
    }

    [Theory]
    [InlineData("毛泽东", "Mao Tse-tung")]
    [InlineData("邓小平", "Teng Hsiao-ping")]
    [InlineData("周恩来", "Chou En-lai")]
    [InlineData("蔡英文", "Tsai Ing-wen")]
    [InlineData("李登輝", "Li Teng-hui")]
    // Latin to Latin when the given name is written apart in both, or joined where its syllables start alike (En-lai / Enlai);
    // a pinyin given name written as one word against Wade-Giles apart (Zedong / Tse-tung) is not split into syllables.
    [InlineData("Mao Ze Dong", "Mao Tse-tung")]
    [InlineData("Zhou Enlai", "Chou En-lai")]
    public void A_Chinese_name_meets_its_Wade_Giles_spelling_and_says_so(string a, string b)
    {
        var match = NameComparison.Compare(a, b);

        Assert.True(match.Score >= 0.9, $"{a} / {b}: {match.Score} ({match.Explanation})");
        Assert.Contains("Pinyin / Wade-Giles", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // Syllables that differ in more than the romanisation stay apart.
    [InlineData("Mao Zedong", "Mao Tsu-tang")]
    [InlineData("Zhou Enlai", "Chao Anlei")]
    public void Other_Chinese_names_stay_below_a_match(string a, string b)
    {
        Assert.True(NameComparison.Compare(a, b).Score < 0.85, $"{a} / {b}: {NameComparison.Compare(a, b).Score}");
    }

    [Fact]
    public void A_Wade_Giles_query_finds_the_Han_form_among_many_holders_of_its_surname()
    {
        using var index = new NameIndex();
        string[] given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "平"];
        for (var i = 0; i < 300; i++)
        {
            index.Add($"other-{i:000}", $"毛{given[i % given.Length]}{given[i / given.Length % given.Length]}");
        }
        index.Add("listed", "毛泽东");

        var hits = index.Search("Mao Tse-tung", 5);

        Assert.Equal("listed", hits[0].EntityId);
    }

    [Theory]
    // A Chinese given name's two syllables keyed as one word, the same in pinyin, Wade–Giles and Han.
    [InlineData("Mao Tse-tung", "ttsetung")]
    [InlineData("毛泽东", "ttsetung")]
    [InlineData("Mao Ze Dong", "ttsetung")]
    public void A_Chinese_given_name_is_keyed_as_one_word_in_Wade_Giles(string name, string key)
    {
        Assert.Contains(key, NameKeys.Of(NameComparison.Prepare(name)));
    }

    [Fact]
    public void A_family_name_is_not_keyed_joined_with_the_given_name()
    {
        // 思 金 is Si, family name, and Jin: keyed sijin it met 시진핑 (Xi Jinping) ahead of 习近平.
        var keys = NameKeys.Of(NameComparison.Prepare("思 金"));

        Assert.DoesNotContain(keys, k => k.StartsWith('t') && k.Length > 5);
    }

    [Fact]
    public void A_Wade_Giles_query_finds_the_Han_form_among_Latin_holders_of_its_syllables()
    {
        // Vietnamese names hold tung as a token (Tùng), which the Han form's syllable keys weigh half of: among two
        // million names they filled the hundred candidates for "Mao Tse-tung" before 毛泽东.
        using var index = new NameIndex(candidates: 10);
        string[] given = ["Anh", "Thanh", "Minh", "Duc", "Van", "Huu", "Quoc", "Xuan", "Ngoc", "Hoang"];
        for (var i = 0; i < 20; i++)
        {
            index.Add($"vi-{i:000}", $"{(i % 2 == 0 ? "Mai" : "Dao")} {given[i % given.Length]} Tùng");
        }
        // And the crowd of 毛, which holds mao as the query does.
        string[] han = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "华", "平", "东"];
        for (var i = 0; i < 400; i++)
        {
            index.Add($"zh-{i:000}", $"毛{han[i % han.Length]}{han[i / han.Length % han.Length]}");
        }
        index.Add("listed", "毛泽东");

        var hits = index.Search("Mao Tse-tung", 5);

        Assert.Equal("listed", hits[0].EntityId);
    }
}
