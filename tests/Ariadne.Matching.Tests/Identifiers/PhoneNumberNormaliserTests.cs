using Ariadne.Matching.Identifiers;

namespace Ariadne.Matching.Tests.Identifiers;

/// <summary>Phone numbers to E.164 (issue #11 item 2; issue #10 item 2; INT-P2, KD-06).</summary>
public sealed class PhoneNumberNormaliserTests
{
    [Theory]
    // Romania: the three ways issue #11 quotes, and a Bucharest landline
    [InlineData("0040 721 234 567", "RO", "+40721234567")]
    [InlineData("+40-721-234-567", "RO", "+40721234567")]
    [InlineData("0721 234 567", "RO", "+40721234567")]
    [InlineData("0721.234.567", "RO", "+40721234567")]
    [InlineData("(021) 312 34 56", "RO", "+40213123456")]
    // Bulgaria: mobile and Sofia landline, national format
    [InlineData("0888 123 456", "BG", "+359888123456")]
    [InlineData("02 987 6543", "BG", "+35929876543")]
    // United Kingdom: mobile and London; UK is accepted for GB
    [InlineData("07911 123456", "GB", "+447911123456")]
    [InlineData("020 7946 0958", "UK", "+442079460958")]
    // Nigeria, Viet Nam, Ukraine: national mobile formats
    [InlineData("0803 123 4567", "NG", "+2348031234567")]
    [InlineData("091 234 56 78", "VN", "+84912345678")]
    [InlineData("050 123 4567", "UA", "+380501234567")]
    [InlineData("067-123-45-67", "UA", "+380671234567")]
    // A foreign number written internationally is read as itself whatever the reporting country
    [InlineData("+359 888 123 456", "RO", "+359888123456")]
    [InlineData("00359 888 123 456", "RO", "+359888123456")]
    [InlineData("0044 7911 123456", "RO", "+447911123456")]
    [InlineData("+44 (0) 7911 123456", "BG", "+447911123456")]
    // Lower-case region, and digits written in Arabic-Indic script
    [InlineData("0721 234 567", "ro", "+40721234567")]
    [InlineData("٠٧٢١٢٣٤٥٦٧", "RO", "+40721234567")]
    // International numbers need no region at all
    [InlineData("+40 721 234 567", null, "+40721234567")]
    public void Numbers_as_written_become_E164(string input, string? region, string expected)
    {
        var result = Normalised.Key(PhoneNumberNormaliser.Normalise(input, region), expected);

        Assert.Null(result.Note);
        Assert.Equal(input, result.AsEntered);
        Assert.Equal(IdentifierKind.Phone, result.Kind);
    }

    [Theory]
    [InlineData("40721234567", "GB", "+40721234567")]
    [InlineData("359 888 123 456", "RO", "+359888123456")]
    public void International_numbers_without_plus_are_read_when_the_national_reading_fails_and_say_so(
        string input, string region, string expected)
    {
        var result = Normalised.Key(PhoneNumberNormaliser.Normalise(input, region), expected);

        Assert.Contains("without + or 00", result.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345", "RO", "12345")]
    [InlineData("0721 234 567", null, "0721234567")]
    [InlineData("0721 234 567", "XX", "0721234567")]
    [InlineData("+40 12", "RO", "4012")]
    public void Numbers_that_cannot_be_parsed_keep_a_digits_only_key_and_say_so(string input, string? region, string expected)
    {
        var result = Normalised.Key(PhoneNumberNormaliser.Normalise(input, region), expected);

        Assert.NotNull(result.Note);
        Assert.Contains("digits only", result.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("call after six")]
    [InlineData(null)]
    public void Text_without_digits_is_refused_with_a_reason(string? input)
    {
        Normalised.Failure(PhoneNumberNormaliser.Normalise(input, "RO"), "no digits");
    }

    [Theory]
    [InlineData("call after 6pm")]
    [InlineData("floor 12")]
    public void One_or_two_digits_are_no_phone_number(string input)
    {
        Normalised.Failure(PhoneNumberNormaliser.Normalise(input, "RO"), "at least 3");
    }

    [Fact]
    public void The_region_only_decides_numbers_written_the_national_way()
    {
        // The same national digits are a Romanian number for a Romanian unit and a Bulgarian one for a Bulgarian unit.
        var ro = Assert.IsType<NormalisedIdentifier>(PhoneNumberNormaliser.Normalise("0888 123 456", "RO"));
        var bg = Assert.IsType<NormalisedIdentifier>(PhoneNumberNormaliser.Normalise("0888 123 456", "BG"));

        Assert.Equal("+359888123456", bg.Key);
        Assert.NotEqual(bg.Key, ro.Key);
    }
}
