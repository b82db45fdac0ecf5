using Ariadne.Matching.Identifiers;

namespace Ariadne.Matching.Tests.Identifiers;

/// <summary>IBAN with the ISO 13616 mod-97 check (KD-09 financial; issue #10 item 2).</summary>
public sealed class IbanNormaliserTests
{
    [Theory]
    // Published example IBANs of the national banks / SWIFT registry, in their printed form
    [InlineData("RO49 AAAA 1B31 0075 9384 0000", "RO49AAAA1B31007593840000")]
    [InlineData("IBAN RO49 AAAA 1B31 0075 9384 0000", "RO49AAAA1B31007593840000")]
    [InlineData("ro49aaaa1b31007593840000", "RO49AAAA1B31007593840000")]
    [InlineData("BG80 BNBG 9661 1020 3456 78", "BG80BNBG96611020345678")]
    [InlineData("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432")]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606")]
    [InlineData("NL91-ABNA-0417-1643-00", "NL91ABNA0417164300")]
    [InlineData("UA21 3223 1300 0002 6007 2335 6600 1", "UA213223130000026007233566001")]
    [InlineData("IT60 X054 2811 1010 0000 0123 456", "IT60X0542811101000000123456")]
    [InlineData("ES91 2100 0418 4502 0005 1332", "ES9121000418450200051332")]
    [InlineData("PL61 1090 1014 0000 0712 1981 2874", "PL61109010140000071219812874")]
    [InlineData("GR16 0110 1250 0000 0001 2300 695", "GR1601101250000000012300695")]
    [InlineData("BE68 5390 0754 7034", "BE68539007547034")]
    [InlineData("NO93 8601 1117 947", "NO9386011117947")]
    [InlineData("MT84 MALT 0110 0001 2345 MTLC AST0 01S", "MT84MALT011000012345MTLCAST001S")]
    [InlineData("MD24 AG00 0225 1000 1310 4168", "MD24AG000225100013104168")]
    [InlineData("AL47 2121 1009 0000 0002 3569 8741", "AL47212110090000000235698741")]
    public void Valid_IBANs_become_compact_upper_case(string input, string expected)
    {
        var result = Normalised.Key(IbanNormaliser.Normalise(input), expected);
        Assert.Null(result.Note);
    }

    [Theory]
    [InlineData("RO49 AAAA 1B31 0075 9384 0001", "check digits")] // last digit wrong
    [InlineData("RO94 AAAA 1B31 0075 9384 0000", "check digits")] // check digits swapped
    [InlineData("DE89 3704 0044 0532 0103 00", "check digits")] // two digits swapped
    [InlineData("DE89 3704 0044 0532 0130 0", "22 characters")] // one missing
    [InlineData("RO49 AAAA 1B31 0075 9384 0000 0", "24 characters")]
    [InlineData("49 AAAA 1B31", "country code")]
    [InlineData("RO49_AAAA", "letters and digits")]
    [InlineData("", "country code")]
    public void Wrong_IBANs_are_refused_with_a_reason(string input, string reason)
    {
        Normalised.Failure(IbanNormaliser.Normalise(input), reason);
    }

    [Fact]
    public void A_country_outside_the_table_is_checked_by_mod97_only_and_says_so()
    {
        // Check digits computed independently (Python, ISO 13616 algorithm) for a Russian account.
        var result = Normalised.Key(IbanNormaliser.Normalise("RU46 0445 2522 5408 1781 0538 0912 3456 7"),
            "RU4604452522540817810538091234567");
        Assert.Contains("only the check digits", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_SEPA_country_has_its_length_in_the_table()
    {
        // The SEPA scheme's member list (EPC, 2025), written out here independently of the table.
        string[] sepa = ["AD", "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GI", "GR",
            "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI",
            "SK", "SM", "VA", "AL", "MD", "ME", "MK", "RS"];
        Assert.All(sepa, country => Assert.True(IbanNormaliser.Lengths.ContainsKey(country), country));
        Assert.Equal(24, IbanNormaliser.Lengths["RO"]);
        Assert.Equal(22, IbanNormaliser.Lengths["BG"]);
        Assert.Equal(15, IbanNormaliser.Lengths["NO"]);
        Assert.Equal(31, IbanNormaliser.Lengths["MT"]);
    }
}
