using System.Text;

namespace Ariadne.Matching.Names;

/// <summary>
/// Greek, Hebrew and Han to Latin through AnyAscii (issue #11 item 3); Hangul, Kana and Devanagari by their own
/// standard (KoreanRomanisation, KanaRomanisation, DevanagariTransliteration). AnyAscii is
/// served and small, covers every script with Unicode data rather than lists, and needs no native ICU; ICU4N's
/// transliterator package is not served. Where AnyAscii's letter-by-letter output differs from the standard a
/// passport uses, the standard wins first: Greek ου/αυ/ευ/μπ/ντ by ELOT 743 (Παπαδόπουλος is Papadopoulos); Devanagari
/// by the Hunterian system with Hindi's schwa deletion (नरेन्द्र is Narendra, where AnyAscii writes nrendr). A form in
/// Chinese characters is also read as Korean reads them (<see cref="HanjaReading"/>), for Korean names written in Han.
/// </summary>
internal static class OtherScriptTransliteration
{
    /// <summary>
    /// One or two readings of the tokens: syllables of Han and Hangul apart, and the given name joined; for Greek, the
    /// ELOT 743 transcription (passports), the ISO 843 transliteration (<see cref="GreekIso843"/>), and γ said y
    /// (<see cref="GreekGammaAsY"/>). The note names a reading's scheme for the explanation where <see cref="Scheme"/> does not.
    /// </summary>
    public static IEnumerable<(string[] Latin, string[] Original, string? Note)> Readings(string[] original)
    {
        var split = new List<(string Latin, string Original)>();
        var joined = new List<(string Latin, string Original)>();
        // The ISO 843 reading of a form with Greek in it; the same as the first otherwise, and then not offered.
        var iso = new List<(string Latin, string Original)>();
        // The reading with γ as y before e and i (Γιάννης Yannis); offered, like iso, only when it differs.
        var gammaAsY = new List<(string Latin, string Original)>();
        // A foreign name written in Hangul or Han read back as one word per token (KoreanRomanisation.OfLoanword,
        // ChineseTranscription.OfForeignName); offered only for a form shaped like one (ForeignShaped).
        var foreign = new List<(string Latin, string Original)>();
        // Greek as spoken (GreekSpoken): how a foreign name written in Greek reads back; offered only when it differs.
        var spoken = new List<(string Latin, string Original)>();
        var foreignShaped = ForeignShaped(original);
        foreach (var token in original)
        {
            var script = Scripts.Of(token);
            switch (script)
            {
                case Script.Han or Script.Hangul:
                    // AnyAscii capitalises each syllable (王伟 → WangWei, 김민준 → GimMinJun). Family name first:
                    // Latin forms write the given name apart (Wang Wei) or joined (Gim Minjun), so offer both.
                    // Hangul by the Revised Romanization's own tables (KoreanRomanisation.OfHangul): AnyAscii spells
                    // final consonants by letter (박 Bag), passports by sound (Bak, Park).
                    var syllables = script == Script.Hangul
                        ? KoreanRomanisation.OfHangul(token)
                        : Syllables(AnyAscii.Transliteration.Transliterate(token));
                    AddSyllables(token, syllables, split, joined);
                    if (foreignShaped)
                    {
                        foreign.Add((script == Script.Hangul ? KoreanRomanisation.OfLoanword(token) : ChineseTranscription.OfForeignName(token), token));
                    }
                    break;
                case Script.Greek:
                    var greek = Ascii(GreekDigraphs(token));
                    split.Add((greek, token));
                    joined.Add((greek, token));
                    iso.Add((Ascii(GreekIso843(token)), token));
                    gammaAsY.Add((Ascii(GreekDigraphs(GreekGammaAsY(token))), token));
                    foreign.Add((greek, token));
                    spoken.Add((Ascii(GreekSpoken(token)), token));
                    break;
                case Script.Latin or Script.None or Script.Arabic or Script.Cyrillic:
                    // Arabic is compared by consonants (ConsonantSkeleton); Cyrillic by its own schemes.
                    split.Add((token, token));
                    joined.Add((token, token));
                    iso.Add((token, token));
                    gammaAsY.Add((token, token));
                    foreign.Add((token, token));
                    spoken.Add((token, token));
                    break;
                case Script.Kana:
                    // Hepburn as on a passport (KanaRomanisation): AnyAscii reads small kana as full ones (キョウコ kiyouko).
                    var hepburn = LettersAndDigits(KanaRomanisation.Hepburn(token));
                    split.Add((hepburn, token));
                    joined.Add((hepburn, token));
                    iso.Add((hepburn, token));
                    // Katakana is how Japanese writes a foreign name: read back without the vowels it adds (メルケル merker).
                    foreign.Add((KanaRomanisation.IsKatakana(token)
                        ? LettersAndDigits(KanaRomanisation.Loanword(token))
                        : hepburn, token));
                    break;
                case Script.Devanagari:
                    // Hunterian with Hindi's schwa deletion, as passports write it (DevanagariTransliteration).
                    var hunterian = DevanagariTransliteration.ToLatin(token);
                    split.Add((hunterian, token));
                    joined.Add((hunterian, token));
                    iso.Add((hunterian, token));
                    foreign.Add((hunterian, token));
                    break;
                case Script.Hebrew or Script.Other:
                    var ascii = Ascii(token);
                    split.Add((ascii, token));
                    joined.Add((ascii, token));
                    iso.Add((ascii, token));
                    gammaAsY.Add((ascii, token));
                    foreign.Add((ascii, token));
                    spoken.Add((ascii, token));
                    break;
            }
        }
        var first = split.Where(p => p.Latin.Length > 0).ToArray();
        var second = joined.Where(p => p.Latin.Length > 0).ToArray();
        if (first.Length > 0)
        {
            yield return (first.Select(p => p.Latin).ToArray(), first.Select(p => p.Original).ToArray(), null);
        }
        if (second.Length > 0 && !second.Select(p => p.Latin).SequenceEqual(first.Select(p => p.Latin), StringComparer.Ordinal))
        {
            yield return (second.Select(p => p.Latin).ToArray(), second.Select(p => p.Original).ToArray(), null);
        }
        // A Han or Hangul token is in split, joined or neither list apart, but never in iso: iso is offered only when
        // it has every token, Greek among them, and differs from the first reading.
        var third = iso.Where(p => p.Latin.Length > 0).ToArray();
        if (third.Length == first.Length && third.Length > 0
            && !third.Select(p => p.Latin).SequenceEqual(first.Select(p => p.Latin), StringComparer.Ordinal))
        {
            yield return (third.Select(p => p.Latin).ToArray(), third.Select(p => p.Original).ToArray(), null);
        }
        var fourth = gammaAsY.Where(p => p.Latin.Length > 0).ToArray();
        if (fourth.Length == first.Length && fourth.Length > 0
            && !fourth.Select(p => p.Latin).SequenceEqual(first.Select(p => p.Latin), StringComparer.Ordinal))
        {
            yield return (fourth.Select(p => p.Latin).ToArray(), fourth.Select(p => p.Original).ToArray(), GammaAsYNote);
        }
        var sixth = spoken.Where(p => p.Latin.Length > 0).ToArray();
        if (sixth.Length == first.Length && sixth.Length > 0
            && !sixth.Select(p => p.Latin).SequenceEqual(first.Select(p => p.Latin), StringComparer.Ordinal))
        {
            yield return (sixth.Select(p => p.Latin).ToArray(), sixth.Select(p => p.Original).ToArray(), GreekSpokenNote);
        }
        if (!foreignShaped && KoreanReading(original) is var (koreanSplit, koreanJoined))
        {
            // Split (Kim Jong Un) and with the given name joined (Kim Jongun), as the Han reading above.
            yield return (koreanSplit.Select(p => p.Latin).ToArray(), koreanSplit.Select(p => p.Original).ToArray(), HanjaNote);
            if (!koreanJoined.Select(p => p.Latin).SequenceEqual(koreanSplit.Select(p => p.Latin), StringComparer.Ordinal))
            {
                yield return (koreanJoined.Select(p => p.Latin).ToArray(), koreanJoined.Select(p => p.Original).ToArray(), HanjaNote);
            }
        }
        var fifth = foreign.Where(p => p.Latin.Length > 0).ToArray();
        if (foreignShaped && fifth.Length > 0
            && !fifth.Select(p => p.Latin).SequenceEqual(first.Select(p => p.Latin), StringComparer.Ordinal)
            && !fifth.Select(p => p.Latin).SequenceEqual(second.Select(p => p.Latin), StringComparer.Ordinal))
        {
            yield return (fifth.Select(p => p.Latin).ToArray(), fifth.Select(p => p.Original).ToArray(), ForeignNote);
        }
    }

    /// <summary>The note of the Korean reading of Chinese characters, which is keyed whole (<see cref="NameComparison.Reading.HanReadAsKorean"/>).</summary>
    internal const string HanjaNote = "read as Korean reads Chinese characters, Hanja";

    /// <summary>
    /// A form written wholly in Han read as a Korean name (<see cref="HanjaReading"/>): each token's syllables in the
    /// Revised Romanization, apart and with the given name joined. Null when a character has no Korean reading or a
    /// token is not Han.
    /// </summary>
    private static (List<(string Latin, string Original)> Split, List<(string Latin, string Original)> Joined)? KoreanReading(string[] original)
    {
        var split = new List<(string Latin, string Original)>();
        var joined = new List<(string Latin, string Original)>();
        foreach (var token in original)
        {
            if (Scripts.Of(token) != Script.Han || HanjaReading.ToHangul(token) is not { } hangul)
            {
                return null;
            }
            AddSyllables(token, KoreanRomanisation.OfHangul(hangul), split, joined);
        }
        return split.Count > 0 ? (split, joined) : null;
    }

    /// <summary>
    /// A Han or Hangul token's syllables: in the split reading each apart, in the joined one the first (the family name)
    /// and the rest as one word; each with its own character, for the explanation (jin = 近, not jin = 习近平).
    /// </summary>
    private static void AddSyllables(string token, List<string> syllables, List<(string Latin, string Original)> split,
        List<(string Latin, string Original)> joined)
    {
        if (syllables.Count == 0)
        {
            return;
        }
        var characters = Characters(token, syllables.Count);
        split.AddRange(syllables.Select((s, k) => (s, characters[k])));
        joined.Add((syllables[0], characters[0]));
        if (syllables.Count > 1)
        {
            joined.Add((string.Concat(syllables.Skip(1)), string.Concat(characters.Skip(1))));
        }
    }

    /// <summary>
    /// The written character of each of a Han or Hangul token's <paramref name="syllables"/> syllables, when the token has
    /// exactly that many Han characters and Hangul syllables (one syllable each); otherwise the whole token for each.
    /// </summary>
    private static string[] Characters(string token, int syllables)
    {
        var characters = new List<string>(token.Length);
        foreach (var rune in token.EnumerateRunes())
        {
            var text = rune.ToString();
            if (Scripts.Of(text) == Script.Han || rune.Value is >= 0xAC00 and <= 0xD7A3)
            {
                characters.Add(text);
            }
        }
        return characters.Count == syllables ? [.. characters] : [.. Enumerable.Repeat(token, syllables)];
    }

    private const string ForeignNote = "a foreign name as Korean, Chinese or Japanese writes it, read back";

    /// <summary>
    /// Whether a form reads like a foreign name: any katakana; in Hangul or Han, rather than a Korean or Chinese name, two or more
    /// such words of two syllables or more (앙겔라 메르켈, 唐纳德·特朗普: a Korean or Chinese name is one word, or a
    /// one-syllable surname apart), a Han word of four characters or more (弗拉基米尔; a Chinese name has two or three),
    /// or a Hangul word with the vowel Korean adds to foreign clusters (트럼프).
    /// </summary>
    private static bool ForeignShaped(string[] original)
    {
        if (original.Any(KanaRomanisation.IsKatakana))
        {
            // Japanese writes foreign names, and few of its own, in katakana (KanaRomanisation.Loanword).
            return true;
        }
        var words = original.Where(t => Scripts.Of(t) is Script.Han or Script.Hangul).ToArray();
        return (words.Length >= 2 && words.All(w => w.Length >= 2))
            || words.Any(w => Scripts.Of(w) == Script.Han && w.Length >= 4)
            || words.Any(w => Scripts.Of(w) == Script.Hangul && KoreanRomanisation.ReadsAsLoanword(w));
    }

    /// <summary>The scheme a script's reading follows, for the explanation.</summary>
    public static string Scheme(Script script) => script switch
    {
        Script.Hangul => "Revised Romanization",
        Script.Kana => "Hepburn",
        Script.Devanagari => "Hunterian",
        _ => "AnyAscii",
    };

    private static string Ascii(string text) => LettersAndDigits(AnyAscii.Transliteration.Transliterate(text).ToLowerInvariant());

    /// <summary>The ASCII letters and digits of a reading: what AnyAscii and the kana romaniser leave of other characters goes.</summary>
    private static string LettersAndDigits(string text) => new(text.Where(char.IsAsciiLetterOrDigit).ToArray());

    private static List<string> Syllables(string ascii)
    {
        var syllables = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterUpper(c) && sb.Length > 0)
            {
                syllables.Add(sb.ToString());
                sb.Clear();
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        if (sb.Length > 0)
        {
            syllables.Add(sb.ToString());
        }
        return syllables;
    }

    /// <summary>
    /// The ISO 843 transliteration (Type 1, also ELOT 743's own since 2001, and the Library of Congress's): letter by
    /// letter, υ as y, except in the diphthongs αυ, ευ, ηυ, ου, which are au, eu, iu, ou, and γγ as gg, μπ as mp. It is
    /// how libraries, older records and machine transliteration write Greek names (Ελευθέριος Eleutherios, Ευάγγελος
    /// Euaggelos, Ευστάθιος Eustathios) where a passport's transcription writes Eleftherios, Evangelos, Efstathios; its
    /// vowels differ, but its consonants are the letters' own, so the whole form's consonants meet those of a
    /// letter-by-letter spelling (Eleytherios), which the transcription's v and f do not. The input is folded.
    /// </summary>
    private static string GreekIso843(string token)
    {
        var plain = StripAccents(token);
        return plain.Replace("αυ", "au", StringComparison.Ordinal)
            .Replace("ευ", "eu", StringComparison.Ordinal)
            .Replace("ηυ", "iu", StringComparison.Ordinal)
            .Replace("ου", "ou", StringComparison.Ordinal);
    }

    private static string StripAccents(string token) =>
        new string(token.Normalize(NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .ToArray()).Normalize(NormalizationForm.FormC);

    /// <summary>How the explanation names the reading of <see cref="GreekGammaAsY"/>.</summary>
    public const string GammaAsYNote = "γ said y before e and i, as BGN/PCGN and common spellings write it";

    /// <summary>
    /// The folded token with γ written y where Greek says it so, before a front vowel (ε, η, ι, υ, αι, οι, ει): the
    /// BGN/PCGN romanisation of Greek (1962) writes that γ as y, and so do passports and the press (Γιάννης Yannis, Γιώργος
    /// Yorgos, Γεώργιος Yeorgios, Παναγιώτης Panayiotis), where ELOT 743, ISO 843 and AnyAscii write g (Giannis, Giorgos).
    /// An unstressed ι between that γ and another vowel is not a vowel of its own but the y sound itself, which common
    /// spellings write once (Yannis, not Yiannis; either is close to the other); a stressed or diaeresised ι is a syllable
    /// and stays (Αγία Ayia). The γ of γγ (Ευάγγελος, ng) is not palatal. The rest is left for <see cref="GreekDigraphs"/>.
    /// </summary>
    private static string GreekGammaAsY(string token)
    {
        if (!token.Contains('γ', StringComparison.Ordinal))
        {
            return token;
        }
        var d = token.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        for (var i = 0; i < d.Length; i++)
        {
            var next = Next(d, i);
            if (d[i] != 'γ' || PreviousLetter(d, i) == 'γ' || next >= d.Length || !FrontVowelAt(d, next))
            {
                sb.Append(d[i]);
                continue;
            }
            sb.Append('y');
            var after = Next(d, next);
            if (d[next] == 'ι' && after == next + 1 && after < d.Length && "αεηιουω".Contains(d[after], StringComparison.Ordinal))
            {
                // The unstressed glide ι (no mark follows it) is the y just written.
                i = next;
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);

        // The index of the next letter after i, past i's combining marks.
        static int Next(string s, int i)
        {
            var j = i + 1;
            while (j < s.Length && char.GetUnicodeCategory(s[j]) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                j++;
            }
            return j;
        }

        static char PreviousLetter(string s, int i)
        {
            for (var j = i - 1; j >= 0; j--)
            {
                if (char.GetUnicodeCategory(s[j]) != System.Globalization.UnicodeCategory.NonSpacingMark)
                {
                    return s[j];
                }
            }
            return '\0';
        }

        // αι and οι are e and i only as digraphs: no accent on the α or ο, no diaeresis on the ι (γάιδαρος, Μαΐου).
        static bool FrontVowelAt(string s, int j) =>
            s[j] is 'ε' or 'η' or 'ι' or 'υ'
            || (s[j] is 'α' or 'ο' && j + 1 < s.Length && s[j + 1] == 'ι'
                && (j + 2 >= s.Length || s[j + 2] != '\u0308'));
    }

    /// <summary>How the explanation names the reading of <see cref="GreekSpoken"/>.</summary>
    public const string GreekSpokenNote = "Greek as said (ου u, μπ b, ντ d, γκ g, τζ j), as a foreign name written in Greek reads back";

    /// <summary>
    /// The folded token as Greek says its digraphs, which is how Greek writes a foreign name's sounds it has no letter for
    /// (Βλαντιμίρ Πούτιν Vladimir Putin, Ντόναλντ Donald, Τζέιμς James, Γκόρντον Gordon): ου is u, μπ b, ντ d, γκ g and τζ j
    /// in any place, where ELOT 743 (<see cref="GreekDigraphs"/>) keeps ou and reads μπ and ντ so only at the start. Greek's
    /// own names keep their ELOT reading beside it (Παπαδόπουλος Papadopoulos).
    /// </summary>
    private static string GreekSpoken(string token)
    {
        var s = StripAccents(token).Replace("ου", "u", StringComparison.Ordinal)
            .Replace("μπ", "b", StringComparison.Ordinal)
            .Replace("ντ", "d", StringComparison.Ordinal)
            .Replace("γκ", "g", StringComparison.Ordinal)
            .Replace("τζ", "j", StringComparison.Ordinal);
        return GreekDigraphs(s);
    }

    /// <summary>ELOT 743 digraphs that a letter-by-letter reading gets wrong; the input is folded (lower-case, accents kept).</summary>
    private static string GreekDigraphs(string token)
    {
        // Accents first: ού and οὐ are ου for this purpose.
        var plain = StripAccents(token);
        var s = plain.Replace("ου", "ou", StringComparison.Ordinal)
            .Replace("αυ", "av", StringComparison.Ordinal)
            .Replace("ευ", "ev", StringComparison.Ordinal);
        if (s.StartsWith("μπ", StringComparison.Ordinal))
        {
            s = "b" + s[2..];
        }
        if (s.StartsWith("ντ", StringComparison.Ordinal))
        {
            s = "d" + s[2..];
        }
        return s;
    }
}
