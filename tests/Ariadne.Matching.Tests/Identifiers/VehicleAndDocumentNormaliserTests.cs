using Ariadne.Matching.Identifiers;

namespace Ariadne.Matching.Tests.Identifiers;

/// <summary>Vehicle plates + country (KD-05) and travel/identity documents (KD-07); issue #10 item 2.</summary>
public sealed class VehicleAndDocumentNormaliserTests
{
    [Theory]
    [InlineData("B 123 ABC", "RO", "RO:B123ABC")]
    [InlineData("b.123.abc", "ro", "RO:B123ABC")]
    [InlineData("CT-07-XYZ", "RO", "RO:CT07XYZ")]
    [InlineData("CA 1234 AB", "BG", "BG:CA1234AB")]
    // Bulgarian plate typed on a Cyrillic keyboard: С, А, В are Cyrillic here
    [InlineData("СА 1234 АВ", "BG", "BG:CA1234AB")]
    [InlineData("са1234ав", "BG", "BG:CA1234AB")]
    // Ukrainian plate with Cyrillic А, В and the Ukrainian І
    [InlineData("АА 1234 ВІ", "UA", "UA:AA1234BI")]
    // Russian plate with region code: А, В, С, Т, Х, Р, М, Е, Н, К, О, У all Cyrillic
    [InlineData("А 123 ВС 77", "RU", "RU:A123BC77")]
    [InlineData("ТХ 456 РМ", "RU", "RU:TX456PM")]
    [InlineData("ЕНКОУ", "RU", "RU:EHKOY")]
    // German plates really carry umlauts; they are not folded
    [InlineData("M-AB 1234", "DE", "DE:MAB1234")]
    [InlineData("MÜ-XY 12", "DE", "DE:MÜXY12")]
    [InlineData("AB12 CDE", "UK", "GB:AB12CDE")]
    // Greek plate in Greek capitals (Ι, Κ, Α), Greece written EL as in EU texts
    [InlineData("ΙΚΑ-1234", "EL", "GR:IKA1234")]
    public void Plates_become_country_and_plate_without_separators(string plate, string country, string expected)
    {
        var result = Normalised.Key(VehiclePlateNormaliser.Normalise(plate, country), expected);
        Assert.Null(result.Note);
    }

    [Fact]
    public void A_plate_without_a_country_keeps_a_plate_only_key_and_says_so()
    {
        var result = Normalised.Key(VehiclePlateNormaliser.Normalise("B 123 ABC", null), "B123ABC");
        Assert.Contains("country unknown", result.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- -", "no letter or digit")]
    [InlineData("WVWZZZ1JZXW000001 VIN", "VIN")]
    public void Plates_that_are_not_plates_are_refused(string plate, string reason)
    {
        Normalised.Failure(VehiclePlateNormaliser.Normalise(plate, "DE"), reason);
    }

    [Theory]
    [InlineData(DocumentType.Passport, "BG", "38 291 7465", "PASSPORT:BG:382917465")]
    [InlineData(DocumentType.IdentityCard, "RO", "RX 123456", "ID:RO:RX123456")]
    [InlineData(DocumentType.IdentityCard, "RO", "rx-123.456", "ID:RO:RX123456")]
    [InlineData(DocumentType.Passport, "UA", "FA 123456", "PASSPORT:UA:FA123456")]
    // Ukrainian internal passport series written in Cyrillic (К, В)
    [InlineData(DocumentType.IdentityCard, "UA", "КВ 123456", "ID:UA:KB123456")]
    [InlineData(DocumentType.Passport, "NG", "A01234567", "PASSPORT:NG:A01234567")]
    [InlineData(DocumentType.ResidencePermit, "EL", "ΑΒ/12-34", "RESIDENCE:GR:AB1234")]
    [InlineData(DocumentType.DrivingLicence, "GB", "MORGA 753116 SM9IJ", "DRIVING:GB:MORGA753116SM9IJ")]
    public void Documents_become_type_country_and_number(DocumentType type, string country, string number, string expected)
    {
        Normalised.Key(TravelDocumentNormaliser.Normalise(type, country, number), expected);
    }

    [Fact]
    public void The_same_number_on_a_passport_and_an_identity_card_gives_two_keys()
    {
        var passport = Assert.IsType<NormalisedIdentifier>(TravelDocumentNormaliser.Normalise(DocumentType.Passport, "RO", "051234567"));
        var card = Assert.IsType<NormalisedIdentifier>(TravelDocumentNormaliser.Normalise(DocumentType.IdentityCard, "RO", "051234567"));
        Assert.NotEqual(passport.Key, card.Key);
    }

    [Theory]
    [InlineData("RO", "", "no letter or digit")]
    [InlineData(null, "051234567", "issuing country")]
    [InlineData("Romania", "051234567", "not an ISO 3166")]
    public void Documents_without_number_or_country_are_refused(string? country, string number, string reason)
    {
        Normalised.Failure(TravelDocumentNormaliser.Normalise(DocumentType.Passport, country, number), reason);
    }
}
