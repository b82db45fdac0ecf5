using System.Text;

namespace Ariadne.Matching.Identifiers;

/// <summary>Web addresses: websites and advertisements (KD-06 communications).</summary>
/// <remarks>
/// Key <c>host/path?query</c>. The scheme goes (http and https serve the same advertisement), so do a leading
/// <c>www.</c>, user information, a default port, the fragment and a trailing slash. The host is lower-case
/// punycode, so an internationalised domain meets its ASCII form. The path keeps its case, because servers may
/// treat <c>/Ad/12</c> and <c>/ad/12</c> as different pages. Query parameters that only track a click (utm_*,
/// fbclid, gclid…) go; the others stay, sorted, because classified-ad sites put the advertisement's id there.
/// </remarks>
public static class UrlNormaliser
{
    private static readonly string[] s_trackingParameters =
        ["fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "igsh", "mc_cid", "mc_eid", "_ga", "_gl"];

    public static NormalisationResult Normalise(string? input)
    {
        var entered = Text.Entered(input);
        if (Text.TooLong(entered) is { } tooLong)
        {
            return Fail(entered, "The web address " + tooLong + ".");
        }
        var text = entered.Trim();
        if (text.Length == 0)
        {
            return Fail(entered, "The web address is empty.");
        }
        // Officers write "example.com/ad/12" more often than a full URL. A "://" later in the path is no scheme (a key
        // such as example.com/go/https://other.org; found by the property test).
        if (!HasScheme(text))
        {
            text = "http://" + text.TrimStart('/');
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            return Fail(entered, "This is not a web address (expected something like example.com/page or https://example.com/page).");
        }
        if (uri.HostNameType is not UriHostNameType.Dns and not UriHostNameType.IPv4 and not UriHostNameType.IPv6)
        {
            return Fail(entered, "The web address has no valid host name.");
        }
        string host;
        if (uri.HostNameType == UriHostNameType.Dns)
        {
            // Not Uri.IdnHost: it throws on hosts that IDNA refuses (found by the property test); Hosts.Ascii says null.
            if (Hosts.Ascii(uri.Host) is not { } ascii || !ascii.Contains('.', StringComparison.Ordinal))
            {
                return Fail(entered, $"\"{uri.Host}\" is not a full domain name.");
            }
            host = ascii.StartsWith("www.", StringComparison.Ordinal) ? ascii[4..] : ascii;
            // A host left without a dot once www. goes (www.xn--9-8sb), or of numbers only ("3.69.", which Uri takes for a
            // name and, without its final dot, for the address 3.0.0.69): its key would not normalise to itself again
            // (found by the property test), and neither is a domain anybody can visit.
            if (!host.Contains('.', StringComparison.Ordinal) || host.Split('.').All(label => label.All(char.IsAsciiDigit)))
            {
                return Fail(entered, $"\"{uri.Host}\" is not a full domain name.");
            }
        }
        else
        {
            host = uri.Host.ToLowerInvariant();
            // Uri reads "7/ad" as the address 0.0.0.7; only an address written out in full is taken as one.
            if (!entered.Contains(host, StringComparison.OrdinalIgnoreCase))
            {
                return Fail(entered, $"\"{uri.OriginalString}\" has no full domain name or IP address.");
            }
        }
        var key = new StringBuilder(host);
        if (!uri.IsDefaultPort)
        {
            key.Append(':').Append(uri.Port);
        }
        key.Append(PercentEncoding(uri.AbsolutePath).TrimEnd('/'));
        // Only the query's own delimiter goes: a parameter may begin with "?" too (a.com/?b&?a), and trimming every leading
        // "?" of the sorted key (a.com??a&b) read it again as another key (found by the property test).
        var query = PercentEncoding(uri.Query.StartsWith('?') ? uri.Query[1..] : uri.Query)
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (query.Length > 0)
        {
            key.Append('?').AppendJoin('&', query);
        }
        return new NormalisedIdentifier(IdentifierKind.Url, entered, key.ToString(), null);
    }

    /// <summary>
    /// RFC 3986 §6.2.2: escapes of unreserved characters decoded (%6C → l), the others with upper-case hex, so that
    /// <c>/%7Eana</c>, <c>/~ana</c> and <c>/%7eana</c> give one key (and Uri, reading a key again, changes nothing;
    /// found by the property test).
    /// </summary>
    private static string PercentEncoding(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                var c = (char)Convert.ToInt32(text.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
                {
                    sb.Append(c);
                }
                else
                {
                    sb.Append('%').Append(char.ToUpperInvariant(text[i + 1])).Append(char.ToUpperInvariant(text[i + 2]));
                }
                i += 2;
            }
            else
            {
                sb.Append(text[i]);
            }
        }
        return sb.ToString();
    }

    /// <summary>Whether the text begins with a scheme and "://" (RFC 3986 §3.1: a letter, then letters, digits, + - .).</summary>
    private static bool HasScheme(string text)
    {
        var end = text.IndexOf("://", StringComparison.Ordinal);
        return end > 0 && char.IsAsciiLetter(text[0])
            && text.AsSpan(0, end).IndexOfAnyExcept(s_schemeCharacters) < 0;
    }

    private static readonly System.Buffers.SearchValues<char> s_schemeCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    private static bool IsTracking(string parameter)
    {
        var name = parameter.Split('=', 2)[0];
        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
            || s_trackingParameters.Contains(name, StringComparer.OrdinalIgnoreCase);
    }

    private static NormalisationFailure Fail(string entered, string reason) => new(IdentifierKind.Url, entered, reason);
}
