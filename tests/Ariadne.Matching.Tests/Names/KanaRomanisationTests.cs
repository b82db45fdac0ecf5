using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>Kana in the Hepburn romanisation as a Japanese passport writes it (KanaRomanisation).</summary>
public sealed class KanaRomanisationTests
{
    [Theory]
    // Long vowels are not written on a passport.
    [InlineData("サトウ", "sato")]
    [InlineData("さとう", "sato")]
    [InlineData("オオノ", "ono")]
    [InlineData("ユウコ", "yuko")]
    [InlineData("トオル", "toru")]
    [InlineData("ジュンイチロウ", "junichiro")]
    [InlineData("こうのすけ", "konosuke")]
    [InlineData("コーヘー", "kohe")]
    // ...but う that begins the next syllable is (井上 Inoue), and so are ei and ii.
    [InlineData("イノウエ", "inoue")]
    [InlineData("セイコ", "seiko")]
    [InlineData("いいだ", "iida")]
    // Small ya, yu, yo glide after an i-syllable.
    [InlineData("キョウコ", "kyoko")]
    [InlineData("チャン", "chan")]
    [InlineData("ジョン", "jon")]
    [InlineData("しゅんすけ", "shunsuke")]
    [InlineData("リョウ", "ryo")]
    // Small vowels write foreign sounds.
    [InlineData("ティム", "timu")]
    [InlineData("ディン", "din")]
    [InlineData("ファン", "fan")]
    [InlineData("ウォン", "won")]
    [InlineData("ジェシカ", "jeshika")]
    [InlineData("ヴィクトル", "vikutoru")]
    // っ doubles the next consonant, and before ch it is t.
    [InlineData("ハッサン", "hassan")]
    [InlineData("マッチャ", "matcha")]
    [InlineData("はっとり", "hattori")]
    // ん is m before b, m and p.
    [InlineData("ホンマ", "homma")]
    [InlineData("さんぺい", "sampei")]
    [InlineData("しんいち", "shinichi")]
    // Half-width katakana is the same letters.
    [InlineData("ｻﾄｳ", "sato")]
    [InlineData("ﾀﾞｲｽｹ", "daisuke")]
    // ぢ and づ are ji and zu; を is o.
    [InlineData("ちぢみ", "chijimi")]
    [InlineData("みかづき", "mikazuki")]
    public void Kana_is_written_as_on_a_Japanese_passport(string kana, string expected)
    {
        Assert.Equal(expected, KanaRomanisation.Hepburn(kana));
    }

    [Theory]
    // The vowels Japanese adds to a foreign consonant go: u before a consonant or at the end, a final to or do.
    [InlineData("メルケル", "merker")]
    [InlineData("トランプ", "toramp")]
    [InlineData("ドナルド", "donard")]
    [InlineData("クリスティーナ", "kristina")]
    // A vowel that ー lengthens or a small kana writes is the word's own.
    [InlineData("プーチン", "puchin")]
    [InlineData("ジョン", "jon")]
    public void Katakana_is_read_back_without_the_vowels_it_adds_to_a_foreign_consonant(string kana, string expected)
    {
        Assert.Equal(expected, KanaRomanisation.Loanword(kana));
    }

    [Theory]
    [InlineData("アンゲラ・メルケル", "Angela Merkel", 0.92)]
    [InlineData("クリスティーナ・コヴァチ", "Kristina Kovac", 0.95)]
    [InlineData("ミハイル・ゴルバチョフ", "Mikhail Gorbachev", 0.89)]
    public void A_foreign_name_in_katakana_meets_its_own_spelling(string kana, string latin, double atLeast)
    {
        var match = NameComparison.Compare(kana, latin);

        // Hepburn alone: 0.90, 0.91 and 0.86.
        Assert.True(match.Score >= atLeast, $"{kana} / {latin}: {match.Score} ({match.Explanation})");
        Assert.Contains("Japanese writes it, read back", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("サトウ タロウ", "Taro Sato")]
    [InlineData("オオノ ユウコ", "Ono Yuko")]
    [InlineData("キョウコ ヤマモト", "Kyoko Yamamoto")]
    [InlineData("ジュンイチロウ コイズミ", "Junichiro Koizumi")]
    [InlineData("ハッサン", "Hassan")]
    [InlineData("チャン・ミン", "Chan Min")]
    [InlineData("ジョン・レノン", "Jon Renon")]
    [InlineData("ホンマ ケンイチ", "Homma Kenichi")]
    public void A_name_in_kana_meets_its_passport_spelling_and_says_how_it_was_read(string kana, string latin)
    {
        var match = NameComparison.Compare(kana, latin);

        Assert.True(match.Score >= 0.9, $"{kana} / {latin}: {match.Score} ({match.Explanation})");
        Assert.Contains("Kana, Hepburn", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Latin_query_finds_the_kana_form_among_many_other_names()
    {
        using var index = new NameIndex();
        string[] given = ["タロウ", "ハナコ", "ケンジ", "ユミ", "ダイスケ", "アキラ"];
        string[] family = ["スズキ", "タカハシ", "タナカ", "ワタナベ", "イトウ", "ヤマモト", "ナカムラ", "コバヤシ"];
        var n = 0;
        foreach (var g in given)
        {
            foreach (var f in family)
            {
                index.Add($"other-{n++}", $"{f} {g}");
            }
        }
        index.Add("listed", "キョウコ サトウ");

        var hits = index.Search("Kyoko Sato", 5);

        Assert.Equal("listed", hits[0].EntityId);
        Assert.True(hits[0].Score >= 0.9, $"{hits[0].Score} ({hits[0].Explanation})");
    }
}
