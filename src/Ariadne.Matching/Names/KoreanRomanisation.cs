using System.Collections.Frozen;
using System.Text;

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

    /// <summary>
    /// Whether two different tokens are one Korean syllable in the two systems (chung / jung, kim / gim), or two spellings
    /// of one Korean surname (<see cref="AreSurnameSpellings"/>: Park / Bak, Lee / I, Roh / No).
    /// </summary>
    public static bool AreVariants(string a, string b) =>
        AreSyllableVariants(a, b) || AreVowelVariants(a, b) || AreSurnameSpellings(a, b);

    /// <summary>
    /// Whether two different tokens are one Korean syllable but for the vowels McCune–Reischauer writes ŏ and ŭ, typed o
    /// and u without the breve, and the Revised Romanization eo and eu (jong / jeong, un / eun, song / seong; 김 정은 /
    /// Kim Jong-un).
    /// </summary>
    public static bool AreVowelVariants(string a, string b) =>
        a.Length <= 6 && b.Length <= 6 && !string.Equals(a, b, StringComparison.Ordinal)
        && (a.Contains("eo", StringComparison.Ordinal) || a.Contains("eu", StringComparison.Ordinal)
            || b.Contains("eo", StringComparison.Ordinal) || b.Contains("eu", StringComparison.Ordinal))
        && IsSyllable(a) && IsSyllable(b)
        && string.Equals(WithoutBreves(a), WithoutBreves(b), StringComparison.Ordinal);

    /// <summary>A Revised Romanization spelling as McCune–Reischauer's without its breves (jeong jong, eun un, jeongeun jongun).</summary>
    internal static string WithoutBreves(string token) =>
        token.Replace("eo", "o", StringComparison.Ordinal).Replace("eu", "u", StringComparison.Ordinal);

    private static readonly string[] s_onsets =
        ["ch", "kk", "tt", "pp", "ss", "jj", "g", "k", "n", "d", "t", "r", "l", "m", "b", "p", "s", "j", "h"];

    /// <summary>Whether a token is one Korean syllable as either system writes it: an initial (or none) and a rime.</summary>
    internal static bool IsSyllable(string token)
    {
        foreach (var onset in s_onsets)
        {
            if (token.StartsWith(onset, StringComparison.Ordinal) && IsRime(token.AsSpan(onset.Length)))
            {
                return true;
            }
        }
        return IsRime(token);
    }

    /// <summary>Whether two different tokens are one Korean syllable in the two systems (chung / jung, kim / gim).</summary>
    public static bool AreSyllableVariants(string a, string b)
    {
        if (a.Length > 6 || b.Length > 6 || a[0] == b[0]
            || Initial(a) is not var (ca, la) || Initial(b) is not var (cb, lb) || ca != cb)
        {
            return false;
        }
        var rime = a.AsSpan(la);
        return rime.SequenceEqual(b.AsSpan(lb)) && IsRime(rime);
    }

    /// <summary>
    /// Korean surnames as Koreans spell them abroad, which neither system gives: 박 is Bak in the Revised Romanization, Pak in
    /// McCune–Reischauer, and Park on most passports; 이 is I, and Lee, Yi or Rhee; 노 is No, and Roh or Noh. The spellings of
    /// the commonest surnames (about 95 % of Koreans) as the National Institute of the Korean Language's 2009 survey of
    /// passport spellings and the standard lists of Korean surnames give them, each group keyed by its Revised spelling
    /// (the reading of Hangul, <see cref="OfHangul"/>); North Korea's initial r and l (리 Ri, 류 Ryu, 로 Ro) are their own
    /// Revised spellings and share the groups of the South's.
    /// </summary>
    private static readonly (string Revised, string[] Spellings)[] s_surnames =
    [
        ("gim", ["kim"]), ("i", ["lee", "yi", "rhee", "rhie", "ri", "li", "yie"]), ("ri", ["lee", "rhee", "li", "yi"]),
        ("bak", ["park", "pak", "bahk"]), ("choe", ["choi", "chwe"]), ("jeong", ["jung", "chung", "cheong", "joung", "chong"]),
        ("gang", ["kang"]), ("jo", ["cho", "joe", "chough"]), ("yun", ["yoon", "youn"]), ("jang", ["chang"]),
        ("im", ["lim", "rim", "yim", "leem"]), ("rim", ["lim", "im", "yim"]), ("han", ["hahn"]), ("o", ["oh"]),
        ("seo", ["suh", "so"]), ("sin", ["shin", "sheen"]), ("gwon", ["kwon"]), ("hwang", ["whang"]), ("an", ["ahn"]),
        ("yu", ["yoo", "you", "ryu", "ryoo", "rhyu"]), ("ryu", ["yoo", "yu", "ryoo", "rhyu", "lyu"]),
        ("jeon", ["jun", "chun", "chon", "jon"]), ("go", ["ko", "koh"]), ("mun", ["moon"]), ("yang", ["ryang"]),
        ("son", ["sohn"]), ("bae", ["pae"]), ("baek", ["paik", "baik", "paek"]), ("heo", ["huh", "hur"]),
        ("no", ["roh", "noh", "ro"]), ("ro", ["roh", "noh", "no"]), ("sim", ["shim"]), ("gwak", ["kwak"]),
        ("seong", ["sung"]), ("ju", ["joo", "chu", "choo"]), ("u", ["woo", "wu"]), ("gu", ["koo", "ku", "goo"]),
        ("na", ["ra", "la"]), ("ra", ["na", "la"]), ("jin", ["chin"]), ("ji", ["chi"]), ("eom", ["um", "uhm", "oum"]),
        ("cheon", ["chun", "chon"]), ("bang", ["pang"]), ("gong", ["kong"]), ("hyeon", ["hyun"]), ("ham", ["hahm"]),
        ("byeon", ["byun", "pyun", "pyon"]), ("yeom", ["yum", "youm"]), ("yeo", ["yoh", "yuh"]), ("chu", ["choo"]),
        ("do", ["doh", "to"]), ("seok", ["suk", "sok"]), ("seon", ["sun"]), ("seol", ["sul", "sol"]), ("gil", ["kil"]),
        ("yeon", ["youn", "yun"]), ("wi", ["wee"]), ("myeong", ["myung"]), ("gi", ["ki", "kee"]), ("ban", ["pan"]),
        ("geum", ["keum", "kum"]), ("yuk", ["yook"]), ("guk", ["kook", "kuk"]), ("pyeon", ["pyun"]), ("gyeong", ["kyung", "kyeong"]),
        ("bu", ["boo"]), ("namgung", ["namkoong", "namgoong"]), ("seonu", ["sunwoo", "seonwoo"]), ("jegal", ["chegal"]),
        ("dokgo", ["dokko"]), ("sagong", ["sakong"]),
    ];

    /// <summary>Each spelling (the Revised one included) and the surname groups it belongs to, by index.</summary>
    private static readonly FrozenDictionary<string, int[]> s_surnameGroups = s_surnames
        .SelectMany((s, group) => s.Spellings.Append(s.Revised).Select(spelling => (spelling, group)))
        .GroupBy(p => p.spelling, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.group).Distinct().ToArray(), StringComparer.Ordinal);

    /// <summary>Whether two different tokens are spellings of one Korean surname (Park / Bak, Lee / I, Roh / No, Choi / Choe).</summary>
    public static bool AreSurnameSpellings(string a, string b)
    {
        if (a.Length > 8 || b.Length > 8 || string.Equals(a, b, StringComparison.Ordinal)
            || !s_surnameGroups.TryGetValue(a, out var left) || !s_surnameGroups.TryGetValue(b, out var right))
        {
            return false;
        }
        foreach (var group in left)
        {
            if (Array.IndexOf(right, group) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The Revised spellings of the surnames <paramref name="token"/> may spell (park → bak), itself excluded.</summary>
    public static IEnumerable<string> SurnamesRevised(string token) =>
        token.Length <= 8 && s_surnameGroups.TryGetValue(token, out var groups)
            ? groups.Select(g => s_surnames[g].Revised).Where(r => !string.Equals(r, token, StringComparison.Ordinal))
            : [];

    /// <summary>
    /// The Revised Romanization of each Hangul syllable of <paramref name="token"/>, syllable by syllable as the system
    /// writes personal names (no sound change across syllables: 정은 Jeongeun), from the syllable's letters (Unicode's
    /// algorithmic decomposition). AnyAscii spells a final consonant by its letter (박 Bag, 석 Seog, 밭 Bat); the
    /// Revised Romanization, like every passport, by its sound (Bak, Seok): k, t, p, l, m, n or ng. Other characters are
    /// left out.
    /// </summary>
    public static List<string> OfHangul(string token)
    {
        var syllables = new List<string>(token.Length);
        foreach (var c in token)
        {
            if (c is < '\uAC00' or > '\uD7A3')
            {
                continue;
            }
            var index = c - 0xAC00;
            syllables.Add(s_initials[index / (21 * 28)] + s_medials[index / 28 % 21] + s_codas[index % 28]);
        }
        return syllables;
    }

    /// <summary>
    /// A foreign name written in Hangul (a loanword: 메르켈 Merkel, 트럼프 Trump, 블라디미르 Vladimir) read back as one word:
    /// the syllables joined, the vowel ㅡ that Korean writes to break a foreign consonant cluster or end a word left out
    /// (트 t, 르 r, 으 nothing; 블라 bla), and ㄹㄹ, Korean's way of writing one foreign l, as l (앙겔라 anggela). A Korean
    /// name is offered this reading only beside its own (<see cref="OtherScriptTransliteration"/>).
    /// </summary>
    public static string OfLoanword(string token)
    {
        const int Rieul = 5, Eu = 18, RieulCoda = 8;
        var letters = token.Where(c => c is >= '\uAC00' and <= '\uD7A3').Select(c => c - 0xAC00).ToArray();
        var sb = new StringBuilder(letters.Length * 3);
        var initialSpelt = true;
        for (var i = 0; i < letters.Length; i++)
        {
            var (initial, medial, coda) = (letters[i] / (21 * 28), letters[i] / 28 % 21, letters[i] % 28);
            var nextInitial = i + 1 < letters.Length ? letters[i + 1] / (21 * 28) : -1;
            if (initialSpelt)
            {
                sb.Append(s_initials[initial]);
            }
            initialSpelt = true;
            var doubledL = coda == RieulCoda && nextInitial == Rieul;
            if (medial == Eu && (coda == 0 || doubledL))
            {
                // The added vowel: 트 t, 르 r, 블(라) bl(a).
                if (doubledL)
                {
                    sb.Append('l');
                    initialSpelt = false;
                }
                continue;
            }
            sb.Append(s_medials[medial]);
            if (doubledL)
            {
                sb.Append('l');
                initialSpelt = false;
                continue;
            }
            sb.Append(s_codas[coda]);
        }
        return sb.ToString();
    }

    /// <summary>Whether <see cref="OfLoanword"/> reads the token otherwise than its syllables joined: a vowel it leaves out, an l it merges.</summary>
    public static bool ReadsAsLoanword(string token) =>
        !string.Equals(OfLoanword(token), string.Concat(OfHangul(token)), StringComparison.Ordinal);

    private static readonly string[] s_initials =
        ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];

    private static readonly string[] s_medials =
        ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"];

    // ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ, as each sounds at the end of a syllable.
    private static readonly string[] s_codas =
        ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];

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
