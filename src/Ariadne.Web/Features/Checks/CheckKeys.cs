using Ariadne.Matching.Identifiers;
using Ariadne.Web.Features.Intelligence;

namespace Ariadne.Web.Features.Checks;

/// <summary>
/// Puts a checked value and a stored item into the same (kind, key) space: the key is always <see cref="IdentifierKeys"/>' (the
/// engine's normalisers, with the asker's country as the default region for phones), and the kind follows from the item's kind and
/// sub-kind exactly as <see cref="IdentifierKeys"/> chooses its normaliser.
/// </summary>
internal static class CheckKeys
{
    /// <summary>The short names a check may use for a kind, beside the item kinds themselves (Communication + sub-kind…).</summary>
    private static readonly Dictionary<string, (IntelligenceItemKind Kind, string? SubKind)> Shorthands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["phone"] = (IntelligenceItemKind.Communication, "phone"),
        ["email"] = (IntelligenceItemKind.Communication, "email"),
        ["url"] = (IntelligenceItemKind.Communication, "url"),
        ["website"] = (IntelligenceItemKind.Communication, "website"),
        ["iban"] = (IntelligenceItemKind.Financial, "iban"),
        ["card"] = (IntelligenceItemKind.Financial, "card"),
        ["transfer"] = (IntelligenceItemKind.Financial, "transfer"),
        ["plate"] = (IntelligenceItemKind.Vehicle, null),
        ["vehicle"] = (IntelligenceItemKind.Vehicle, null),
        ["passport"] = (IntelligenceItemKind.Document, "passport"),
        ["id-card"] = (IntelligenceItemKind.Document, "id-card"),
        ["document"] = (IntelligenceItemKind.Document, null),
        ["address"] = (IntelligenceItemKind.Address, null),
        ["telegram"] = (IntelligenceItemKind.Communication, "telegram"),
        ["whatsapp"] = (IntelligenceItemKind.Communication, "whatsapp"),
        ["signal"] = (IntelligenceItemKind.Communication, "signal"),
        ["instagram"] = (IntelligenceItemKind.Communication, "instagram"),
        ["facebook"] = (IntelligenceItemKind.Communication, "facebook"),
    };

    public static string KindsInWords => string.Join(", ", Shorthands.Keys) + ", or an item kind with a sub-kind";

    /// <summary>The item kind and sub-kind a check's kind names, or null when it names none.</summary>
    public static (IntelligenceItemKind Kind, string? SubKind)? Parse(string? kind, string? subKind)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            return null;
        }
        if (Shorthands.TryGetValue(kind.Trim(), out var shorthand))
        {
            return (shorthand.Kind, subKind ?? shorthand.SubKind);
        }
        return Shared.Enums.Named<IntelligenceItemKind>(kind, ignoreCase: true) is { } itemKind
               && itemKind is not (IntelligenceItemKind.Location or IntelligenceItemKind.Person or IntelligenceItemKind.Route)
            ? (itemKind, subKind)
            : null;
    }

    /// <summary>
    /// The financial sub-kinds, as stored, from which <see cref="IndexKind"/> knows the kind without the value: the index load leaves
    /// those values encrypted (2 M reports with an IBAN each: 2 M decryptions saved at every start-up).
    /// </summary>
    public static readonly string[] FinancialSubKindsDecidingKind = ["iban", "account", "card", "transfer", "money-transfer", "reference"];

    /// <summary>The engine kind of a stored item's key, without running the normaliser again where the sub-kind decides it.</summary>
    public static IdentifierKind? IndexKind(IntelligenceItemKind kind, string? subKind, string? value, string? country)
    {
        var sub = subKind?.Trim().ToLowerInvariant() ?? "";
        return kind switch
        {
            IntelligenceItemKind.Communication => sub switch
            {
                "" or "phone" or "mobile" or "landline" => IdentifierKind.Phone,
                "email" or "e-mail" => IdentifierKind.Email,
                "website" or "url" or "advertisement" or "ad" => IdentifierKind.Url,
                _ => IdentifierKind.MessagingHandle,
            },
            IntelligenceItemKind.Financial => sub switch
            {
                "iban" or "account" => IdentifierKind.Iban,
                "card" => IdentifierKind.PaymentCard,
                "transfer" or "money-transfer" or "reference" => IdentifierKind.MoneyTransferReference,
                // Without a sub-kind IdentifierKeys tries IBAN, then card, then transfer: ask it which (no region is involved).
                _ => IdentifierKeys.Identify(kind, subKind, value, country, "")?.Kind,
            },
            IntelligenceItemKind.Vehicle => IdentifierKind.VehiclePlate,
            IntelligenceItemKind.Document => IdentifierKind.TravelDocument,
            IntelligenceItemKind.Address => IdentifierKind.Address,
            IntelligenceItemKind.Location or IntelligenceItemKind.Person or IntelligenceItemKind.Route => null,
        };
    }
}
