using System.Globalization;

namespace Ariadne.Matching.Names;

/// <summary>One token of one name aligned with a token of the other, and why they were taken as the same.</summary>
public sealed record AlignedToken(string Left, string Right, double Similarity, string Why);

/// <summary>How alike two name forms are, with every step an analyst needs to check it.</summary>
public sealed record NameMatch(double Score, IReadOnlyList<AlignedToken> Aligned, string Explanation);

/// <summary>
/// Compares two name forms in any order of tokens and across Latin and Cyrillic (issue #11 item 3): every Latin
/// reading of each form is tried, tokens are aligned best pair first by Jaro-Winkler, initials meet the names
/// they abbreviate, honorifics are ignored, and the explanation names the rule behind each pair
/// ("dimitrov ≈ димитров, transliterated (Bulgarian)").
/// </summary>
public static class NameComparison
{
    /// <summary>
    /// Titles, honorifics and ranks that are not part of a person's name: civil (Mr, Dr, Eng.), religious (Haji, Sheikh,
    /// Mawlawi), the Persian and Urdu "sahib", and military ranks, which lists and reports put before a name
    /// ("Commandant Jérôme", "General Nkunda") and which otherwise count as a token the other form lacks; and the
/// placeholders records write where a name part is unknown (FNU, LNU).
    /// </summary>
    private static readonly HashSet<string> s_honorifics = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "dr", "doctor", "prof", "professor", "sir", "eng", "engr", "engineer",
        "haji", "hajji", "hadji", "hajj", "sheikh", "shaikh", "shaykh", "sheik", "mullah", "mullo", "mawlawi", "maulavi",
        "maulvi", "mawlana", "maulana", "sayed", "sayyid", "sahib", "saheb", "sahab",
        "general", "gen", "colonel", "col", "commandant", "commander", "cmdr", "captain", "capt", "lieutenant", "lt",
        "sergeant", "sgt",
        // Placeholders of US and immigration records for a name part not known: first, middle, last name unknown.
        "fnu", "mnu", "lnu", "nfn", "nmn",
        "г", "гн", "гжа", "господин", "госпожа",
    };

    /// <summary>One way to read a name form in Latin letters, and which rule produced it.</summary>
    internal sealed record Reading(string[] Tokens, string[] Original, string Rule)
    {
        /// <summary>The tokens that are two words of the form joined (<see cref="Joined"/>), for the explanation.</summary>
        public bool[]? JoinedWords { get; init; }

        /// <summary>A reading with the Arabic article read apart (<see cref="ArabicArticle"/>): a query does not look up its keys.</summary>
        public bool ArticleReadApart { get; init; }

        /// <summary>How many articles this reading read off (<see cref="ArabicArticle.ReadApart"/>).</summary>
        public int Articles { get; init; }

        /// <summary>Whether the rule read only some tokens (the article, Somali spelling): the explanation names it for those.</summary>
        public bool RuleOnChangedTokens { get; init; }

        /// <summary>
        /// The Korean reading of a form in Chinese characters (<see cref="HanjaReading"/>), which every Chinese name also
        /// gets. It is keyed by its joined given name and its whole form only, not syllable by syllable (<see cref="NameKeys"/>):
        /// its syllables' own keys (jang, su, kim) put a crowd of Chinese names among the holders of Korean names'
        /// syllables and cut Korean names from the candidates. And it is compared only with a form not written in Chinese
        /// characters (<see cref="Compared"/>): two forms in Han are alike by their characters, which the Mandarin reading
        /// already compares, and Korean reads many different characters alike.
        /// </summary>
        public bool HanReadAsKorean { get; init; }
    }

    public static NameMatch Compare(string? left, string? right) => Compare(Prepare(left), Prepare(right));

    /// <summary>
    /// A name form read once: its Latin readings and, for the Arabic rule, its folded text and consonants. The index
    /// prepares a query once and compares it with every candidate, instead of reading the query again each time.
    /// </summary>
    internal sealed class PreparedName(Reading[] readings, string folded, Script script, string? skeletonSource = null)
    {
        /// <summary>What the consonant skeleton is read from, when not the folded form itself.</summary>
        public string? SkeletonSource { get; } = skeletonSource;

        private string? _skeleton;
        private string? _spoken;
        private string? _silentH;
        private string? _letterByLetter;
        private string? _persian;
        private string? _withoutArticle;
        private string? _qafAsG;
        private string? _qafAsGWithoutArticle;
        private string? _jimAsG;
        private string? _jimAsGWithoutArticle;
        private string? _hebrewForeign;
        private string? _european;

        public Reading[] Readings { get; } = readings;
        public string Folded { get; } = folded;

        /// <summary>
        /// The forms the name gives in brackets beside itself (<see cref="NameText.Bracketed"/>): "Akrin Saleh Akrin
        /// (أقرين صالح أقرين)" is compared as each of its two forms, and the better comparison counts.
        /// </summary>
        public PreparedName[] Bracketed { get; init; } = [];
        public Script Script { get; } = script;

        /// <summary>Written without short vowels: compared by consonants with forms in other scripts.</summary>
        public bool IsUnvowelled { get; } = script is Script.Arabic or Script.Hebrew;

        /// <summary>Only the Arabic rule needs it, and most pairs never reach that rule: computed on first use.</summary>
        public string Skeleton => _skeleton ??= ConsonantSkeleton.Of(SkeletonSource ?? Folded);

        /// <summary>The skeleton as spoken (<see cref="ConsonantSkeleton.Assimilated"/>): Shahabuddin for شهاب الدين.</summary>
        public string SpokenSkeleton => _spoken ??= IsUnvowelled ? ConsonantSkeleton.Assimilated(Folded) : Skeleton;

        /// <summary>
        /// A Latin form's skeleton with the silent final h of its unvowelled tokens left out ('smh as sm, for أسامة;
        /// <see cref="ConsonantSkeleton.WithoutSilentH"/>); the skeleton itself otherwise.
        /// </summary>
        public string SilentHSkeleton => _silentH ??= IsUnvowelled ? Skeleton : ConsonantSkeleton.WithoutSilentHs(SkeletonSource ?? Folded);

        /// <summary>
        /// An Arabic-script form's skeleton as its letter-by-letter Latin reading reads back (سهند shnd as s-n-d;
        /// <see cref="ConsonantSkeleton.LetterByLetter"/>); the skeleton itself otherwise.
        /// </summary>
        public string LetterByLetterSkeleton => _letterByLetter ??= Script == Script.Arabic ? ConsonantSkeleton.LetterByLetter(Folded) : Skeleton;

        /// <summary>
        /// An Arabic-script form's skeleton as Persian, Dari, Pashto and Urdu say ذ ض ظ and ث (فيض Faiz;
        /// <see cref="ConsonantSkeleton.Persian"/>); the skeleton itself otherwise.
        /// </summary>
        public string PersianSkeleton => _persian ??= (Script == Script.Arabic ? ConsonantSkeleton.Persian(Folded) : null) ?? Skeleton;

        /// <summary>
        /// An Arabic-script form's skeleton without each token's leading article (الخطيب Khatib;
        /// <see cref="ConsonantSkeleton.WithoutArticle"/>); the skeleton itself otherwise.
        /// </summary>
        public string WithoutArticleSkeleton =>
            _withoutArticle ??= (Script == Script.Arabic ? ConsonantSkeleton.WithoutArticle(Folded) : null) ?? Skeleton;

        /// <summary>
        /// An Arabic-script form's skeleton with its ق said g (قرقاش Gargash; <see cref="ConsonantSkeleton.AsG"/>), and with
        /// that the article left out too (القذافي Gaddafi); the skeleton itself otherwise.
        /// </summary>
        public string QafAsGSkeleton => _qafAsG ??= AsG(ConsonantSkeleton.Qaf, withoutArticle: false);

        /// <inheritdoc cref="QafAsGSkeleton"/>
        public string QafAsGWithoutArticleSkeleton => _qafAsGWithoutArticle ??= AsG(ConsonantSkeleton.Qaf, withoutArticle: true);

        /// <summary>
        /// An Arabic-script form's skeleton with its ج said g, as in Egypt (جمال Gamal; <see cref="ConsonantSkeleton.AsG"/>),
        /// and with that the article left out too; the skeleton itself otherwise.
        /// </summary>
        public string JimAsGSkeleton => _jimAsG ??= AsG(ConsonantSkeleton.Jim, withoutArticle: false);

        /// <inheritdoc cref="JimAsGSkeleton"/>
        public string JimAsGWithoutArticleSkeleton => _jimAsGWithoutArticle ??= AsG(ConsonantSkeleton.Jim, withoutArticle: true);

        /// <summary>
        /// A Hebrew form's skeleton as a foreign name written in Hebrew spells it (ברק אובמה Barack Obama;
        /// <see cref="ConsonantSkeleton.HebrewAsForeign"/>); the skeleton itself otherwise.
        /// </summary>
        public string HebrewForeignSkeleton =>
            _hebrewForeign ??= (Script == Script.Hebrew ? ConsonantSkeleton.HebrewAsForeign(Folded) : null) ?? Skeleton;

        /// <summary>
        /// An unvowelled form's skeleton as older European spellings write it (מנחם Menachem, יוסף Joseph, خالد Chalid;
        /// <see cref="ConsonantSkeleton.AsEuropeanSpelling"/>); the skeleton itself otherwise.
        /// </summary>
        public string EuropeanSkeleton =>
            _european ??= (IsUnvowelled ? ConsonantSkeleton.AsEuropeanSpelling(Folded) : null) ?? Skeleton;

        private string AsG(char letter, bool withoutArticle) =>
            (Script == Script.Arabic ? ConsonantSkeleton.AsG(Folded, letter, withoutArticle) : null) ?? Skeleton;

        private string?[]? _marked;
        private static readonly int s_skeletonReadings = Enum.GetValues<SkeletonReading>().Length;

        /// <summary>
        /// The skeleton read as <paramref name="how"/> with the vowels kept as marks (<see cref="ConsonantSkeleton.Marked"/>),
        /// to weigh long vowels once the closest readings are known; a vowelled form's own marked skeleton, or with
        /// <paramref name="how"/> <see cref="SkeletonReading.SilentH"/>, that without its silent final hs.
        /// </summary>
        public string MarkedSkeleton(SkeletonReading how)
        {
            _marked ??= new string?[s_skeletonReadings];
            return _marked[(int)how] ??= Read(how);

            string Read(SkeletonReading how)
            {
                var source = SkeletonSource ?? Folded;
                var arabic = Script == Script.Arabic;
                return how switch
                {
                    SkeletonReading.Spoken when IsUnvowelled => ConsonantSkeleton.Assimilated(Folded, marked: true),
                    SkeletonReading.SilentH when !IsUnvowelled => ConsonantSkeleton.WithoutSilentHs(source, marked: true),
                    SkeletonReading.LetterByLetter when arabic => ConsonantSkeleton.LetterByLetter(Folded, marked: true),
                    SkeletonReading.Persian when arabic => ConsonantSkeleton.Persian(Folded, marked: true),
                    SkeletonReading.WithoutArticle when arabic => ConsonantSkeleton.WithoutArticle(Folded, marked: true),
                    SkeletonReading.QafAsG when arabic => ConsonantSkeleton.AsG(Folded, ConsonantSkeleton.Qaf, marked: true),
                    SkeletonReading.QafAsGWithoutArticle when arabic =>
                        ConsonantSkeleton.AsG(Folded, ConsonantSkeleton.Qaf, withoutArticle: true, marked: true),
                    SkeletonReading.JimAsG when arabic => ConsonantSkeleton.AsG(Folded, ConsonantSkeleton.Jim, marked: true),
                    SkeletonReading.JimAsGWithoutArticle when arabic =>
                        ConsonantSkeleton.AsG(Folded, ConsonantSkeleton.Jim, withoutArticle: true, marked: true),
                    SkeletonReading.HebrewForeign when Script == Script.Hebrew => ConsonantSkeleton.HebrewAsForeign(Folded, marked: true),
                    SkeletonReading.European when IsUnvowelled => ConsonantSkeleton.AsEuropeanSpelling(Folded, marked: true),
                    _ => null,
                } ?? ConsonantSkeleton.Marked(source);
            }
        }
    }

    internal static PreparedName Prepare(string? name)
    {
        if (NameText.Bracketed(name) is not { } parts)
        {
            return PrepareOne(name);
        }
        var forms = parts.Select(PrepareOne).Where(f => f.Readings.Length > 0).ToArray();
        return forms.Length switch
        {
            0 => PrepareOne(name),
            1 => forms[0],
            _ => new PreparedName(forms[0].Readings, forms[0].Folded, forms[0].Script, forms[0].SkeletonSource) { Bracketed = forms[1..] },
        };
    }

    private static PreparedName PrepareOne(string? name)
    {
        var tokens = NameText.Tokens(name);
        var marked = NameText.MarkedTokens(name, tokens);
        var kept = tokens.Select((t, i) => i).Where(i => !s_honorifics.Contains(tokens[i])).ToArray();
        var original = kept.Select(i => tokens[i]).ToArray();
        var folded = string.Join(' ', original);
        var script = Scripts.Of(folded);
        var readings = Readings(original, folded, script).ToArray();
        if (script == Script.Latin && readings.Length > 0 && PolishOrthography.Read(name, tokens) is { } polish)
        {
            // Lech Wałęsa also as lekh valensa, as Лех Валенса is read (PolishOrthography).
            readings = [.. readings, new Reading(kept.Select(i => polish[i]).ToArray(), original, PolishOrthography.Rule) { RuleOnChangedTokens = true }];
        }
        if (script == Script.Devanagari && readings.Length > 0)
        {
            // Devanagari writes its vowels, so its consonants (to meet an Arabic-script form: दाऊद / داود) are those of
            // its Hunterian reading, not of its letters, which the skeleton does not read.
            return new PreparedName(readings, folded, script, string.Join(' ', readings[0].Tokens));
        }
        if (marked is null || readings.Length == 0 || script is not (Script.Latin or Script.None))
        {
            return new PreparedName(readings, folded, script);
        }
        // A Latin reading with hamza or ʿayn marks: the tokens as written with them are the consonant skeleton's source
        // (NameKeys, the Arabic comparison), and what the explanation shows; the scorer's tokens stay without them. The
        // reading with the article read apart (ArabicArticle) keeps its own originals.
        var withMarks = kept.Select(i => marked[i]).ToArray();
        readings[0] = readings[0] with { Original = withMarks };
        return new PreparedName(readings, folded, script, string.Join(' ', withMarks));
    }

    internal static bool IsHonorific(string folded) => s_honorifics.Contains(folded);

    internal static NameMatch Compare(PreparedName left, PreparedName right)
    {
        var best = CompareOne(left, right);
        if (left.Bracketed.Length + right.Bracketed.Length == 0)
        {
            return best;
        }
        foreach (var (a, b) in BracketedPairs(left, right))
        {
            if (CompareOne(a, b) is { } match && match.Score > best.Score)
            {
                best = match with { Explanation = match.Explanation + "; " + BracketRule };
            }
        }
        return best;
    }

    /// <summary>How the explanation names a comparison made with a form given in brackets.</summary>
    internal const string BracketRule = "the name given in brackets";

    /// <summary>
    /// Each form one name gives in brackets (<see cref="PreparedName.Bracketed"/>) with the other name's form outside them:
    /// a bracket is another writing of its own name, so it meets the other name, not the other name's brackets. Two
    /// brackets alone meet on notes as often as on names: the Greek records of the 1 M cross-reference mark the surname
    /// "(επώνυμο)", and sixty unrelated people then scored 1.00 with each other through it, which made a planted pair's
    /// name common and dropped it.
    /// </summary>
    private static IEnumerable<(PreparedName, PreparedName)> BracketedPairs(PreparedName left, PreparedName right)
    {
        foreach (var a in (PreparedName[])[left, .. left.Bracketed])
        {
            foreach (var b in (PreparedName[])[right, .. right.Bracketed])
            {
                if (ReferenceEquals(a, left) != ReferenceEquals(b, right))
                {
                    yield return (a, b);
                }
            }
        }
    }

    /// <summary>Whether reading <paramref name="a"/> of <paramref name="left"/> is compared with reading <paramref name="b"/> of <paramref name="right"/> (<see cref="Reading.HanReadAsKorean"/>).</summary>
    private static bool Compared(PreparedName left, Reading a, PreparedName right, Reading b) =>
        !(a.HanReadAsKorean && right.Script == Script.Han) && !(b.HanReadAsKorean && left.Script == Script.Han);

    private static NameMatch CompareOne(PreparedName left, PreparedName right)
    {
        var best = new NameMatch(0, [], "No letters to compare.");
        foreach (var a in left.Readings)
        {
            foreach (var b in right.Readings)
            {
                if (!Compared(left, a, right, b))
                {
                    continue;
                }
                var match = Align(a, b);
                if (match.Score > best.Score)
                {
                    best = match;
                }
            }
        }
        if (ArabicSkeletons(left, right) is { } skeleton && skeleton.Score > best.Score)
        {
            best = skeleton;
        }
        return best;
    }

    /// <summary>The Latin readings of a name form: itself if Latin, one per likely scheme if Cyrillic.</summary>
    internal static IEnumerable<Reading> Readings(string? name)
    {
        var original = NameText.Tokens(name).Where(t => !s_honorifics.Contains(t)).ToArray();
        var folded = string.Join(' ', original);
        return Readings(original, folded, Scripts.Of(folded));
    }

    private static IEnumerable<Reading> Readings(string[] original, string folded, Script script)
    {
        if (original.Length == 0)
        {
            yield break;
        }
        if (script is Script.Latin or Script.None or Script.Arabic)
        {
            // Arabic is compared by its consonants (ArabicSkeletons), not by a guessed vowelled reading.
            yield return new Reading(original, original, "");
            if (script != Script.Arabic && ArabicArticle.ReadApart(original) is var (tokens, originals, articles))
            {
                // Salah Eddine also as salah din, Abdurrahman as abd rahman, al-Tunisi as tunisi (ArabicArticle).
                yield return new Reading(tokens, originals, ArabicArticle.Rule)
                {
                    ArticleReadApart = true, Articles = articles, RuleOnChangedTokens = true,
                };
            }
            if (script != Script.Arabic && SomaliOrthography.Read(original) is { } somali)
            {
                // Maxamed Cabdi Xasan also as mahamed abdi hasan (SomaliOrthography).
                yield return new Reading(somali, original, SomaliOrthography.Rule) { RuleOnChangedTokens = true };
            }
            yield break;
        }
        if (script != Script.Cyrillic)
        {
            foreach (var (latin, originals, note) in OtherScriptTransliteration.Readings(original))
            {
                yield return new Reading(latin, originals, $"transliterated ({script}, {note ?? OtherScriptTransliteration.Scheme(script)})")
                {
                    HanReadAsKorean = ReferenceEquals(note, OtherScriptTransliteration.HanjaNote),
                };
            }
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scheme in CyrillicTransliteration.LikelySchemes(folded))
        {
            // A token can vanish (ъ and ь alone are silent in Ukrainian); it goes with its original, found by the
            // property test, so that tokens and originals stay aligned.
            var kept = original.Select(t => (Latin: CyrillicTransliteration.ToLatin(t, scheme), Original: t))
                .Where(p => p.Latin.Length > 0)
                .ToArray();
            if (kept.Length > 0 && seen.Add(string.Join(' ', kept.Select(p => p.Latin))))
            {
                yield return new Reading(kept.Select(p => p.Latin).ToArray(), kept.Select(p => p.Original).ToArray(),
                    $"transliterated ({scheme})");
            }
        }
    }

    /// <summary>
    /// When one form is in Arabic script and the other is not, the consonants both share, compared whole and in order
    /// (عبدالرحمان is one word where Latin writes ABDUL RAHMAN). Capped below an exact match: vowels are unknown.
    /// </summary>
    /// <summary>
    /// Edit distance, not Jaro-Winkler: skeletons are long strings of a small alphabet, where Jaro-Winkler scores
    /// unrelated names high and pushed same-script matches out of the top 10 (measured on names-un).
    /// </summary>
    private static double? SkeletonSimilarity(PreparedName left, PreparedName right) =>
        SkeletonComparison(left, right)?.Similarity;

    /// <summary>How an unvowelled form's skeleton was read for the closest comparison.</summary>
    internal enum SkeletonReading
    {
        Written,
        /// <summary>The article's l taken into a following sun letter (<see cref="PreparedName.SpokenSkeleton"/>).</summary>
        Spoken,
        /// <summary>As a letter-by-letter Latin reading reads back (<see cref="PreparedName.LetterByLetterSkeleton"/>).</summary>
        LetterByLetter,
        /// <summary>ذ ض ظ as z and ث as s, as Persian, Dari, Pashto and Urdu say them (<see cref="PreparedName.PersianSkeleton"/>).</summary>
        Persian,
        /// <summary>Each token's leading article left out (<see cref="PreparedName.WithoutArticleSkeleton"/>).</summary>
        WithoutArticle,
        /// <summary>ق said g (<see cref="PreparedName.QafAsGSkeleton"/>).</summary>
        QafAsG,
        /// <summary>ق said g and the leading article left out (<see cref="PreparedName.QafAsGWithoutArticleSkeleton"/>).</summary>
        QafAsGWithoutArticle,
        /// <summary>ج said g (<see cref="PreparedName.JimAsGSkeleton"/>).</summary>
        JimAsG,
        /// <summary>ج said g and the leading article left out (<see cref="PreparedName.JimAsGWithoutArticleSkeleton"/>).</summary>
        JimAsGWithoutArticle,
        /// <summary>ב and פ hard and a first ו as v, as a foreign name in Hebrew (<see cref="PreparedName.HebrewForeignSkeleton"/>).</summary>
        HebrewForeign,
        /// <summary>The kh sound as ch, a first י or ي as j, ב as b, as older European spellings write them (<see cref="PreparedName.EuropeanSkeleton"/>).</summary>
        European,
        /// <summary>A vowelled form's reading without the silent final h of its unvowelled tokens (<see cref="PreparedName.SilentHSkeleton"/>).</summary>
        SilentH,
    }

    /// <summary>
    /// The closest of the unvowelled form's skeletons (written, spoken, read back letter by letter, the Persian way, without
    /// the leading article, with ق or ج said g, each of those two also without the article) to the other form's
    /// (written, or with the silent final h of a letter-by-letter reading left out): each way of reading applies to
    /// the whole form, and either side's may be the one that fits, so every pair of them is tried, written first.
    /// </summary>
    private static (double Similarity, string Left, string Right, SkeletonReading How, string LongVowels)? SkeletonComparison(PreparedName left, PreparedName right)
    {
        if (left.IsUnvowelled == right.IsUnvowelled || left.Skeleton.Length == 0 || right.Skeleton.Length == 0)
        {
            return null;
        }
        var unvowelledLeft = left.IsUnvowelled;
        var (unvowelled, vowelled) = unvowelledLeft ? (left, right) : (right, left);
        Span<(string Skeleton, SkeletonReading How)> readings =
        [
            (unvowelled.Skeleton, SkeletonReading.Written),
            (unvowelled.SpokenSkeleton, SkeletonReading.Spoken),
            (unvowelled.LetterByLetterSkeleton, SkeletonReading.LetterByLetter),
            (unvowelled.PersianSkeleton, SkeletonReading.Persian),
            (unvowelled.WithoutArticleSkeleton, SkeletonReading.WithoutArticle),
            (unvowelled.QafAsGSkeleton, SkeletonReading.QafAsG),
            (unvowelled.QafAsGWithoutArticleSkeleton, SkeletonReading.QafAsGWithoutArticle),
            (unvowelled.JimAsGSkeleton, SkeletonReading.JimAsG),
            (unvowelled.JimAsGWithoutArticleSkeleton, SkeletonReading.JimAsGWithoutArticle),
            (unvowelled.HebrewForeignSkeleton, SkeletonReading.HebrewForeign),
            (unvowelled.EuropeanSkeleton, SkeletonReading.European),
        ];
        var others = vowelled.SilentHSkeleton == vowelled.Skeleton ? 1 : 2;
        // The consonants of every distinct pair of readings first (cheap), each with a bound on what the long vowels
        // (ConsonantSkeleton.MarkedDistance) can make of it: they cost, and pay back only where a و meets an f (read v) or
        // a letter-by-letter reading's final h may be left out, one consonant each. The vowels are weighed from the best
        // bound down, until no pair left can win; on a tie the earlier reading (written first) is the one explained.
        var vavs = CountOf(unvowelled.Folded, 'و') + CountOf(unvowelled.Folded, 'ו');
        // Read the European way, a Hebrew י inside a word may pay as the j of Benjamin / בנימין.
        var yods = CountOf(unvowelled.Folded, 'י');
        Span<(double Bound, double Consonants, int Order)> pairs = stackalloc (double, double, int)[readings.Length * 2];
        var n = 0;
        for (var r = 0; r < readings.Length; r++)
        {
            var skeleton = readings[r].Skeleton;
            // The European reading's consonants are often the written ones, but its י inside a word may pay as a j.
            var yodsMayPay = readings[r].How == SkeletonReading.European ? yods : 0;
            if (skeleton.Length == 0 || (IsEarlier(readings, r) && yodsMayPay == 0))
            {
                continue;
            }
            for (var o = 0; o < others; o++)
            {
                var other = o == 0 ? vowelled.Skeleton : vowelled.SilentHSkeleton;
                if (other.Length == 0)
                {
                    continue;
                }
                var consonants = Similarity(Levenshtein(skeleton, other), skeleton.Length, other.Length);
                var mayPay = (double)(Math.Min(vavs, CountOf(other, 'f')) + Math.Min(yodsMayPay, CountOf(other, 'j')) + CountOf(vowelled.MarkedSkeleton(o == 0 ? SkeletonReading.Written : SkeletonReading.SilentH), 'H'))
                    / Math.Max(skeleton.Length, other.Length) * 0.95;
                pairs[n++] = (consonants + mayPay, consonants, r * 2 + o);
            }
        }
        pairs[..n].Sort(static (x, y) => x.Bound != y.Bound ? y.Bound.CompareTo(x.Bound) : x.Order.CompareTo(y.Order));
        (double Similarity, string Unvowelled, string Vowelled, SkeletonReading How, string LongVowels, int Order) best =
            (-1, "", "", SkeletonReading.Written, "", int.MaxValue);
        foreach (var (bound, consonants, order) in pairs[..n])
        {
            if (bound < best.Similarity)
            {
                break;
            }
            var (skeleton, how) = readings[order / 2];
            var (other, otherHow) = order % 2 == 0 ? (vowelled.Skeleton, SkeletonReading.Written) : (vowelled.SilentHSkeleton, SkeletonReading.SilentH);
            var (markedU, markedV) = (unvowelled.MarkedSkeleton(how), vowelled.MarkedSkeleton(otherHow));
            var similarity = Similarity(ConsonantSkeleton.MarkedDistance(markedU, markedV), skeleton.Length, other.Length);
            if (similarity > best.Similarity || (similarity == best.Similarity && order < best.Order))
            {
                best = (similarity, skeleton, other, how, VowelNote(similarity.CompareTo(consonants), markedU, markedV, other), order);
            }
        }
        return unvowelledLeft
            ? (best.Similarity, best.Unvowelled, best.Vowelled, best.How, best.LongVowels)
            : (best.Similarity, best.Vowelled, best.Unvowelled, best.How, best.LongVowels);

        static double Similarity(double distance, int a, int b) =>
            a == 0 || b == 0 ? 0 : Math.Max(0, 1 - distance / Math.Max(a, b)) * 0.95;

        // What the explanation says of the vowels (ConsonantSkeleton.MarkedDistance): they cost, or a و read v or a
        // letter-by-letter reading's final h left out paid.
        static string VowelNote(int comparedToConsonants, string markedU, string markedV, string plainV) => comparedToConsonants switch
        {
            < 0 => ", less for a long vowel (و ي ו י) the other spelling does not write",
            > 0 => string.Join("", (ReadOnlySpan<string>)[
                markedU.Contains('W', StringComparison.Ordinal) && plainV.Contains('f', StringComparison.Ordinal) ? ", و or ו read v" : "",
                markedU.Contains('J', StringComparison.Ordinal) && plainV.Contains('j', StringComparison.Ordinal) ? ", a י read j" : "",
                markedV.Contains('H', StringComparison.Ordinal) ? ", a final h of the letter-by-letter reading taken as the unsaid ة or ه" : ""]),
            _ => "",
        };

        // Whether reading r's skeleton is an earlier reading's too: one reading is enough.
        static bool IsEarlier(ReadOnlySpan<(string Skeleton, SkeletonReading How)> readings, int r)
        {
            for (var e = 0; e < r; e++)
            {
                if (string.Equals(readings[e].Skeleton, readings[r].Skeleton, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            return false;
        }

        static int CountOf(string s, char c)
        {
            var n = 0;
            foreach (var x in s)
            {
                n += x == c ? 1 : 0;
            }
            return n;
        }
    }

    private static NameMatch? ArabicSkeletons(PreparedName left, PreparedName right)
    {
        if (SkeletonComparison(left, right) is not var (similarity, ka, kb, reading, longVowels))
        {
            return null;
        }
        var script = left.IsUnvowelled ? left.Script : right.Script;
        var (a, b) = (left.Folded, right.Folded);
        var how = reading switch
        {
            SkeletonReading.Written => "",
            SkeletonReading.Spoken => ", the article's l taken into the sun letter after it",
            SkeletonReading.LetterByLetter => ", read back as its letter-by-letter Latin reading is (s-h as sh, a first alif's و and ی as w and y)",
            SkeletonReading.Persian => ", ذ ض ظ and ث read as Persian, Dari, Pashto and Urdu say them (z and s)",
            SkeletonReading.WithoutArticle => Article,
            SkeletonReading.QafAsG => QafAsG,
            SkeletonReading.QafAsGWithoutArticle => QafAsG + Article,
            SkeletonReading.JimAsG => JimAsG,
            SkeletonReading.JimAsGWithoutArticle => JimAsG + Article,
            SkeletonReading.HebrewForeign => ", ב and פ read b and p and a first ו v, as a foreign name written in Hebrew spells them",
            SkeletonReading.European => script == Script.Hebrew ? HebrewEuropean : ArabicEuropean,
            _ => "",
        };
        how += longVowels;
        var why = string.Create(CultureInfo.InvariantCulture,
            $"{a} ≈ {b}, consonants {ka} / {kb} ({script} script is written without vowels{how}), similarity {similarity:0.00}");
        return new NameMatch(Math.Round(similarity, 4), [new AlignedToken(a, b, similarity, why)], why);
    }

    private const string Article = ", the article al- left out, as Latin spellings often do";
    private const string QafAsG = ", ق said g, as in Libya, the Gulf, Sudan and among the Bedouin";
    private const string JimAsG = ", ج said g, as in Egypt";
    private const string HebrewEuropean = ", read as older European spellings write Hebrew names (ח and a כ after a word's start as ch, a first י as j, ב as b)";
    private const string ArabicEuropean = ", read as older European spellings write Arabic names (خ as ch, a first ي as j)";

    private static int Levenshtein(string a, string b)
    {
        Span<int> previous = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.Length];
    }

    private static NameMatch Align(Reading a, Reading b)
    {
        var aligned = new List<AlignedToken>();
        var score = AlignScore(a, b, aligned);
        var explanation = aligned.Count == 0
            ? "No token of one name is close to a token of the other."
            : string.Join("; ", aligned.Select(t => t.Why));
        if (a.Articles + b.Articles > 0 && !explanation.Contains(ArabicArticle.Rule, StringComparison.Ordinal))
        {
            // "Mohamed al-Alami" / "Mohammed El Alami": every word met as written once al- and El went, which the analyst
            // should still be told.
            explanation += "; " + ArabicArticle.Rule;
        }
        return new NameMatch(score, aligned, explanation);
    }

    /// <summary>
    /// Tokens aligned best pair first; the explanation of each pair is written only when <paramref name="aligned"/> is
    /// given, since the index scores a hundred candidates and explains only the ten it returns.
    /// </summary>
    private static double AlignScore(Reading a, Reading b, List<AlignedToken>? aligned)
    {
        var score = AlignScoreAsWritten(a, b, aligned);
        // Two words of one side written as one on the other (Yong-won / Yongwon, Jong Un / 정은 read as jeongeun,
        // Abdul Rahman / Abdulrahman): compared joined as well, and the better of the two ways taken.
        foreach (var (left, right) in (ReadOnlySpan<(Reading, Reading)>)[(Joined(a, b), b), (a, Joined(b, a))])
        {
            if (ReferenceEquals(left, a) && ReferenceEquals(right, b))
            {
                continue;
            }
            var joinedAligned = aligned is null ? null : new List<AlignedToken>();
            var joined = AlignScoreAsWritten(left, right, joinedAligned);
            if (joined > score)
            {
                score = joined;
                if (aligned is not null)
                {
                    aligned.Clear();
                    aligned.AddRange(joinedAligned!);
                }
            }
        }
        return score;
    }

    /// <summary>
    /// <paramref name="a"/> with each two adjacent tokens that <see cref="MayBeOneWord"/> a token of
    /// <paramref name="other"/> joined into one, left to right; <paramref name="a"/> itself when none may.
    /// </summary>
    private static Reading Joined(Reading a, Reading other)
    {
        List<int>? joins = null;
        for (var i = 0; i + 1 < a.Tokens.Length; i++)
        {
            var joined = a.Tokens[i] + a.Tokens[i + 1];
            foreach (var token in other.Tokens)
            {
                // Joined, they must be closer than the first alone: "Muhammed El" is not one word because "muhammedel" is
                // close to "muhammed", which the first token already is.
                if (MayBeOneWord(a.Tokens[i], a.Tokens[i + 1], token) && JaroWinkler.Similarity(joined, token) is var similarity
                    && similarity >= JoinedAtLeast && similarity > TokenSimilarity(a.Tokens[i], token))
                {
                    (joins ??= []).Add(i);
                    i++;
                    break;
                }
            }
        }
        if (joins is null)
        {
            return a;
        }
        var tokens = new List<string>(a.Tokens.Length);
        var original = new List<string>(a.Tokens.Length);
        var joinedWords = new List<bool>(a.Tokens.Length);
        for (var i = 0; i < a.Tokens.Length; i++)
        {
            var join = joins.Contains(i);
            joinedWords.Add(join);
            if (join)
            {
                tokens.Add(a.Tokens[i] + a.Tokens[i + 1]);
                // One original when both readings come from one written word (毛泽东 read as mao ze dong); Chinese
                // characters and Hangul syllables, read one by one, are written without a space (泽 and 东 as 泽东).
                original.Add(a.Original[i] == a.Original[i + 1] ? a.Original[i]
                    : IsCjk(a.Original[i]) && IsCjk(a.Original[i + 1])
                        ? a.Original[i] + a.Original[i + 1]
                        : a.Original[i] + " " + a.Original[i + 1]);
                i++;
                continue;
            }
            tokens.Add(a.Tokens[i]);
            original.Add(a.Original[i]);
        }
        return a with { Tokens = [.. tokens], Original = [.. original], JoinedWords = [.. joinedWords] };
    }

    private static bool IsCjk(string original) => Scripts.Of(original) is Script.Han or Script.Hangul;

    /// <summary>How alike two words joined must be to a token of the other form to be taken as that token written apart.</summary>
    private const double JoinedAtLeast = 0.85;

    /// <summary>
    /// Whether <paramref name="first"/> and <paramref name="second"/> could be <paramref name="word"/> written apart, by
    /// letters alone: the same first letter and about the same length joined (the word one letter shorter, a doubled letter
    /// written once, or up to two longer, vowels the other spelling writes: jong un / jeongeun). Neither may be an initial. Cheap, so that
    /// <see cref="ScoreBound"/> can ask it of every pair the full cross-reference meets.
    /// </summary>
    private static bool MayBeOneWord(string first, string second, string word) =>
        first.Length >= 2 && second.Length >= 2 && word.Length >= 4 && first[0] == word[0]
        && word.Length - (first.Length + second.Length) is >= -1 and <= 2
        && SecondStartsNearTheJoint(first.Length, second[0], word);

    /// <summary>
    /// Whether the word has the second token's first letter where the first token would end, give or take the letter
    /// or two a spelling adds or drops (정은 read jeongeun against Jong Un): "Ana Maria" is not "Anastasia", whose
    /// fourth letter is no m.
    /// </summary>
    private static bool SecondStartsNearTheJoint(int firstLength, char secondFirst, string word)
    {
        var from = Math.Max(1, firstLength - 1);
        var to = Math.Min(word.Length - 1, firstLength + 2);
        for (var i = from; i <= to; i++)
        {
            if (word[i] == secondFirst)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>How many pairs of adjacent tokens of <paramref name="a"/> <see cref="MayBeOneWord"/> a token of <paramref name="b"/>.</summary>
    private static int MayJoin(string[] a, string[] b)
    {
        var n = 0;
        for (var i = 0; i + 1 < a.Length; i++)
        {
            foreach (var word in b)
            {
                if (MayBeOneWord(a[i], a[i + 1], word))
                {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static double AlignScoreAsWritten(Reading a, Reading b, List<AlignedToken>? aligned)
    {
        var articles = ArticlesApart(a, b);
        if (aligned is null && a.Tokens.Length * b.Tokens.Length <= 64)
        {
            return AlignScoreSmall(a.Tokens, b.Tokens, articles);
        }
        var pairs = new (int I, int J, double Similarity)[a.Tokens.Length * b.Tokens.Length];
        var n = 0;
        for (var i = 0; i < a.Tokens.Length; i++)
        {
            for (var j = 0; j < b.Tokens.Length; j++)
            {
                pairs[n++] = (i, j, TokenSimilarity(a.Tokens[i], b.Tokens[j]));
            }
        }
        Array.Sort(pairs, static (x, y) =>
        {
            var c = y.Similarity.CompareTo(x.Similarity);
            return c != 0 ? c : x.I != y.I ? x.I.CompareTo(y.I) : x.J.CompareTo(y.J);
        });
        Span<bool> usedA = stackalloc bool[Math.Min(a.Tokens.Length, 64)];
        Span<bool> usedB = stackalloc bool[Math.Min(b.Tokens.Length, 64)];
        if (a.Tokens.Length > 64 || b.Tokens.Length > 64)
        {
            usedA = new bool[a.Tokens.Length];
            usedB = new bool[b.Tokens.Length];
        }
        var total = 0.0;
        foreach (var (i, j, similarity) in pairs)
        {
            if (similarity < 0.7)
            {
                break;
            }
            if (usedA[i] || usedB[j])
            {
                continue;
            }
            usedA[i] = usedB[j] = true;
            total += similarity;
            if (aligned is not null)
            {
                var how = How(a.Tokens[i], b.Tokens[j], similarity);
                // Not for the syllables of a Chinese or Korean name, which are read one by one and written as one (近平 jinping).
                var apart = (a.JoinedWords?[i] == true && !IsCjk(a.Original[i])) || (b.JoinedWords?[j] == true && !IsCjk(b.Original[j]))
                    ? "two words written as one" : "";
                // Both sides read by one rule (two Cyrillic forms, both Bulgarian) say it once.
                var rule = string.Join(", ", new[] { how, apart, RuleOf(a, i), RuleOf(b, j) }.Where(r => r.Length > 0).Distinct(StringComparer.Ordinal));
                var sign = similarity >= 1 ? "=" : "≈";
                aligned.Add(new AlignedToken(a.Original[i], b.Original[j], similarity,
                    $"{a.Original[i]} {sign} {b.Original[j]}" + (rule.Length > 0 ? ", " + rule : "")));
            }
        }
        // Unmatched tokens of the longer form lower the score: "Ivan Petrov" is not the same as "Ivan Petrov Georgiev",
        // but it is close, because people are listed with and without a second given name; an unmatched patronymic half.
        var patronymics = PatronymicsOnOneSide(UnmatchedPatronymics(a.Tokens, usedA), UnmatchedPatronymics(b.Tokens, usedB));
        return Math.Round(total / ((a.Tokens.Length + b.Tokens.Length + articles - PatronymicLess * patronymics) / 2.0), 4);
    }

    /// <summary>
    /// What the articles one reading read off and the other did not weigh (<see cref="ArabicArticle"/>): half a token each,
    /// as a token the other form lacks weighs one. "Hassan al-Turabi" and "Hasan Turabi" are close, not the same;
    /// "Salah al-Din" and "Salahuddin" each read one off, and are.
    /// </summary>
    private static double ArticlesApart(Reading a, Reading b) => 0.5 * Math.Abs(a.Articles - b.Articles);

    /// <summary>
    /// The rule that read a token, for the explanation: a transliteration reads every token, the article rule only those it
    /// changed (in "Salah Eddine Ali" read as salah din ali, din and not ali).
    /// </summary>
    private static string RuleOf(Reading reading, int i) =>
        reading.RuleOnChangedTokens && string.Equals(reading.Tokens[i], reading.Original[i], StringComparison.Ordinal)
            ? ""
            : reading.Rule;

    /// <summary>
    /// <see cref="AlignScore"/> for the usual few tokens, without allocating: the best free pair taken again and again
    /// (on a tie the first by token positions) is the order the sorted list gives, so the sum is the same, added in
    /// the same order. The full cross-reference scores millions of pairs.
    /// </summary>
    private static double AlignScoreSmall(string[] a, string[] b, double articles)
    {
        var (m, n) = (a.Length, b.Length);
        Span<double> similarity = stackalloc double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                similarity[i * n + j] = TokenSimilarity(a[i], b[j]);
            }
        }
        Span<bool> usedA = stackalloc bool[m];
        Span<bool> usedB = stackalloc bool[n];
        var total = 0.0;
        for (var taken = 0; taken < Math.Min(m, n); taken++)
        {
            var best = -1;
            for (var k = 0; k < m * n; k++)
            {
                if (!usedA[k / n] && !usedB[k % n] && (best < 0 || similarity[k] > similarity[best]))
                {
                    best = k;
                }
            }
            if (best < 0 || similarity[best] < 0.7)
            {
                break;
            }
            usedA[best / n] = usedB[best % n] = true;
            total += similarity[best];
        }
        var patronymics = PatronymicsOnOneSide(UnmatchedPatronymics(a, usedA), UnmatchedPatronymics(b, usedB));
        return Math.Round(total / ((m + n + articles - PatronymicLess * patronymics) / 2.0), 4);
    }

    /// <summary>
    /// The unmatched patronymics that weigh less: those of a form whose other form has none left over. Two different
    /// patronymics (Ivan Petrovich Sidorov, Ivan Nikolaevich Sidorov) are two fathers, evidence against, and weigh whole.
    /// </summary>
    private static int PatronymicsOnOneSide(int a, int b) => a > 0 && b > 0 ? 0 : a + b;

    /// <summary>
    /// How much less than a whole token a patronymic one form has and the other lacks weighs (<see cref="Patronymic"/>):
    /// half, like an article. "Vladimir Putin" / "Vladimir Vladimirovich Putin" 0.89, not 0.80; not 1, since the
    /// patronymic, when both have it, tells two namesakes apart.
    /// </summary>
    private const double PatronymicLess = 0.5;

    private static int UnmatchedPatronymics(string[] tokens, ReadOnlySpan<bool> used)
    {
        var n = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!used[i] && Patronymic.Is(tokens[i], tokens.Length))
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>The score of <see cref="Compare(PreparedName, PreparedName)"/> without writing its explanation.</summary>
    internal static double Score(PreparedName left, PreparedName right) => BestOverForms(left, right, ScoreOne);

    /// <summary>The best of <paramref name="measure"/> over every pair of the two names' forms, those in brackets among them.</summary>
    private static double BestOverForms(PreparedName left, PreparedName right, Func<PreparedName, PreparedName, double> measure)
    {
        var best = measure(left, right);
        if (left.Bracketed.Length + right.Bracketed.Length > 0)
        {
            foreach (var (a, b) in BracketedPairs(left, right))
            {
                best = Math.Max(best, measure(a, b));
            }
        }
        return best;
    }

    private static double ScoreOne(PreparedName left, PreparedName right)
    {
        var best = 0.0;
        foreach (var a in left.Readings)
        {
            foreach (var b in right.Readings)
            {
                if (Compared(left, a, right, b))
                {
                    best = Math.Max(best, AlignScore(a, b, null));
                }
            }
        }
        if (SkeletonSimilarity(left, right) is { } skeleton)
        {
            best = Math.Max(best, Math.Round(skeleton, 4));
        }
        return best;
    }

    /// <summary>
    /// A bound that <see cref="Score"/> never exceeds, from the token counts alone: aligned tokens add at most 1 each, and
    /// the sum is divided by the mean count, so "Ivan Petrov" and "Ivan Petrov Georgiev" are at most 0.8. Lets the full
    /// cross-reference skip most pairs without aligning them. No bound when the consonant comparison of Arabic and
    /// Hebrew with another script applies.
    /// </summary>
    internal static double ScoreBound(PreparedName left, PreparedName right) => BestOverForms(left, right, ScoreBoundOne);

    private static double ScoreBoundOne(PreparedName left, PreparedName right)
    {
        if (left.IsUnvowelled != right.IsUnvowelled)
        {
            return 1;
        }
        var best = 0.0;
        foreach (var a in left.Readings)
        {
            foreach (var b in right.Readings)
            {
                var (m, n) = (a.Tokens.Length, b.Tokens.Length);
                // Patronymics left unmatched weigh less (AlignScore): at most all of them are.
                var less = PatronymicLess * (Patronymic.Count(a.Tokens) + Patronymic.Count(b.Tokens));
                best = Math.Max(best, Math.Min(1, Math.Round(Math.Min(m, n) / ((m + n - less) / 2.0), 4)));
                // Words written apart on one side and joined on the other count once each joined (AlignScore): the
                // longer side may lose up to that many tokens, which can only bring the counts closer.
                for (var k = 1; k <= MayJoin(a.Tokens, b.Tokens) && m - k >= 1; k++)
                {
                    best = Math.Max(best, Math.Min(1, Math.Round(Math.Min(m - k, n) / ((m - k + n - less) / 2.0), 4)));
                }
                for (var k = 1; k <= MayJoin(b.Tokens, a.Tokens) && n - k >= 1; k++)
                {
                    best = Math.Max(best, Math.Min(1, Math.Round(Math.Min(m, n - k) / ((m + n - k - less) / 2.0), 4)));
                }
            }
        }
        return best;
    }

    private static double TokenSimilarity(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            // Before the initial rule: "A" is the same as "A", not an initial of it (found by the property test).
            return 1;
        }
        if (KoreanRomanisation.AreSurnameSpellings(a, b))
        {
            // Before the initial rule: 이 is I in the Revised Romanization, and Lee on a passport.
            return 0.9;
        }
        if (a.Length == 1 || b.Length == 1)
        {
            // An initial meets the name it abbreviates, a little below certainty.
            return a[0] == b[0] ? 0.9 : 0;
        }
        if (2 * Math.Min(a.Length, b.Length) <= Math.Max(a.Length, b.Length) && (a[0] != b[0] || a[1] != b[1]))
        {
            // A short token inside one twice as long is not a spelling of it: Jaro-Winkler finds abu in marbun (0.83) and
            // al in salimi (0.78), and "Zahra Marbun" outscored "Pak Zahra" for "Abu Zahra". A shared start still counts
            // (Mohd / Mohammed, Jo / Joseph): abbreviations keep the first letters.
            return OneSyllableTwoWays(a, b) ? 0.9 : 0;
        }
        var similarity = JaroWinkler.Similarity(a, b);
        // Two romanisations of one Korean syllable (cho / jo, chung / jung) or one Chinese syllable (dong / tung, xiao /
        // hsiao): as close as an initial to its name.
        return similarity < 0.9 && OneSyllableTwoWays(a, b) ? 0.9 : similarity;
    }

    /// <summary>One Korean or Chinese syllable (or Korean surname) in two romanisations.</summary>
    private static bool OneSyllableTwoWays(string a, string b) => KoreanRomanisation.AreVariants(a, b) || WadeGiles.AreVariants(a, b);

    private static string How(string a, string b, double similarity) =>
        string.Equals(a, b, StringComparison.Ordinal) || similarity >= 1 ? ""
        : WadeGiles.AreVariants(a, b) ? "Chinese romanised two ways (Pinyin / Wade-Giles)"
        : KoreanRomanisation.AreSyllableVariants(a, b) || KoreanRomanisation.AreVowelVariants(a, b)
            ? "Korean romanised two ways (McCune-Reischauer / Revised)"
        : KoreanRomanisation.AreSurnameSpellings(a, b) ? "a Korean name as commonly spelt (Park / Bak)"
        : a.Length == 1 || b.Length == 1 ? "initial"
        : string.Create(CultureInfo.InvariantCulture, $"Jaro-Winkler {similarity:0.00}");
}
