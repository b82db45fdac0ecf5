using Ariadne.Matching.Identifiers;

namespace Ariadne.Matching.Tests.Identifiers;

/// <summary>Address tokens (KD-04), transfer references and cards (KD-09); issue #11 item 2.</summary>
public sealed class AddressAndFinancialNormaliserTests
{
    [Theory]
    [InlineData("Str. Mihai Eminescu nr. 15", "15 eminescu mihai street")]
    [InlineData("15 Strada Mihai Eminescu", "15 eminescu mihai street")]
    [InlineData("STRADA MIHAI EMINESCU, NR.15", "15 eminescu mihai street")]
    // Romanian Ș with comma below and with cedilla both fold to s
    [InlineData("Bd. Ștefan cel Mare 12A", "12 a boulevard cel mare stefan")]
    [InlineData("Bulevardul Ştefan cel Mare nr 12 a", "12 a boulevard cel mare stefan")]
    [InlineData("Bl. A3, Sc. B, Et. 2, Ap. 14", "14 2 3 a apartment b block entrance floor")]
    [InlineData("ul. Marszałkowska 10/12", "10 12 marszalkowska street")]
    [InlineData("Hauptstr. 5", "5 hauptstrasse")]
    [InlineData("Hauptstraße 5", "5 hauptstrasse")]
    [InlineData("ул. Витоша 15", "15 street витоша")]
    [InlineData("улица Витоша № 15", "15 street витоша")]
    [InlineData("бул. Витоша ٤٥", "45 boulevard витоша")]
    [InlineData("Váci utca 15", "15 street vaci")]
    public void Addresses_become_a_sorted_token_set(string input, string expected)
    {
        Normalised.Key(AddressNormaliser.Normalise(input), expected);
    }

    [Fact]
    public void A_house_letter_is_not_read_as_an_abbreviation()
    {
        // "c" is Spanish "calle" only when written as "c/": a lone letter after a number is part of the number.
        Normalised.Key(AddressNormaliser.Normalise("Strada Lalelelor 7 c"), "7 c lalelelor street");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , / - ")]
    public void Addresses_without_words_are_refused(string input)
    {
        Normalised.Failure(AddressNormaliser.Normalise(input), "no letter or digit");
    }

    [Theory]
    [InlineData("MTCN 123-456-7890", "1234567890")]
    [InlineData("mtcn: 123 456 7890", "1234567890")]
    [InlineData("1234567890", "1234567890")]
    [InlineData("Ref: 8765 4321", "87654321")]
    [InlineData("ab 12 cd 34", "AB12CD34")]
    public void Transfer_references_lose_labels_and_separators(string input, string expected)
    {
        Normalised.Key(MoneyTransferReferenceNormaliser.Normalise(input), expected);
    }

    [Theory]
    [InlineData("12", "at least 4")]
    [InlineData("12-3", "at least 4")]
    [InlineData("MTCN:", "only a label")]
    public void Too_short_references_are_refused(string input, string reason)
    {
        Normalised.Failure(MoneyTransferReferenceNormaliser.Normalise(input), reason);
    }

    [Theory]
    [InlineData("4111 1111 1111 1111", "4111111111111111")] // Visa test number
    [InlineData("5500-0000-0000-0004", "5500000000000004")] // Mastercard test number
    [InlineData("3782 822463 10005", "378282246310005")] // American Express test number
    [InlineData("6011.1111.1111.1117", "6011111111111117")] // Discover test number
    public void Card_numbers_that_pass_Luhn_become_digits(string input, string expected)
    {
        var result = Normalised.Key(PaymentCardNormaliser.Normalise(input), expected);
        Assert.Null(result.Note);
    }

    [Fact]
    public void Masked_card_numbers_keep_their_mask_and_say_so()
    {
        var result = Normalised.Key(PaymentCardNormaliser.Normalise("4111 11** **** 1111"), "411111******1111");
        Assert.Contains("Masked", result.Note, StringComparison.Ordinal);
        Normalised.Key(PaymentCardNormaliser.Normalise("XXXX XXXX XXXX 1111"), "************1111");
    }

    [Theory]
    [InlineData("4111 1111 1111 1112", "Luhn")]
    [InlineData("4111 1111 1111 1121", "Luhn")] // two digits swapped
    [InlineData("4111 1111", "12 to 19")]
    [InlineData("4111 1111 1111 111A", "only digits")]
    [InlineData("**** **** **** ***1", "4 visible digits")]
    public void Wrong_card_numbers_are_refused(string input, string reason)
    {
        Normalised.Failure(PaymentCardNormaliser.Normalise(input), reason);
    }
}
