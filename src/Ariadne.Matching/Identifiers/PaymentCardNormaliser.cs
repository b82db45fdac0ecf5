using System.Text;

namespace Ariadne.Matching.Identifiers;

/// <summary>Payment card numbers (KD-09 financial).</summary>
/// <remarks>
/// The key is the digits of the full number (Luhn-checked), because a seized card or a card found in a
/// victim's possession must meet the same card in another report. Ariadne is an intelligence record kept by
/// law enforcement and support services, not a card processor: it never authorises, stores for payment or
/// transmits cards, so PCI DSS scope is out of its use; reports are protected by the handling code like every
/// other identifier. Masked numbers as printed on receipts and statements (<c>4111 11** **** 1111</c>) keep
/// their mask as <c>*</c> and meet only the same masked form; they cannot be Luhn-checked.
/// </remarks>
public static class PaymentCardNormaliser
{
    public static NormalisationResult Normalise(string? input)
    {
        var entered = Text.Entered(input);
        if (Text.TooLong(entered) is { } tooLong)
        {
            return Fail(entered, "The card number " + tooLong + ".");
        }
        var sb = new StringBuilder(entered.Length);
        foreach (var c in entered.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                sb.Append(c);
            }
            else if (c is '*' or 'x' or 'X' or '•' or '#')
            {
                sb.Append('*');
            }
            else if (!(char.IsWhiteSpace(c) || c is '-' or '.'))
            {
                return Fail(entered, $"A card number has only digits (and * where it is masked); it contains \"{c}\".");
            }
        }
        var value = sb.ToString();
        if (value.Length is < 12 or > 19)
        {
            return Fail(entered, $"A card number has 12 to 19 digits; this has {value.Length}.");
        }
        if (value.Contains('*', StringComparison.Ordinal))
        {
            return value.Count(char.IsAsciiDigit) < 4
                ? Fail(entered, "A masked card number needs at least 4 visible digits to compare.")
                : new NormalisedIdentifier(IdentifierKind.PaymentCard, entered, value,
                    "Masked number: it meets only the same masked form, and was not Luhn-checked.");
        }
        if (!PassesLuhn(value))
        {
            return Fail(entered, "The card number fails its check digit (Luhn): a digit was probably mistyped.");
        }
        return new NormalisedIdentifier(IdentifierKind.PaymentCard, entered, value, null);
    }

    internal static bool PassesLuhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    private static NormalisationFailure Fail(string entered, string reason) =>
        new(IdentifierKind.PaymentCard, entered, reason);
}
