namespace Ariadne.Matching.Identifiers;

/// <summary>Kinds of travel and identity document (KD-07).</summary>
public enum DocumentType
{
    Passport,
    IdentityCard,
    ResidencePermit,
    Visa,
    DrivingLicence,
    /// <summary>A refugee's or stateless person's travel document, or an emergency travel document.</summary>
    OtherTravelDocument,
    WorkPermit,
    Other,
}

/// <summary>Travel and identity documents: type + issuing country + number (KD-07; issue #10 item 2).</summary>
public static class TravelDocumentNormaliser
{
    /// <remarks>
    /// Key <c>TYPE:COUNTRY:NUMBER</c>: a passport and an identity card may carry the same number, and numbers are
    /// only unique within their issuer. The number keeps letters and digits upper-cased; spaces, hyphens, dots and
    /// slashes are print layout (<c>AB 123456</c> / <c>AB-123456</c>). Cyrillic look-alike letters become Latin,
    /// as on plates: Ukrainian series such as <c>КВ</c> are typed either way. O and 0 are NOT merged: that would
    /// be a fuzzy rule, and the key is exact.
    /// </remarks>
    public static NormalisationResult Normalise(DocumentType type, string? issuingCountry, string? number)
    {
        var entered = Text.Entered(number);
        if (Text.TooLong(entered) is { } tooLong)
        {
            return new NormalisationFailure(IdentifierKind.TravelDocument, entered, "The document number " + tooLong + ".");
        }
        var value = Text.AlphanumericUpper(entered);
        if (value.Length == 0)
        {
            return new NormalisationFailure(IdentifierKind.TravelDocument, entered,
                "The document number contains no letter or digit.");
        }
        if (value.Length > 30)
        {
            return new NormalisationFailure(IdentifierKind.TravelDocument, entered,
                $"Document numbers have at most 30 letters and digits; this has {value.Length} (an MRZ line or a note?).");
        }
        if (Countries.Code(issuingCountry) is not { } country)
        {
            return new NormalisationFailure(IdentifierKind.TravelDocument, entered,
                $"A document number only identifies a document together with its issuing country: {Countries.Unknown(issuingCountry)}.");
        }
        return new NormalisedIdentifier(IdentifierKind.TravelDocument, entered, $"{TypeCode(type)}:{country}:{value}", null);
    }

    internal static string TypeCode(DocumentType type) => type switch
    {
        DocumentType.Passport => "PASSPORT",
        DocumentType.IdentityCard => "ID",
        DocumentType.ResidencePermit => "RESIDENCE",
        DocumentType.Visa => "VISA",
        DocumentType.DrivingLicence => "DRIVING",
        DocumentType.OtherTravelDocument => "TRAVEL",
        DocumentType.WorkPermit => "WORK",
        DocumentType.Other => "OTHER",
    };
}
