using Ariadne.Web.Features.Checks;

namespace Ariadne.Tests.Checks;

/// <summary>
/// The check page names scopes and statuses in words, from one table (CheckRules.Label) that the form's choices and the
/// answer both read; the API keeps the enum names, which the page turns back into those words.
/// </summary>
public sealed class CheckLabelTests
{
    [Fact]
    public void Every_scope_and_status_has_words_of_its_own()
    {
        var labels = Enum.GetValues<CheckScope>().Select(CheckRules.Label)
            .Concat(Enum.GetValues<CheckStatus>().Where(s => s != CheckStatus.Answered).Select(CheckRules.Label)).ToList();

        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.DoesNotContain(labels, l => Enum.GetNames<CheckScope>().Contains(l) || Enum.GetNames<CheckStatus>().Skip(1).Contains(l));
    }

    [Theory]
    [InlineData("BeyondAgency", "Beyond my agency")]
    [InlineData("Local", "My agency only")]
    [InlineData("AwaitingApproval", "Answered within your agency; awaiting the originator's approval to go beyond it")]
    [InlineData("Answered", "Answered")]
    [InlineData("something else", "something else")]
    [InlineData("7", "7")]
    public void An_API_answers_enum_name_reads_as_the_pages_words(string name, string expected)
    {
        Assert.Equal(expected, CheckRules.Label(name));
    }
}
