using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>Greek, Han, Hangul and Kana forms meet their Latin spellings (issue #11 item 3).</summary>
public sealed class OtherScriptNameTests
{
    [Theory]
    // ELOT 743: ου is ou, not AnyAscii's letter-by-letter oy
    [InlineData("Παπαδόπουλος", "Papadopoulos", "AnyAscii")]
    [InlineData("Γιώργος Παπαδόπουλος", "PAPADOPOULOS Giorgos", "AnyAscii")]
    [InlineData("Ευάγγελος", "Evaggelos", "AnyAscii")]
    // Han: syllables apart, family name first
    [InlineData("王伟", "Wang Wei", "AnyAscii")]
    // Hangul: the given name joined, as Korean passports write it, or apart (Revised Romanization's own tables)
    [InlineData("김민준", "Gim Minjun", "Revised Romanization")]
    [InlineData("김민준", "Gim Min Jun", "Revised Romanization")]
    [InlineData("박석", "Bak Seok", "Revised Romanization")]
    // Kana
    [InlineData("サトウ", "Sato", "Hepburn")]
    public void Forms_in_other_scripts_meet_their_Latin_spelling(string native, string latin, string scheme)
    {
        var match = NameComparison.Compare(native, latin);

        Assert.Equal(1.0, match.Score);
        Assert.Contains(scheme, match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_common_spelling_outside_the_standard_still_scores_high()
    {
        // Kim is how most Koreans spell 김 abroad; Revised Romanization says Gim.
        Assert.True(NameComparison.Compare("김민준", "Kim Min-jun").Score >= 0.85);
        // Satou writes the long vowel a passport leaves out (Sato), as many Japanese do online.
        Assert.True(NameComparison.Compare("サトウ", "Satou").Score >= 0.85);
    }

    [Fact]
    public void Different_people_in_other_scripts_stay_apart()
    {
        Assert.True(NameComparison.Compare("王伟", "Papadopoulos").Score < 0.5);
        Assert.True(NameComparison.Compare("Παπαδόπουλος", "Ivanov").Score < 0.5);
    }
}
