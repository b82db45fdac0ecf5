using Ariadne.Matching.Names;

namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// Lists and reports give a second form of a name in brackets: the original script ("Akrin Saleh Akrin (أقرين صالح أقرين)",
/// "Abdelali Abou Dher (عبد العالي ابو ذر)"), another spelling ("Lom-ali Butayev (Butaev)"), sometimes with the bracket
/// left open. Each form is compared on its own and the better comparison counts (NameText.Bracketed,
/// NameComparison.PreparedName.Bracketed); read as one name, the two scripts' words were six tokens that met nobody.
/// </summary>
public sealed class BracketedNameTests
{
    [Theory]
    [InlineData("Akrin Saleh Akrin (أقرين صالح أقرين)", new[] { "Akrin Saleh Akrin", "أقرين صالح أقرين" })]
    [InlineData("حسن غول (Hassan Ghul", new[] { "حسن غول", "Hassan Ghul" })]
    [InlineData("(Sheikh) Musa Hilal", new[] { "Musa Hilal", "Sheikh" })]
    [InlineData("Lom-ali Butayev [Butaev]", new[] { "Lom-ali Butayev", "Butaev" })]
    // A bracket with a digit is a note (a passport, a date), not a name.
    [InlineData("Safia Farkash (Oman passport no.03825239)", new[] { "Safia Farkash" })]
    public void A_form_splits_into_the_name_outside_the_brackets_and_each_name_inside(string name, string[] expected)
    {
        var parts = NameText.Bracketed(name);

        Assert.NotNull(parts);
        Assert.Equal(expected, parts.Select(p => string.Join(' ', p.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
    }

    [Fact]
    public void A_form_without_brackets_is_one_form()
    {
        Assert.Null(NameText.Bracketed("Mohamed Ould Ahmed"));
    }

    [Theory]
    // The Arabic in brackets meets the Latin listing by its consonants (q-r-n), which the Latin Akrin does not.
    [InlineData("Akrin Saleh Akrin (أقرين صالح أقرين)", "QUREN SALIH QUREN AL QADHAFI")]
    // On the indexed side as well.
    [InlineData("جعفر ابو محمد", "Djaafar Abou Mohamed (جعفر ابو محمد)")]
    [InlineData("Butaev", "Lom-ali Butayev (Butaev)")]
    public void The_form_in_brackets_is_compared_on_its_own_and_said_so(string left, string right)
    {
        var match = NameComparison.Compare(left, right);
        var score = NameComparison.Score(NameComparison.Prepare(left), NameComparison.Prepare(right));

        // Better than the forms outside the brackets alone, which is all the comparison had before.
        var outside = NameComparison.Score(NameComparison.Prepare(Outside(left)), NameComparison.Prepare(Outside(right)));
        Assert.True(match.Score >= 0.5 && match.Score > outside, $"{left} / {right}: {match.Score} against {outside} ({match.Explanation})");
        Assert.Equal(match.Score, score);
        Assert.Contains(NameComparison.BracketRule, match.Explanation, StringComparison.Ordinal);
        Assert.Equal(match.Score, NameComparison.Compare(right, left).Score);
        Assert.True(NameComparison.ScoreBound(NameComparison.Prepare(left), NameComparison.Prepare(right)) >= score);
    }

    private static string Outside(string name) => NameText.Bracketed(name)?[0] ?? name;

    [Theory]
    // Two people whose records carry the same note in brackets (Greek records mark the surname "επώνυμο") are not alike
    // through it: a bracket meets the other name, not the other name's bracket.
    [InlineData("Vasilis Stylianos Laimos (eponymo)", "Γεώργιος Νικολάου Παπαδάκης (επώνυμο)")]
    [InlineData("Anna Kowalczyk (nickname)", "Maria Santos (nickname)")]
    public void Two_names_that_share_only_their_brackets_stay_apart(string left, string right)
    {
        var match = NameComparison.Compare(left, right);

        Assert.True(match.Score < 0.5, $"{left} / {right}: {match.Score} ({match.Explanation})");
        Assert.True(NameComparison.Score(NameComparison.Prepare(left), NameComparison.Prepare(right)) < 0.5);
    }

    [Fact]
    public void A_name_and_its_original_script_in_brackets_meet_the_same_person_written_either_way()
    {
        // Each bracket still meets the other side's name outside brackets.
        Assert.True(NameComparison.Compare("Vasilis Stylianos Laimos (eponymo)", "Βασίλης Στυλιανός Λαιμός (επώνυμο)").Score >= 0.95);
        Assert.True(NameComparison.Compare("Akrin Saleh Akrin (أقرين صالح أقرين)", "أقرين صالح أقرين").Score >= 0.95);
    }

    [Theory]
    [InlineData("Safia Farkash Mohammed (Oman passport no.03825239, expiry 3 May 2024)", "Safia Farkash Mohammed")]
    [InlineData("Mohamed Ali", "Mohamed Ali")]
    public void A_note_in_brackets_changes_nothing(string withNote, string without)
    {
        var other = NameComparison.Prepare("Safia Farkash");

        Assert.Equal(NameComparison.Score(NameComparison.Prepare(without), other), NameComparison.Score(NameComparison.Prepare(withNote), other));
    }

    [Fact]
    public void A_query_with_its_original_script_in_brackets_finds_the_listing_among_names_alike_in_Latin()
    {
        using var index = new NameIndex();
        index.Add("quren", "QUREN SALIH QUREN AL QADHAFI");
        // Latin names that Akrin Saleh is close to letter by letter (akrin ≈ kaarina, saleh ≈ salo).
        index.Add("d1", "Kari Kaarina Salo");
        index.Add("d2", "Oskari Kaarina Salo");
        index.Add("d3", "Kaarina Salo");
        index.Add("d4", "Karen Salahudin");

        var hits = index.Search("Akrin Saleh Akrin (أقرين صالح أقرين)", 3);

        Assert.Equal("quren", hits[0].EntityId);
        Assert.Contains(NameComparison.BracketRule, hits[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_indexed_form_is_found_by_the_name_it_gives_in_brackets()
    {
        using var index = new NameIndex();
        index.Add("harrachi", "Abdelali Abou Dher (عبد العالي ابو ذر)");
        index.Add("other", "Abdelali Benali");

        var hits = index.Search("عبد العالي ابو ذر", 2);

        Assert.Equal("harrachi", hits[0].EntityId);
        Assert.True(hits[0].Score > 0.9, hits[0].Explanation);
    }
}
