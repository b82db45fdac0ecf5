namespace Ariadne.Matching.Names;

/// <summary>
/// The Arabic article and the compounds built on it, as Latin spellings write them, read apart into the words of the
/// name (issue #11 item 3). The article ال is written al-, el-, ul- or left out, and before a "sun letter" (t th d dh r z
/// s sh ṣ ḍ ṭ ẓ n) it is said, and often written, as that letter doubled: ad-Din, ed-Dine, ud-din, Eddine, Ettounsi,
/// Essid (ALA-LC writes al- throughout; French and older English spellings write what is said). Compound names carry
/// it inside one word: ʿAbd al-Raḥmān is Abd al-Rahman, Abdel Rahman, Abdul Rahman, Abdurrahman, Abderrahmane,
/// Abdirahman (Somali); Ṣalāḥ al-Dīn is Salah al-Din, Salah Eddine, Salahuddin, Seif el-Din; Naṣr Allāh is Nasrallah,
/// Nasrullah. Jaro-Winkler sees none of this ("Salah al-Din" and "Salah Eddine" scored 0.40, "Abd al-Rahman" and
/// "Abdurrahman" 0.42), so a Latin form with an article or such a compound has a second reading with the article
/// left out and each compound as its words: abd + rahman, salah + din, nasr + allah.
/// </summary>
/// <remarks>
/// An article joined without doubling (Alsayyid, Elkhairy) is not split: "Albert" and "Elena" are written the same way,
/// and the scorer already meets "al sayyid" with "alsayyid" as two words written as one.
/// </remarks>
internal static class ArabicArticle
{
    /// <summary>How the scorer's explanation names the rule.</summary>
    public const string Rule = "the Arabic article read apart (al-, ad-Din, Abd al-, Eddine)";

    /// <summary>The article's forms before any letter: al-Tunisi, el-Khairy, ul-Haq.</summary>
    private static readonly HashSet<string> s_article = new(StringComparer.Ordinal) { "al", "el", "ul" };

    /// <summary>The letters an article takes into itself (the sun letters as Latin spells them), longest first.</summary>
    private static readonly string[] s_sunLetters = ["sh", "th", "dh", "zh", "t", "d", "r", "z", "s", "n"];

    /// <summary>
    /// The tokens with each article left out and each compound read as its words, for each the written token it comes
    /// from, and how many articles were read off (the scorer counts an article one form writes and the other leaves out
    /// as half a token: "Hassan al-Turabi" is close to "Hasan Turabi", not the same); null when the form has neither, so
    /// that most names cost nothing more.
    /// </summary>
    public static (string[] Tokens, string[] Original, int Articles)? ReadApart(string[] tokens)
    {
        List<(string Token, string Original)>? apart = null;
        var articles = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var next = i + 1 < tokens.Length ? tokens[i + 1] : null;
            if (next is not null && next.Length >= 3 && IsArticleBefore(token, next, first: i == 0))
            {
                // al-Tunisi, ad-Din, as-Sayyid: the article goes, the word stays.
                Start(ref apart, tokens, i);
                articles++;
                continue;
            }
            if (Words(token, first: i == 0) is var (words, article))
            {
                Start(ref apart, tokens, i);
                foreach (var word in words)
                {
                    apart!.Add((word, token));
                }
                articles += article ? 1 : 0;
                continue;
            }
            apart?.Add((token, token));
        }
        if (apart is null || apart.Count == 0)
        {
            return null;
        }
        return (apart.Select(p => p.Token).ToArray(), apart.Select(p => p.Original).ToArray(), articles);
    }

    /// <summary>The first change: the tokens before it are copied as they are.</summary>
    private static void Start(ref List<(string Token, string Original)>? apart, string[] tokens, int i)
    {
        if (apart is not null)
        {
            return;
        }
        apart = new List<(string, string)>(tokens.Length + 1);
        for (var k = 0; k < i; k++)
        {
            apart.Add((tokens[k], tokens[k]));
        }
    }

    /// <summary>
    /// Whether <paramref name="token"/> is the article standing before <paramref name="next"/>: al, el or ul before any
    /// word; a vowel and a sun letter (ad, ed, ud, ar, as, ash, at, az, an, …) before a word that begins with that letter,
    /// but not as the form's <paramref name="first"/> word, where it is a name of its own (Ed Davis, An Nam).
    /// </summary>
    internal static bool IsArticleBefore(string token, string next, bool first)
    {
        if (s_article.Contains(token))
        {
            return true;
        }
        if (first || token.Length is < 2 or > 3 || token[0] is not ('a' or 'e' or 'u'))
        {
            return false;
        }
        var letter = token[1..];
        return Array.IndexOf(s_sunLetters, letter) >= 0 && next.StartsWith(letter, StringComparison.Ordinal);
    }

    /// <summary>
    /// The words of one token read apart and whether an article was among them, or null when it is one word. An article
    /// joined as said (Ettounsi, Essaadi) is not read off the <paramref name="first"/> word, where it is more often part of a
    /// name (Annette, Essam).
    /// </summary>
    internal static (string[] Words, bool Article)? Words(string token, bool first)
    {
        if (token.StartsWith("abd", StringComparison.Ordinal) && Abd(token) is { } abd)
        {
            return abd;
        }
        if (Suffixed(token, s_dinEndings, "din") is { } din)
        {
            return (din, true);
        }
        if (Suffixed(token, s_allahEndings, "allah") is { } allah)
        {
            // Allah holds its own article (al-lāh): Nasrallah is Nasr Allah, as written apart.
            return (allah, false);
        }
        if (Canonical(token) is { } alone)
        {
            return ([alone], alone == "din" && token is not ("dine" or "deen"));
        }
        if (!first && WithoutAssimilatedArticle(token) is { } bare)
        {
            // Ettounsi, Essaadi, Ezzine: the article written as said, joined to its word.
            return ([Canonical(bare) ?? bare], true);
        }
        return null;
    }

    /// <summary>
    /// ʿAbd ("servant of") and the article before one of the names of God: abd + the name. Abdul, Abdel and Abdou alone are
    /// abd and its article; Abdi alone stays (a Somali given name).
    /// </summary>
    private static (string[] Words, bool Article)? Abd(string token)
    {
        if (Suffixed(token, s_allahEndings, "allah") is { } allah)
        {
            // Abdallah, Abdullah, Abdulla: before the article's own reading, which would leave "lah".
            return (allah, false);
        }
        var rest = token[3..];
        if (rest is "ul" or "el" or "al" or "ol" or "il" or "oul" or "u" or "ou" or "o")
        {
            return (["abd"], true);
        }
        if (rest.Length == 0)
        {
            return null;
        }
        var name = WithoutArticle(rest);
        if (name is null && rest[0] is 'u' or 'e' or 'o' or 'i' or 'a' && rest.Length >= 4)
        {
            // Abdurahman, Abdirahman, Abdukadir: the article's vowel alone, its consonant not written.
            name = rest[(rest.StartsWith("ou", StringComparison.Ordinal) ? 2 : 1)..];
        }
        if (name is null || name.Length < 3)
        {
            // Abdo, Abdi, Abdrakhmanov: no article, or no name after it.
            return null;
        }
        return (["abd", Canonical(name) ?? name], true);
    }

    /// <summary>The rest of a compound without its article: (o)ul-, el-, al-, il-, or a vowel and a doubled sun letter.</summary>
    private static string? WithoutArticle(string rest)
    {
        foreach (var article in (ReadOnlySpan<string>)["oul", "ul", "el", "al", "ol", "il"])
        {
            if (rest.StartsWith(article, StringComparison.Ordinal) && rest.Length - article.Length >= 3)
            {
                return rest[article.Length..];
            }
        }
        return WithoutAssimilatedArticle(rest);
    }

    /// <summary>
    /// A word that begins with the article said before a sun letter (a vowel, the letter doubled: eddine, ettounsi, ourrahman),
    /// without it: dine, tounsi, rahman. The word must keep four letters: Azzam, Assad, Essam and Ezzat are names of their
    /// own, not az-Zam or as-Sad.
    /// </summary>
    private static string? WithoutAssimilatedArticle(string token)
    {
        var vowel = token.StartsWith("ou", StringComparison.Ordinal) ? 2 : token.Length > 0 && token[0] is 'a' or 'e' or 'u' or 'i' ? 1 : 0;
        if (vowel == 0)
        {
            return null;
        }
        foreach (var letter in s_sunLetters)
        {
            if (token.Length - vowel - letter.Length >= 4
                && string.CompareOrdinal(token, vowel, letter, 0, letter.Length) == 0
                && string.CompareOrdinal(token, vowel + letter.Length, letter, 0, letter.Length) == 0)
            {
                return token[(vowel + letter.Length)..];
            }
        }
        return null;
    }

    /// <summary>How -al-Din ends a word: uddin, eddine, ud-deen, eldin, addin, iddin (Salahuddin, Nasreddine, Seifeldin).</summary>
    private static readonly string[] s_dinEndings =
    [
        "uddine", "uddin", "uddeen", "eddine", "eddin", "eddeen", "addine", "addin", "addeen", "iddine", "iddin",
        "eldine", "eldin", "eldeen", "aldine", "aldin", "aldeen", "uldin", "udin", "udeen",
    ];

    /// <summary>
    /// How Allah ends a compound: Nasrallah, Khairullah, Hezbollah, Abdulla (not -alla or -olla: Cipolla, Scalla).
    /// </summary>
    private static readonly string[] s_allahEndings = ["ullah", "allah", "ollah", "illah", "ulla"];

    /// <summary>The word before the ending and the ending's own word, when at least three letters come before it.</summary>
    private static string[]? Suffixed(string token, string[] endings, string word)
    {
        foreach (var ending in endings)
        {
            if (token.Length - ending.Length >= 3 && token.EndsWith(ending, StringComparison.Ordinal))
            {
                var first = token[..^ending.Length];
                return [Canonical(first) ?? first, word];
            }
        }
        return null;
    }

    /// <summary>
    /// Din and Allah as their spellings write them alone (Dine, Deen, Uddin, Eddine; Ullah, Ollah), as one word each; null
    /// for any other word. Not Dean or Ulla, which are names of their own.
    /// </summary>
    private static string? Canonical(string word) =>
        word is "dine" or "deen" || Array.IndexOf(s_dinEndings, word) >= 0 ? "din"
        : word is "ullah" or "ollah" ? "allah"
        : null;
}
