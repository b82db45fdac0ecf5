using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// Arabic and Hebrew write long vowels (و ي, ו י) even though they leave short ones out, so a Latin spelling of the same
/// name writes a vowel there (issue #11 item 3). Consonants alone let ایوب بشیر (Ayyub Bashir) meet Abby Sauer at 0.95:
/// both are b-s-r once w and y inside a word are dropped (ConsonantSkeleton.MarkedDistance).
/// </summary>
public sealed class LongVowelTests
{
    [Theory]
    // و and ی inside a word are marks; a first alif, a first و or ي (consonants) and ع are not.
    [InlineData("ایوب", "YWb")]
    [InlineData("بشیر", "bsYr")]
    [InlineData("يوسف", "yWsf")]
    // A final ى or Persian ی may be a (مصطفى Mustafa, موسی Musa) or i (علی Ali): any vowel, V.
    [InlineData("مصطفى", "mstfV")]
    [InlineData("موسی", "mWsV")]
    // Persian's silent و between خ and ا (Khaja or Khwaja) is no long vowel to miss.
    [InlineData("خواجه", "xj")]
    // Hebrew: ו and י inside a word.
    [InlineData("יוסף", "yWsf")]
    // Latin: every vowel letter, y and w inside a word as I and U; a consonant doubled across vowels once (Muammar's m-m,
    // as معمر's), so that the consonants are the plain skeleton's.
    [InlineData("ayyub bashir", "AIUbAsIr")]
    [InlineData("muammar", "mUAr")]
    [InlineData("mawlawi", "mAUlAUI")]
    public void Long_vowels_are_kept_as_marks(string folded, string expected)
    {
        Assert.Equal(expected, ConsonantSkeleton.Marked(folded));
    }

    [Theory]
    [InlineData("mhmd", "Mohammed")]
    [InlineData("muammar", "معمر")]
    [InlineData("ayyub bashir", "ایوب بشیر")]
    [InlineData("david", "דוד")]
    public void The_marked_skeleton_has_the_plain_skeletons_consonants(string left, string right)
    {
        foreach (var folded in new[] { left, right })
        {
            var consonants = new string(ConsonantSkeleton.Marked(folded).Where(c => !char.IsAsciiLetterUpper(c)).ToArray());
            Assert.Equal(ConsonantSkeleton.Of(folded), consonants);
        }
    }

    [Theory]
    // Every long vowel meets a vowel that fits: as the consonants alone.
    [InlineData("YWb", "AIUb", 0)]
    [InlineData("mhmd", "mOhAmEd", 0)]
    // Vowels only the Latin spelling writes are free (Arabic does not write short ones).
    [InlineData("mhmd", "mUhAmAd", 0)]
    // ي with no i, e or y; و with no o, u or w: each costs UnmatchedLongVowel.
    [InlineData("bsYr", "bAsAr", ConsonantSkeleton.UnmatchedLongVowel)]
    [InlineData("YWb", "AbI", 2 * ConsonantSkeleton.UnmatchedLongVowel)]
    // ي where the Latin has u is a miss, not a fit.
    [InlineData("bsYr", "bAsUr", ConsonantSkeleton.UnmatchedLongVowel)]
    // A final ى or ی fits any vowel.
    [InlineData("mstfV", "mUstAfA", 0)]
    // و is also the consonant v (جواد Javad), where the consonants alone count an extra f.
    [InlineData("jWd", "jAfAd", 0)]
    // Consonants cost 1, as in the plain comparison.
    [InlineData("bsr", "srbs", 3)]
    public void Long_vowels_cost_where_the_other_spelling_has_no_vowel_that_fits(string unvowelled, string vowelled, double expected)
    {
        Assert.Equal(expected, ConsonantSkeleton.MarkedDistance(unvowelled, vowelled), 6);
    }

    [Theory]
    [InlineData("ایوب بشیر", "Ayyub Bashir")]
    [InlineData("ایوب بشیر", "Ayoub Bachir")]
    [InlineData("جواد", "Javad")]
    [InlineData("پرویز", "Parviz")]
    [InlineData("خواجه", "Khaja")]
    [InlineData("مصطفى", "Mustafa")]
    [InlineData("علی", "Ali")]
    [InlineData("محمود", "Mahmoud")]
    [InlineData("حسين", "Hussein")]
    [InlineData("سعيد", "Saeed")]
    [InlineData("יוסף", "Yosef")]
    public void A_spelling_that_writes_the_long_vowels_meets_the_unvowelled_form_as_before(string unvowelled, string latin)
    {
        var match = NameComparison.Compare(unvowelled, latin);

        Assert.True(match.Score >= 0.9, $"{unvowelled} / {latin}: {match.Score} ({match.Explanation})");
        Assert.DoesNotContain("long vowel", match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // Same consonants, other names: the long vowels tell them apart.
    [InlineData("ایوب بشیر", "Abby Sauer", "Ayyub Bashir")]
    [InlineData("بشير", "Bashar", "Bashir")]
    [InlineData("نور", "Nair", "Nour")]
    [InlineData("سعيد", "Sad", "Said")]
    public void A_spelling_without_the_long_vowels_scores_below_one_with_them(string unvowelled, string without, string with)
    {
        var missing = NameComparison.Compare(unvowelled, without);
        var written = NameComparison.Compare(unvowelled, with);

        Assert.True(missing.Score < 0.8, $"{unvowelled} / {without}: {missing.Score} ({missing.Explanation})");
        Assert.True(written.Score >= 0.9, $"{unvowelled} / {with}: {written.Score}");
        Assert.Contains("long vowel", missing.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    // AnyAscii's letter-by-letter readings of Arabic and Persian forms: a word's final h is ح in صلاح and the unsaid ة in
    // سارة, each word on its own; t-z and d-j in a word with no vowel letter are two letters (نعمت‌زاده n`mtzdh), not
    // German tz or French dj.
    [InlineData("صلاح سارة فريد", "slh srh fryd", "final h")]
    [InlineData("شب بو جیران نعمت‌زاده", "shb bw jyrn n`mtzdh", "")]
    public void A_letter_by_letter_reading_meets_its_source(string unvowelled, string reading, string explained)
    {
        var match = NameComparison.Compare(unvowelled, reading);

        Assert.True(match.Score >= 0.9, $"{unvowelled} / {reading}: {match.Score} ({match.Explanation})");
        Assert.Contains(explained, match.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nmtz", "nmtz")]
    [InlineData("mdjd", "mdjd")]
    [InlineData("katz", "kz")]
    [InlineData("djamel", "jml")]
    public void Tz_and_dj_are_one_sound_only_in_a_word_with_vowels(string folded, string expected)
    {
        Assert.Equal(expected, ConsonantSkeleton.Of(folded));
    }

    [Fact]
    public void A_vav_read_v_is_explained()
    {
        var match = NameComparison.Compare("جواد", "Javad");

        Assert.Contains("read v", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Among_names_with_the_same_consonants_the_one_with_the_long_vowels_comes_first()
    {
        var index = new NameIndex();
        index.Add("e-abby", "Abby Sauer");
        index.Add("e-abbey", "Abbey Sauer");
        index.Add("e-bobbie", "Bobbie Sauer");
        index.Add("e-ayyub", "Ayyub Bashir");

        var results = index.Search("ایوب بشیر", 4);

        Assert.Equal("e-ayyub", results[0].EntityId);
    }
}
