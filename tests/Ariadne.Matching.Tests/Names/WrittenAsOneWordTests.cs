using Ariadne.Matching.Names;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// Two words of one form written as one word in the other (NameComparison joins them to compare, NameKeys keys them
/// both ways): Korean given names (Yong-won / Yongwon, Jong Un / 정은), Arabic compounds (Abdul Rahman / Abdulrahman,
/// Abu Bakr / Abubakr), Chinese given names (Xiao Ping / Xiaoping).
/// </summary>
public sealed class WrittenAsOneWordTests
{
    [Theory]
    [InlineData("Abdul Rahman Ali", "Abdulrahman Ali")]
    [InlineData("Cho Yong-won", "Cho Yongwon")]
    [InlineData("Kim Jong Un", "Kim Jongun")]
    [InlineData("Abu Bakr al Baghdadi", "Abubakr al Baghdadi")]
    [InlineData("Deng Xiao Ping", "Deng Xiaoping")]
    [InlineData("Abd Allah Azzam", "Abdallah Azzam")]
    public void Two_words_written_as_one_meet_and_say_so(string apart, string joined)
    {
        var match = NameComparison.Compare(apart, joined);
        var reverse = NameComparison.Compare(joined, apart);

        Assert.True(match.Score >= 0.95, $"{apart} / {joined}: {match.Score} ({match.Explanation})");
        Assert.Equal(match.Score, reverse.Score);
        Assert.Contains("two words written as one", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // Korean given names in Hangul are read as one word (정은 jeongeun); Latin forms write them apart.
    [InlineData("Kim Jong Un", "김정은")]
    [InlineData("Jo Yong Won", "조용원")]
    public void A_Korean_given_name_written_apart_meets_its_Hangul(string latin, string hangul)
    {
        var match = NameComparison.Compare(latin, hangul);

        Assert.True(match.Score >= 0.9, $"{latin} / {hangul}: {match.Score} ({match.Explanation})");
    }

    [Theory]
    // Joined, "muhammedel" is close to "muhammed" only because the first token already is: not one word.
    [InlineData("Muhammed El Besir", "Muhammed Becker")]
    // Two given names that joined are still another name.
    [InlineData("Ana Maria Lopez", "Anastasia Lopez")]
    public void Words_are_not_joined_where_joining_adds_nothing(string a, string b)
    {
        var match = NameComparison.Compare(a, b);

        Assert.DoesNotContain("written as one", match.Explanation, StringComparison.Ordinal);
        Assert.True(match.Score < 0.85, $"{a} / {b}: {match.Score} ({match.Explanation})");
    }

    [Theory]
    [InlineData("Abdul Rahman Ali", "Abdulrahman Ali")]
    [InlineData("Kim Jong Un", "Kim Jongun")]
    [InlineData("Cho Yong won Pak", "Cho Yongwon")]
    public void The_cross_reference_bound_still_holds_for_joined_words(string a, string b)
    {
        var (left, right) = (NameComparison.Prepare(a), NameComparison.Prepare(b));

        // The full cross-reference skips pairs whose bound is under the threshold: a bound under the score loses links.
        Assert.True(NameComparison.ScoreBound(left, right) >= NameComparison.Score(left, right));
        Assert.True(NameComparison.ScoreBound(right, left) >= NameComparison.Score(right, left));
    }

    private static readonly string[] s_syllables = ["ab", "dul", "rah", "man", "kim", "jong", "un", "yong", "won", "a", "li", "al", "bakr", "abu"];

    private static Arbitrary<string> SyllableName() =>
        Gen.Elements(s_syllables).ArrayOf().Select(parts => string.Join(' ',
            parts.Select((s, i) => i % 3 == 2 ? s + "x" : s))).ToArbitrary();

    [Property(MaxTest = 3_000)]
    public Property The_bound_is_never_under_the_score() =>
        Prop.ForAll(SyllableName(), SyllableName(), (a, b) =>
        {
            var (left, right) = (NameComparison.Prepare(a), NameComparison.Prepare(b));
            return NameComparison.ScoreBound(left, right) >= NameComparison.Score(left, right);
        });

    [Fact]
    public void A_one_word_query_finds_the_form_written_apart_among_many_holders_of_its_parts()
    {
        using var index = new NameIndex();
        for (var i = 0; i < 300; i++)
        {
            index.Add($"other-{i:000}", i % 2 == 0 ? $"Yong Su {(char)('a' + i % 26)}{(char)('a' + i / 26 % 26)}" : $"Won Ho {(char)('a' + i % 26)}ra");
        }
        index.Add("listed", "JO YONG-WON");

        var hits = index.Search("Cho Yongwon", 10);

        Assert.Equal("listed", hits[0].EntityId);
        Assert.Contains("two words written as one", hits[0].Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JO YONG-WON", "tyongwon")]
    [InlineData("Kim Chong-il", "tchongil")]
    // In the other romanisation too (ch as j: Jong-il).
    [InlineData("Kim Chong-il", "tjongil")]
    [InlineData("Kim Jong Un", "tjongun")]
    public void A_Korean_given_name_written_apart_is_keyed_as_one_word(string name, string key)
    {
        Assert.Contains(key, NameKeys.Of(NameComparison.Prepare(name)));
    }

    [Fact]
    public void Two_Latin_words_that_are_not_Korean_syllables_are_not_keyed_joined()
    {
        Assert.DoesNotContain("tabubakr", NameKeys.Of(NameComparison.Prepare("Abu Bakr")));
    }

    [Fact]
    public void A_one_word_Korean_given_name_finds_the_form_written_apart_when_crowds_share_its_syllables()
    {
        // Among two million names the crowds that share jo, yong and won and the joined consonants yngn kept JO YONG-WON out
        // of the hundred candidates for "Cho Yongwon": the candidate bound here is ten, and the crowd fills it.
        using var index = new NameIndex(candidates: 10);
        var syllables = new[] { "nam", "su", "chol", "ho", "il", "jin", "min", "sik", "gil", "chun", "hui", "gyu" };
        for (var i = 0; i < 240; i++)
        {
            var s = syllables[i % syllables.Length];
            index.Add($"other-{i:000}", (i % 4) switch
            {
                // jo and the consonants y-n-g-n of yeon-geun, as yongwon's are when written as one word (w a vowel).
                0 => $"Jo Yeon-geun {s}",
                1 => $"Cho Yeon Geun {s}",
                2 => $"Jo Yong {s}",
                _ => $"Jo {s} Won",
            });
        }
        index.Add("listed", "JO YONG-WON");

        var hits = index.Search("Cho Yongwon", 10);

        Assert.Equal("listed", hits[0].EntityId);
    }
}
