using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;

namespace Ariadne.Tests.Cases;

/// <summary>
/// Issue #9 item 15: the case list is searched by reference, and by the person's name for those who may see who the
/// person is (ADR 0009). A de-personalised viewer's name search finds nothing and answers exactly as a name on no
/// case does, so it cannot learn that a name is on one of its cases.
/// </summary>
public sealed class CaseSearchTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_owner_finds_a_case_by_part_of_the_persons_name_and_a_depersonalised_viewer_finds_nothing(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var first = await world.OpenAdultCaseAsync();
        var second = await world.OpenAdultCaseAsync();
        await world.InviteAsync(first.Id, world.Prosecution.Organisation);

        // The owning unit: part of the name, in another case, finds that case alone; the shared part finds both.
        var suffix = first.PersonName[(first.PersonName.LastIndexOf('-') + 1)..];
        var (found, total) = await SearchAsync(world.Unit.Client, "testperson-" + suffix.ToUpperInvariant());
        Assert.Equal([first.Id], found);
        Assert.Equal("1", total);
        Assert.Equal(new[] { first.Id, second.Id }.Order(), (await SearchAsync(world.Unit.Client, "  amina   TESTPERSON ")).Ids.Order());

        // The prosecution takes part without consent to personal data: de-personalised. The case is in its list (by
        // reference), but its name finds nothing, and the answer is the answer for a name on no case at all.
        Assert.Equal([first.Id], (await SearchAsync(world.Prosecution.Client, reference: first.Reference)).Ids);
        var byName = await world.Prosecution.Client.GetAsync($"/api/v1/cases?scope=organisation&name={Uri.EscapeDataString(first.PersonName)}");
        var byNobody = await world.Prosecution.Client.GetAsync($"/api/v1/cases?scope=organisation&name=Nobody{Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.OK, byName.StatusCode);
        Assert.Equal(await byNobody.Content.ReadAsStringAsync(), await byName.Content.ReadAsStringAsync());
        Assert.Equal("0", byName.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(byNobody.Headers.GetValues("X-Total-Count").Single(), byName.Headers.GetValues("X-Total-Count").Single());

        // The person consents to the prosecution seeing personal data: the same permission table now lets it find the name.
        await world.ConsentAsync(first.Id, "PersonalData", world.Prosecution.Organisation);
        Assert.Equal([first.Id], (await SearchAsync(world.Prosecution.Client, first.PersonName)).Ids);
        // The referring officer follows the status only: no name search reaches the case.
        Assert.Empty((await SearchAsync(world.Police.Client, first.PersonName)).Ids);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_case_list_page_searches_by_name_for_the_owner_and_finds_nothing_for_a_depersonalised_viewer(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var first = await world.OpenAdultCaseAsync();
        var second = await world.OpenAdultCaseAsync();
        await world.InviteAsync(first.Id, world.Prosecution.Organisation);

        using var unit = await app.SignInToPagesAsync(world.Unit.User);
        var html = await unit.GetStringAsync($"/Cases?scope=organisation&name={Uri.EscapeDataString(first.PersonName)}");
        Assert.Contains(first.Reference, html, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Reference, html, StringComparison.Ordinal);
        Assert.Contains("id=\"filter-name\"", html, StringComparison.Ordinal);

        using var prosecution = await app.SignInToPagesAsync(world.Prosecution.User);
        var hidden = await prosecution.GetStringAsync($"/Cases?scope=organisation&name={Uri.EscapeDataString(first.PersonName)}");
        Assert.DoesNotContain(first.Reference, hidden, StringComparison.Ordinal);
        Assert.Contains("No case matches this filter.", hidden, StringComparison.Ordinal);
        Assert.Contains(first.Reference, await prosecution.GetStringAsync("/Cases?scope=organisation"), StringComparison.Ordinal);

        // One letter says nothing about a person and would weigh every case: the page says what is needed.
        var tooShort = await unit.GetStringAsync("/Cases?scope=organisation&name=a");
        Assert.Contains("at least 2 letters", tooShort, StringComparison.Ordinal);
        var problem = await ProblemAssert.IsProblemAsync(await world.Unit.Client.GetAsync("/api/v1/cases?name=a"), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    private static async Task<(Guid[] Ids, string Total)> SearchAsync(HttpClient client, string? name = null, string? reference = null)
    {
        var url = "/api/v1/cases?scope=organisation"
                  + (name is null ? "" : "&name=" + Uri.EscapeDataString(name))
                  + (reference is null ? "" : "&reference=" + Uri.EscapeDataString(reference));
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (items.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToArray(), response.Headers.GetValues("X-Total-Count").Single());
    }
}
