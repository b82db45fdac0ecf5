using PhoneNumbers;

namespace Ariadne.Matching.Identifiers;

/// <summary>Phone numbers to E.164 (issue #11 item 2, issue #10 item 2; INT-P2: the number on a scrap of paper).</summary>
public static class PhoneNumberNormaliser
{
    private static readonly PhoneNumberUtil s_util = PhoneNumberUtil.GetInstance();

    /// <param name="input">The number as written: <c>0040 721 234 567</c>, <c>+40-721-234-567</c>, <c>0721 234 567</c>.</param>
    /// <param name="defaultRegion">
    /// ISO 3166 alpha-2 country of the reporting organisation: a number written the national way (<c>0721…</c>)
    /// is read as that country's.
    /// </param>
    public static NormalisationResult Normalise(string? input, string? defaultRegion)
    {
        var entered = Text.Entered(input);
        if (Text.TooLong(entered) is { } tooLong)
        {
            return new NormalisationFailure(IdentifierKind.Phone, entered, "The phone number " + tooLong + ".");
        }
        var digits = Text.AsciiDigits(entered);
        if (digits.Length == 0)
        {
            return new NormalisationFailure(IdentifierKind.Phone, entered, "The phone number contains no digits.");
        }
        // No telephone number is shorter than an emergency number; a digits-only key of one or two digits would
        // link every report that mentions a floor or a house number.
        if (digits.Length < 3)
        {
            return new NormalisationFailure(IdentifierKind.Phone, entered,
                $"The phone number has only {digits.Length} digit(s); a number has at least 3.");
        }
        var region = Countries.Code(defaultRegion);

        if (E164(entered, region) is { } e164)
        {
            return new NormalisedIdentifier(IdentifierKind.Phone, entered, e164, null);
        }
        // Read again from the digits alone: what libphonenumber refuses whole (stray letters, two plus signs) is often
        // a good number; and this keeps keys stable, since the digits-only key below must read the same next time.
        if (E164(digits, region) is { } fromDigits)
        {
            return new NormalisedIdentifier(IdentifierKind.Phone, entered, fromDigits,
                "Read from its digits only; the other characters were ignored.");
        }
        // Spreadsheets drop the +, and wa.me links never have it: 40721234567 is +40 721 234 567. Tried only
        // after the national reading failed, and said in the note, since it is a guess about how it was written.
        if (E164("+" + digits, null) is { } international)
        {
            return new NormalisedIdentifier(IdentifierKind.Phone, entered, international,
                "Read as an international number written without + or 00.");
        }
        var where = region is null
            ? "with no country to read it in (" + Countries.Unknown(defaultRegion) + ")"
            : "in " + region;
        // A key is still worth having: the same scrap of paper typed twice gives the same digits.
        return new NormalisedIdentifier(IdentifierKind.Phone, entered, digits,
            $"Not a valid phone number {where} or with an international prefix; kept as digits only, so it only meets the same digits.");
    }

    /// <summary>E.164 of a number libphonenumber reads as valid, else null.</summary>
    private static string? E164(string text, string? region)
    {
        try
        {
            // "ZZ" is libphonenumber's unknown region: only numbers with + (or an IDD it can recognise) parse.
            var number = s_util.Parse(text, region ?? "ZZ");
            return s_util.IsValidNumber(number) ? s_util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
