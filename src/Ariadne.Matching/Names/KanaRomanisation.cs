using System.Collections.Frozen;
using System.Text;

namespace Ariadne.Matching.Names;

/// <summary>
/// Hiragana and katakana in the Hepburn romanisation as Japanese passports write it (the Ministry of Foreign Affairs'
/// rules): long vowels unwritten (サトウ Sato, オオノ Ono, ユウコ Yuko), ん as m before b, m and p (ほんま Homma), っ doubling the
/// next consonant (ハッサン Hassan, マッチャ Matcha). AnyAscii reads kana letter by letter and turns every small kana into a
/// full one (キョウコ kiyouko, チャン chiyan, ジョン jiyon, ティム teimu), so a Japanese or a foreign name written in kana
/// did not meet its Latin spelling. Kanji are not read here: a kanji name has several readings and no table gives the
/// one a person uses.
/// </summary>
internal static class KanaRomanisation
{
    // The gojūon and its voiced forms, in hiragana; katakana is folded onto it first (the blocks are 0x60 apart).
    private static readonly FrozenDictionary<char, string> s_kana = new Dictionary<char, string>
    {
        ['あ'] = "a", ['い'] = "i", ['う'] = "u", ['え'] = "e", ['お'] = "o",
        ['か'] = "ka", ['き'] = "ki", ['く'] = "ku", ['け'] = "ke", ['こ'] = "ko",
        ['が'] = "ga", ['ぎ'] = "gi", ['ぐ'] = "gu", ['げ'] = "ge", ['ご'] = "go",
        ['さ'] = "sa", ['し'] = "shi", ['す'] = "su", ['せ'] = "se", ['そ'] = "so",
        ['ざ'] = "za", ['じ'] = "ji", ['ず'] = "zu", ['ぜ'] = "ze", ['ぞ'] = "zo",
        ['た'] = "ta", ['ち'] = "chi", ['つ'] = "tsu", ['て'] = "te", ['と'] = "to",
        ['だ'] = "da", ['ぢ'] = "ji", ['づ'] = "zu", ['で'] = "de", ['ど'] = "do",
        ['な'] = "na", ['に'] = "ni", ['ぬ'] = "nu", ['ね'] = "ne", ['の'] = "no",
        ['は'] = "ha", ['ひ'] = "hi", ['ふ'] = "fu", ['へ'] = "he", ['ほ'] = "ho",
        ['ば'] = "ba", ['び'] = "bi", ['ぶ'] = "bu", ['べ'] = "be", ['ぼ'] = "bo",
        ['ぱ'] = "pa", ['ぴ'] = "pi", ['ぷ'] = "pu", ['ぺ'] = "pe", ['ぽ'] = "po",
        ['ま'] = "ma", ['み'] = "mi", ['む'] = "mu", ['め'] = "me", ['も'] = "mo",
        ['や'] = "ya", ['ゆ'] = "yu", ['よ'] = "yo",
        ['ら'] = "ra", ['り'] = "ri", ['る'] = "ru", ['れ'] = "re", ['ろ'] = "ro",
        ['わ'] = "wa", ['ゐ'] = "i", ['ゑ'] = "e", ['を'] = "o", ['ん'] = "n", ['ゔ'] = "vu",
    }.ToFrozenDictionary();

    // Small kana: y-glides after an i-syllable (きょ kyo), vowels after any syllable (ティ ti, ファ fa, ウォ wo).
    private static readonly FrozenDictionary<char, string> s_small = new Dictionary<char, string>
    {
        ['ゃ'] = "ya", ['ゅ'] = "yu", ['ょ'] = "yo",
        ['ぁ'] = "a", ['ぃ'] = "i", ['ぅ'] = "u", ['ぇ'] = "e", ['ぉ'] = "o", ['ゎ'] = "wa",
    }.ToFrozenDictionary();

    private const char SmallTsu = 'っ';
    private const char LongVowelMark = 'ー';

    /// <summary>Whether the text holds a kana letter this romaniser reads.</summary>
    public static bool HasKana(string text)
    {
        foreach (var c in text)
        {
            if (c is (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or LongVowelMark or (>= '\uFF66' and <= '\uFF9F'))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The passport Hepburn spelling of a kana word, lower case. A letter that is no kana is left to AnyAscii.
    /// </summary>
    public static string Hepburn(string token) => Romanise(token, loanword: false);

    /// <summary>
    /// A foreign name written in katakana read back as the word it transcribes: Japanese writes a consonant that no vowel
    /// follows with the u-row kana (ル ru, ク ku, プ pu; ト and ド for t and d), so メルケル is merukeru and トランプ toranpu
    /// in Hepburn. Here a u-syllable before a consonant or at the word's end, and a final to or do, keep only their
    /// consonant: merker, toramp, donard. A vowel that ー lengthens or a small kana writes is the word's own and stays
    /// (プーチン puchin). It is a second reading beside Hepburn: the vowel is the name's own as often (ルカシェンコ
    /// Lukashenko), and the scorer keeps the closer reading.
    /// </summary>
    public static string Loanword(string token) => Romanise(token, loanword: true);

    /// <summary>Whether the token has katakana, the script Japanese writes foreign names in.</summary>
    public static bool IsKatakana(string token)
    {
        foreach (var c in token)
        {
            if (c is (>= '\u30A1' and <= '\u30FA') or (>= '\uFF66' and <= '\uFF9D'))
            {
                return true;
            }
        }
        return false;
    }

    private static string Romanise(string token, bool loanword)
    {
        // NFKC composes half-width katakana (ｻﾄｳ) and their voicing marks into full-width ones.
        var text = Hiragana(token.Normalize(NormalizationForm.FormKC));
        var syllables = new List<string>(text.Length);
        // The syllables whose vowel ー lengthens or a small kana writes: the word's own vowels, never an added one.
        var ownVowel = new List<bool>(text.Length);
        var doubleNext = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == SmallTsu)
            {
                doubleNext = true;
                continue;
            }
            if (c == LongVowelMark)
            {
                // The mark lengthens the vowel before it, which a passport does not write (コーヘー Kohe).
                if (ownVowel.Count > 0)
                {
                    ownVowel[^1] = true;
                }
                continue;
            }
            if (s_small.TryGetValue(c, out var small))
            {
                if (syllables.Count == 0)
                {
                    syllables.Add(small);
                    ownVowel.Add(true);
                    continue;
                }
                syllables[^1] = Glide(syllables[^1], small);
                ownVowel[^1] = true;
                continue;
            }
            if (!s_kana.TryGetValue(c, out var syllable))
            {
                syllable = AnyAscii.Transliteration.Transliterate(c.ToString()).ToLowerInvariant();
            }
            else if (IsLongVowel(c, syllables, text, i))
            {
                continue;
            }
            if (doubleNext)
            {
                doubleNext = false;
                // っ doubles the consonant after it, and before ch it is t (マッチャ matcha); before a vowel it is unwritten.
                if (syllable.Length > 0 && !IsVowel(syllable[0]))
                {
                    syllable = (syllable.StartsWith("ch", StringComparison.Ordinal) ? "t" : syllable[..1]) + syllable;
                }
            }
            syllables.Add(syllable);
            ownVowel.Add(false);
        }
        var latin = new StringBuilder(text.Length * 2);
        for (var i = 0; i < syllables.Count; i++)
        {
            var s = syllables[i];
            // ん before b, m or p is m on a passport (ほんま Homma, さんぺい Sampei).
            if (s == "n" && i + 1 < syllables.Count && syllables[i + 1].Length > 0 && syllables[i + 1][0] is 'b' or 'm' or 'p')
            {
                s = "m";
            }
            if (loanword && !ownVowel[i] && AddedVowel(s, i + 1 < syllables.Count ? syllables[i + 1] : null))
            {
                s = s[..^1];
            }
            latin.Append(s);
        }
        return latin.ToString();
    }

    /// <summary>
    /// Whether a syllable's vowel is the one Japanese adds to a foreign consonant: a consonant and u before another
    /// consonant or at the end (ル, ク, プ, ス), or to and do at the end (ト, ド).
    /// </summary>
    private static bool AddedVowel(string syllable, string? next)
    {
        if (syllable.Length < 2 || IsVowel(syllable[^2]))
        {
            return false;
        }
        var end = next is null;
        var beforeConsonant = next is { Length: > 0 } && !IsVowel(next[0]) && next != "n";
        return (syllable[^1] == 'u' && (end || beforeConsonant)) || (syllable is "to" or "do" && end);
    }

    /// <summary>
    /// う after an o or u syllable, and お after an o syllable, lengthen it, and a passport does not write it (サトウ Sato,
    /// ユウコ Yuko, オオノ Ono); but not when a vowel follows, where the う begins the next syllable (イノウエ Inoue).
    /// </summary>
    private static bool IsLongVowel(char c, List<string> before, string text, int i)
    {
        if (before.Count == 0 || c is not ('う' or 'お'))
        {
            return false;
        }
        var last = before[^1];
        var lengthens = c == 'う' ? last.EndsWith('o') || last.EndsWith('u') : last.EndsWith('o');
        var vowelAfter = i + 1 < text.Length && (text[i + 1] is 'あ' or 'い' or 'う' or 'え' or 'お' || s_small.ContainsKey(text[i + 1]));
        return lengthens && !vowelAfter;
    }

    /// <summary>
    /// A small kana after a syllable: a y-glide after an i-syllable (き+ょ kyo, し+ゃ sha, ち+ゅ chu, じ+ょ jo), else a vowel
    /// that replaces the syllable's own (テ+ィ ti, フ+ァ fa, シ+ェ she, ウ+ォ wo).
    /// </summary>
    private static string Glide(string syllable, string small)
    {
        if (small[0] == 'y' && syllable.Length >= 2 && syllable.EndsWith('i'))
        {
            var onset = syllable[..^1];
            // After sh, ch and j the glide is unwritten (しゃ sha, not shya), also when っ doubled them (っちゃ tcha).
            return onset.EndsWith("sh", StringComparison.Ordinal) || onset.EndsWith("ch", StringComparison.Ordinal) || onset.EndsWith('j')
                ? onset + small[1..]
                : onset + small;
        }
        if (syllable == "u")
        {
            return "w" + small;
        }
        if (small.Length == 1 && syllable.Length >= 2 && IsVowel(syllable[^1]))
        {
            return syllable[..^1] + small;
        }
        return syllable + small;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string Hiragana(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            // Katakana ァ..ヶ sit 0x60 above hiragana ぁ..ゖ.
            if (chars[i] is >= '\u30A1' and <= '\u30F6')
            {
                chars[i] = (char)(chars[i] - 0x60);
            }
        }
        return new string(chars);
    }
}
