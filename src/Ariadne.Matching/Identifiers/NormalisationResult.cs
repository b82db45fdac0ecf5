namespace Ariadne.Matching.Identifiers;

/// <summary>The kinds of identifier a key-data report carries (KD-03..KD-09) that the engine can compare exactly.</summary>
public enum IdentifierKind
{
    Phone,
    Email,
    Iban,
    VehiclePlate,
    TravelDocument,
    Url,
    MessagingHandle,
    Address,
    MoneyTransferReference,
    PaymentCard,
}

/// <summary>
/// What a normaliser says about one value: either a key that equal identifiers share, or why no key can be made.
/// Normalisers never throw: a report must be savable whatever an officer typed (issue #11 item 2), and the value
/// as entered is always kept beside the key (issue #10 item 2).
/// </summary>
public abstract record NormalisationResult(IdentifierKind Kind, string AsEntered);

/// <summary>
/// A value reduced to the key that equal identifiers share. <see cref="Note"/> says, in words an analyst can read,
/// when the key is weaker than usual (for example a phone number kept as digits only because it could not be parsed).
/// Keys of qualified kinds carry their qualifier before a colon: <c>RO:B123ABC</c> (plate + country),
/// <c>PASSPORT:BG:382917465</c>, <c>telegram:ivan_petrov</c>.
/// </summary>
public sealed record NormalisedIdentifier(IdentifierKind Kind, string AsEntered, string Key, string? Note)
    : NormalisationResult(Kind, AsEntered);

/// <summary>No key can be made; <see cref="Reason"/> says why in words an officer can act on.</summary>
public sealed record NormalisationFailure(IdentifierKind Kind, string AsEntered, string Reason)
    : NormalisationResult(Kind, AsEntered);
