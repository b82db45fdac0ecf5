using System.Globalization;

namespace Ariadne.Matching.Identifiers;

/// <summary>Domain names as one key whatever the script they were typed in.</summary>
internal static class Hosts
{
    private static readonly IdnMapping s_idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>
    /// Lower-case ASCII (punycode) form, or null when it is no domain name. <c>пример.бг</c> and
    /// <c>xn--e1afmkfd.xn--90ae</c> are the same site; punycode is the form every DNS tool and registry uses.
    /// </summary>
    public static string? Ascii(string host)
    {
        var trimmed = host.Trim().TrimEnd('.');
        if (trimmed.Length == 0 || trimmed.Length > 253)
        {
            return null;
        }
        try
        {
            return s_idn.GetAscii(trimmed).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
