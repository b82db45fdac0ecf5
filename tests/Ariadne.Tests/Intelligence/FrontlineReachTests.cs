using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Demo;
using Ariadne.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

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
            // The demo's intelligence (issue 10 item 10) gives each unit reports of its own: the list holds those and nothing else.
            var own = 0;
            Guid unitId = Guid.Empty;
            await app.WithDbAsync(async db =>
            {
                unitId = await db.Users.Where(u => u.UserName == other).Select(u => u.OrganisationId).SingleAsync();
                own = await db.IntelligenceReports.CountAsync(r => r.OriginatorOrganisationId == unitId);
            });
            var list = await officer.GetAsync($"/api/v1/intelligence?pageSize={Paging.MaxSize}");
            Assert.Equal(own.ToString(CultureInfo.InvariantCulture), list.Headers.GetValues("X-Total-Count").Single());
            var rows = (await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
            Assert.Equal(own, rows.Count);
            Assert.DoesNotContain(rows, r => r.GetProperty("id").GetGuid() == id);
            Assert.All(rows, r => Assert.Equal(unitId, r.GetProperty("originatorOrganisationId").GetGuid()));
        }
        // The author's own unit still reads it.
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);
    }

    private static TestUser Demo(string userName) => new(Guid.Empty, userName, DemoSeeder.Password, Guid.Empty, []);
}
