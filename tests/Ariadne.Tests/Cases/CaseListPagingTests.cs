using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;

namespace Ariadne.Tests.Cases;

/// <summary>Issue #9 item 16: lists are paged and filterable, with bounds, on the API and the case list page.</summary>
public sealed class CaseListPagingTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_case_list_is_paged_with_a_total_and_a_next_link_and_filters_by_stage_and_reference(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var opened = new List<OpenedCase>();
        for (var i = 0; i < 5; i++)
        {
            opened.Add(await world.OpenAdultCaseAsync());
        }
        var unit = world.Unit.Client;

        var first = await unit.GetAsync("/api/v1/cases?scope=organisation&pageSize=2");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("5", first.Headers.GetValues("X-Total-Count").Single());
        var next = first.Headers.GetValues("Link").Single();
        Assert.Contains("rel=\"next\"", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        Assert.Contains("scope=organisation", next, StringComparison.Ordinal);

        var seen = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            var response = await unit.GetAsync($"/api/v1/cases?scope=organisation&pageSize=2&page={page}");
            var items = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(page < 3 ? 2 : 1, items.GetArrayLength());
            seen.AddRange(items.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
            Assert.Equal(page < 3, response.Headers.TryGetValues("Link", out var links) && links.Single().Contains("rel=\"next\"", StringComparison.Ordinal));
        }
        Assert.Equal(opened.Select(c => c.Id).Order(), seen.Order());

        var byReference = await unit.GetFromJsonAsync<JsonElement>($"/api/v1/cases?scope=organisation&reference={opened[3].Reference.ToLowerInvariant()}");
        Assert.Equal(opened[3].Id, Assert.Single(byReference.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(5, (await unit.GetFromJsonAsync<JsonElement>("/api/v1/cases?scope=organisation&stage=intake")).GetArrayLength());
        Assert.Equal(0, (await unit.GetFromJsonAsync<JsonElement>("/api/v1/cases?scope=organisation&stage=Recovery")).GetArrayLength());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Out_of_bounds_pages_and_unknown_filters_answer_400_naming_the_field(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var unit = world.Unit.Client;
        var police = world.Police.Client;

        foreach (var (client, url, field) in new[]
                 {
                     (unit, "/api/v1/cases?pageSize=100000", "pageSize"),
                     (unit, "/api/v1/cases?pageSize=-1", "pageSize"),
                     (unit, "/api/v1/cases?pageSize=0", "pageSize"),
                     (unit, "/api/v1/cases?page=-3", "page"),
                     (unit, "/api/v1/cases?page=0", "page"),
                     (unit, "/api/v1/cases?stage=Deported", "stage"),
                     (unit, $"/api/v1/cases?reference={new string('C', 500)}", "reference"),
                     (police, "/api/v1/screenings?pageSize=100000", "pageSize"),
                     (police, "/api/v1/screenings?page=-1", "page"),
                 })
        {
            var problem = await ProblemAssert.IsProblemAsync(await client.GetAsync(url), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{url} does not name {field}");
        }
        // The largest page allowed, and a page past the end, are fine (the latter is empty).
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync("/api/v1/cases?pageSize=200")).StatusCode);
        Assert.Equal(0, (await unit.GetFromJsonAsync<JsonElement>($"/api/v1/cases?page={int.MaxValue}")).GetArrayLength());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_screening_list_is_paged_with_a_total(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await world.Police.Client.PostAsJsonAsync("/api/v1/screenings", new { })).StatusCode);
        }

        var response = await world.Police.Client.GetAsync("/api/v1/screenings?pageSize=2&page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        Assert.Contains("rel=\"prev\"", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_case_list_page_shows_its_page_and_filters_and_refuses_bad_input_readably(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var a = await world.OpenAdultCaseAsync();
        var b = await world.OpenAdultCaseAsync();
        using var pages = await app.SignInToPagesAsync(world.Unit.User);

        var all = await pages.GetStringAsync("/Cases?scope=organisation");
        Assert.Contains("Page 1 of 1 (2 cases)", all, StringComparison.Ordinal);
        Assert.Contains(a.Reference, all, StringComparison.Ordinal);
        Assert.Contains(b.Reference, all, StringComparison.Ordinal);

        var filtered = await pages.GetStringAsync($"/Cases?scope=organisation&reference={b.Reference}");
        Assert.DoesNotContain(a.Reference, filtered, StringComparison.Ordinal);
        Assert.Contains(b.Reference, filtered, StringComparison.Ordinal);

        var refused = await pages.GetAsync("/Cases?scope=organisation&pageNumber=-2&stage=Nonsense");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("The page number starts at 1.", body, StringComparison.Ordinal);
        Assert.Contains("Choose a stage", body, StringComparison.Ordinal);
    }
}
