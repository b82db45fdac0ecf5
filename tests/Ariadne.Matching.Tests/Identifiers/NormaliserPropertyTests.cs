using Ariadne.Matching.Identifiers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ariadne.Matching.Tests.Identifiers;

/// <summary>
/// Issue #11 item 2: no normaliser throws, whatever is typed; and a key normalised again is the same key, so keys
/// stored today still match values normalised tomorrow (and a key can be used as a query).
/// </summary>
public sealed class NormaliserPropertyTests
{
    private const int Runs = 3_000;

    /// <summary>One normaliser under test: turns text into a result, and names the part of a key that is the value.</summary>
    public sealed record Subject(string Name, Func<string?, NormalisationResult> Normalise, Func<string, string> ValueOfKey)
    {
        public override string ToString() => Name;
    }

    private static string Whole(string key) => key;
    private static string AfterLastColon(string key) => key[(key.LastIndexOf(':') + 1)..];
    private static string AfterFirstColon(string key) => key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static readonly Subject[] s_subjects =
    [
        new("phone RO", s => PhoneNumberNormaliser.Normalise(s, "RO"), Whole),
        new("phone GB", s => PhoneNumberNormaliser.Normalise(s, "GB"), Whole),
        new("phone no region", s => PhoneNumberNormaliser.Normalise(s, null), Whole),
        new("phone junk region", s => PhoneNumberNormaliser.Normalise(s, "Romania"), Whole),
        new("e-mail", EmailNormaliser.Normalise, Whole),
        new("IBAN", IbanNormaliser.Normalise, Whole),
        new("plate BG", s => VehiclePlateNormaliser.Normalise(s, "BG"), AfterLastColon),
        new("plate no country", s => VehiclePlateNormaliser.Normalise(s, null), AfterLastColon),
        new("passport UA", s => TravelDocumentNormaliser.Normalise(DocumentType.Passport, "UA", s), AfterLastColon),
        new("URL", UrlNormaliser.Normalise, Whole),
        new("address", AddressNormaliser.Normalise, Whole),
        new("transfer reference", MoneyTransferReferenceNormaliser.Normalise, Whole),
        new("card", PaymentCardNormaliser.Normalise, Whole),
        .. Enum.GetValues<MessagingPlatform>().Select(p =>
            new Subject("handle " + p, s => MessagingHandleNormaliser.Normalise(p, s, "RO"), AfterFirstColon)),
    ];

    /// <summary>Characters identifiers are made of, and the ones that break parsers, so collisions are likely.</summary>
    private static readonly char[] s_identifierAlphabet =
        "0123456789+-. ()/@:?&=#%_*xXaAbBcCoOmMwW.comhttps://www.t.me/ АВСКМОРТХавсІіΑΒ٠١٢٣٤٥ßŞȘșäÜ\u0301\t\n<>\"'\\,;[]"
            .ToCharArray();

    private static Arbitrary<string> IdentifierLikeStrings() =>
        Gen.Elements(s_identifierAlphabet).ArrayOf().Select(chars => new string(chars)).ToArbitrary();

    private static Arbitrary<string?> AnyStrings() => ArbMap.Default.ArbFor<string?>();

    private static bool NeverThrowsAndKeysAreStable(string? input)
    {
        foreach (var subject in s_subjects)
        {
            var result = subject.Normalise(input);
            if (result.AsEntered != (input ?? ""))
            {
                throw new InvalidOperationException($"{subject}: as entered changed for \"{input}\"");
            }
            switch (result)
            {
                case NormalisationFailure failure when string.IsNullOrWhiteSpace(failure.Reason):
                    throw new InvalidOperationException($"{subject}: failure without a reason for \"{input}\"");
                case NormalisedIdentifier identifier:
                    var again = subject.Normalise(subject.ValueOfKey(identifier.Key));
                    if (again is not NormalisedIdentifier same || same.Key != identifier.Key)
                    {
                        throw new InvalidOperationException(
                            $"{subject}: \"{input}\" gave key \"{identifier.Key}\", which normalised again gave {again}");
                    }
                    break;
            }
        }
        return true;
    }

    [Property(MaxTest = Runs)]
    public Property No_normaliser_throws_and_keys_are_idempotent_on_arbitrary_strings() =>
        Prop.ForAll(AnyStrings(), NeverThrowsAndKeysAreStable);

    [Property(MaxTest = Runs)]
    public Property No_normaliser_throws_and_keys_are_idempotent_on_identifier_like_strings() =>
        Prop.ForAll(IdentifierLikeStrings(), s => NeverThrowsAndKeysAreStable(s));

    [Theory]
    [InlineData("0040 721 234 567")]
    [InlineData("+40-721-234-567")]
    [InlineData("RO49 AAAA 1B31 0075 9384 0000")]
    [InlineData("https://www.example.com/a/?utm_source=x&id=1")]
    [InlineData("Str. Mihai Eminescu nr. 15")]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("СА 1234 АВ")]
    [InlineData("@Ivan_Petrov")]
    [InlineData("Ivan Petrov <Ivan.Petrov@abv.bg>")]
    [InlineData("++40721234567")]
    [InlineData("\0\uFFFF\uD800")]
    // Found by the property test at 300,000 runs, one in about 8,000 (the CI's 3,000 runs failed now and then): a host of
    // numbers only with a final dot, a host with no dot once www. goes, a handle with two leading @.
    [InlineData("3.69.")]
    [InlineData("www.9а")]
    [InlineData("@ @ivan")]
    // A query parameter that begins with "?" and sorts first (seen once in about 600,000 runs).
    [InlineData("a.com/?b&?a")]
    [InlineData("a.com/??x")]
    // A "://" inside the path of a key is no scheme (seen once in 1.6 million runs); the short form of the same case.
    [InlineData("Mw\u0301\u00DCwss.6\u0662/\u0664\u0441:\\/ \u0301\u0665\u00DC\u041C\u02180w(\u0412\u06600\u0664t_\u0663/x+2tm2\u0432)3?w\u0421\u0301,\u0410hx\u0420\u00E4\u0009*:s1/Cw\u039151")]
    [InlineData("example.com/go/https://other.org/ad")]
    public void Real_world_values_are_stable_too(string input)
    {
        Assert.True(NeverThrowsAndKeysAreStable(input));
    }
}
