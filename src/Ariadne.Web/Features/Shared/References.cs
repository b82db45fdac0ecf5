using System.Security.Cryptography;

namespace Ariadne.Web.Features.Shared;

/// <summary>References quoted between agencies instead of a person's name: readable on the phone, unguessable, saying nothing about the person.</summary>
public static class References
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>"R-2611-7KQ4MZ": a prefix, the year and month, and six random characters without look-alikes (0/O, 1/I).</summary>
    public static string New(string prefix, DateTime now)
    {
        Span<char> code = stackalloc char[6];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return $"{prefix}-{now:yyMM}-{code}";
    }
}
