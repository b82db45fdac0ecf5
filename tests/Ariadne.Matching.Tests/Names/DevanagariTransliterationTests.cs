using Ariadne.Matching.Names;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// Hindi names in Devanagari read by the Hunterian system with Hindi's schwa deletion (DevanagariTransliteration), as
/// Indian passports write them; public figures' names, in Devanagari as Hindi newspapers print them.
/// </summary>
public sealed class DevanagariTransliterationTests
{
    private static string Latin(string devanagari) =>
        string.Join(' ', NameText.Tokens(devanagari).Select(DevanagariTransliteration.ToLatin));

    [Theory]
    // The word-final inherent a is not said.
    [InlineData("राम", "ram")]
    [InlineData("राहुल", "rahul")]
    [InlineData("अमिताभ", "amitabh")]
    [InlineData("कुमार", "kumar")]
    [InlineData("यादव", "yadav")]
    [InlineData("मोहम्मद", "mohammad")]
    // ... except after a conjunct Hindi does not end a word with,
    [InlineData("नरेन्द्र", "narendra")]
    [InlineData("नरेंद्र", "narendra")]
    [InlineData("मिश्र", "mishra")]
    [InlineData("सूर्य", "surya")]
    [InlineData("आदित्य", "aditya")]
    [InlineData("कृष्ण", "krishna")]
    [InlineData("गुप्त", "gupta")]
    // ... but after a nasal or r and another consonant it is not said either,
    [InlineData("आनन्द", "anand")]
    [InlineData("अरविन्द", "arvind")]
    [InlineData("सिद्धार्थ", "siddharth")]
    // ... and a word of one consonant keeps it.
    [InlineData("स", "sa")]
    // A medial inherent a between V C and C V is not said, right to left, so that two neighbours never both go.
    [InlineData("कमला", "kamla")]
    [InlineData("सरला", "sarla")]
    [InlineData("मनमोहन", "manmohan")]
    [InlineData("मंगेशकर", "mangeshkar")]
    [InlineData("तेंदुलकर", "tendulkar")]
    [InlineData("जवाहरलाल", "javaharlal")]
    [InlineData("नेहरू", "nehru")]
    [InlineData("एकता", "ekta")]
    [InlineData("रामचंद्र", "ramchandra")]
    // Not after a conjunct or an anusvara, nor before a conjunct, nor with an anusvara of its own.
    [InlineData("बच्चन", "bachchan")]
    [InlineData("संजय", "sanjay")]
    [InlineData("वंदना", "vandana")]
    [InlineData("रंजना", "ranjana")]
    [InlineData("प्रियंका", "priyanka")]
    // Anusvara and chandrabindu: n, m before a labial, ng before h (Singh).
    [InlineData("गांधी", "gandhi")]
    [InlineData("गाँधी", "gandhi")]
    [InlineData("गंगा", "ganga")]
    [InlineData("अंबानी", "ambani")]
    [InlineData("शंभु", "shambhu")]
    [InlineData("सिंह", "singh")]
    // Visarga h.
    [InlineData("दुःशासन", "duhshasan")]
    // Vowels: long ones as one letter; ऋ ri; ऐ ai, औ au.
    [InlineData("ऋषि", "rishi")]
    [InlineData("ऐश्वर्या", "aishwarya")]
    [InlineData("दाऊद इब्राहिम", "daud ibrahim")]
    [InlineData("नीतीश", "nitish")]
    // Hunterian's consonants: ch, chh, sh for श and ष, n for ङ ञ ण.
    [InlineData("छोटा राजन", "chhota rajan")]
    [InlineData("शास्त्री", "shastri")]
    [InlineData("विष्णु", "vishnu")]
    [InlineData("गणेश", "ganesh")]
    [InlineData("गङ्गा", "ganga")]
    [InlineData("अञ्जलि", "anjali")]
    [InlineData("लक्ष्मी", "lakshmi")]
    // व: w after another consonant of a conjunct, v after र and elsewhere.
    [InlineData("द्विवेदी", "dwivedi")]
    [InlineData("स्वराज", "swaraj")]
    [InlineData("विश्वनाथ", "vishwanath")]
    [InlineData("पार्वती", "parvati")]
    // ज्ञ gy, as Hindi says it.
    [InlineData("ज्ञानेन्द्र", "gyanendra")]
    // Nukta letters, precomposed (U+0958–U+095F) or base letter and nukta.
    [InlineData("\u095Bाकिर", "zakir")]
    [InlineData("\u091C\u093Cाकिर", "zakir")]
    [InlineData("\u0958ादिर", "qadir")]
    [InlineData("\u0959ान", "khan")]
    [InlineData("\u095Aालिब", "ghalib")]
    [InlineData("\u095Eारू\u0958", "faruq")]
    [InlineData("चोप\u095Cा", "chopra")]
    [InlineData("चोप\u0921\u093Cा", "chopra")]
    [InlineData("ग\u095Dी", "garhi")]
    public void Devanagari_is_read_by_the_Hunterian_system_with_Hindi_schwa_deletion(string devanagari, string expected)
    {
        Assert.Equal(expected, Latin(devanagari));
    }

    [Theory]
    [InlineData("नरेन्द्र मोदी", "Narendra Modi")]
    [InlineData("अमिताभ बच्चन", "Amitabh Bachchan")]
    [InlineData("राहुल गांधी", "Rahul Gandhi")]
    [InlineData("मनमोहन सिंह", "Manmohan Singh")]
    [InlineData("सोनिया गांधी", "Sonia Gandhi")]
    [InlineData("प्रियंका चोपड़ा", "Priyanka Chopra")]
    [InlineData("दाऊद इब्राहिम", "Dawood Ibrahim")]
    [InlineData("लता मंगेशकर", "Lata Mangeshkar")]
    [InlineData("कमला", "Kamla")]
    [InlineData("सचिन तेंदुलकर", "Sachin Tendulkar")]
    [InlineData("जवाहरलाल नेहरू", "Jawaharlal Nehru")]
    [InlineData("अटल बिहारी वाजपेयी", "Atal Bihari Vajpayee")]
    [InlineData("मोहनदास करमचंद गांधी", "Mohandas Karamchand Gandhi")]
    [InlineData("सुषमा स्वराज", "Sushma Swaraj")]
    [InlineData("प्रणब मुखर्जी", "Pranab Mukherjee")]
    [InlineData("ऐश्वर्या राय", "Aishwarya Rai")]
    [InlineData("शाहरुख़ ख़ान", "Shah Rukh Khan")]
    [InlineData("फ़ारूक़ अब्दुल्ला", "Farooq Abdullah")]
    [InlineData("विश्वनाथन आनंद", "Viswanathan Anand")]
    [InlineData("फूलन देवी", "Phoolan Devi")]
    [InlineData("वीरप्पन", "Veerappan")]
    [InlineData("छोटा राजन", "Chhota Rajan")]
    public void A_Devanagari_name_meets_its_passport_spelling_and_says_Hunterian(string devanagari, string latin)
    {
        var match = NameComparison.Compare(devanagari, latin);

        Assert.True(match.Score >= 0.85, $"{devanagari} / {latin}: {match.Score} ({match.Explanation})");
        Assert.Contains("transliterated (Devanagari, Hunterian)", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // Devanagari writes its vowels; Arabic script does not: compared by the consonants of the Hunterian reading.
    [InlineData("दाऊद इब्राहिम", "داود ابراهيم")]
    [InlineData("मोहम्मद", "محمد")]
    public void A_Devanagari_name_meets_its_Arabic_script_form_by_consonants(string devanagari, string arabic)
    {
        Assert.True(NameComparison.Compare(devanagari, arabic).Score >= 0.85);
        Assert.True(NameComparison.Compare(arabic, devanagari).Score >= 0.85);
    }

    [Theory]
    [InlineData("राहुल गांधी", "Rahul Sharma")]
    [InlineData("नरेन्द्र मोदी", "Narendra Singh")]
    [InlineData("सोनिया गांधी", "Sunil Gavaskar")]
    [InlineData("दाऊद इब्राहिम", "David Abraham Cohen")]
    public void Different_people_stay_below_a_match(string devanagari, string latin)
    {
        Assert.True(NameComparison.Compare(devanagari, latin).Score < 0.85);
    }

    /// <summary>Given names and surnames, in Devanagari and as passports spell them, to crowd the index.</summary>
    private static readonly (string Devanagari, string Latin)[] s_given =
    [
        ("राहुल", "Rahul"), ("सोनिया", "Sonia"), ("नरेन्द्र", "Narendra"), ("मनमोहन", "Manmohan"), ("प्रियंका", "Priyanka"),
        ("अमित", "Amit"), ("सुनील", "Sunil"), ("अनिल", "Anil"), ("संजय", "Sanjay"), ("विजय", "Vijay"), ("अजय", "Ajay"),
        ("राजेश", "Rajesh"), ("सुरेश", "Suresh"), ("महेश", "Mahesh"), ("दिनेश", "Dinesh"), ("कमला", "Kamla"),
        ("सरला", "Sarla"), ("लता", "Lata"), ("आशा", "Asha"), ("पूजा", "Pooja"),
    ];

    private static readonly (string Devanagari, string Latin)[] s_surnames =
    [
        ("गांधी", "Gandhi"), ("मोदी", "Modi"), ("सिंह", "Singh"), ("चोपड़ा", "Chopra"), ("शर्मा", "Sharma"), ("वर्मा", "Verma"),
        ("गुप्त", "Gupta"), ("मिश्र", "Mishra"), ("यादव", "Yadav"), ("कुमार", "Kumar"), ("मंगेशकर", "Mangeshkar"),
        ("बच्चन", "Bachchan"), ("पटेल", "Patel"), ("जोशी", "Joshi"), ("मेहता", "Mehta"), ("ख़ान", "Khan"),
    ];

    /// <summary>The people the test looks for; every other pairing of the names above is someone else.</summary>
    private static readonly (string Devanagari, string Latin)[] s_listed =
    [
        ("राहुल गांधी", "Rahul Gandhi"), ("नरेन्द्र मोदी", "Narendra Modi"), ("मनमोहन सिंह", "Manmohan Singh"),
        ("प्रियंका चोपड़ा", "Priyanka Chopra"), ("लता मंगेशकर", "Lata Mangeshkar"), ("कमला मिश्र", "Kamla Mishra"),
    ];

    private static NameIndex Crowded(bool listedInDevanagari)
    {
        var index = new NameIndex();
        var n = 0;
        foreach (var given in s_given)
        {
            foreach (var surname in s_surnames)
            {
                if (s_listed.Any(l => l.Latin == $"{given.Latin} {surname.Latin}"))
                {
                    continue;
                }
                // Each other person in one script or the other, and some in both.
                n++;
                if (n % 3 != 1)
                {
                    index.Add($"other-{n:000}", $"{given.Devanagari} {surname.Devanagari}");
                }
                if (n % 3 != 2)
                {
                    index.Add($"other-{n:000}", $"{given.Latin} {surname.Latin}");
                }
            }
        }
        for (var i = 0; i < s_listed.Length; i++)
        {
            index.Add($"listed-{i}", listedInDevanagari ? s_listed[i].Devanagari : s_listed[i].Latin);
        }
        return index;
    }

    [Fact]
    public void The_index_finds_a_Devanagari_form_by_its_Latin_spelling_and_the_reverse_among_hundreds_alike()
    {
        using var devanagari = Crowded(listedInDevanagari: true);
        using var latin = Crowded(listedInDevanagari: false);

        for (var i = 0; i < s_listed.Length; i++)
        {
            var byLatin = devanagari.Search(s_listed[i].Latin, 10);
            Assert.True(byLatin.Count > 0 && byLatin[0].EntityId == $"listed-{i}",
                $"{s_listed[i].Latin}: {string.Join(", ", byLatin.Select(h => $"{h.EntityId} {h.Score}"))}");
            Assert.Contains("Hunterian", byLatin[0].Explanation, StringComparison.Ordinal);

            var byDevanagari = latin.Search(s_listed[i].Devanagari, 10);
            Assert.True(byDevanagari.Count > 0 && byDevanagari[0].EntityId == $"listed-{i}",
                $"{s_listed[i].Devanagari}: {string.Join(", ", byDevanagari.Select(h => $"{h.EntityId} {h.Score}"))}");
        }
    }

    /// <summary>
    /// Devanagari letters and signs in any order (a virama, nukta or vowel sign first, two in a row, precomposed nukta
    /// letters, digits), with Latin and Arabic letters and spaces among them.
    /// </summary>
    private static readonly char[] s_alphabet =
        "कखगजडढफनमरवसहयञषअआइऋएऐओ\u0958\u095B\u095C़्ािीुूृेैोौंँः०५ऽ।ॐ am محد ".ToCharArray();

    private static Arbitrary<string> DevanagariLike() =>
        Gen.Elements(s_alphabet).ArrayOf().Select(chars => new string(chars)).ToArbitrary();

    [Property(MaxTest = 2_000)]
    public Property Any_Devanagari_text_reads_as_plain_Latin_meets_itself_and_keeps_the_bound() =>
        Prop.ForAll(DevanagariLike(), DevanagariLike(), (a, b) =>
        {
            var plain = NameText.Tokens(a).Select(DevanagariTransliteration.ToLatin).All(t => t.All(char.IsAsciiLetterOrDigit));
            var (left, right) = (NameComparison.Prepare(a), NameComparison.Prepare(b));
            var score = NameComparison.Compare(left, right).Score;
            var self = NameComparison.Compare(a, a).Score;
            var hasLetters = NameComparison.Readings(a).Any();
            return plain && score is >= 0 and <= 1 && (hasLetters ? self == 1 : self == 0)
                && NameComparison.ScoreBound(left, right) >= NameComparison.Score(left, right);
        });

    [Fact]
    public void A_Latin_query_shares_the_Devanagari_forms_keys()
    {
        // The keys come from the Hunterian reading: राहुल गांधी is keyed as rahul and gandhi, which a Latin query has.
        var devanagari = NameKeys.Of(NameComparison.Prepare("राहुल गांधी"));
        var latin = NameKeys.Of(NameComparison.Prepare("Rahul Gandhi"));

        Assert.Contains("trahul", devanagari);
        Assert.Contains("tgandhi", devanagari);
        Assert.True(latin.IsSupersetOf(devanagari) && devanagari.IsSupersetOf(latin));
    }
}
