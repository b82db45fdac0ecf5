using System.Collections.Frozen;

namespace Ariadne.Matching.Names;

/// <summary>
/// Chinese syllables in Hanyu Pinyin (the People's Republic, ISO 7098, and AnyAscii's reading of Han) and in Wade–Giles as
/// typed, without its apostrophes and umlauts (Taiwan, Hong Kong and older Western records): 毛泽东 is Mao Zedong and
/// Mao Tse-tung, 邓小平 Deng Xiaoping and Teng Hsiao-ping, 蔡英文 Cai Yingwen and Tsai Ing-wen. The pinyin syllable is
/// converted to Wade–Giles by the published correspondence of initials (b p, d t, g k, z c ts, zh ch j q ch, x hs, r j)
/// and finals (ong ung, ie ieh, ian ien, uo o, e o after k and h, the apical vowels zhi chih, zi tzu, si ssu); a token that
/// is one pinyin syllable then meets its Wade–Giles spelling. Cantonese spellings (Chiang Kai-shek's Kai-shek, Li
/// Ka-shing) follow another language's sounds and are not derived.
/// </summary>
internal static class WadeGiles
{
    private static readonly string[] s_initials =
        ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w", ""];

    // Without o, which only b, p, m, f and w take (bo, po, mo, fo, wo): ge, not go.
    private static readonly string[] s_plainFinals =
        ["a", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "u", "ua", "uo", "uai", "ui", "uan", "un", "uang"];

    private static readonly string[] s_iFinals = ["i", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong"];

    // After j, q and x a written u is ü (ju, jue, juan, jun).
    private static readonly string[] s_uFinals = ["u", "ue", "uan", "un"];

    private static readonly FrozenDictionary<string, string> s_whole = new Dictionary<string, string>
    {
        // The apical vowel after retroflex and dental sibilants has its own Wade–Giles spelling.
        ["zhi"] = "chih", ["chi"] = "chih", ["shi"] = "shih", ["ri"] = "jih", ["zi"] = "tzu", ["ci"] = "tzu", ["si"] = "ssu",
        ["yi"] = "i", ["you"] = "yu", ["yan"] = "yen", ["ye"] = "yeh", ["yue"] = "yueh", ["yong"] = "yung", ["er"] = "erh",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> s_initial = new Dictionary<string, string>
    {
        ["b"] = "p", ["p"] = "p", ["m"] = "m", ["f"] = "f", ["d"] = "t", ["t"] = "t", ["n"] = "n", ["l"] = "l",
        ["g"] = "k", ["k"] = "k", ["h"] = "h", ["j"] = "ch", ["q"] = "ch", ["x"] = "hs", ["zh"] = "ch", ["ch"] = "ch",
        ["sh"] = "sh", ["r"] = "j", ["z"] = "ts", ["c"] = "ts", ["s"] = "s", ["y"] = "y", ["w"] = "w", [""] = "",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every pinyin syllable the initials and finals make, with its Wade–Giles spelling.</summary>
    private static readonly FrozenDictionary<string, string> s_pinyin = Syllables().ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The Wade–Giles spellings, so that a Wade–Giles token is keyed as its pinyin counterparts are.</summary>
    private static readonly FrozenSet<string> s_wadeGiles = s_pinyin.Values.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// One key for a Chinese syllable in either system: a pinyin syllable's Wade–Giles spelling, or a Wade–Giles syllable
    /// itself (dong and tung are both tung); null for a token that is neither.
    /// </summary>
    public static string? Key(string token) => FromPinyin(token) ?? (s_wadeGiles.Contains(token) ? token : null);

    /// <summary>The Wade–Giles spelling of a token that is one pinyin syllable (zhou chou, xiao hsiao); null otherwise.</summary>
    public static string? FromPinyin(string token) => s_pinyin.GetValueOrDefault(token);

    /// <summary>Whether one token is the other's pinyin syllable in Wade–Giles (dong / tung, cai / tsai, jiang / chiang).</summary>
    public static bool AreVariants(string a, string b) =>
        !string.Equals(a, b, StringComparison.Ordinal)
        && (string.Equals(FromPinyin(a), b, StringComparison.Ordinal) || string.Equals(FromPinyin(b), a, StringComparison.Ordinal));

    private static IEnumerable<KeyValuePair<string, string>> Syllables()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var initial in s_initials)
        {
            foreach (var final in Finals(initial))
            {
                var syllable = initial + final;
                if (seen.Add(syllable))
                {
                    yield return new(syllable, s_whole.GetValueOrDefault(syllable) ?? s_initial[initial] + Final(initial, final));
                }
            }
        }
    }

    /// <summary>The finals an initial takes in Mandarin, loosely: a few combinations that no word uses do no harm.</summary>
    private static string[] Finals(string initial) => initial switch
    {
        "j" or "q" or "x" => [.. s_iFinals, .. s_uFinals],
        "zh" or "ch" or "sh" or "r" or "z" or "c" or "s" => [.. s_plainFinals, "i"],
        "g" or "k" or "h" => s_plainFinals,
        "f" => ["a", "o", "ei", "an", "en", "ang", "eng", "ou", "u"],
        "b" or "p" or "m" => ["a", "o", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "u", "i", "ie", "iao", "iu", "ian", "in", "ing"],
        "d" or "t" or "n" or "l" => [.. s_plainFinals, .. s_iFinals],
        "y" => ["i", "a", "e", "ao", "ou", "an", "in", "ang", "ing", "ong", "u", "ue", "uan", "un"],
        "w" => ["u", "a", "o", "ai", "ei", "an", "en", "ang", "eng"],
        _ => ["a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "er"],
    };

    private static string Final(string initial, string final) => final switch
    {
        "ong" => "ung",
        "iong" => "iung",
        "ie" => "ieh",
        "ian" => "ien",
        "ue" => "ueh",
        // 国 kuo, 火 huo, 说 shuo keep the u; 多 to, 罗 lo, 左 tso, 卓 cho drop it.
        "uo" => initial is "g" or "k" or "h" or "sh" ? "uo" : "o",
        // 哥 ko, 可 k'o, 河 ho.
        "e" when initial is "g" or "k" or "h" => "o",
        // 贵 kuei, 亏 k'uei; elsewhere ui.
        "ui" when initial is "g" or "k" => "uei",
        _ => final,
    };
}
