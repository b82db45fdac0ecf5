namespace Ariadne.Matching.Identifiers;

/// <summary>Messaging and social-media platforms a handle belongs to (KD-06 communications).</summary>
public enum MessagingPlatform
{
    Telegram,
    WhatsApp,
    Signal,
    Viber,
    Instagram,
    Facebook,
    TikTok,
    Snapchat,
    X,
    VKontakte,
    Skype,
    WeChat,
    Line,
    Other,
}

/// <summary>Messaging handles + platform (KD-06; issue #11 item 2).</summary>
/// <remarks>
/// Key <c>platform:handle</c>: the same name on two platforms may be two people. A leading @ and a profile link
/// (<c>t.me/…</c>, <c>instagram.com/…/</c>, <c>wa.me/…</c>) reduce to the handle. Handles are lower-cased only
/// where the platform itself ignores case; where we do not know (WeChat, Other) the case is kept, so we never
/// claim two handles are one when the platform may not. No other platform rule (such as Facebook ignoring dots)
/// is applied, for the reason given for Gmail in <see cref="EmailNormaliser"/>. A handle that is a phone number
/// (WhatsApp, Viber and Signal identify accounts by number; Telegram can be searched by one) becomes E.164, so
/// it meets the same number written in a report's phone list.
/// </remarks>
public static class MessagingHandleNormaliser
{
    public static NormalisationResult Normalise(MessagingPlatform platform, string? handle, string? defaultRegion)
    {
        var entered = Text.Entered(handle);
        if (Text.TooLong(entered) is { } tooLong)
        {
            return Fail(entered, "The handle " + tooLong + ".");
        }
        var name = PlatformName(platform);
        // Every leading @ and the spaces between them ("@ @name" is @name): leaving one made a key that normalised again
        // lost it (found by the property test).
        var text = FromLink(entered.Trim()).Trim();
        while (text.StartsWith('@'))
        {
            text = text[1..].TrimStart();
        }
        text = text.Trim();
        if (text.Length == 0)
        {
            return Fail(entered, "The handle is empty.");
        }
        var noLetters = !text.Any(char.IsLetter);
        if (LooksLikePhoneNumber(text)
            || noLetters && (IsPhoneBased(platform) || AcceptsPhoneNumbers(platform) && Text.AsciiDigits(text).Length >= 6))
        {
            return PhoneNumberNormaliser.Normalise(text, defaultRegion) switch
            {
                NormalisedIdentifier phone => new NormalisedIdentifier(IdentifierKind.MessagingHandle, entered,
                    name + ":" + phone.Key, phone.Note),
                NormalisationFailure failure => Fail(entered, failure.Reason),
                _ => Fail(entered, "The handle could not be read as a phone number."),
            };
        }
        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return Fail(entered, "A handle has no spaces; this may be a display name, which is not an identifier.");
        }
        var key = IsCaseInsensitive(platform) ? text.ToLowerInvariant() : text;
        string? note = IsPhoneBased(platform)
            ? $"{PlatformName(platform)} accounts are normally phone numbers; this handle is kept as written."
            : null;
        return new NormalisedIdentifier(IdentifierKind.MessagingHandle, entered, name + ":" + key, note);
    }

    internal static string PlatformName(MessagingPlatform platform) => platform switch
    {
        MessagingPlatform.Telegram => "telegram",
        MessagingPlatform.WhatsApp => "whatsapp",
        MessagingPlatform.Signal => "signal",
        MessagingPlatform.Viber => "viber",
        MessagingPlatform.Instagram => "instagram",
        MessagingPlatform.Facebook => "facebook",
        MessagingPlatform.TikTok => "tiktok",
        MessagingPlatform.Snapchat => "snapchat",
        MessagingPlatform.X => "x",
        MessagingPlatform.VKontakte => "vk",
        MessagingPlatform.Skype => "skype",
        MessagingPlatform.WeChat => "wechat",
        MessagingPlatform.Line => "line",
        MessagingPlatform.Other => "other",
    };

    /// <summary>WhatsApp and Viber have no usernames: an account is its phone number.</summary>
    private static bool IsPhoneBased(MessagingPlatform platform) =>
        platform is MessagingPlatform.WhatsApp or MessagingPlatform.Viber;

    /// <summary>
    /// Platforms where a handle of digits is a phone number: the phone-based ones, Signal (numbers, and usernames
    /// with letters since 2024) and Telegram (usernames must start with a letter, so digits are a number).
    /// </summary>
    private static bool AcceptsPhoneNumbers(MessagingPlatform platform) =>
        IsPhoneBased(platform) || platform is MessagingPlatform.Signal or MessagingPlatform.Telegram;

    /// <summary>Platforms whose usernames are documented (or observably) case-insensitive.</summary>
    private static bool IsCaseInsensitive(MessagingPlatform platform) => platform switch
    {
        MessagingPlatform.Telegram or MessagingPlatform.Instagram or MessagingPlatform.Facebook
            or MessagingPlatform.TikTok or MessagingPlatform.Snapchat or MessagingPlatform.X
            or MessagingPlatform.VKontakte or MessagingPlatform.Skype or MessagingPlatform.Line
            or MessagingPlatform.Signal or MessagingPlatform.WhatsApp or MessagingPlatform.Viber => true,
        MessagingPlatform.WeChat or MessagingPlatform.Other => false,
    };

    /// <summary>+40 721 234 567, 0721-234-567, (0721) 234567: digits with phone punctuation and nothing else.</summary>
    private static bool LooksLikePhoneNumber(string text) =>
        text.StartsWith('+') && text.Length > 1
        && text.Skip(1).All(c => char.IsDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '/')
        && Text.AsciiDigits(text).Length >= 6;

    /// <summary>The handle inside a profile or chat link, or the text unchanged.</summary>
    private static string FromLink(string text)
    {
        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!text.Contains('/', StringComparison.Ordinal)
            || !Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            || uri.HostNameType != UriHostNameType.Dns)
        {
            return text;
        }
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            // The first of repeated parameters wins, as in most web frameworks.
            if (pair.Split('=', 2) is [var name, var value])
            {
                query.TryAdd(name.ToLowerInvariant(), Uri.UnescapeDataString(value));
            }
        }
        return host switch
        {
            // api.whatsapp.com/send?phone=40721234567 and viber://chat?number=…: the number, as international.
            _ when query.TryGetValue("phone", out var phone) => "+" + phone.TrimStart('+'),
            _ when query.TryGetValue("number", out var number) => "+" + number.TrimStart('+'),
            // facebook.com/profile.php?id=1000123: the numeric id is the handle.
            "facebook.com" or "m.facebook.com" or "fb.com" when query.TryGetValue("id", out var id) => id,
            // wa.me/40721234567 is always an international number without the plus.
            "wa.me" when segments.Length > 0 => "+" + segments[0].TrimStart('+'),
            "t.me" or "telegram.me" or "instagram.com" or "facebook.com" or "m.facebook.com" or "fb.com"
                or "tiktok.com" or "snapchat.com" or "x.com" or "twitter.com" or "vk.com" when segments.Length > 0 =>
                // Not unescaped: usernames on these platforms are ASCII, and an escaped "/" must not open a new path.
                segments[0] is "add" && segments.Length > 1 ? segments[1] : segments[0],
            _ => text,
        };
    }

    private static NormalisationFailure Fail(string entered, string reason) =>
        new(IdentifierKind.MessagingHandle, entered, reason);
}
