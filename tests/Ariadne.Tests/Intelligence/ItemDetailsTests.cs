using System.Text.Json;
using Ariadne.Web.Features.Intelligence;

namespace Ariadne.Tests.Intelligence;

public sealed class ItemDetailsTests
{
    [Theory]
    [InlineData("""{"make":"Volvo","colour":"grey"}""", "make: Volvo; colour: grey")]
    [InlineData("""{"names":["Ivan P.","Иван П."],"gender":"male","dob":null}""", "names: Ivan P., Иван П.; gender: male")]
    [InlineData("""{"legs":[{"from":"Sofia","to":"Brussels"}],"seats":9}""", "legs: from: Sofia; to: Brussels; seats: 9")]
    public void Details_read_as_words_not_json(string json, string expected)
    {
        Assert.Equal(expected, ItemDetails.Describe(JsonDocument.Parse(json).RootElement));
    }

    [Fact]
    public void No_details_say_nothing() => Assert.Equal("", ItemDetails.Describe(null));
}
