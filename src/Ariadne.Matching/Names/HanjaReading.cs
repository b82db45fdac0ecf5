using System.Collections.Frozen;
using System.Text;
using ICU4N.Globalization;
using ICU4N.Text;

namespace Ariadne.Matching.Names;

/// <summary>
/// Chinese characters read as Korean reads them (Hanja, Sino-Korean): a Korean name written in Han, as Chinese and
/// Japanese sources and the UN list write it (金正恩 Kim Jong Un, 潘基文 Ban Ki-moon, 金铁三 Kim Chol Sam), meets its
/// Latin and Hangul forms only through this reading; Mandarin reads the same characters Jin Zheng'en. Each character has
/// one reading, taken from Unicode's published data rather than a list of ours: CLDR's Korean collation, which sorts
/// every Hanja right after the Hangul syllable it is read as ("&amp;김&lt;&lt;金"), shipped with ICU4N. Simplified
/// characters (铁) are read as the traditional ones they simplify (鐵 철), through ICU's Hant-Hans transform; Korean writes
/// traditional characters only. A character with no Korean reading leaves the form without this reading.
/// </summary>
internal static class HanjaReading
{
    private static readonly Lazy<FrozenDictionary<char, char>> s_syllables = new(Load);

    /// <summary>The token in Hangul, each character as Korean reads it; null when one of them has no reading.</summary>
    public static string? ToHangul(string token)
    {
        var syllables = s_syllables.Value;
        var sb = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            if (!syllables.TryGetValue(c, out var syllable))
            {
                return null;
            }
            sb.Append(syllable);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The Korean collation's tailoring reads "&amp;가&lt;&lt;*伽佳假…&amp;각&lt;&lt;*刻却…": each Hangul syllable, then the
    /// characters read as it (several after "&lt;&lt;*", one after "&lt;&lt;"). A character listed twice keeps its later
    /// syllable, where the collation itself sorts it (金 under 김, the surname, not 금, gold).
    /// </summary>
    private static FrozenDictionary<char, char> Load()
    {
        var rules = ((RuleBasedCollator)Collator.GetInstance(new UCultureInfo("ko"))).GetRules();
        var readings = new Dictionary<char, char>();
        foreach (var rule in rules.Split('&'))
        {
            var relation = rule.IndexOf("<<", StringComparison.Ordinal);
            if (relation != 1 || rule[0] is < '\uAC00' or > '\uD7A3')
            {
                continue;
            }
            foreach (var c in rule.AsSpan(relation + 2).TrimStart('*'))
            {
                if (Scripts.Of(c.ToString()) == Script.Han)
                {
                    readings[c] = rule[0];
                }
            }
        }
        var simplify = Transliterator.GetInstance("Hant-Hans");
        foreach (var (traditional, syllable) in readings.ToList())
        {
            if (simplify.Transliterate(traditional.ToString()) is [var simplified] && simplified != traditional)
            {
                // 鐵 and 铁 are one character to a reader; a simplified form that is itself a Hanja keeps its own reading.
                readings.TryAdd(simplified, syllable);
            }
        }
        return readings.ToFrozenDictionary();
    }
}
