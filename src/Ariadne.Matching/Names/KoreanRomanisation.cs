namespace Ariadne.Matching.Names;

/// <summary>
/// Korean is romanised by two systems that disagree on the plain stops and the affricate at the start of a syllable.
/// McCune–Reischauer (North Korea's official system, and older South Korean passports) writes ㄱ ㄷ ㅂ ㅈ as k t p ch; the
/// Revised Romanization (South Korea since 2000, and AnyAscii's reading of Hangul) writes g d b j. So 김 is Kim or Gim,
/// 박 Pak or Bak, 정 Chung or Jung, 장 Chang or Jang, 조 Cho or Jo: one name, two spellings that Jaro-Winkler puts far
/// apart (cho / jo share one letter). Only a token shaped like one Korean syllable is read this way (one of those
/// initials, a vowel of Korean's set, at most a final n, ng, l, m, k, p or t), so Charles, Peter or Gordon never are.
/// </summary>
public static class KoreanRomanisation
{
    /// <summary>
    /// The Revised Romanization spelling of a one-syllable token written by McCune–Reischauer (chung → jung, kim → gim,
    /// pak → bak, tae → dae); null when the token is not such a syllable or is already written that way.
    /// </summary>
    public static string? Revised(string token)
    {
        if (Initial(token) is not var (cls, length) || !IsRime(token.AsSpan(length)))
        {
            return null;
        }
        // The class is the Revised letter itself.
        return length == 1 && token[0] == cls ? null : cls + token[length..];
    }

    /// <summary>Whether two different tokens are one Korean syllable in the two systems (chung / jung, kim / gim).</summary>
    public static bool AreVariants(string a, string b)
    {
        if (a.Length > 6 || b.Length > 6 || a[0] == b[0]
            || Initial(a) is not var (ca, la) || Initial(b) is not var (cb, lb) || ca != cb)
        {
            return false;
        }
        var rime = a.AsSpan(la);
        return rime.SequenceEqual(b.AsSpan(lb)) && IsRime(rime);
    }

    /// <summary>The initial's class (the Revised letter) and how many letters spell it.</summary>
    private static (char Class, int Length)? Initial(string token) => token switch
    {
        { Length: < 2 } => null,
        _ when token.StartsWith("ch", StringComparison.Ordinal) => ('j', 2),
        _ => token[0] switch
        {
            'j' => ('j', 1),
            'k' or 'g' => ('g', 1),
            't' or 'd' => ('d', 1),
            'p' or 'b' => ('b', 1),
            _ => null,
        },
    };

    /// <summary>Korean's vowels as both systems write them (ŏ and ŭ folded to o and u), longest first.</summary>
    private static readonly string[] s_vowels =
    [
        "yae", "yeo", "wae", "ae", "ya", "eo", "ye", "wa", "oe", "yo", "wo", "we", "wi", "yu", "eu", "ui",
        "a", "e", "o", "u", "i",
    ];

    private static readonly string[] s_finals = ["", "n", "ng", "l", "m", "k", "p", "t"];

    private static bool IsRime(ReadOnlySpan<char> rime)
    {
        foreach (var vowel in s_vowels)
        {
            if (rime.StartsWith(vowel, StringComparison.Ordinal))
            {
                var final = rime[vowel.Length..];
                foreach (var ending in s_finals)
                {
                    if (final.SequenceEqual(ending))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
