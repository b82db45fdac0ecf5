using Ariadne.Matching.Names;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// A patronymic one form has and the other lacks weighs half a token (Patronymic, ADR 0012): "Vladimir Putin" is the
/// passport form of "Vladimir Vladimirovich Putin", not a different man with a third name.
/// </summary>
public sealed class PatronymicTests
{
    [Theory]
    // 2 tokens matched over (2 + 3 - 0.5) / 2: 0.89, where a second given name leaves 0.80.
    [InlineData("Vladimir Putin", "Vladimir Vladimirovich Putin", 0.8889)]
    [InlineData("Vladimir Putin", "Владимир Владимирович Путин", 0.8889)]
    [InlineData("Aslan Byutukaev", "BYUTUKAEV Aslan Avgazarovich", 0.8889)]
    [InlineData("Viktor Yanukovych", "Viktor Fedorovych Yanukovych", 0.8889)]
    [InlineData("Anna Ivanova", "Anna Petrovna Ivanova", 0.8889)]
    [InlineData("Svetlana Alliluyeva", "Svetlana Iosifovna Alliluyeva", 0.8889)]
    // Not patronymics: a German second given name, a South Slavic family name, a -vich family name in a two-token name.
    [InlineData("Karl Weber", "Karl Heinrich Weber", 0.8)]
    [InlineData("Marko Jovanovic", "Marko Petrovic Jovanovic", 0.8)]
    [InlineData("Roman Petrov", "Roman Abramovich", 0.5)]
    // Two patronymics that differ are two fathers: whole weight.
    [InlineData("Ivan Petrovich Sidorov", "Ivan Nikolaevich Sidorov", 0.6667)]
    public void An_unmatched_patronymic_weighs_half_a_token(string left, string right, double expected)
    {
        Assert.Equal(expected, NameComparison.Compare(left, right).Score, 3);
        Assert.Equal(expected, NameComparison.Compare(right, left).Score, 3);
    }

    [Fact]
    public void The_full_form_with_a_patronymic_finds_the_passport_form_first()
    {
        using var index = new NameIndex();
        index.Add("second-given-name", "Vladimir Aleksandr Putin");
        index.Add("patronymic", "Vladimir Vladimirovich Putin");

        var hits = index.Search("Vladimir Putin", 10);

        Assert.Equal("patronymic", hits[0].EntityId);
        Assert.True(hits[0].NameScore > hits[1].NameScore);
    }

    private static readonly string[] s_tokens =
        ["ivan", "ivanovich", "petrovna", "petrov", "fedorovych", "anna", "a", "ilyinichna", "abramovich", "heinrich", "ivanova"];

    private static Arbitrary<string> Names() =>
        Gen.Elements(s_tokens).ArrayOf().Where(t => t.Length is > 0 and < 6).Select(t => string.Join(' ', t)).ToArbitrary();

    [Property(MaxTest = 2_000)]
    public Property With_patronymics_scores_stay_in_range_and_under_the_bound_the_cross_reference_prunes_by() =>
        Prop.ForAll(Names(), Names(), (a, b) =>
        {
            var (left, right) = (NameComparison.Prepare(a), NameComparison.Prepare(b));
            var score = NameComparison.Score(left, right);
            return score is >= 0 and <= 1 && NameComparison.ScoreBound(left, right) >= score
                && NameComparison.Compare(a, b).Score == score;
        });
}
