using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Demo;

namespace Ariadne.Tests.Intelligence;

/// <summary>
/// §1.3: frontline staff write intelligence and read their own unit's only ("W (own)"), whatever the handling code
/// would let a law-enforcement agency see. On the demo's organisations (one country), so the handling code alone would
/// let another police unit read the report.
/// </summary>
public sealed class FrontlineReachTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_frontline_officer_of_another_unit_does_not_see_a_report_the_unit_may_read(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
        using var author = await app.SignInAsync(Demo("demo-frontline"));
        var filed = await author.PostAsJsonAsync("/api/v1/intelligence", new
        {
            exploitationTypes = new[] { "EXP-LAB" },
            sourceType = "SRC-01",
            grading = new
            {
                system = "FiveByFiveByFive", source5 = "MostlyReliable", intelligence5 = "KnownPersonallyToSourceButNotToOfficer",
                handling5 = "LawEnforcementAndProsecutingIncludingEu",
            },
            submit = true,
        });
        Assert.True(filed.IsSuccessStatusCode, await filed.Content.ReadAsStringAsync());
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var unit = await app.SignInAsync(Demo("demo-atu"));
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);
        foreach (var other in new[] { "demo-frontline-2", "demo-border", "demo-labour" })
        {
            using var officer = await app.SignInAsync(Demo(other));
            Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);
            var list = await officer.GetAsync("/api/v1/intelligence");
            Assert.Equal("0", list.Headers.GetValues("X-Total-Count").Single());
            Assert.Empty((await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        }
        // The author's own unit still reads it.
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);
    }

    private static TestUser Demo(string userName) => new(Guid.Empty, userName, DemoSeeder.Password, Guid.Empty, []);
}
