using System.Text;

namespace Ariadne.Matching.Names;

/// <summary>
/// Hindi names in Devanagari to Latin as an Indian passport writes them: the Hunterian romanisation (the Government of
/// India's national system, used by the Survey of India and on passports), without its diacritics, and with Hindi's
/// schwa deletion. AnyAscii reads Devanagari letter by letter and leaves out every inherent vowel (नरेन्द्र nrendr,
/// मनमोहन mnmohn, बच्चन bccn), writes the anusvara m (गांधी gamdhi), श and ष s, and a nukta as an apostrophe (ख़ान kh'an),
/// none of which a passport writes (Narendra, Manmohan, Bachchan, Gandhi, Khan).
/// <list type="bullet">
/// <item>Each consonant carries an inherent a; the virama (्) takes it away; a vowel sign (matra) replaces it.</item>
/// <item>Long and short vowels are one letter each, as passports write them without Hunterian's accents: आ/ा a,
/// ई/ी i, ऊ/ू u; ए e, ऐ ai, ओ o, औ au; ऋ/ृ ri.</item>
/// <item>The anusvara (ं) and chandrabindu (ँ) are the nasal of the following consonant's class, written n, and m before
/// the labials प फ ब भ म (Hunterian, like ISO 15919's optional rule); before ह the velar nasal Hindi says there, which
/// every record of सिंह writes ng (Singh). The visarga (ः) is h.</item>
/// <item>Hunterian's digraphs: च ch, छ chh (so च्च is chch: Bachchan), श and ष sh; ङ ञ ण n; the nukta letters of
/// Persian and Arabic loans क़ q, ख़ kh, ग़ gh, ज़ z, फ़ f, and the flaps ड़ r, ढ़ rh (precomposed, U+0958–U+095F, or base
/// letter and nukta U+093C: normalisation gives the second, since those letters are composition exclusions).</item>
/// <item>व is v, but w after another consonant of a conjunct (द्व Dwivedi, स्व Swami, श्व Vishwanath), except after
/// र, where passports write v (Parvati, Sarvesh). ज्ञ is gy, as Hindi says it (ज्ञान Gyan).</item>
/// </list>
/// Schwa deletion (<see cref="DeleteSchwas"/>) follows the rule of Ohala (Aspects of Hindi Phonology, 1983) as
/// Narasimhan, Sproat and Kiraz implemented it (Schwa-deletion in Hindi text-to-speech synthesis, International Journal
/// of Speech Technology 7, 2004): the word-final inherent a first, then medial ones right to left.
/// </summary>
public static class DevanagariTransliteration
{
    private enum Kind
    {
        Consonant,
        Vowel,
        /// <summary>The anusvara: a nasal consonant closing the syllable (संजय is san-jay, not sa-njay).</summary>
        Anusvara,
        /// <summary>The chandrabindu: the vowel before it said through the nose; part of that vowel.</summary>
        Chandrabindu,
        Visarga,
        Other,
    }

    /// <summary>
    /// One sound of the word: a consonant (its base letter, for the rules that look at it), a vowel (Schwa when it is a
    /// consonant's inherent a), a nasal or visarga sign, or anything else (digits, a stray Latin letter).
    /// </summary>
    private record struct Segment(Kind Kind, string Latin, char Letter = '\0', bool Schwa = false, bool Conjunct = false)
    {
        public bool Deleted { get; set; }
    }

    /// <summary>The Latin spelling of one Devanagari token (folded: lower case, no punctuation).</summary>
    public static string ToLatin(string token)
    {
        var segments = Segments(token);
        DeleteSchwas(segments);
        return Write(segments);
    }

    private static List<Segment> Segments(string token)
    {
        var segments = new List<Segment>(token.Length + 4);
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            var nukta = i + 1 < token.Length && token[i + 1] == Nukta;
            if (Consonant(c, nukta) is { } consonant)
            {
                if (nukta)
                {
                    i++;
                }
                // The previous consonant's virama makes this one the next letter of a conjunct.
                var conjunct = segments.Count > 0 && segments[^1].Kind == Kind.Consonant;
                segments.Add(new Segment(Kind.Consonant, consonant, c, Conjunct: conjunct));
                var next = i + 1 < token.Length ? token[i + 1] : '\0';
                if (next == Virama)
                {
                    i++;
                }
                else if (Matra(next) is { } matra)
                {
                    segments.Add(new Segment(Kind.Vowel, matra));
                    i++;
                }
                else
                {
                    segments.Add(new Segment(Kind.Vowel, "a", Schwa: true));
                }
                continue;
            }
            if ((IndependentVowel(c) ?? Matra(c)) is { } vowel)
            {
                segments.Add(new Segment(Kind.Vowel, vowel));
                continue;
            }
            switch (c)
            {
                case '\u0902':
                    segments.Add(new Segment(Kind.Anusvara, "n"));
                    break;
                case '\u0900' or '\u0901':
                    segments.Add(new Segment(Kind.Chandrabindu, "n"));
                    break;
                case '\u0903':
                    segments.Add(new Segment(Kind.Visarga, "h"));
                    break;
                case >= '\u0966' and <= '\u096F':
                    segments.Add(new Segment(Kind.Other, ((char)('0' + (c - '\u0966'))).ToString()));
                    break;
                case '\u0950':
                    segments.Add(new Segment(Kind.Other, "om"));
                    break;
                case >= '\u0900' and <= '\u097F':
                    // The nukta and virama on their own, the avagraha, dandas, abbreviation signs: nothing to say.
                    break;
                default:
                    if (char.IsAsciiLetterOrDigit(c))
                    {
                        segments.Add(new Segment(Kind.Other, char.ToLowerInvariant(c).ToString()));
                    }
                    else if (char.IsLetterOrDigit(c))
                    {
                        var ascii = AnyAscii.Transliteration.Transliterate(c.ToString()).ToLowerInvariant();
                        segments.Add(new Segment(Kind.Other, new string(ascii.Where(char.IsAsciiLetterOrDigit).ToArray())));
                    }
                    break;
            }
        }
        return segments;
    }

    /// <summary>
    /// Hindi does not say every inherent a that the script implies (Ohala 1983; Narasimhan, Sproat and Kiraz 2004):
    /// <list type="number">
    /// <item>The word-final one is dropped (राम Ram, राहुल Rahul, अमिताभ Amitabh), unless it is the word's only vowel, or it
    /// follows a conjunct Hindi does not end a word with (<see cref="KeepsFinalSchwa"/>: नरेन्द्र Narendra, मिश्र Mishra,
    /// कृष्ण Krishna, गुप्त Gupta).</item>
    /// <item>Then, right to left, one between a vowel and consonant on its left and a consonant and vowel on its right
    /// (V C a C V) is dropped: कमला Kamla, सरला Sarla, मनमोहन Manmohan, मंगेशकर Mangeshkar, चोपड़ा Chopra. Right to
    /// left, each deletion takes the vowel the next one to the left would need, so two neighbours never both go
    /// (मनमोहन is Man-mohan, not Manmhan). The first syllable's a is never dropped (no vowel before its consonant), nor
    /// one with an anusvara (प्रियंका Priyanka), nor one before a conjunct or after one (बच्चन Bachchan) or after an
    /// anusvara, which closes the syllable before as a consonant does (वंदना Vandana, रंजना Ranjana).</item>
    /// </list>
    /// The rule does not see morpheme boundaries, which the cited systems look up in a lexicon (मायावती is Maya-vati,
    /// read Mayavti here; औरंगज़ेब Aurang-zeb, read Aurangazeb); such a reading still has all the consonants, which is
    /// what most of the index's keys are made of, and is a letter away from the passport's for the scorer.
    /// </summary>
    private static void DeleteSchwas(List<Segment> segments)
    {
        var last = segments.Count - 1;
        while (last >= 0 && segments[last].Kind == Kind.Other)
        {
            last--;
        }
        if (last >= 1 && segments[last] is { Schwa: true } && segments[last - 1].Kind == Kind.Consonant
            && segments.Take(last).Any(s => s.Kind == Kind.Vowel) && !KeepsFinalSchwa(segments, last - 1))
        {
            segments[last] = segments[last] with { Deleted = true };
        }
        for (var i = last - 1; i >= 2; i--)
        {
            if (segments[i] is not { Schwa: true, Deleted: false }
                || segments[i - 1].Kind != Kind.Consonant || !IsVowelBefore(segments, i - 2)
                || segments[i + 1].Kind != Kind.Consonant || i + 2 >= segments.Count || !IsVowel(segments[i + 2]))
            {
                continue;
            }
            segments[i] = segments[i] with { Deleted = true };
        }
    }

    private static bool IsVowel(Segment s) => s is { Kind: Kind.Vowel, Deleted: false };

    /// <summary>A vowel said at <paramref name="at"/>, looking through a chandrabindu to the vowel it nasalises.</summary>
    private static bool IsVowelBefore(List<Segment> segments, int at)
    {
        if (segments[at].Kind == Kind.Chandrabindu)
        {
            at--;
        }
        return at >= 0 && IsVowel(segments[at]);
    }

    /// <summary>
    /// Whether a word ending in the conjunct whose last consonant is at <paramref name="end"/> keeps its final a. Hindi
    /// says it after a conjunct that ends in a semivowel or liquid (य र ल व: नरेन्द्र Narendra, मिश्र Mishra, सूर्य Surya,
    /// शुक्ल Shukla), and after two obstruents or an obstruent and a nasal (गुप्त Gupta, कृष्ण Krishna, पद्म Padma); not
    /// after a nasal or र and another consonant, which end Hindi words easily (आनन्द Anand, अरविन्द Arvind, प्रशान्त
    /// Prashant, सिद्धार्थ Siddharth). Where usage varies (Siddharth and Siddhartha) a final a is one letter that the
    /// consonant keys do not see.
    /// </summary>
    private static bool KeepsFinalSchwa(List<Segment> segments, int end)
    {
        if (!segments[end].Conjunct)
        {
            return false;
        }
        if (segments[end].Letter is 'य' or 'र' or 'ल' or 'व')
        {
            return true;
        }
        return segments[end - 1].Letter is not ('न' or 'म' or 'ण' or 'ङ' or 'ञ' or 'र');
    }

    private static string Write(List<Segment> segments)
    {
        var sb = new StringBuilder(segments.Count * 2);
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            if (s.Deleted)
            {
                continue;
            }
            var next = NextConsonant(segments, i);
            switch (s.Kind)
            {
                case Kind.Consonant when s.Letter == 'ज' && next is { Letter: 'ञ', Conjunct: true }:
                    // ज्ञ is gy as Hindi says it (ज्ञान Gyan, ज्ञानेन्द्र Gyanendra); the ञ is written with it.
                    sb.Append("gy");
                    segments[i + 1] = segments[i + 1] with { Latin = "" };
                    break;
                case Kind.Consonant when s.Letter == 'व' && s.Conjunct && segments[i - 1].Letter != 'र':
                    sb.Append('w');
                    break;
                case Kind.Anusvara or Kind.Chandrabindu:
                    sb.Append(next?.Latin switch
                    {
                        "p" or "ph" or "b" or "bh" or "m" => "m",
                        "h" => "ng",
                        _ => "n",
                    });
                    break;
                default:
                    sb.Append(s.Latin);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>The next segment when it is a consonant.</summary>
    private static Segment? NextConsonant(List<Segment> segments, int i) =>
        i + 1 < segments.Count && segments[i + 1].Kind == Kind.Consonant ? segments[i + 1] : null;

    private const char Virama = '\u094D';
    private const char Nukta = '\u093C';

    /// <summary>The Hunterian spelling of a consonant letter, with a following nukta when <paramref name="nukta"/>.</summary>
    private static string? Consonant(char c, bool nukta)
    {
        if (nukta)
        {
            switch (c)
            {
                case 'क': return "q";
                case 'ख': return "kh";
                case 'ग': return "gh";
                case 'ज': return "z";
                case 'ड': return "r";
                case 'ढ': return "rh";
                case 'फ': return "f";
            }
        }
        return c switch
        {
            'क' => "k", 'ख' => "kh", 'ग' => "g", 'घ' => "gh", 'ङ' => "n",
            'च' => "ch", 'छ' => "chh", 'ज' => "j", 'झ' => "jh", 'ञ' => "n",
            'ट' => "t", 'ठ' => "th", 'ड' => "d", 'ढ' => "dh", 'ण' => "n",
            'त' => "t", 'थ' => "th", 'द' => "d", 'ध' => "dh", 'न' or '\u0929' => "n",
            'प' => "p", 'फ' => "ph", 'ब' => "b", 'भ' => "bh", 'म' => "m",
            'य' or '\u095F' => "y", 'र' or '\u0931' => "r", 'ल' or 'ळ' or '\u0934' => "l", 'व' => "v",
            'श' or 'ष' => "sh", 'स' => "s", 'ह' => "h",
            // The precomposed nukta letters (U+0958–U+095F).
            '\u0958' => "q", '\u0959' => "kh", '\u095A' => "gh", '\u095B' => "z", '\u095C' => "r", '\u095D' => "rh",
            '\u095E' => "f",
            // Letters added for other languages written in Devanagari (Sindhi's implosives, ॹ zh).
            'ॹ' => "zh", 'ॺ' => "y", 'ॻ' => "g", 'ॼ' => "j", 'ॾ' => "d", 'ॿ' => "b",
            _ => null,
        };
    }

    private static string? IndependentVowel(char c) => c switch
    {
        'ऄ' or 'अ' or 'आ' or 'ॲ' => "a",
        'इ' or 'ई' => "i",
        'उ' or 'ऊ' or 'ॶ' or 'ॷ' => "u",
        'ऋ' or 'ॠ' => "ri",
        'ऌ' or 'ॡ' => "li",
        'ऍ' or 'ऎ' or 'ए' => "e",
        'ऐ' => "ai",
        'ऑ' or 'ऒ' or 'ओ' or 'ॳ' or 'ॴ' => "o",
        'औ' or 'ॵ' => "au",
        _ => null,
    };

    private static string? Matra(char c) => c switch
    {
        'ा' => "a",
        'ि' or 'ी' => "i",
        'ु' or 'ू' or 'ॖ' or 'ॗ' => "u",
        'ृ' or 'ॄ' => "ri",
        'ॢ' or 'ॣ' => "li",
        'ॅ' or 'ॆ' or 'े' or 'ॎ' or 'ॕ' => "e",
        'ै' => "ai",
        'ॉ' or 'ॊ' or 'ो' or 'ऺ' or 'ऻ' => "o",
        'ौ' or 'ॏ' => "au",
        _ => null,
    };
}
