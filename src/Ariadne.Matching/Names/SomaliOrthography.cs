namespace Ariadne.Matching.Names;

/// <summary>
/// Somali's official Latin orthography (1972) spells Arabic-origin names with its own letters: x for ḥ (Xasan Hassan,
/// Maxamed Mohamed, Axmed Ahmed), c for ʿayn (Cabdi Abdi, Cumar Umar, Cusman Osman), and long vowels doubled (Ismaaciil
/// Ismail, Xuseen Hussein). Lists and reports write the same person both ways: the UN list gives "ABDULLAHI OSMAN MOHAMED
/// CADDOW" and "Cabdullahi Cusman Maxamed Caddow". Jaro-Winkler put "Ahmed Hussein" and "Axmed Xuseen" at 0.81, and the
/// keys (maxamed's consonants are not mohamed's) did not meet at all. A form with a Somali x gets a second reading: x
/// as h, c before a vowel as the ʿayn English spellings leave out, doubled vowels single.
/// </summary>
internal static class SomaliOrthography
{
    /// <summary>How the scorer's explanation names the rule.</summary>
    public const string Rule = "Somali spelling read (x as h, c as ʿayn, long vowels single)";

    /// <summary>
    /// The tokens read as Somali spelling says them, or null when the form is not spelt the Somali way: an x beside a vowel
    /// (Xasan, Maxamed, Faarax) and another mark of the orthography, a word that begins with c and a vowel (Cabdi, Cumar),
    /// a long a, i or u written twice (Faarax, Ismaaciil, Maxmuud) or the x of ḥm (Axmed, Raxmaan). Not Alexander, Xavier
    /// or Felix: an extra reading costs a form its place among names that tie with it (fewer keys go first), and "Xavier
    /// Jiménez" lost to the "Javier Jimenez" of the distractors when it had one.
    /// </summary>
    public static string[]? Read(string[] tokens)
    {
        if (!tokens.Any(HasSomaliX) || !tokens.Any(HasSomaliMark))
        {
            return null;
        }
        var read = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            read[i] = ReadToken(tokens[i]);
        }
        return read.SequenceEqual(tokens, StringComparer.Ordinal) ? null : read;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>An x next to a vowel, or before m; not a token that is all x and a vowel (pinyin Xi, Xu).</summary>
    internal static bool HasSomaliX(string token)
    {
        if (token.Length < 3)
        {
            return false;
        }
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] != 'x')
            {
                continue;
            }
            var before = i > 0 && IsVowel(token[i - 1]);
            var after = i + 1 < token.Length && (IsVowel(token[i + 1]) || token[i + 1] == 'm');
            if (before || after)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A mark of Somali spelling besides x: a word that begins with the ʿayn of an Arabic name (Cabdi, Cali, Cumar, Cusman,
    /// Cismaan, Caasha, Cawil; not Carlos, Cooper or Cecilia), aa, ii or uu, or xm.
    /// </summary>
    internal static bool HasSomaliMark(string token) =>
        (token.Length >= 3 && token[0] == 'c' && token[1] is 'a' or 'i' or 'u' && token[2] is 'b' or 'l' or 'm' or 's' or 'w' or 'd' or 'a' or 'i' or 'u')
        || token.Contains("aa", StringComparison.Ordinal) || token.Contains("ii", StringComparison.Ordinal)
        || token.Contains("uu", StringComparison.Ordinal) || token.Contains("xm", StringComparison.Ordinal);

    /// <summary>
    /// One token as said: x h; c dropped before a vowel (Cabdi abdi, Mascuud masud; a c before a consonant or at the end
    /// is kept, it is no Somali ʿayn there); a vowel written twice once (Xuseen husen, Ismaaciil ismail).
    /// </summary>
    internal static string ReadToken(string token)
    {
        var sb = new System.Text.StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (c == 'x')
            {
                sb.Append('h');
                continue;
            }
            if (c == 'c' && i + 1 < token.Length && IsVowel(token[i + 1]))
            {
                continue;
            }
            if (IsVowel(c) && sb.Length > 0 && sb[^1] == c)
            {
                continue;
            }
            sb.Append(c);
        }
        return sb.Length > 0 ? sb.ToString() : token;
    }
}
