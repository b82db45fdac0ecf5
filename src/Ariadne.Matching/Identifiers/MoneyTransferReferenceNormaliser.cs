namespace Ariadne.Matching.Identifiers;

/// <summary>Money-transfer references: Western Union MTCN, MoneyGram reference, Ria PIN… (KD-09 financial).</summary>
/// <remarks>
/// Key: letters and digits upper-cased, separators gone (<c>123-456-7890</c> = <c>1234567890</c>). The
/// provider is not part of the key: officers often do not know it, and references of different providers
/// rarely collide in form (10-digit MTCN, 8-digit MoneyGram), so a shared reference is a lead either way.
/// </remarks>
public static class MoneyTransferReferenceNormaliser
{
    private static readonly string[] s_labels = ["MTCN", "REF", "PIN", "NO", "NR"];

    public static NormalisationResult Normalise(string? input)
    {
        var entered = Text.Entered(input);
        if (Text.TooLong(entered) is { } tooLong)
        {
            return Fail(entered, "The reference " + tooLong + ".");
        }
        // "MTCN 123 456 7890" or "Ref: 12345678" as written on a receipt: the label is not part of the reference.
        // Stripped from the cleaned value (label followed by a digit), so that a key read again stays the same.
        var value = Text.AlphanumericUpper(entered);
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var label in s_labels)
            {
                if (value.Length > label.Length && value.StartsWith(label, StringComparison.Ordinal)
                    && char.IsAsciiDigit(value[label.Length]))
                {
                    value = value[label.Length..];
                    stripped = true;
                }
            }
        }
        if (s_labels.Contains(value, StringComparer.Ordinal))
        {
            return Fail(entered, $"\"{entered.Trim()}\" is only a label; the reference itself is missing.");
        }
        if (value.Length < 4)
        {
            return Fail(entered, "A transfer reference has at least 4 letters or digits.");
        }
        if (value.Length > 40)
        {
            return Fail(entered, $"A transfer reference has at most 40 letters and digits; this has {value.Length}.");
        }
        return new NormalisedIdentifier(IdentifierKind.MoneyTransferReference, entered, value, null);
    }

    private static NormalisationFailure Fail(string entered, string reason) =>
        new(IdentifierKind.MoneyTransferReference, entered, reason);
}
