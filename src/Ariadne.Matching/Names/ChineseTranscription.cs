using System.Collections.Frozen;
using System.Text;

namespace Ariadne.Matching.Names;

/// <summary>
/// A foreign name written in Chinese characters (特朗普 Trump, 克林顿 Clinton, 弗拉基米尔 Vladimir) read back as one word.
/// The Xinhua transcription tables give a bare consonant its own character with a vowel it does not say: 特 t, 克 k, 德 d,
/// 格 g, 布 b, 普 p, 弗 and 夫 f, 斯 s, 兹 z, 茨 ts, 姆 m, 尔 r. Such a character is read as the consonant alone where it
/// stands before an l or r (a cluster: 特朗 tr, 克林 kl, 弗拉 fl) or ends the word (唐纳德 tangnad); 斯 also before any
/// consonant (斯大林 sdalin). Elsewhere the same characters keep their vowel (普京 Pujing, Putin). A Chinese name
/// (2–3 characters, no separator) is offered this reading only beside its own (<see cref="OtherScriptTransliteration"/>).
/// </summary>
internal static class ChineseTranscription
{
    private static readonly FrozenDictionary<char, string> s_bare = new Dictionary<char, string>
    {
        ['特'] = "t", ['克'] = "k", ['德'] = "d", ['格'] = "g", ['布'] = "b", ['普'] = "p", ['弗'] = "f", ['夫'] = "f",
        ['斯'] = "s", ['兹'] = "z", ['茨'] = "ts", ['姆'] = "m", ['尔'] = "r",
    }.ToFrozenDictionary();

    /// <summary>The token's characters in pinyin joined, bare consonants read as such.</summary>
    public static string OfForeignName(string token)
    {
        var syllables = token.Select(c => AnyAscii.Transliteration.Transliterate(c.ToString()).ToLowerInvariant())
            .Select(s => new string(s.Where(char.IsAsciiLetter).ToArray())).ToArray();
        var sb = new StringBuilder(token.Length * 3);
        for (var i = 0; i < token.Length; i++)
        {
            var next = i + 1 < syllables.Length ? syllables[i + 1] : "";
            var bare = s_bare.TryGetValue(token[i], out var consonant)
                && (next.Length == 0 || next[0] is 'l' or 'r' || (token[i] == '斯' && !IsVowel(next[0])));
            sb.Append(bare ? consonant : syllables[i]);
        }
        return sb.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
