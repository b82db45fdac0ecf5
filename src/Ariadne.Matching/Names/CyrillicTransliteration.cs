using System.Buffers;
using System.Text;

namespace Ariadne.Matching.Names;

/// <summary>The published romanisations a Cyrillic name form may have been written in.</summary>
public enum CyrillicScheme
{
    /// <summary>Bulgarian Streamlined System, Transliteration Act 2009 (Bulgarian passports): щ sht, ъ a, х h.</summary>
    Bulgarian,
    /// <summary>ICAO Doc 9303 as used in Russian passports since 2013: х kh, щ shch, й i, ю iu, я ia.</summary>
    Russian,
    /// <summary>Ukrainian national system, Cabinet of Ministers resolution 55 of 2010: г h, и y, зг zgh.</summary>
    Ukrainian,
    /// <summary>
    /// Serbian's Latin alphabet (Gaj's, also Montenegrin and Bosnian), letter for letter with its Cyrillic, folded as the
    /// engine folds Latin: ч č and ћ ć c, ш š s, ж ž z, ђ đ d, џ dž dz, х h, ц c, ј j, љ lj, њ nj.
    /// </summary>
    Serbian,
    /// <summary>Macedonian's official Latin alphabet, folded: ѓ ǵ g, ќ ḱ k, ѕ dz, and the Serbian letters' readings.</summary>
    Macedonian,
}

/// <summary>
/// Cyrillic to Latin by the rules the issuing country's own passports follow (issue #11 item 3). One scheme is
/// not enough: Bulgarian Христо is Hristo on his passport, Russian Христофор is Khristofor, and Ukrainian Дмитро is
/// Dmytro; a name written in Latin abroad usually follows its owner's passport.
/// </summary>
public static class CyrillicTransliteration
{
    /// <summary>
    /// The schemes a name form may be in. Letters only one language has decide (ы, э, ё: Russian; і, ї, є, ґ:
    /// Ukrainian; ѝ: Bulgarian); otherwise all three readings are kept, since the engine cannot tell a Bulgarian
    /// Петров from a Russian one, and a bounded set of three is cheap. A Ukrainian form is read by the Russian scheme
    /// too: ICAO Doc 9303's Cyrillic table, which Russian passports follow, reads Ukrainian Г as G (its H is for
    /// Belarusian and Serbian), and Ukrainians' names went into Latin through Russian for decades (Soviet and
    /// Russian-issued documents, Russian-language sources): Григорій Grigorii, Галина Galina, Сергій Sergii, where
    /// Ukraine's own system writes Hryhorii, Halyna, Serhii.
    /// </summary>
    public static IReadOnlyList<CyrillicScheme> LikelySchemes(string folded)
    {
        if (folded.AsSpan().IndexOfAny("ыэё") >= 0)
        {
            return [CyrillicScheme.Russian];
        }
        if (folded.AsSpan().IndexOfAny("іїєґ") >= 0)
        {
            return [CyrillicScheme.Ukrainian, CyrillicScheme.Russian];
        }
        if (folded.Contains('ѝ', StringComparison.Ordinal))
        {
            return [CyrillicScheme.Bulgarian];
        }
        // Letters of Serbian and Macedonian only. Their Latin alphabets write the others' ch, sh and zh as č, š and ž, which
        // the Latin side folds to c, s and z (Вучић Vučić, Шешељ Šešelj); the Bulgarian reading is kept for the English
        // spellings (Vuchich) and for the dj that ASCII writes for ђ (Ђоковић Djokovic).
        if (folded.AsSpan().IndexOfAny("ѓќѕ") >= 0)
        {
            return [CyrillicScheme.Macedonian, CyrillicScheme.Bulgarian];
        }
        if (folded.AsSpan().IndexOfAny(s_serbianLetters) >= 0)
        {
            return [CyrillicScheme.Serbian, CyrillicScheme.Bulgarian];
        }
        return [CyrillicScheme.Bulgarian, CyrillicScheme.Russian, CyrillicScheme.Ukrainian];
    }

    private static readonly SearchValues<char> s_serbianLetters = SearchValues.Create("ђћџљњј");

    /// <summary>Lower-case Latin for a folded (lower-case) name form; characters outside Cyrillic pass through.</summary>
    public static string ToLatin(string folded, CyrillicScheme scheme)
    {
        var sb = new StringBuilder(folded.Length * 2);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            var wordStart = i == 0 || !char.IsLetter(folded[i - 1]);
            var wordEnd = i + 1 == folded.Length || !char.IsLetter(folded[i + 1]);
            sb.Append(scheme switch
            {
                CyrillicScheme.Bulgarian => Bulgarian(folded, i, c, wordEnd),
                CyrillicScheme.Russian => Russian(c),
                CyrillicScheme.Ukrainian => Ukrainian(folded, i, c, wordStart),
                CyrillicScheme.Serbian => SerbianOrMacedonian(c, macedonian: false),
                CyrillicScheme.Macedonian => SerbianOrMacedonian(c, macedonian: true),
                _ => Common(c),
            });
        }
        return sb.ToString();
    }

    private static string Bulgarian(string s, int i, char c, bool wordEnd) => c switch
    {
        // The Act's one exception: -ия at the end of a word is -ia (България Bulgaria, Мария Maria, София Sofia).
        'я' when wordEnd && i > 0 && s[i - 1] == 'и' => "a",
        'ж' => "zh",
        'й' => "y",
        'х' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "sht",
        'ъ' => "a",
        'ь' => "y",
        'ю' => "yu",
        'я' => "ya",
        'ѝ' => "i",
        _ => Common(c),
    };

    private static string Russian(char c) => c switch
    {
        'ё' => "e",
        'ж' => "zh",
        'й' => "i",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' => "ie",
        'ы' => "y",
        'ь' => "",
        'э' => "e",
        'ю' => "iu",
        'я' => "ia",
        _ => Common(c),
    };

    private static string Ukrainian(string s, int i, char c, bool wordStart) => c switch
    {
        // зг is zgh, so that it is not read as the letter ж (Згорани Zghorany, Розгон Rozghon).
        'г' when i > 0 && s[i - 1] == 'з' => "gh",
        'г' => "h",
        'ґ' => "g",
        'и' => "y",
        'і' => "i",
        // Є, Ї, Й, Ю, Я are ye, yi, y, yu, ya at the start of a word and ie, i, i, iu, ia elsewhere.
        'є' => wordStart ? "ye" : "ie",
        'ї' => wordStart ? "yi" : "i",
        'й' => wordStart ? "y" : "i",
        'ю' => wordStart ? "yu" : "iu",
        'я' => wordStart ? "ya" : "ia",
        'ж' => "zh",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ь' => "",
        _ => Common(c),
    };

    private static string SerbianOrMacedonian(char c, bool macedonian) => c switch
    {
        'ч' or 'ћ' or 'ц' => "c",
        'ш' => "s",
        'ж' => "z",
        'ђ' => "d",
        'џ' => "dz",
        'х' => "h",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'ѓ' => macedonian ? "g" : "gj",
        'ќ' => macedonian ? "k" : "kj",
        'ѕ' => "dz",
        _ => Common(c),
    };

    /// <summary>Letters every scheme writes alike.</summary>
    private static string Common(char c) => c switch
    {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => "e",
        'з' => "z",
        'и' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        // Letters of the other languages met in one scheme's text: read them as their own language does.
        'ё' => "e",
        'э' => "e",
        'ы' => "y",
        'ъ' => "",
        'ь' => "",
        'і' => "i",
        'ї' => "yi",
        'є' => "ye",
        'ґ' => "g",
        'ў' => "u",
        'ђ' => "dj",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'ћ' => "c",
        'џ' => "dz",
        'ѓ' => "gj",
        'ќ' => "kj",
        'ѕ' => "dz",
        _ => c.ToString(),
    };
}
