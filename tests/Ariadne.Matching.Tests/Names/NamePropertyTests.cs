using Ariadne.Matching.Names;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ariadne.Matching.Tests.Names;

public sealed class NamePropertyTests
{
    private static readonly char[] s_alphabet = "abcdeiouvšćДИМТРОВщъюяіїєёыйхгз محمدΑβ王 -.'’ʿ\u0301".ToCharArray();

    private static Arbitrary<string> NameLike() =>
        Gen.Elements(s_alphabet).ArrayOf().Select(chars => new string(chars)).ToArbitrary();

    [Property(MaxTest = 2_000)]
    public Property Comparing_never_throws_scores_stay_in_range_and_a_name_meets_itself() =>
        Prop.ForAll(NameLike(), NameLike(), (a, b) =>
        {
            var score = NameComparison.Compare(a, b).Score;
            var self = NameComparison.Compare(a, a).Score;
            var hasLetters = NameComparison.Readings(a).Any(); // honorifics alone are no name
            return score is >= 0 and <= 1 && (hasLetters ? self == 1 : self == 0);
        });
}
