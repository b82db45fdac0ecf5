using Ariadne.Web.Features.Intelligence;

namespace Ariadne.Tests.Intelligence;

/// <summary>
/// The sanitisation check (V-06, V-14, issue 10 item 8): a sanitised text may contain no name, identifier, date or verbatim
/// free text of its source report, however it is written.
/// </summary>
public sealed class SanitisedIntelligenceTests
{
    private static readonly SourceIdentifiers Source = new(
        Names: ["Ivan Petrov", "Иван Петров", "Ana de la Cruz", "Jürgen Müller"],
        Values:
        [
            "+43 660 1234567", "+436601234567", "W-4711 AB", "AT61 1904 3002 3457 3201", "ivan.petrov@example.org", "@ivan_petrov",
            "P1234567", "Hauptstraße 12, 1010 Wien",
        ],
        Dates: [new PartialDate(1990, 3, 14), new PartialDate(2001, 11), new PartialDate(1987)],
        FreeTexts: ["The women were collected every morning at six by a white van and driven to the vegetable farm near the border."]);

    private static List<string> Found(string text) => SanitisedIntelligence.Find(text, Source).Select(f => f.Value).ToList();

    [Fact]
    public void A_thematic_text_without_identifiers_passes()
    {
        const string text = "Recruiters advertise seasonal farm work on social media, promising well-paid jobs; workers travel by minibus " +
                            "through two transit countries and are housed in containers on the farms. Seen since 2019 in three regions.";
        Assert.Empty(SanitisedIntelligence.Find(text, Source));
        Assert.Empty(SanitisedIntelligence.Find("", Source));
        Assert.Empty(SanitisedIntelligence.Find(null, Source));
        Assert.Empty(SanitisedIntelligence.Find("Ivan Petrov", new SourceIdentifiers([], [])));
    }

    [Theory]
    [InlineData("The controller, ivan petrov, drives the van.", "Ivan Petrov")]
    [InlineData("A man called Petrov drives the van.", "Ivan Petrov")]
    [InlineData("Водитель — Петров.", "Иван Петров")]
    [InlineData("The employer, J. MUELLER or Muller, pays cash.", "Jürgen Müller")]
    [InlineData("Ms Cruz recruits in the village.", "Ana de la Cruz")]
    public void A_name_or_any_real_part_of_it_is_found_whatever_the_case_and_accents(string text, string name)
    {
        Assert.Contains(name, Found(text));
    }

    [Fact]
    public void Short_particles_of_a_name_are_not_findings_on_their_own()
    {
        Assert.Empty(Found("Workers come de facto from la region of the north."));
    }

    [Theory]
    [InlineData("Call 0660 123 4567 to apply.", "+43 660 1234567")]
    [InlineData("Call +43 (0)660-123.4567 to apply.", "+43 660 1234567")]
    [InlineData("Number 00436601234567 in the ads.", "+436601234567")]
    [InlineData("A van with plate w4711ab was seen.", "W-4711 AB")]
    [InlineData("Paid into AT611904300234573201.", "AT61 1904 3002 3457 3201")]
    [InlineData("Write to IVAN.PETROV@EXAMPLE.ORG for work.", "ivan.petrov@example.org")]
    [InlineData("Handle ivanpetrov on the platform.", "@ivan_petrov")]
    [InlineData("Passport no. p 1234567 was forged.", "P1234567")]
    [InlineData("Victims lived at Hauptstrasse 12, 1010 Wien.", "Hauptstraße 12, 1010 Wien")]
    public void Identifier_values_are_found_however_they_are_written(string text, string value)
    {
        Assert.Contains(value, Found(text));
    }

    [Theory]
    [InlineData("Born 14.03.1990 in the north.", "1990-03-14")]
    [InlineData("Born 14/3/1990.", "1990-03-14")]
    [InlineData("Born 1990-03-14.", "1990-03-14")]
    [InlineData("Born on 14 March 1990.", "1990-03-14")]
    [InlineData("Born March 14th, 1990.", "1990-03-14")]
    [InlineData("Born 14 Mar 1990.", "1990-03-14")]
    [InlineData("Arrived in November 2001.", "2001-11")]
    [InlineData("Arrived 11/2001.", "2001-11")]
    [InlineData("Born in 1987.", "1987")]
    public void Full_and_partial_dates_are_found_in_the_usual_ways_of_writing_them(string text, string date)
    {
        Assert.Contains(date, Found(text));
    }

    [Fact]
    public void Other_dates_are_not_findings()
    {
        Assert.Empty(Found("Seen on 15.03.1990, in December 2001, and in 1988."));
    }

    [Fact]
    public void Free_text_copied_word_for_word_is_found_and_a_paraphrase_is_not()
    {
        var copied = SanitisedIntelligence.Find(
            "Pattern: the women were collected every morning at six by a white van, as elsewhere.", Source);
        var finding = Assert.Single(copied);
        Assert.Equal(SanitisationFindingKind.CopiedText, finding.Kind);
        Assert.Equal("the women were collected every morning at six by a white van", finding.Value);

        // Seven words in a row are a common phrase, not copying.
        Assert.Empty(SanitisedIntelligence.Find("Pattern: women were collected every morning at six, then taken to farms.", Source));
    }

    [Fact]
    public void Each_finding_is_reported_once_as_the_source_has_it()
    {
        var findings = SanitisedIntelligence.Find("Ivan Petrov (Petrov) called 0660 1234567 and 0660 1234567.", Source);
        Assert.Equal(
            [(SanitisationFindingKind.Name, "Ivan Petrov"), (SanitisationFindingKind.Identifier, "+43 660 1234567"),
             (SanitisationFindingKind.Identifier, "+436601234567"), (SanitisationFindingKind.Identifier, "@ivan_petrov")],
            findings.Select(f => (f.Kind, f.Value)));
    }
}
