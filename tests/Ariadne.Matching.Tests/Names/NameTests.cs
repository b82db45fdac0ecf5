using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>Person names across scripts, first slice (issue #11 item 3): folding, script detection, Cyrillic by the passport rules, aligned scoring.</summary>
public sealed class NameTests
{
    [Theory]
    [InlineData("Dimitrov", Script.Latin)]
    [InlineData("Dimitrović", Script.Latin)]
    [InlineData("Димитров", Script.Cyrillic)]
    [InlineData("Παπαδόπουλος", Script.Greek)]
    [InlineData("محمد", Script.Arabic)]
    [InlineData("כהן", Script.Hebrew)]
    [InlineData("शर्मा", Script.Devanagari)]
    [InlineData("王伟", Script.Han)]
    [InlineData("김민준", Script.Hangul)]
    [InlineData("サトウ", Script.Kana)]
    [InlineData("Иван Ivanov Иванович", Script.Cyrillic)]
    [InlineData("12 ..", Script.None)]
    public void The_script_is_the_one_most_letters_are_in(string name, Script expected)
    {
        Assert.Equal(expected, Scripts.Of(name));
    }

    [Theory]
    [InlineData("  DIMITROVIĆ,  Ivan ", "dimitrovic ivan")]
    [InlineData("Łukasz Żółć", "lukasz zolc")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("ＩＶＡＮ", "ivan")]
    // Cyrillic й and ё keep their marks: they are letters the schemes read differently from и and е
    [InlineData("Андрей Королёв", "андрей королёв")]
    [InlineData("Muḥammad ʿUmar", "muhammad umar")]
    // Stress marks on Cyrillic vowels, as Wikipedia and dictionaries write names, go; Macedonian ѓ and ќ stay letters.
    [InlineData("Влади́мир Пу́тин", "владимир путин")]
    [InlineData("Ѓорѓе Ќосев", "ѓорѓе ќосев")]
    public void Folding_lower_cases_and_drops_Latin_diacritics_only(string name, string expected)
    {
        Assert.Equal(expected, NameText.Fold(name));
    }

    [Theory]
    // Turkish İ in upper case, as on Turkish identity cards and passports: the invariant culture does not lower-case it.
    [InlineData("İBRAHİM TATLISES", "ibrahim tatlises")]
    [InlineData("İsmail Kılıç", "ismail kilic")]
    // Azerbaijani ə (Əliyev is Aliyev), Icelandic ð and þ (ICAO Doc 9303: D, TH), Maltese ħ.
    [InlineData("İlham Əliyev", "ilham aliyev")]
    [InlineData("Guðmundur Þórsson", "gudmundur thorsson")]
    [InlineData("Ħamrun Borġ", "hamrun borg")]
    // The African reference alphabet: Akan and Ewe ɛ ɔ ŋ, Hausa and Fula hooked ɓ ɗ ƙ ƴ.
    [InlineData("Kɔfi Mɛnsah", "kofi mensah")]
    [InlineData("Ɓello Ɗanƙwambo", "bello dankwambo")]
    public void Latin_letters_without_a_decomposition_fold_as_passports_write_them(string name, string expected)
    {
        Assert.Equal(expected, NameText.Fold(name));
        Assert.Equal(1.0, NameComparison.Compare(name, expected.ToUpperInvariant()).Score);
    }

    [Theory]
    // Bulgarian Streamlined System (Transliteration Act 2009)
    [InlineData("христо стоичков", CyrillicScheme.Bulgarian, "hristo stoichkov")]
    [InlineData("щерев", CyrillicScheme.Bulgarian, "shterev")]
    [InlineData("търново", CyrillicScheme.Bulgarian, "tarnovo")]
    [InlineData("мария", CyrillicScheme.Bulgarian, "maria")]
    [InlineData("юлиян", CyrillicScheme.Bulgarian, "yuliyan")]
    [InlineData("софия", CyrillicScheme.Bulgarian, "sofia")]
    // ICAO Doc 9303 as in Russian passports
    [InlineData("юлия", CyrillicScheme.Russian, "iuliia")]
    [InlineData("дмитрий", CyrillicScheme.Russian, "dmitrii")]
    [InlineData("хрущёв", CyrillicScheme.Russian, "khrushchev")]
    [InlineData("щукин", CyrillicScheme.Russian, "shchukin")]
    [InlineData("объедков", CyrillicScheme.Russian, "obieedkov")]
    // Ukrainian national system 2010 (the resolution's own examples)
    [InlineData("згорани", CyrillicScheme.Ukrainian, "zghorany")]
    [InlineData("розгон", CyrillicScheme.Ukrainian, "rozghon")]
    [InlineData("юлія", CyrillicScheme.Ukrainian, "yuliia")]
    [InlineData("їжакевич", CyrillicScheme.Ukrainian, "yizhakevych")]
    [InlineData("кадиївка", CyrillicScheme.Ukrainian, "kadyivka")]
    [InlineData("олексій", CyrillicScheme.Ukrainian, "oleksii")]
    [InlineData("йосипівка", CyrillicScheme.Ukrainian, "yosypivka")]
    [InlineData("стрий", CyrillicScheme.Ukrainian, "stryi")]
    [InlineData("харків", CyrillicScheme.Ukrainian, "kharkiv")]
    [InlineData("єнакієве", CyrillicScheme.Ukrainian, "yenakiieve")]
    // Serbian and Macedonian Latin alphabets, folded as the Latin side is (Vučić vucic, Đinđić dindic)
    [InlineData("вучић", CyrillicScheme.Serbian, "vucic")]
    [InlineData("шешељ", CyrillicScheme.Serbian, "seselj")]
    [InlineData("ражнатовић", CyrillicScheme.Serbian, "raznatovic")]
    [InlineData("ђинђић", CyrillicScheme.Serbian, "dindic")]
    [InlineData("хаџић", CyrillicScheme.Serbian, "hadzic")]
    [InlineData("његош јован", CyrillicScheme.Serbian, "njegos jovan")]
    [InlineData("ѓорѓе", CyrillicScheme.Macedonian, "gorge")]
    [InlineData("ќирил", CyrillicScheme.Macedonian, "kiril")]
    [InlineData("ѕвезда", CyrillicScheme.Macedonian, "dzvezda")]
    public void Cyrillic_follows_the_passport_rules_of_each_country(string folded, CyrillicScheme scheme, string expected)
    {
        Assert.Equal(expected, CyrillicTransliteration.ToLatin(folded, scheme));
    }

    [Theory]
    [InlineData("королёв", new[] { CyrillicScheme.Russian })]
    // A Ukrainian form is read by the Russian scheme too (CyrillicTransliteration.LikelySchemes).
    [InlineData("олексій", new[] { CyrillicScheme.Ukrainian, CyrillicScheme.Russian })]
    [InlineData("петров", new[] { CyrillicScheme.Bulgarian, CyrillicScheme.Russian, CyrillicScheme.Ukrainian })]
    // Serbian and Macedonian letters: their own alphabet, and the Bulgarian reading for English spellings (Djokovic).
    [InlineData("ђоковић", new[] { CyrillicScheme.Serbian, CyrillicScheme.Bulgarian })]
    [InlineData("јован", new[] { CyrillicScheme.Serbian, CyrillicScheme.Bulgarian })]
    [InlineData("ѓорге иванов", new[] { CyrillicScheme.Macedonian, CyrillicScheme.Bulgarian })]
    public void Letters_only_one_language_has_decide_the_scheme(string folded, CyrillicScheme[] expected)
    {
        Assert.Equal(expected, CyrillicTransliteration.LikelySchemes(folded));
    }

    [Theory]
    [InlineData("Александар Вучић", "Aleksandar Vučić", "Serbian")]
    [InlineData("Војислав Шешељ", "Vojislav Seselj", "Serbian")]
    [InlineData("Зоран Ђинђић", "Zoran Đinđić", "Serbian")]
    [InlineData("Новак Ђоковић", "Novak Djokovic", "Bulgarian")]
    [InlineData("Ѓорѓе Петров", "Gjorgje Petrov", "Bulgarian")]
    [InlineData("Ќиро Глигоров", "Kiro Gligorov", "Macedonian")]
    public void A_Serbian_or_Macedonian_Cyrillic_form_meets_its_Latin_spelling_and_names_the_alphabet(string cyrillic, string latin, string scheme)
    {
        var match = NameComparison.Compare(cyrillic, latin);

        Assert.Equal(1.0, match.Score);
        Assert.Contains($"transliterated ({scheme})", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_index_finds_a_Serbian_Latin_form_for_a_Cyrillic_query_by_its_keys()
    {
        var cyrillic = NameKeys.Of(NameComparison.Prepare("Александар Вучић"));
        var latin = NameKeys.Of(NameComparison.Prepare("Aleksandar Vučić"));

        // Read by the Bulgarian scheme only, вучић is vuchich: no key in common with vucic.
        Assert.Contains("tvucic", cyrillic);
        Assert.Contains("tvucic", latin);
    }

    [Theory]
    [InlineData("martha", "marhta", 0.9611)]
    [InlineData("dwayne", "duane", 0.84)]
    [InlineData("dixon", "dicksonx", 0.8133)]
    [InlineData("ivan", "ivan", 1.0)]
    [InlineData("abc", "xyz", 0.0)]
    public void Jaro_Winkler_gives_the_published_values(string a, string b, double expected)
    {
        // Winkler's own examples (MARTHA/MARHTA, DWAYNE/DUANE, DIXON/DICKSONX).
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);
    }

    [Theory]
    [InlineData("Dimitrov", "Димитров", "Bulgarian")]
    [InlineData("Hristo Stoichkov", "Христо Стоичков", "Bulgarian")]
    [InlineData("Khristofor Ivanov", "Христофор Иванов", "Russian")]
    [InlineData("Yuliia Tymoshenko", "Юлія Тимошенко", "Ukrainian")]
    [InlineData("Dmytro Kovalenko", "Дмитро Коваленко", "Ukrainian")]
    public void Latin_and_Cyrillic_forms_of_one_name_meet_and_say_how(string latin, string cyrillic, string scheme)
    {
        var match = NameComparison.Compare(latin, cyrillic);

        Assert.Equal(1.0, match.Score);
        Assert.Contains("transliterated (" + scheme + ")", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_explanation_names_each_aligned_pair()
    {
        var match = NameComparison.Compare("Dimitrov", "Димитров");
        Assert.Equal("dimitrov = димитров, transliterated (Bulgarian)", match.Explanation);
    }

    [Fact]
    public void Two_forms_read_by_one_rule_say_the_rule_once()
    {
        var match = NameComparison.Compare("Димитров Иван", "Иван Димитров");

        Assert.Equal("димитров = димитров, transliterated (Bulgarian); иван = иван, transliterated (Bulgarian)", match.Explanation);
    }

    [Theory]
    [InlineData("Ivan Petrov", "PETROV, Ivan")]
    [InlineData("Petrov Ivan", "Ivan Petrov")]
    [InlineData("Mr. Ivan Petrov", "ivan petrov")]
    [InlineData("Dimitrović Ana", "Ana DIMITROVIC")]
    [InlineData("Commandant Jérôme Kakwavu", "JÉRÔME KAKWAVU")]
    [InlineData("General Laurent Nkunda", "Laurent Nkunda")]
    [InlineData("Eng. Ismail Osman", "Ismail Osman")]
    [InlineData("Qudratullah Sahib", "Qudratullah")]
    [InlineData("FNU MNU Khamis Sirhan", "Khamis Sirhan")]
    public void Token_order_case_honorifics_and_diacritics_do_not_matter(string a, string b)
    {
        Assert.Equal(1.0, NameComparison.Compare(a, b).Score);
    }

    [Fact]
    public void An_initial_meets_the_name_it_abbreviates()
    {
        var match = NameComparison.Compare("I. Petrov", "Ivan Petrov");

        Assert.InRange(match.Score, 0.9, 0.99);
        Assert.Contains("initial", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Spelling_variants_score_high_and_different_people_low()
    {
        var variant = NameComparison.Compare("Mohammed Omar", "Muhammad Umar").Score;
        var other = NameComparison.Compare("Mohammed Omar", "Ivan Petrov").Score;

        Assert.True(variant >= 0.8, $"variant {variant}");
        Assert.True(other < 0.5, $"other {other}");
        Assert.True(NameComparison.Compare("Ivan Petrov", "Ivan Petrov Georgiev").Score is > 0.6 and < 1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("... ---")]
    public void Empty_names_score_zero_without_throwing(string? name)
    {
        Assert.Equal(0, NameComparison.Compare(name, "Ivan").Score);
    }

    [Theory]
    // Jaro-Winkler finds abu in marbun (0.83) and al in salimi: a short token inside one twice as long is no spelling of it.
    [InlineData("Abu Zahra", "Pak Zahra", "Zahra Marbun")]
    [InlineData("Ali Hassan", "Hassan Ahmed", "Hassan Salimi")]
    public void A_short_token_is_no_spelling_of_one_twice_as_long_that_starts_otherwise(string query, string other, string farther)
    {
        var near = NameComparison.Compare(query, other);
        var far = NameComparison.Compare(query, farther);

        // Only the shared name counts, as with a form whose other name is plainly another.
        Assert.True(far.Score <= near.Score, $"{other} {near.Score} ({near.Explanation}) / {farther} {far.Score} ({far.Explanation})");
        Assert.DoesNotContain("≈", far.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // Abbreviations keep the first letters, and stay spellings.
    [InlineData("Mohd Ali", "Mohammed Ali")]
    [InlineData("Jo Smith", "Joseph Smith")]
    public void A_short_form_that_starts_like_the_long_one_still_meets_it(string shortForm, string longForm)
    {
        var match = NameComparison.Compare(shortForm, longForm);

        Assert.True(match.Score >= 0.8, $"{shortForm} / {longForm}: {match.Score} ({match.Explanation})");
    }
}
