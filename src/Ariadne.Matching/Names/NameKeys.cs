namespace Ariadne.Matching.Names;

/// <summary>
/// The retrieval keys of a name form (issue #11 item 3: several keys per name form). Every key is on the Latin side,
/// so that a form in any script meets a form in any other through one dictionary:
/// <list type="bullet">
/// <item><c>t</c>+token: each folded Latin reading of a token (Димитров → dimitrov; 習近平 → xi, jin, ping, jinping), and a
/// Korean syllable also as the Revised Romanization writes it (Chung → jung, Kim → gim; <see cref="KoreanRomanisation"/>).</item>
/// <item><c>c</c>+syllable: a Chinese syllable as Wade–Giles writes it, from pinyin or as written (dong and tung → ctung;
/// <see cref="WadeGiles"/>).</item>
/// <item><c>s</c>+skeleton: the token's consonants (<see cref="ConsonantSkeleton"/>), which is how unvowelled Arabic
/// meets vowelled Latin (محمد, Mohammed and Muhammad are all mhmd) and how Latin spellings meet each other.</item>
/// <item><c>s</c>+two skeletons: adjacent tokens joined, because a compound is written joined or apart
/// (عبدالرحمان / Abdul Rahman, Vandamme / Van Damme); the Arabic article ال also without it (التكريتي / Tikriti), and
/// as spoken, its l taken into a following sun letter (شهاب الدين / Shahabuddin; <see cref="ConsonantSkeleton.Assimilated"/>).</item>
/// <item><c>w</c>+skeleton of the whole form, tokens in their order.</item>
/// <item><c>p</c>+prefix: the first four letters of a long token, for spellings that differ late in the word.</item>
/// </list>
/// Initials and one-letter tokens give no key (they would hit everyone; the scorer matches them), unless the name has
/// nothing else.
/// </summary>
internal static class NameKeys
{
    /// <summary>How much a hit on a key of each kind counts, before its rarity: exact reading first.</summary>
    public static double KindWeight(string key) => key[0] switch
    {
        't' or 'w' => 1.0,
        's' => 0.8,
        _ => 0.5,
    };

    /// <summary>
    /// A skeleton, and without its first letter when that is a y or w: written Hebrew and Arabic begin words with
    /// them where Latin spellings write a vowel (ישראל / Israel, يوسف / Usuf), and Latin spellings differ the same way
    /// (Yitzhak / Itzhak).
    /// </summary>
    private static void AddSkeleton(HashSet<string> keys, string kind, string skeleton)
    {
        if (skeleton.Length >= 2)
        {
            keys.Add(kind + skeleton);
        }
        if (skeleton.Length >= 3 && skeleton[0] is 'y' or 'w')
        {
            keys.Add(kind + skeleton[1..]);
        }
    }

    /// <summary>
    /// Hebrew's consonants come from its letters; a Latin token's from the token as written with its hamza and ʿayn marks
    /// ('yns, NameText.MarkedTokens), where the reading keeps them; otherwise from the Latin reading.
    /// </summary>
    private static string SkeletonSource(NameComparison.Reading reading, int i) =>
        Scripts.Of(reading.Original[i]) is Script.Hebrew || reading.Original[i].Contains('\'', StringComparison.Ordinal)
            ? reading.Original[i]
            : reading.Tokens[i];

    /// <summary>
    /// The skeleton as spoken where an Arabic article meets a sun letter (شهاب الدين / Shahabuddin), when it differs
    /// from the written one; null otherwise, and without a look at forms that have no article at all.
    /// </summary>
    private static string? Spoken(string source, string written)
    {
        if (!source.Contains("ال", StringComparison.Ordinal))
        {
            return null;
        }
        var spoken = ConsonantSkeleton.Assimilated(source);
        return spoken == written ? null : spoken;
    }

    /// <summary>The keys a name form is indexed under.</summary>
    public static HashSet<string> Of(NameComparison.PreparedName name) => Of(name, null, asQuery: false);

    /// <summary>
    /// The keys, and in <paramref name="eachReading"/> the keys of each Latin reading on its own: a Cyrillic form is read
    /// by up to three schemes, and a candidate can only ever share one reading's keys, so the share of rare keys in
    /// common is measured against the reading it shares most (NameIndex), not against all readings at once.
    /// <paramref name="asQuery"/>: the keys a query looks up, which leave out the dialect readings of ق and ج as g. An
    /// indexed form keeps them, so that Gaddafi finds القذافي; a query's own g-readings are rarer than its standard keys,
    /// weigh more, and drew in the distractors spelt with g ahead of the right form (جمال لونيسي, أقرين صالح أقرين lost
    /// their places at 2 M rows), while the scorer still reads the query both ways.
    /// </summary>
    public static HashSet<string> Of(NameComparison.PreparedName name, List<HashSet<string>>? eachReading, bool asQuery) =>
        Of(name, eachReading, asQuery, dialect: null);

    /// <summary>
    /// The keys a query looks up, with the dialect readings of ق and ج as g among them and named in
    /// <paramref name="dialect"/>, for the index to weigh less than the standard ones (NameIndex.DialectKeyWeight): at full
    /// weight they drew distractors spelt with g ahead of the right form; left out, an Arabic-script query never met a Latin
    /// form spelt with g (معمر القذافي / Muammar Gaddafi was not among the candidates at 2 M rows).
    /// </summary>
    public static HashSet<string> Of(NameComparison.PreparedName name, List<HashSet<string>>? eachReading, bool asQuery,
        HashSet<string>? dialect)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        // A form with another in brackets is keyed under both (NameComparison.PreparedName.Bracketed).
        foreach (var reading in name.Bracketed.Length == 0 ? name.Readings : [.. name.Readings, .. name.Bracketed.SelectMany(b => b.Readings)])
        {
            if (asQuery && reading.ArticleReadApart)
            {
                // An indexed form is keyed with the article read apart (Abdurrahman also under abd and rahman), so a query
                // written either way meets it through its own keys; the query's reading apart would count the same name
                // twice in the candidates' retrieval sums, and lifted a crowd of Abdul Manans over the right form.
                continue;
            }
            var own = new HashSet<string>(StringComparer.Ordinal);
            // A query's g-reading keys go to dialect, out of the reading's own keys, whose weight is what a candidate's
            // share of the query is measured against: a form that matches the standard reading keeps its share, one spelt
            // with g gains a little.
            AddReading(own, reading, asQuery, asQuery ? dialect : null);
            keys.UnionWith(own);
            eachReading?.Add(own);
        }
        if (dialect is not null)
        {
            // A g-reading key that is also a standard key of the query is a standard key.
            dialect.ExceptWith(keys);
            keys.UnionWith(dialect);
        }
        if (keys.Count == 0)
        {
            // A name of initials or one-letter tokens only ("J. K."): rare, so its weak keys cost nothing, and without
            // them it could never be found again.
            foreach (var reading in name.Readings)
            {
                foreach (var token in reading.Tokens)
                {
                    var skeleton = ConsonantSkeleton.Of(token);
                    keys.Add(skeleton.Length > 0 ? "s" + skeleton : "t" + token);
                }
            }
            eachReading?.Clear();
            eachReading?.Add(keys);
        }
        return keys;
    }

    private static void AddReading(HashSet<string> keys, NameComparison.Reading reading, bool asQuery, HashSet<string>? dialect)
    {
        // An indexed form keeps its g-readings as keys; a query gives them apart (dialect), or not at all.
        var gKeys = asQuery ? dialect : keys;
        var skeletons = new string[reading.Tokens.Length];
        for (var i = 0; i < reading.Tokens.Length; i++)
        {
            if (reading.HanReadAsKorean)
            {
                // No key of its own for a syllable of the Korean reading of Chinese characters, which every Chinese name
                // has: only its joined given name and whole form below (NameComparison.Reading.HanReadAsKorean).
                skeletons[i] = ConsonantSkeleton.Of(reading.Tokens[i]);
                continue;
            }
            var token = reading.Tokens[i];
            var arabic = Scripts.Of(token) == Script.Arabic;
            // Hebrew is read through AnyAscii for the scorer, but its consonants come from the letters themselves.
            var skeleton = ConsonantSkeleton.Of(SkeletonSource(reading, i));
            skeletons[i] = skeleton;
            AddSkeleton(keys, "s", skeleton);
            if (Scripts.Of(SkeletonSource(reading, i)) == Script.Hebrew
                && ConsonantSkeleton.HebrewAsForeign(SkeletonSource(reading, i)) is { } foreign && foreign != skeleton)
            {
                // אובמה also as bm (Obama), ולדימיר as fldmr (Vladimir): a foreign name in Hebrew (ConsonantSkeleton.HebrewAsForeign).
                AddSkeleton(keys, "s", foreign);
            }
            if (ConsonantSkeleton.AsEuropeanSpelling(SkeletonSource(reading, i)) is { } european && european != skeleton)
            {
                // מנחם also as mnsm (Menachem), יוסף as jsf (Joseph), خالد as sld (Chalid): older European spellings
                // (ConsonantSkeleton.AsEuropeanSpelling).
                AddSkeleton(keys, "s", european);
            }
            if (Spoken(SkeletonSource(reading, i), skeleton) is { } spoken)
            {
                AddSkeleton(keys, "s", spoken);
            }
            if (ConsonantSkeleton.WithoutSilentH(SkeletonSource(reading, i)) is { } withoutH)
            {
                // 'smh also as sm: أسامة's skeleton (ConsonantSkeleton.WithoutSilentH).
                AddSkeleton(keys, "s", ConsonantSkeleton.Of(withoutH));
            }
            if (arabic)
            {
                if (ConsonantSkeleton.Persian(token) is { } persian && persian != skeleton)
                {
                    // فيض also as fz: Faiz, as Persian and Pashto say it (ConsonantSkeleton.Persian).
                    AddSkeleton(keys, "s", persian);
                }
                foreach (var letter in gKeys is null ? [] : (ReadOnlySpan<char>)[ConsonantSkeleton.Qaf, ConsonantSkeleton.Jim])
                {
                    // قرقاش also as grgs (Gargash), جمال as gml (Gamal), and القذافي, without its article, as gdf (Gaddafi):
                    // ق and ج as the dialects that say them g spell them (ConsonantSkeleton.AsG).
                    if (ConsonantSkeleton.AsG(token, letter) is { } g && g != skeleton)
                    {
                        AddSkeleton(gKeys!, "s", g);
                        if (ConsonantSkeleton.AsG(token, letter, withoutArticle: true) is { } bare && bare != g)
                        {
                            AddSkeleton(gKeys!, "s", bare);
                        }
                    }
                }
                // The article is written joined in Arabic and apart (or left out) in Latin.
                if (token.StartsWith("ال", StringComparison.Ordinal) && token.Length > 3)
                {
                    var bare = ConsonantSkeleton.Of(token[2..]);
                    if (bare.Length >= 2)
                    {
                        keys.Add("s" + bare);
                    }
                }
                continue;
            }
            if (token.Length < 2)
            {
                continue;
            }
            keys.Add("t" + token);
            if (Scripts.Of(reading.Original[i]) == Script.Hangul && KoreanRomanisation.WithoutBreves(token) is var plain && plain != token)
            {
                // 김정은's given name also as jongun: Kim Jong-un as McCune–Reischauer writes it, typed without breves, and
                // keyed joined below. The syllables apart are held by crowds of Korean names.
                keys.Add("t" + plain);
            }
            if (KoreanRomanisation.Revised(token) is { } revised)
            {
                // Chung also as Jung, Kim as Gim: one key for a Korean syllable in either romanisation.
                keys.Add("t" + revised);
            }
            if (WadeGiles.Key(token) is { } chinese)
            {
                // Dong and Tung, Xiao and Hsiao: one key for a Chinese syllable in pinyin or Wade-Giles. A kind of its own, not
                // the token's: as a token key, every Zang and Cang of the distractors joined Tsang's holders and crowded
                // them out (Neil Tsang lost TSANG YUNG YUAN).
                keys.Add("c" + chinese);
            }
            foreach (var surname in KoreanRomanisation.SurnamesRevised(token))
            {
                // Park also as Bak, Choi as Choe: one key for a Korean surname however it is spelt (not 이's I: one letter).
                if (surname.Length >= 2)
                {
                    keys.Add("t" + surname);
                }
            }
            if (token.Length >= 5)
            {
                keys.Add("p" + token[..4]);
            }
        }
        // The whole form's consonants in order: how unvowelled Arabic meets Latin when its tokens are short (اياد اغ
        // غالي / Iyad Ag Ghali is d g gl token by token, too common to find anybody, but dgl as a whole).
        // A one-token form has it too (Kashlaf): otherwise a one-token query shares only its token's skeleton with it, as
        // with every longer form that holds a token alike (Кошелева Екатерина), and two hundred of those fill the
        // candidates before the one-token form, which the scorer would put first.
        if (reading.Tokens.Length > 0)
        {
            var source = string.Join(' ', reading.Tokens.Select((_, i) => SkeletonSource(reading, i)));
            var whole = ConsonantSkeleton.Of(source);
            if (whole.Length >= 3)
            {
                AddSkeleton(keys, "w", whole);
            }
            if (Scripts.Of(source) == Script.Arabic && ConsonantSkeleton.LetterByLetter(source) is { Length: >= 3 } read && read != whole)
            {
                // As its letter-by-letter Latin reading reads back (اسحاق s-h-k as Ishak): the scorer compares them so
                // (ConsonantSkeleton.LetterByLetter), and without the key such a Latin form shared no whole-form key.
                AddSkeleton(keys, "w", read);
            }
            if (Spoken(source, whole) is { Length: >= 3 } spoken)
            {
                AddSkeleton(keys, "w", spoken);
            }
            var withoutHs = ConsonantSkeleton.WithoutSilentHs(source);
            if (withoutHs != whole && withoutHs.Length >= 3)
            {
                AddSkeleton(keys, "w", withoutHs);
            }
            if (ConsonantSkeleton.Persian(source) is { Length: >= 3 } persian && persian != whole)
            {
                AddSkeleton(keys, "w", persian);
            }
            if (ConsonantSkeleton.HebrewAsForeign(source) is { Length: >= 3 } foreign && foreign != whole)
            {
                // ברק אובמה also as brkbm: Barack Obama, a foreign name in Hebrew (ConsonantSkeleton.HebrewAsForeign).
                AddSkeleton(keys, "w", foreign);
            }
            if (reading.Tokens.Length >= 2 && Array.TrueForAll(reading.Tokens, KoreanRomanisation.IsSyllable)
                && ConsonantSkeleton.Of(string.Join(' ', reading.Tokens.Select(t => KoreanRomanisation.Revised(t) ?? t))) is { Length: >= 3 } revised
                && revised != whole)
            {
                // Kim Jong Un also as gim jong un: the whole form as the Revised Romanization spells its consonants, which is
                // how a Korean name in Hangul or Chinese characters is keyed whole (김정은, 金正恩: gmjngn, not kmjngn).
                AddSkeleton(keys, "w", revised);
            }
            if (ConsonantSkeleton.AsEuropeanSpelling(source) is { Length: >= 3 } european && european != whole)
            {
                // מנחם בגין also as mnsmbgn: Menachem Begin (ConsonantSkeleton.AsEuropeanSpelling).
                AddSkeleton(keys, "w", european);
            }
            // Without the article that begins a token (معمر القذافي / Muammar Qadhafi, mr-kdf), with ق or ج said g, and both
            // (Muammar Gaddafi, mr-gdf): a one-token query meets the form through its token's keys, a longer one only here.
            if (ConsonantSkeleton.WithoutArticle(source) is { Length: >= 3 } withoutArticle && withoutArticle != whole)
            {
                AddSkeleton(keys, "w", withoutArticle);
            }
            foreach (var letter in gKeys is null ? [] : (ReadOnlySpan<char>)[ConsonantSkeleton.Qaf, ConsonantSkeleton.Jim])
            {
                if (ConsonantSkeleton.AsG(source, letter) is { Length: >= 3 } g && g != whole)
                {
                    AddSkeleton(gKeys!, "w", g);
                }
                if (ConsonantSkeleton.AsG(source, letter, withoutArticle: true) is { Length: >= 3 } bare && bare != whole)
                {
                    AddSkeleton(gKeys!, "w", bare);
                }
            }
        }
        for (var i = 0; i + 1 < skeletons.Length; i++)
        {
            if (skeletons[i].Length == 0 || skeletons[i + 1].Length == 0)
            {
                continue;
            }
            // The syllables of a given name are joined, not the family name with the first of them: 思 金 (si jin) is a
            // family and a given name, and keyed sijin it drew 시진핑 (Xi Jinping) away from 习近平. Korean and Chinese forms
            // put the family name first, in Latin as in their own scripts.
            var givenName = i >= 1;
            if (givenName && !reading.HanReadAsKorean && WadeGiles.Key(reading.Tokens[i]) is { } firstSyllable && WadeGiles.Key(reading.Tokens[i + 1]) is { } secondSyllable)
            {
                // A Chinese given name's two syllables, one key in pinyin or Wade–Giles (泽东 ze dong and Tse-tung are both
                // tsetung, as Tsetung written as one word): each syllable's own key is held by crowds of Chinese names (Mao Tse-tung / 毛泽东 was not among
                // the hundred candidates at 2 M rows).
                // A token key, not a syllable's kind: as one word the two are as rare as any given name, and at half weight
                // the Vietnamese Tùngs (t:tung) still outweighed it.
                keys.Add("t" + firstSyllable + secondSyllable);
            }
            if (givenName && KoreanRomanisation.IsSyllable(reading.Tokens[i]) && KoreanRomanisation.IsSyllable(reading.Tokens[i + 1]))
            {
                // A Korean given name is written in two syllables apart, hyphenated or as one word (Yong Won, Yong-won,
                // Yongwon; Hangul's 용원 is read as one): keyed joined too, in either romanisation (Chong-il, Jongil),
                // because the syllables' own keys and the joined skeleton (yngn) are held by crowds of Korean names.
                foreach (var first in (string?[])[reading.Tokens[i], KoreanRomanisation.Revised(reading.Tokens[i])])
                {
                    foreach (var second in (string?[])[reading.Tokens[i + 1], KoreanRomanisation.Revised(reading.Tokens[i + 1])])
                    {
                        if (first is not null && second is not null)
                        {
                            keys.Add("t" + first + second);
                            keys.Add("t" + KoreanRomanisation.WithoutBreves(first + second));
                        }
                    }
                }
            }
            if (reading.HanReadAsKorean)
            {
                // Its joined given name only, as above; two syllables' consonants are as common as one's.
                continue;
            }
            // Through the skeleton again, so that doubles across the join go once (abd + allah = abdallah).
            var pair = SkeletonSource(reading, i) + " " + SkeletonSource(reading, i + 1);
            var joined = ConsonantSkeleton.Of(pair);
            if (joined.Length >= 3)
            {
                keys.Add("s" + joined);
            }
            if (Spoken(pair, joined) is { Length: >= 3 } spoken)
            {
                keys.Add("s" + spoken);
            }
            if (!skeletons[i + 1].StartsWith('h') && Scripts.Of(pair) != Script.Arabic
                && ConsonantSkeleton.Of(SkeletonSource(reading, i) + SkeletonSource(reading, i + 1)) is { Length: >= 3 } written
                && written != joined)
            {
                // Written as one word, a w or y inside it is a vowel (yong won is yngwn, yongwon yngn): the key of the
                // two written as one, so that either way meets the other (NameComparison joins them to compare).
                keys.Add("s" + written);
            }
        }
    }
}
