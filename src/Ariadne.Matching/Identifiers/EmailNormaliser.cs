namespace Ariadne.Matching.Identifiers;

/// <summary>E-mail addresses (KD-06 communications).</summary>
/// <remarks>
/// The key is the whole address lower-cased, the domain in punycode. RFC 5321 lets a server treat the local part
/// case-sensitively, but no mail provider in use does, and a link missed because an officer typed
/// <c>Ana.Popescu@</c> costs more than one an analyst rejects. The address as entered stays beside the key.
/// Provider rules are NOT applied: Gmail's dots and any <c>+tag</c> stay. The key promises "the same address as
/// written", which an analyst can state in a disclosure without knowing a provider's internals; Gmail's rule does
/// not hold for Google Workspace domains, other providers treat dots as significant, and such rules change. A
/// looser "same mailbox" key belongs to the matching layer, where it can be shown as such.
/// </remarks>
public static class EmailNormaliser
{
    private const string ForbiddenInLocalPart = "()<>[]:;,\\\"@";

    public static NormalisationResult Normalise(string? input)
    {
        var entered = Text.Entered(input);
        if (Text.TooLong(entered) is { } tooLong)
        {
            return Fail(entered, "The e-mail address " + tooLong + ".");
        }
        var text = entered.Trim();
        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["mailto:".Length..];
        }
        // "Ana Popescu <ana@example.ro>" as copied from a mail header.
        var open = text.LastIndexOf('<');
        if (open >= 0 && text.EndsWith('>'))
        {
            text = text[(open + 1)..^1];
        }
        text = text.Trim();
        if (text.Length == 0)
        {
            return Fail(entered, "The e-mail address is empty.");
        }
        var at = text.LastIndexOf('@');
        if (at < 0)
        {
            return Fail(entered, "The e-mail address has no @.");
        }
        var local = text[..at];
        var domain = text[(at + 1)..];
        if (local.Length == 0)
        {
            return Fail(entered, "Nothing comes before the @.");
        }
        if (local.Length > 64)
        {
            return Fail(entered, "The part before the @ is longer than the 64 characters an address allows.");
        }
        // Quoted local parts ("john doe"@example.com) are legal but unseen in practice; refusing them keeps the key
        // free of characters that would make "mailto:" or "Name <…>" ambiguous when a key is read again.
        if (local.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || ForbiddenInLocalPart.Contains(c, StringComparison.Ordinal)))
        {
            return Fail(entered, "The part before the @ contains a space or one of ( ) < > [ ] : ; , \\ \" @, which addresses do not have.");
        }
        if (domain.Length == 0)
        {
            return Fail(entered, "Nothing comes after the @.");
        }
        if (Hosts.Ascii(domain) is not { } asciiDomain)
        {
            return Fail(entered, $"\"{domain}\" is not a valid domain name.");
        }
        // Checked on the cleaned domain: "ivan@abv." has a dot but no top-level domain (found by the property test).
        if (!asciiDomain.Contains('.', StringComparison.Ordinal))
        {
            return Fail(entered, $"\"{domain}\" is not a full domain name (it has no dot).");
        }
        return new NormalisedIdentifier(IdentifierKind.Email, entered,
            local.ToLowerInvariant() + "@" + asciiDomain, null);
    }

    private static NormalisationFailure Fail(string entered, string reason) =>
        new(IdentifierKind.Email, entered, reason);
}
