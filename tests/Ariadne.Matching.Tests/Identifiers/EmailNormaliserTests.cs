using Ariadne.Matching.Identifiers;

namespace Ariadne.Matching.Tests.Identifiers;

/// <summary>E-mail addresses (KD-06 communications; issue #11 item 2).</summary>
public sealed class EmailNormaliserTests
{
    [Theory]
    [InlineData(" Ana.Popescu@Example.RO ", "ana.popescu@example.ro")]
    [InlineData("IVAN.PETROV@ABV.BG", "ivan.petrov@abv.bg")]
    [InlineData("mailto:ivan@abv.bg", "ivan@abv.bg")]
    [InlineData("Ivan Petrov <Ivan.Petrov@abv.bg>", "ivan.petrov@abv.bg")]
    [InlineData("info@пример.бг", "info@xn--e1afmkfd.xn--90ae")]
    [InlineData("info@XN--E1AFMKFD.xn--90ae", "info@xn--e1afmkfd.xn--90ae")]
    [InlineData("olga_k-1985@mail.ru", "olga_k-1985@mail.ru")]
    public void Addresses_become_one_lower_case_key(string input, string expected)
    {
        Normalised.Key(EmailNormaliser.Normalise(input), expected);
    }

    [Theory]
    // Provider rules are not applied: the key means "the same address as written" (see the normaliser's remarks).
    [InlineData("john.smith@gmail.com", "johnsmith@gmail.com")]
    [InlineData("ivan+jobs@gmail.com", "ivan@gmail.com")]
    public void Gmail_dots_and_plus_tags_are_kept(string one, string other)
    {
        var a = Assert.IsType<NormalisedIdentifier>(EmailNormaliser.Normalise(one));
        var b = Assert.IsType<NormalisedIdentifier>(EmailNormaliser.Normalise(other));

        Assert.Equal(one, a.Key);
        Assert.NotEqual(a.Key, b.Key);
    }

    [Theory]
    [InlineData("ivan.abv.bg", "no @")]
    [InlineData("@abv.bg", "before the @")]
    [InlineData("ivan@", "after the @")]
    [InlineData("ivan@localhost", "no dot")]
    [InlineData("ivan@abv.", "no dot")]
    [InlineData("ivan petrov@abv.bg", "space")]
    [InlineData("ivan@abv..bg", "not a valid domain")]
    [InlineData("", "empty")]
    public void Malformed_addresses_are_refused_with_a_reason(string input, string reason)
    {
        Normalised.Failure(EmailNormaliser.Normalise(input), reason);
    }
}
