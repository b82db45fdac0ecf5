using System.Buffers;
using System.Text;

namespace Ariadne.Matching.Names;

/// <summary>
/// Arabic (and Persian, Pashto, Urdu) names are written without short vowels, so محمد is only m-h-m-d, and each
/// Latin spelling (Mohammed, Muhammad, Mohamed) adds vowels of its own. Both sides are reduced to the consonants
/// they share (issue #11 item 3): vowels dropped, letters a romanisation spells differently merged into one class
/// (ق/q/k, ث/th/t, ذ/dh/d, ش/sh/ch, خ/kh), doubled letters once. Long vowels written with و and ي count only at
/// the start of a word, where they are the consonants w and y (Watban وطبان, Yahya يحيى). A final ه/ة and the
/// Latin final -ah are dropped: Fatima and Fatimah are one name, and so are Allah and الله.
/// </summary>
public static class ConsonantSkeleton
{
    /// <summary>The skeleton of a folded name form, token by token, joined without spaces.</summary>
    public static string Of(string folded) => Of(folded, assimilated: false);

    /// <summary>
    /// <see cref="Of(string)"/> with the vowels kept as marks (<see cref="MarkedDistance"/>): an Arabic or Hebrew
    /// form's long vowels written inside a word (و ו as W, ي ی י as Y, a final ى or ی, which may be a or i, as V), a Latin
    /// form's vowel letters (A E I O U, with y and w inside a word as I and U). Used to compare, never to key.
    /// </summary>
    public static string Marked(string folded) => Of(folded, assimilated: false, marked: true);

    /// <summary>
    /// The skeleton as the name is spoken: the l of the Arabic article ال is not heard before a "sun letter" (t, th, d,
    /// dh, r, z, s, sh, ṣ, ḍ, ṭ, ẓ, l, n), which doubles instead, so Latin spellings write شهاب الدين as Shahabuddin
    /// and عبدالرحمن as Abdurrahman as often as Abdul Rahman. The same as <see cref="Of(string)"/> when the form has no
    /// article before a sun letter; the index keys both, and the comparison takes the closer.
    /// </summary>
    public static string Assimilated(string folded, bool marked = false) => Of(folded, assimilated: true, marked: marked);

    /// <summary>
    /// The skeleton of an Arabic-script form as its letter-by-letter Latin reading (the unvowelled transliteration that
    /// machine and clerical readings give: سهند shnd, مجتهدی mjthdy) reads back. Such a reading writes two letters as a
    /// Latin digraph: س or ص then ه or ح is s-h, read back as the one sound sh, and so are k-h (کهنمویی khnmwyy, read
    /// as kh), t-h, d-h, g-h, p-h (سپهر sphr, read as ph), z-h; BGN/PCGN put a middle dot and ALA-LC a prime between such
    /// letters (s·h, sʹh) precisely because without it they read as one, and typed forms leave the mark out;
    /// a reading without vowel letters leaves out an alif between them too (مصاحب mshb).
    /// It writes the و or ی after a word's first alif as w or y (ایزدیار yzdyr, اوژن wzhn), where a vowelled spelling
    /// writes a vowel (Izadyar, Ozhan). Other scripts' tokens as in <see cref="Of(string)"/>.
    /// </summary>
    public static string LetterByLetter(string folded, bool marked = false) =>
        Of(folded, assimilated: false, letterByLetter: true, marked: marked);

    /// <summary>
    /// The skeleton as Persian, Dari, Pashto and Urdu say the Arabic letters ذ ض ظ (z) and ث (s): رضا is Reza, فيض Faiz,
    /// رمضان Ramazan, نذير Nazir, where Arabic says Rida, Fayd, Ramadan, Nadhir. The same letters, so the script cannot
    /// tell which language a name was spelt in; the index keys both readings and the comparison takes the closer.
    /// Null when the form has none of those letters.
    /// </summary>
    public static string? Persian(string folded, bool marked = false) =>
        folded.AsSpan().IndexOfAny("ذضظث") < 0 ? null : Of(folded, assimilated: false, persian: true, marked: marked);

    /// <summary>
    /// A Hebrew form's skeleton as a foreign name written in Hebrew spells it: ב and פ hard wherever they stand (ברק אובמה
    /// Barack Obama, רבין Rabin: the b is b after a vowel too), and a word's first ו as v (ולדימיר Vladimir, ויקטור
    /// Victor), where Hebrew's own words soften ב and פ after a vowel (אברהם Avraham) and start with a w. The script cannot
    /// tell which a name is; the index keys both and the comparison takes the closer. Null when the form has no Hebrew ב,
    /// פ or first ו.
    /// </summary>
    public static string? HebrewAsForeign(string folded, bool marked = false) =>
        folded.AsSpan().IndexOfAny("בפו") < 0 ? null : Of(folded, assimilated: false, hebrewForeign: true, marked: marked);

    /// <summary>
    /// An unvowelled form's skeleton as the older European spellings write its names, German and English above all, beside
    /// the romanisations the written skeleton follows: the kh sound as ch, which the Latin skeleton reads as s (French ش,
    /// Chérif), so these letters are s here: Hebrew ח and a כ or ך after a word's start (Menachem מנחם, Chaim חיים,
    /// Mordechai מרדכי, Baruch ברוך), Arabic خ (German Chalid خالد, Chamenei خامنه‌ای); a word's first י or ي as j
    /// (Jonathan יונתן, Joseph יוסף, Jassir ياسر, Jussuf يوسف); and Hebrew ב as b wherever it stands, as the Bible's Greek
    /// and Latin spelt it (Jacob יעקב, Abraham אברהם, Rebecca רבקה). Null when the form has none of these letters.
    /// </summary>
    public static string? AsEuropeanSpelling(string folded, bool marked = false) =>
        folded.AsSpan().IndexOfAny(s_europeanLetters) < 0 ? null : Of(folded, assimilated: false, european: true, marked: marked);

    private static readonly SearchValues<char> s_europeanLetters = SearchValues.Create("חכךיבخي");

    /// <summary>The letter qaf, which Libyan, Gulf, Sudanese and Bedouin Arabic say as g (<see cref="AsG"/>).</summary>
    public const char Qaf = 'ق';

    /// <summary>The letter jim, which Egyptian Arabic says as g (<see cref="AsG"/>).</summary>
    public const char Jim = 'ج';

    /// <summary>
    /// The skeleton with every <paramref name="letter"/> (<see cref="Qaf"/> or <see cref="Jim"/>) said as g, as the
    /// dialect that says it so spells the name in Latin letters: ق is g in Libya, the Gulf, Sudan and among the Bedouin
    /// (القذافي Gaddafi, قرقاش Gargash, القاسمي Gasimi), ج is g in Egypt (جمال Gamal, جابر Gaber, نجيب Naguib). The
    /// Arabic Language Academy's and the UN's romanisations (UNGEGN 1972, ISO 233, ALA-LC) write q and j whatever the
    /// dialect, so this is a reading beside the standard one, never instead. One letter at a time: a dialect says one
    /// of them as g, not both (Egyptian ق is a glottal stop, Gulf ج a y or j), so a form is read with all its ق as g or
    /// all its ج as g. <paramref name="withoutArticle"/> also leaves out each token's leading article
    /// (<see cref="WithoutArticle"/>): القذافي is Gaddafi, with neither q nor al. Null when the form has no such letter.
    /// </summary>
    public static string? AsG(string folded, char letter, bool withoutArticle = false, bool marked = false) =>
        letter is not (Qaf or Jim) || folded.IndexOf(letter, StringComparison.Ordinal) < 0
            ? null
            : Of(folded, assimilated: false, asG: letter, withoutArticle: withoutArticle, marked: marked);

    /// <summary>
    /// The skeleton with the article ال left out where it begins a token, and with it the doubling of a sun letter it is
    /// assimilated to. The article is a word of its own in Arabic grammar, written joined to the name: ISO 233, ALA-LC and
    /// UNGEGN write it (al-Qadhdhāfī), but passports and the press often drop the al- or el- (القذافي Gaddafi or Qadhafi,
    /// الزهراني Zahrani, الخطيب Khatib), so this is a reading beside the written one. Only where the rest of the token keeps at least two consonants: الله and العلي are words of their own, not an
    /// article before l or ʿl. The article inside a compound (عبدالرحمن, Abd al-Rahman) stays; the two-word key does the
    /// rest there. Null when no token starts with the article.
    /// </summary>
    public static string? WithoutArticle(string folded, bool marked = false) =>
        !folded.StartsWith("ال", StringComparison.Ordinal) && !folded.Contains(" ال", StringComparison.Ordinal)
            ? null
            : Of(folded, assimilated: false, withoutArticle: true, marked: marked);

    private static string Of(string folded, bool assimilated, bool letterByLetter = false, bool persian = false,
        char asG = '\0', bool withoutArticle = false, bool hebrewForeign = false, bool european = false, bool marked = false)
    {
        var sb = new StringBuilder(folded.Length);
        foreach (var token in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var script = Scripts.Of(token);
            if (script == Script.Arabic)
            {
                var letters = token.Where(c => Scripts.OfLetter(c) == Script.Arabic && char.IsLetter(c)).ToArray();
                var article = ArticleAt(letters);
                if (withoutArticle && article == 0)
                {
                    var bare = new StringBuilder(letters.Length);
                    Arabic(letters, article, 2, bare, assimilated, letterByLetter, persian, asG, european, marked);
                    if (bare.Length >= 2)
                    {
                        sb.Append(bare);
                        continue;
                    }
                }
                Arabic(letters, article, 0, sb, assimilated, letterByLetter, persian, asG, european, marked);
            }
            else if (script == Script.Hebrew)
            {
                Hebrew(token, sb, hebrewForeign, european, marked);
            }
            else
            {
                Latin(token, sb, marked);
            }
        }
        // Doubled consonants once, also across tokens ("abd al" + "lah" as "abdallah").
        // Marked, a consonant is doubled across the vowels between too (Muammar's m-m, as معمر's, whose ع is not written
        // in the skeleton), so that the marked skeleton's consonants are the plain skeleton.
        var collapsed = new StringBuilder(sb.Length);
        var lastConsonant = '\0';
        foreach (var c in sb.ToString())
        {
            var mark = marked && char.IsAsciiLetterUpper(c);
            if ((collapsed.Length == 0 || collapsed[^1] != c) && (mark || c != lastConsonant))
            {
                collapsed.Append(c);
            }
            lastConsonant = mark ? lastConsonant : c;
        }
        return collapsed.ToString();
    }

    /// <summary>
    /// A Latin token with no vowel letter is a letter-by-letter reading of an unvowelled script (AnyAscii reads أسامة as
    /// 'smh, جمانة as jmnh, رقية as rqyh): its final h may be ه or ة, which Arabic spellings leave unsaid and the Arabic
    /// skeleton drops, or ح, which they say (صلاح is slh). Two letters are a token too: مه (Mah) is mh. The token without that h, to be compared as well; null where
    /// the rule does not apply (a vowelled token, or kh, sh, th, dh, gh, ch, ph, zh, which are one sound).
    /// </summary>
    public static string? WithoutSilentH(string token)
    {
        if (token.Length < 2 || token[^1] != 'h' || token[^2] is 'k' or 's' or 'c' or 't' or 'd' or 'g' or 'p' or 'z' or '\''
            || token.Any(c => c is 'a' or 'e' or 'i' or 'o' or 'u') || !token.All(c => char.IsAsciiLetterLower(c) || c == '\''))
        {
            return null;
        }
        return token[..^1];
    }

    /// <summary>The skeleton of a folded Latin form with each token's silent final h left out (<see cref="WithoutSilentH"/>).</summary>
    public static string WithoutSilentHs(string folded, bool marked = false) =>
        Of(string.Join(' ', folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => WithoutSilentH(t) ?? t)),
            assimilated: false, marked: marked);

    /// <summary>Letters before which the article's l is assimilated (the "sun letters" of Arabic grammar).</summary>
    private static bool IsSunLetter(char c) => c is 'ت' or 'ث' or 'د' or 'ذ' or 'ر' or 'ز' or 'س' or 'ش' or 'ص' or 'ض'
        or 'ط' or 'ظ' or 'ل' or 'ن';

    /// <summary>
    /// Where the article ال begins the word joined to what comes before: at the start of the token (الدين) or after
    /// the first part of a compound name (عبدالولی is ʿAbd al-Walī, ابوالحسن Abū al-Ḥasan). Elsewhere ا and ل are
    /// letters of the word itself (خالد, صالح, كمال), so only these prefixes are trusted.
    /// </summary>
    private static int ArticleAt(char[] letters)
    {
        ReadOnlySpan<string> prefixes = ["", "عبد", "ابو", "أبو", "بو"];
        foreach (var prefix in prefixes)
        {
            var p = prefix.Length;
            if (letters.Length > p + 3 && letters[p] == 'ا' && letters[p + 1] == 'ل'
                && new string(letters, 0, p) == prefix)
            {
                return p;
            }
        }
        return -1;
    }

    /// <summary>
    /// The skeleton class a letter-by-letter Latin reading gives a letter followed by ه or ح: the Latin digraph's, when
    /// the letter's Latin letter and h make one (<see cref="LetterByLetter"/>); '\0' otherwise.
    /// </summary>
    private static char Digraph(char c) => c switch
    {
        'س' or 'ص' => 's',
        'ک' or 'ك' => 'x',
        'ت' or 'ط' => 't',
        'د' or 'ض' => 'd',
        'گ' => 'g',
        'پ' => 'f',
        'ز' => 'z',
        _ => '\0',
    };

    /// <summary>The token's letters from <paramref name="first"/> on (2: after its leading article) to skeleton classes.</summary>
    private static void Arabic(char[] letters, int article, int first, StringBuilder sb, bool assimilated, bool letterByLetter,
        bool persian, char asG, bool european, bool marked)
    {
        for (var i = first; i < letters.Length; i++)
        {
            var c = letters[i];
            if (assimilated && article >= 0 && i == article + 1 && IsSunLetter(letters[i + 1]))
            {
                continue;
            }
            // A reading without vowel letters leaves out the alif between (مصاحب mshb), so the letters around it meet.
            var after = i + 1;
            while (letterByLetter && after < letters.Length - 1 && letters[after] == 'ا')
            {
                after++;
            }
            if (letterByLetter && after < letters.Length && letters[after] is 'ه' or 'ح' && Digraph(c) is var digraph and not '\0')
            {
                sb.Append(digraph);
                i = after;
                continue;
            }
            // The word after the article starts there: its و and ي are the consonants w and y (عبدالولی, Abdul Wali).
            // Read letter by letter, so are the و and ی after a first alif, which the reading leaves out.
            var start = i == first || (article >= 0 && i == article + 2) || (letterByLetter && i == 1 && letters[0] is 'ا' or 'أ' or 'إ');
            var end = i == letters.Length - 1;
            var cls = c switch
            {
                _ when c == asG => 'g',
                'ذ' or 'ض' or 'ظ' when persian => 'z',
                // Read letter by letter ظ is dh, as in the Gulf's spellings (أبو ظبي Abu Dhabi, ظافر Dhafer), where the
                // written reading takes the z of Egypt and the Levant (ناظم Nazim).
                'ظ' when letterByLetter => 'd',
                'ث' when persian => 's',
                'ب' or 'پ' => 'b',
                'ت' or 'ط' or 'ث' or 'ټ' => 't',
                'ج' => 'j',
                'چ' or 'ش' or 'ښ' => 's',
                'ح' => 'h',
                'ه' or 'ھ' or 'ۀ' => end && !start ? '\0' : 'h',
                'خ' => european ? 's' : 'x',
                'د' or 'ذ' or 'ض' or 'ډ' => 'd',
                'ر' or 'ړ' => 'r',
                'ز' or 'ژ' or 'ږ' or 'ځ' or 'ظ' => 'z',
                'س' or 'ص' => 's',
                'غ' or 'گ' => 'g',
                'ف' => 'f',
                'ق' or 'ك' or 'ک' => 'k',
                'ل' => 'l',
                'م' => 'm',
                'ن' or 'ڼ' => 'n',
                'و' when start => 'w',
                // Persian's silent و between خ and ا (خواجه Khaja or Khwaja, خواهر khahar): no long vowel to miss.
                'و' when marked && !(letters[i - 1] == 'خ' && i + 1 < letters.Length && letters[i + 1] == 'ا') => 'W',
                'ي' or 'ی' or 'ې' or 'ى' or 'ئ' when start => european ? 'j' : 'y',
                // Marked: ى, and ی at a word's end, are a as often as i (مصطفى Mustafa, موسی Musa, علی Ali); ئ carries a hamza.
                'ى' when marked => 'V',
                'ی' when marked && end => 'V',
                'ي' or 'ی' or 'ې' when marked => 'Y',
                // alif and hamza carriers, ta marbuta and ʿayn: vowels or sounds Latin spellings leave out.
                _ => '\0',
            };
            if (cls != '\0')
            {
                sb.Append(cls);
            }
        }
    }

    /// <summary>
    /// Hebrew is written without vowels too (ישראל is y-s-r-l; Israel or Yisrael in Latin): the same classes as the
    /// Latin side; א and ע are not written in Latin, ו and י are consonants only word-initially, final ה is silent, and
    /// ב and פ are hard only word-initially.
    /// </summary>
    private static void Hebrew(string token, StringBuilder sb, bool foreign, bool european, bool marked)
    {
        var letters = token.Where(c => c is >= 'א' and <= 'ת').ToArray();
        for (var i = 0; i < letters.Length; i++)
        {
            var start = i == 0;
            var end = i == letters.Length - 1;
            var cls = letters[i] switch
            {
                // Begadkefat: ב and פ are b and p at the start of a word and mostly v and f after a vowel (אברהם Avraham,
                // יעקב Yaakov, מופז Mofaz, but ברק Barak, פרס Peres); Latin v and f share one class.
                'ב' when european => 'b',
                'ב' or 'פ' => start || foreign ? 'b' : 'f',
                'ף' => 'f',
                'ג' => 'g',
                'ד' => 'd',
                'ה' => end && !start ? '\0' : 'h',
                'ו' => start ? (foreign ? 'f' : 'w') : marked ? 'W' : '\0',
                'ז' or 'צ' or 'ץ' => 'z',
                'ח' => european ? 's' : 'h',
                'ט' or 'ת' => 't',
                // Read the European way, a י inside a word may also be the consonant j (בנימין Benjamin, Binyamin): J.
                'י' => start ? (european ? 'j' : 'y') : marked ? (european ? 'J' : 'Y') : '\0',
                'כ' when european && !start => 's',
                'ך' when european => 's',
                'כ' or 'ך' or 'ק' => 'k',
                'ל' => 'l',
                'מ' or 'ם' => 'm',
                'נ' or 'ן' => 'n',
                'ס' or 'ש' => 's',
                'ר' => 'r',
                _ => '\0',
            };
            if (cls != '\0')
            {
                sb.Append(cls);
            }
        }
    }

    private static void Latin(string token, StringBuilder sb, bool marked)
    {
        var s = token;
        // A token with no vowel letter reads an unvowelled script letter by letter (AnyAscii's n`mtzdh for نعمت‌زاده, the
        // t of ت and the z of ز): its t-z and d-j are two letters, not German tz or French dj. Marked, its final h is
        // one that may be left out (a ة or ه; WithoutSilentH), or met (a ح): H.
        var letterByLetter = s.AsSpan().IndexOfAny("aeiou") < 0;
        var optionalH = marked ? WithoutSilentH(s) is not null : false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            var start = i == 0;
            char cls;
            if (optionalH && i == s.Length - 1)
            {
                cls = 'H';
            }
            else if (letterByLetter && (c, next) is ('t', 'z') or ('d', 'j') or ('d', 'z'))
            {
                cls = c;
            }
            else if (c == 't' && next == 'z')
            {
                // German and Hebrew tz (Katz, Moritz; צ) is one sound, written z in the other spellings.
                cls = 'z';
                i++;
            }
            else if (c == 'd' && next == 'j')
            {
                // French and Portuguese spellings write ج and the English j as dj (Djamel / Jamal / جمال, Indjai / Injai):
                // one sound, j.
                cls = 'j';
                i++;
            }
            else if (c == 'd' && next == 's' && i + 3 < s.Length && s[i + 2] == 'c' && s[i + 3] == 'h')
            {
                // German writes the same sound dsch (Dschamal, Dschingis, Tadschikistan).
                cls = 'j';
                i += 3;
            }
            else if (c == 'd' && next == 'z' && i + 2 < s.Length && s[i + 2] == 'h')
            {
                // The Russian and Bulgarian reading of дж (Dzhamal, Dzhokhar): the same j.
                cls = 'j';
                i += 2;
            }
            else if (next == 'h' && c is 'k' or 's' or 'c' or 't' or 'd' or 'g' or 'p' or 'z')
            {
                cls = c switch
                {
                    'k' => 'x',
                    's' or 'c' => 's',
                    't' => 't',
                    'd' => 'd',
                    'g' => 'g',
                    'p' => 'f',
                    _ => 'z',
                };
                i++;
            }
            else if (c == 'c' && next is 'e' or 'i')
            {
                // c before e and i is not k in the languages that write it so: s in French, Spanish, Portuguese and English
                // (Vincent, Cecilia), ch in Italian and Romanian (Ceaușescu, Cicerone), which Cyrillic and Greek write with a
                // sibilant and the skeleton reads as s (Чаушеску, Винсент): one class, s.
                cls = 's';
            }
            else
            {
                var end = i == s.Length - 1;
                cls = c switch
                {
                    'b' or 'p' => 'b',
                    't' => 't',
                    'd' => 'd',
                    'j' => 'j',
                    'k' or 'q' or 'c' => 'k',
                    'g' => 'g',
                    'x' => 'x',
                    'z' => 'z',
                    's' => 's',
                    'f' or 'v' => 'f',
                    // final -ah/-eh is ta marbuta or a silent h.
                    'h' => end && i > 0 && IsVowel(s[i - 1]) ? '\0' : 'h',
                    'l' => 'l',
                    'm' => 'm',
                    'n' => 'n',
                    'r' => 'r',
                    'w' => start ? 'w' : marked ? 'U' : '\0',
                    'y' => start ? 'y' : marked ? 'I' : '\0',
                    'a' or 'e' or 'i' or 'o' or 'u' when marked => char.ToUpperInvariant(c),
                    _ when char.IsAsciiLetter(c) => '\0',
                    // Another script's letter (a Cyrillic or Greek reading is compared elsewhere): kept as itself.
                    _ => char.IsLetter(c) ? c : '\0',
                };
            }
            if (cls != '\0')
            {
                sb.Append(cls);
            }
        }
    }

    /// <summary>
    /// An Arabic-script form, or a Latin form that reads one letter by letter (no e, i, o or u, and a word without a: ريم
    /// as rym, آية ريم عارف as AnyAscii's ayh rym `rf), as those letters: the consonants with ي and و where they stand
    /// (y and w), each word's final h left out (ة, ه, and the ح a reading cannot tell from them), two letters a Latin
    /// digraph makes one read as one (<see cref="LetterByLetter"/>). The two readings share
    /// it where their skeletons are shared by crowds of vowelled names (r-m-r-f: Rami Raouf, Reem Arif…), and where the
    /// whole form's consonants differ by a final h (فاطمة صلاح أمجد / ftmh slh 'mjd), so the full cross-reference pairs
    /// them on it, word by word. Null for any other form, and for one word (its skeleton key does as much).
    /// </summary>
    public static string? LetterByLetterKey(string folded, Script script)
    {
        var tokens = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (script == Script.Latin)
        {
            if (folded.AsSpan().IndexOfAny("eiou") >= 0 || !tokens.Any(t => t.Length >= 2 && !t.Contains('a', StringComparison.Ordinal)))
            {
                return null;
            }
        }
        else if (script != Script.Arabic)
        {
            return null;
        }
        var key = new StringBuilder(folded.Length);
        foreach (var token in tokens)
        {
            var start = key.Length;
            // An Arabic word as its letter-by-letter reading reads back (سهيل shyl as s-y-l; LetterByLetter).
            foreach (var c in script == Script.Arabic ? LetterByLetter(token, marked: true) : Marked(token))
            {
                var letter = c switch
                {
                    'Y' or 'V' or 'I' => 'y',
                    'W' or 'U' => 'w',
                    _ when char.IsAsciiLetterUpper(c) => '\0',
                    _ => c,
                };
                if (letter != '\0')
                {
                    key.Append(letter);
                }
            }
            if (key.Length > start && key[^1] == 'h')
            {
                key.Length--;
            }
            key.Append(' ');
        }
        var read = key.ToString().TrimEnd();
        return read.Length >= 4 && read.Contains(' ', StringComparison.Ordinal) ? read : null;
    }

    /// <summary>What a long vowel of the unvowelled form costs where the other form writes no vowel that fits: half a consonant.</summary>
    internal const double UnmatchedLongVowel = (double)LongVowel / Consonant;

    // MarkedDistance's costs in half consonants, so that its table is of integers.
    private const int Consonant = 2, LongVowel = 1;

    /// <summary>
    /// The edit distance between an unvowelled form's <see cref="Marked"/> skeleton and a vowelled form's, counted in
    /// consonants: consonants cost 1 to add, drop or change, as in the plain comparison. The vowelled side's vowels are
    /// free, since Arabic and Hebrew do not write short ones; the unvowelled side's long vowels are not: ي and و are
    /// written because the name says i or u there, so a spelling with no i, e or y (for ي) or o, u or w (for و) at that
    /// place costs <see cref="UnmatchedLongVowel"/>. Without this ایوب بشیر (Ayyub Bashir) and Abby Sauer shared the
    /// consonants b-s-r and scored alike. A و may also be the consonant v (جواد Javad, پرویز Parviz, דוד David), and a
    /// letter-by-letter reading's final h (H) the ح of صلاح or the silent ة of سارة, each word on its own: slh srh fryd.
    /// Read the European way (<see cref="AsEuropeanSpelling"/>), a Hebrew י inside a word (J) may be the j of Benjamin.
    /// </summary>
    internal static double MarkedDistance(string unvowelled, string vowelled)
    {
        // Two rows on the stack: the index scores a hundred candidates a query, and long Arabic names against long Latin
        // ones make rows of 40.
        var width = vowelled.Length + 1;
        Span<int> previous = width <= 256 ? stackalloc int[width] : new int[width];
        Span<int> current = width <= 256 ? stackalloc int[width] : new int[width];
        previous[0] = 0;
        for (var j = 1; j < width; j++)
        {
            previous[j] = previous[j - 1] + DropVowelled(vowelled[j - 1]);
        }
        foreach (var u in unvowelled)
        {
            var dropU = char.IsAsciiLetterUpper(u) ? LongVowel : Consonant;
            current[0] = previous[0] + dropU;
            for (var j = 1; j < width; j++)
            {
                var v = vowelled[j - 1];
                var best = Math.Min(previous[j] + dropU, current[j - 1] + DropVowelled(v));
                if (Change(u, v) is var change and >= 0)
                {
                    best = Math.Min(best, previous[j - 1] + change);
                }
                current[j] = best;
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[width - 1] / (double)Consonant;

        static int DropVowelled(char v) => char.IsAsciiLetterUpper(v) ? 0 : Consonant;

        // -1: not a change (a vowel for a consonant is a drop and an add).
        static int Change(char u, char v) => (char.IsAsciiLetterUpper(u), char.IsAsciiLetterUpper(v)) switch
        {
            (false, false) => u == v ? 0 : Consonant,
            (true, true) => Fits(u, v) ? 0 : LongVowel,
            (true, false) => (u, v) is ('W', 'f') or ('J', 'j') ? 0 : -1,
            (false, true) => u == 'h' && v == 'H' ? 0 : -1,
        };

        static bool Fits(char longVowel, char vowel) => longVowel switch
        {
            _ when vowel == 'H' => false,
            'W' => vowel is 'O' or 'U',
            'Y' or 'J' => vowel is 'I' or 'E',
            _ => true,
        };
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
