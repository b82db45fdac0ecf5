using Ariadne.Matching.Identifiers;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>
/// The normalised key of an identifier in a report (issue 10 item 2): the engine's normalisers (src/Ariadne.Matching, ADR 0010)
/// applied to what the officer typed, so that the same phone, IBAN, plate or document written differently is one key, and a key
/// stored today meets a value normalised by a check tomorrow. Phones go to E.164 with the reporting organisation's country as
/// the default region; a value no normaliser accepts keeps no key (the value as entered is stored beside it in any case).
/// </summary>
internal static class IdentifierKeys
{
    /// <summary>The key, or null when the kind has none or the value holds nothing to key on.</summary>
    public static string? For(IntelligenceItemKind kind, string? subKind, string? value, string? country, string defaultCountry) =>
        Identify(kind, subKind, value, country, defaultCountry)?.Key;

    /// <summary>
    /// The identifier with its engine kind, or null: what the check index keys on (Features/Checks), so a stored key and a
    /// checked value meet only when both the kind and the key agree.
    /// </summary>
    public static NormalisedIdentifier? Identify(IntelligenceItemKind kind, string? subKind, string? value, string? country,
        string defaultCountry)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var region = Organisations.Countries.IsKnown(defaultCountry) ? defaultCountry : null;
        var sub = subKind?.Trim().ToLowerInvariant() ?? "";
        var result = kind switch
        {
            IntelligenceItemKind.Communication => Communication(sub, value, region),
            IntelligenceItemKind.Financial => Financial(sub, value),
            IntelligenceItemKind.Vehicle => VehiclePlateNormaliser.Normalise(value, country),
            IntelligenceItemKind.Document => TravelDocumentNormaliser.Normalise(DocumentTypeOf(sub), country, value),
            IntelligenceItemKind.Address => AddressNormaliser.Normalise(value),
            IntelligenceItemKind.Location or IntelligenceItemKind.Person or IntelligenceItemKind.Route => null,
        };
        return result is NormalisedIdentifier { Key: { Length: > 0 and <= 200 } } identifier ? identifier : null;
    }

    private static NormalisationResult Communication(string sub, string value, string? region) => sub switch
    {
        "" or "phone" or "mobile" or "landline" => PhoneNumberNormaliser.Normalise(value, region),
        "email" or "e-mail" => EmailNormaliser.Normalise(value),
        "website" or "url" or "advertisement" or "ad" => UrlNormaliser.Normalise(value),
        _ => MessagingHandleNormaliser.Normalise(
            Enum.TryParse<MessagingPlatform>(sub, ignoreCase: true, out var platform) ? platform : MessagingPlatform.Other, value, region),
    };

    /// <summary>By the sub-kind when given; otherwise an IBAN if its check digits hold, then a card number, then a transfer reference.</summary>
    private static NormalisationResult Financial(string sub, string value) => sub switch
    {
        "iban" or "account" => IbanNormaliser.Normalise(value),
        "card" => PaymentCardNormaliser.Normalise(value),
        "transfer" or "money-transfer" or "reference" => MoneyTransferReferenceNormaliser.Normalise(value),
        // A value shaped like an IBAN whose check digits fail is a mistyped IBAN, someone else's account: no key, never a
        // "transfer reference" that would link it to that other account (found by IdentifierKeysTests).
        _ => IbanNormaliser.Normalise(value) is var iban && (iban is NormalisedIdentifier || LooksLikeIban(value)) ? iban
            : PaymentCardNormaliser.Normalise(value) is NormalisedIdentifier card ? card
            : MoneyTransferReferenceNormaliser.Normalise(value),
    };

    private static bool LooksLikeIban(string value)
    {
        var compact = new string(value.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        compact = compact.StartsWith("IBAN", StringComparison.Ordinal) ? compact[4..] : compact;
        return compact.Length >= 15 && char.IsAsciiLetter(compact[0]) && char.IsAsciiLetter(compact[1])
               && char.IsAsciiDigit(compact[2]) && char.IsAsciiDigit(compact[3]);
    }

    private static DocumentType DocumentTypeOf(string sub) => sub.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) switch
    {
        "passport" => DocumentType.Passport,
        "idcard" or "identitycard" or "id" => DocumentType.IdentityCard,
        "residencepermit" => DocumentType.ResidencePermit,
        "visa" => DocumentType.Visa,
        "drivinglicence" or "drivinglicense" => DocumentType.DrivingLicence,
        "workpermit" => DocumentType.WorkPermit,
        "traveldocument" => DocumentType.OtherTravelDocument,
        _ => DocumentType.Other,
    };
}
