using Ariadne.Matching.Identifiers;

namespace Ariadne.Matching.Tests.Identifiers;

/// <summary>Websites, advertisements and messaging handles (KD-06 communications; issue #11 item 2).</summary>
public sealed class UrlAndHandleNormaliserTests
{
    [Theory]
    [InlineData("https://www.Example.com/Ads/123/?utm_source=fb&utm_medium=social", "example.com/Ads/123")]
    [InlineData("HTTP://WWW.EXAMPLE.COM/", "example.com")]
    [InlineData("example.com", "example.com")]
    [InlineData("www.example.com/escort/ana-22", "example.com/escort/ana-22")]
    [InlineData("https://site.ro/anunt?id=42&fbclid=IwAR0abc", "site.ro/anunt?id=42")]
    [InlineData("https://site.ro/anunt?gclid=x&id=42&UTM_CAMPAIGN=y", "site.ro/anunt?id=42")]
    [InlineData("https://site.ro/a?b=2&a=1", "site.ro/a?a=1&b=2")]
    [InlineData("https://site.ro:8443/x#contact", "site.ro:8443/x")]
    [InlineData("https://site.ro:443/x", "site.ro/x")]
    [InlineData("https://user:secret@site.ro/x", "site.ro/x")]
    [InlineData("http://пример.бг/", "xn--e1afmkfd.xn--90ae")]
    [InlineData("https://xn--e1afmkfd.xn--90ae", "xn--e1afmkfd.xn--90ae")]
    [InlineData("http://пример.бг/обява", "xn--e1afmkfd.xn--90ae/%D0%BE%D0%B1%D1%8F%D0%B2%D0%B0")]
    [InlineData("http://192.168.1.10/panel", "192.168.1.10/panel")]
    // Escapes of unreserved characters are decoded, others get upper-case hex (RFC 3986 §6.2.2)
    [InlineData("https://site.ro/%7eana/%6C%c3%a9a", "site.ro/~ana/l%C3%A9a")]
    public void Addresses_become_host_and_path(string input, string expected)
    {
        Normalised.Key(UrlNormaliser.Normalise(input), expected);
    }

    [Theory]
    [InlineData("not a web address", "not a web address")]
    [InlineData("ftp://files.example.com/a", "not a web address")]
    [InlineData("localhost/admin", "not a full domain name")]
    [InlineData("7/ad", "no full domain name or IP address")]
    [InlineData("  ", "empty")]
    public void Non_addresses_are_refused(string input, string reason)
    {
        Normalised.Failure(UrlNormaliser.Normalise(input), reason);
    }

    [Theory]
    [InlineData(MessagingPlatform.Telegram, "@Ivan_Petrov", "telegram:ivan_petrov")]
    [InlineData(MessagingPlatform.Telegram, "https://t.me/Ivan_Petrov", "telegram:ivan_petrov")]
    [InlineData(MessagingPlatform.Telegram, "t.me/Ivan_Petrov", "telegram:ivan_petrov")]
    [InlineData(MessagingPlatform.Instagram, "instagram.com/anna.model/", "instagram:anna.model")]
    [InlineData(MessagingPlatform.Instagram, "https://www.instagram.com/Anna.Model?igsh=abc", "instagram:anna.model")]
    [InlineData(MessagingPlatform.Facebook, "facebook.com/profile.php?id=100012345678", "facebook:100012345678")]
    // Facebook ignores dots in usernames, but no provider rule is applied (see EmailNormaliser): dots stay
    [InlineData(MessagingPlatform.Facebook, "John.Smith", "facebook:john.smith")]
    [InlineData(MessagingPlatform.TikTok, "https://www.tiktok.com/@Job.Offers.UK", "tiktok:job.offers.uk")]
    [InlineData(MessagingPlatform.Signal, "ivan.01", "signal:ivan.01")]
    // WeChat IDs: case kept, since we cannot show the platform ignores it
    [InlineData(MessagingPlatform.WeChat, "WxID_Abc", "wechat:WxID_Abc")]
    [InlineData(MessagingPlatform.Other, "Kiki.Girl", "other:Kiki.Girl")]
    public void Handles_become_platform_and_handle(MessagingPlatform platform, string handle, string expected)
    {
        Normalised.Key(MessagingHandleNormaliser.Normalise(platform, handle, "RO"), expected);
    }

    [Theory]
    [InlineData(MessagingPlatform.WhatsApp, "+40 721 234 567", "RO", "whatsapp:+40721234567")]
    [InlineData(MessagingPlatform.WhatsApp, "0721 234 567", "RO", "whatsapp:+40721234567")]
    [InlineData(MessagingPlatform.WhatsApp, "https://wa.me/40721234567", "BG", "whatsapp:+40721234567")]
    [InlineData(MessagingPlatform.WhatsApp, "https://api.whatsapp.com/send?phone=40721234567&text=hi", "BG", "whatsapp:+40721234567")]
    [InlineData(MessagingPlatform.Viber, "0888 123 456", "BG", "viber:+359888123456")]
    [InlineData(MessagingPlatform.Viber, "viber://chat?number=%2B359888123456", "RO", "viber:+359888123456")]
    [InlineData(MessagingPlatform.Signal, "+359 888 123 456", "RO", "signal:+359888123456")]
    [InlineData(MessagingPlatform.Telegram, "+40 721 234 567", "BG", "telegram:+40721234567")]
    // Telegram usernames start with a letter, so digits are a number in the officer's country
    [InlineData(MessagingPlatform.Telegram, "0721 234 567", "RO", "telegram:+40721234567")]
    [InlineData(MessagingPlatform.Signal, "0888123456", "BG", "signal:+359888123456")]
    public void Handles_that_are_phone_numbers_become_E164(MessagingPlatform platform, string handle, string region, string expected)
    {
        Normalised.Key(MessagingHandleNormaliser.Normalise(platform, handle, region), expected);
    }

    [Fact]
    public void A_WhatsApp_handle_that_is_no_number_is_kept_and_says_so()
    {
        var result = Normalised.Key(MessagingHandleNormaliser.Normalise(MessagingPlatform.WhatsApp, "AnaJobs", "RO"), "whatsapp:anajobs");
        Assert.Contains("normally phone numbers", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_name_on_two_platforms_gives_two_keys()
    {
        var telegram = Assert.IsType<NormalisedIdentifier>(MessagingHandleNormaliser.Normalise(MessagingPlatform.Telegram, "ivan", null));
        var instagram = Assert.IsType<NormalisedIdentifier>(MessagingHandleNormaliser.Normalise(MessagingPlatform.Instagram, "ivan", null));
        Assert.NotEqual(telegram.Key, instagram.Key);
    }

    [Theory]
    [InlineData(MessagingPlatform.Telegram, "@", "empty")]
    [InlineData(MessagingPlatform.Instagram, "Anna Model", "display name")]
    [InlineData(MessagingPlatform.WhatsApp, "", "empty")]
    [InlineData(MessagingPlatform.WhatsApp, "12", "at least 3")]
    public void Non_handles_are_refused(MessagingPlatform platform, string handle, string reason)
    {
        Normalised.Failure(MessagingHandleNormaliser.Normalise(platform, handle, "RO"), reason);
    }
}
