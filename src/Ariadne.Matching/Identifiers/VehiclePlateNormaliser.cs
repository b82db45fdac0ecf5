namespace Ariadne.Matching.Identifiers;

/// <summary>Vehicle registration plates with their country (KD-05 vehicles and transport).</summary>
public static class VehiclePlateNormaliser
{
    /// <param name="plate">As read off the vehicle: <c>B 123 ABC</c>, <c>CA 1234 AB</c>, <c>АА 1234 ВС</c>.</param>
    /// <param name="registrationCountry">ISO 3166 alpha-2 (the oval sticker or the EU band: BG, UA, RO…).</param>
    /// <remarks>
    /// Key <c>COUNTRY:PLATE</c>: the same characters are a different vehicle in another country. Spaces, hyphens
    /// and dots are styling, not part of the registration. Cyrillic look-alike letters become Latin
    /// (А→A, В→B, Е→E, К→K, М→M, Н→H, О→O, Р→P, С→C, Т→T, У→Y, Х→X, І→I), because Bulgarian, Ukrainian and
    /// Russian plates use only those letters and officers abroad type them in Latin; Greek plates' capitals
    /// (Α, Β, Ε, Ζ, Η, Ι, Κ, Μ, Ν, Ο, Ρ, Τ, Υ, Χ) likewise. Other letters keep their
    /// diacritics: German plates really carry Ä, Ö and Ü.
    /// </remarks>
    public static NormalisationResult Normalise(string? plate, string? registrationCountry)
    {
        var entered = Text.Entered(plate);
        if (Text.TooLong(entered) is { } tooLong)
        {
            return new NormalisationFailure(IdentifierKind.VehiclePlate, entered, "The plate " + tooLong + ".");
        }
        var value = Text.AlphanumericUpper(entered);
        if (value.Length == 0)
        {
            return new NormalisationFailure(IdentifierKind.VehiclePlate, entered, "The plate contains no letter or digit.");
        }
        if (value.Length > 15)
        {
            return new NormalisationFailure(IdentifierKind.VehiclePlate, entered,
                $"No country issues plates of {value.Length} letters and digits; this may be a VIN or a note.");
        }
        if (Countries.Code(registrationCountry) is not { } country)
        {
            // Still worth a key: the plate alone narrows a search, and the analyst sees why it is weaker.
            return new NormalisedIdentifier(IdentifierKind.VehiclePlate, entered, value,
                $"Registration country unknown ({Countries.Unknown(registrationCountry)}): matches on the plate alone.");
        }
        return new NormalisedIdentifier(IdentifierKind.VehiclePlate, entered, country + ":" + value, null);
    }
}
