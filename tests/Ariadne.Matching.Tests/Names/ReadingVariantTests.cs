using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// Spellings the full cross-reference missed (issue #11: all planted name pairs found, ADR 0013): a Ukrainian name
/// written through Russian, Greek written letter by letter, Persian and Arabic read letter by letter without vowels,
/// and ICAO's ia/iu/ie against the national ya/yu/ye. Each rule with real names.
/// </summary>
public sealed class ReadingVariantTests
{
    [Theory]
    // Georgiy Gongadze, the journalist, is known abroad by the Russian spelling; Ukraine's system writes Heorhii Honhadze.
    [InlineData("Георгій Гонгадзе", "Georgiy Gongadze")]
    // Hryhorii Skovoroda, the philosopher, is Grigory Skovoroda in Russian-derived English.
    [InlineData("Григорій Сковорода", "Grigoriy Skovoroda")]
    // Ihor, Ihnat and Halyna go into Russian-issued papers as Igor, Ignat and Galina.
    [InlineData("Ігор Гнатюк", "Igor Gnatyuk")]
    public void A_Ukrainian_name_meets_its_spelling_through_Russian(string ukrainian, string russianSpelling)
    {
        var match = NameComparison.Compare(ukrainian, russianSpelling);

        Assert.True(match.Score >= 0.85, $"{ukrainian} / {russianSpelling}: {match.Score} ({match.Explanation})");
        Assert.Contains("transliterated (Russian)", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // ISO 843 (and the Library of Congress) write αυ, ευ, ου as au, eu, ou and γγ as gg: Eleutherios Venizelos.
    [InlineData("Ελευθέριος Βενιζέλος", "eleutherios venizelos")]
    [InlineData("Ευστάθιος Σταύρου", "eustathios staurou")]
    [InlineData("Ευάγγελος Παπαδόπουλος", "euaggelos papadopoulos")]
    public void A_Greek_form_is_also_read_by_ISO_843(string greek, string iso)
    {
        var readings = NameComparison.Readings(greek).Select(r => string.Join(' ', r.Tokens)).ToList();

        Assert.Contains(iso, readings);
        // The passport's ELOT 743 transcription stays the first reading.
        Assert.NotEqual(iso, readings[0]);
    }

    [Theory]
    // A letter-by-letter spelling writes υ as y (Eleytherios, as machine transliteration does): its vowels differ from
    // every standard, but its consonants are ISO 843's, so the whole form's consonant key is shared.
    [InlineData("Ελευθέριος Ευάγγελος Μανωλάς", "Eleytherios Eyaggelos Manolas")]
    [InlineData("Ευστάθιος Σταύρος Γερμανός", "Eystathios Stayros Germanos")]
    public void A_letter_by_letter_Greek_spelling_shares_the_whole_form_key(string greek, string letterByLetter)
    {
        var shared = NameKeys.Of(NameComparison.Prepare(greek)).Intersect(NameKeys.Of(NameComparison.Prepare(letterByLetter)));

        Assert.Contains(shared, k => k[0] == 'w');
    }

    [Theory]
    // سهند Sahand, read letter by letter shnd: its s-h reads back as the one sound sh.
    [InlineData("سهند", "shnd", "snd")]
    // کهنمویی, khnmwyy: k-h as kh.
    [InlineData("کهنمویی", "khnm", "xnm")]
    // سپهر Sepehr, sphr: p-h as ph.
    [InlineData("سپهر", "sbhr", "sfr")]
    // مجتهدی Mojtahedi, mjthdy; طهماسب Tahmasb (Shah Tahmasp), thmsb: t-h as th.
    [InlineData("مجتهدی", "mjthd", "mjtd")]
    [InlineData("طهماسب", "thmsb", "tmsb")]
    // مصاحب Mosaheb, mshb: a reading without vowel letters leaves out the alif, so s and h meet.
    [InlineData("مصاحب", "mshb", "msb")]
    // ایزدیار Izadyar, yzdyr; اوژن Ozhan, wzhn: the و or ی after a first alif is written w or y.
    [InlineData("ایزدیار", "zdr", "yzdr")]
    [InlineData("اوژن", "zn", "wzn")]
    // ظ read letter by letter is dh (واعظ w`dh, ظافر Dhafer), written z (Nazim).
    [InlineData("واعظ", "wz", "wd")]
    [InlineData("ظافر", "zfr", "dfr")]
    // No digraph and no first alif: nothing changes (محمد, بهرام Bahram: b-h is no digraph).
    [InlineData("محمد", "mhmd", "mhmd")]
    [InlineData("بهرام", "bhrm", "bhrm")]
    public void Arabic_script_is_also_read_back_as_its_letter_by_letter_reading(string folded, string written, string letterByLetter)
    {
        Assert.Equal(written, ConsonantSkeleton.Of(folded));
        Assert.Equal(letterByLetter, ConsonantSkeleton.LetterByLetter(folded));
    }

    [Theory]
    [InlineData("بهنوش سهند کیمیایی", "bhnwsh shnd kymyyy")]
    [InlineData("سپهر گلپاره نوبختی", "sphr glprh nwbkhty")]
    [InlineData("همراز زاوا مجتهدی", "hmrz zw mjthdy")]
    [InlineData("ایاز رخشانه فنایی", "yz rkhshnh fnyy")]
    // مه (Mah), two letters: its final h is silent too.
    [InlineData("کاراکو مه داد همایون", "krkw mh dd hmywn")]
    [InlineData("جیران کاوه واعظ", "jyrn kwh w`dh")]
    public void A_Persian_name_meets_its_letter_by_letter_reading(string persian, string reading)
    {
        var match = NameComparison.Compare(persian, reading);

        Assert.True(match.Score >= 0.85, $"{persian} / {reading}: {match.Score} ({match.Explanation})");
        Assert.True(match.Score < 1, "vowels are unknown, so never certain");
    }

    [Fact]
    public void Reading_letter_by_letter_does_not_join_different_names()
    {
        // Sahand and Shahed share s-h-n-d/s-h-d only in part; Bahram is no letter-by-letter reading of بهنام (Behnam).
        Assert.True(NameComparison.Compare("سهند", "Shahed").Score < 0.85);
        Assert.True(NameComparison.Compare("بهنام", "Bahram").Score < 0.85);
    }

    [Theory]
    // ICAO Doc 9303 writes a word's first я, ю, є as ia, iu, ie; the national systems and BGN/PCGN ya, yu, ye.
    [InlineData("Yulia Tymoshenko", "Iuliia Tymoshenko")]
    [InlineData("Yevhen Marchuk", "Ievhen Marchuk")]
    [InlineData("Yakiv Hnatiuk", "Iakiv Hnatiuk")]
    public void Token_starts_take_a_first_y_before_a_vowel_as_i(string national, string icao)
    {
        Assert.Equal(StartKeys(national), StartKeys(icao));
    }

    [Fact]
    public void Token_starts_keep_a_y_that_is_not_before_a_vowel()
    {
        // Ylli (Albanian) and Ilir have other starts: yl is not the ICAO/national alternation.
        Assert.NotEqual(StartKeys("Ylli Hoxha"), StartKeys("Illi Hoxha"));
    }

    [Fact]
    public void A_letter_by_letter_reading_is_paired_though_every_key_it_shares_with_its_source_is_crowded()
    {
        // Sixty others hold each written key the two share (the consonants of شراره and of گلپایگانی), more than the block
        // bound of 50: only the whole form's consonants as the reading reads them back (s-r-t-m-s-b-g-l-b-g-n) pair them.
        var names = new List<(string, string)> { ("a", "شراره طهماسب گلپایگانی"), ("b", "shrrh thmsb glpygny") };
        string[] given = ["مریم", "نازنین", "فاطمه", "زهرا", "لیلا", "سارا", "مینا", "رویا", "پریسا", "نرگس"];
        string[] family = ["احمدی", "محمدی", "حسینی", "رضایی", "کریمی", "موسوی", "جعفری", "صادقی"];
        for (var i = 0; i < 60; i++)
        {
            names.Add(($"g{i}", $"{given[i % given.Length]} {family[i / given.Length % family.Length]} گلپایگانی"));
            names.Add(($"s{i}", $"شراره {given[i % given.Length]} {family[i / given.Length % family.Length]}"));
        }
        using var index = new NameIndex();
        foreach (var (id, name) in names)
        {
            index.Add(id, name);
        }

        var pairs = index.SimilarPairs(_ => true, 0.85).Select(p => (p.First, p.Second)).ToList();

        Assert.Contains(("a", "b"), pairs);
    }

    private static List<string> StartKeys(string name)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        NameIndex.TokenStartKeys(NameComparison.Prepare(name), keys, []);
        return [.. keys.Order(StringComparer.Ordinal)];
    }
}
