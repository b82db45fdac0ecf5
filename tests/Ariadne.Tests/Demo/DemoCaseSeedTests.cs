using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Demo;

/// <summary>Demo mode on a fresh database: cases in every stage, made through the services, and a second start adds nothing.</summary>
public sealed class DemoCaseSeedTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Demo_mode_fills_the_coordinator_dashboard_and_seeds_only_once(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
        using var coordinator = await app.SignInAsync(Demo("demo-coordinator"));

        var dashboard = await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/cases/dashboard");

        Assert.Equal(2, dashboard.GetProperty("overdueDecisions").GetArrayLength());
        Assert.Equal(1, dashboard.GetProperty("withoutOwner").GetArrayLength());
        Assert.Equal(1, dashboard.GetProperty("stale").GetArrayLength());
        Assert.Equal(1, dashboard.GetProperty("pendingHandovers").GetArrayLength());
        var stages = dashboard.GetProperty("openByStage").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        Assert.Equal(new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["Intake"] = 2, ["Assessment"] = 4, ["Reflection"] = 2, ["NegativeDecision"] = 1, ["Reconsideration"] = 1, ["Recovery"] = 1,
        }, stages);

        // The shelter sees where it placed the person; the prosecution, invited to the same case, never does (V-01).
        using var prosecutor = await app.SignInAsync(Demo("demo-prosecutor"));
        var shared = (await prosecutor.GetFromJsonAsync<JsonElement>("/api/v1/cases")).EnumerateArray().Single();
        var id = shared.GetProperty("id").GetGuid();
        var seenByProsecutor = await prosecutor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        using var shelter = await app.SignInAsync(Demo("demo-ngo"));
        var seenByShelter = await shelter.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        Assert.Equal(JsonValueKind.Null, seenByProsecutor.GetProperty("placements")[0].GetProperty("address").ValueKind);
        Assert.Contains("invented address", seenByShelter.GetProperty("placements")[0].GetProperty("address").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, seenByProsecutor.GetProperty("case").GetProperty("person").ValueKind);

        var before = await CountsAsync(app);
        await app.WithScopeAsync(async s =>
        {
            await s.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
            return true;
        });
        Assert.Equal(before, await CountsAsync(app));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task In_the_demo_a_frontline_report_for_law_enforcement_reaches_the_unit_and_not_the_shelter(string database)
    {
        // Found by using the demo: its organisations had no country ("XX"), so the policy (rightly) sent every report
        // back to its originator and an investigator never saw a frontline officer's report.
        await using var app = await AriadneAppFactory.IsolatedAsync(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
        using var officer = await app.SignInAsync(Demo("demo-frontline"));
        var filed = await officer.PostAsJsonAsync("/api/v1/intelligence", new
        {
            exploitationTypes = new[] { "EXP-LAB" },
            sourceType = "SRC-01",
            items = new object[] { new { kind = "Communication", subKind = "phone", value = "0470 12 34 56" } },
            grading = new
            {
                system = "FiveByFiveByFive", source5 = "MostlyReliable", intelligence5 = "KnownPersonallyToSourceButNotToOfficer",
                handling5 = "LawEnforcementAndProsecutingIncludingEu",
            },
            submit = true,
        });
        Assert.True(filed.IsSuccessStatusCode, await filed.Content.ReadAsStringAsync());
        var reference = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString();

        using var investigator = await app.SignInAsync(Demo("demo-atu"));
        var unit = await investigator.GetFromJsonAsync<JsonElement>("/api/v1/intelligence");
        Assert.Contains(unit.EnumerateArray(), r => r.GetProperty("reference").GetString() == reference);
        using var shelter = await app.SignInAsync(Demo("demo-ngo"));
        // The shelter lists only the demo's reports coded for non-prosecuting organisations at home (issue 10 item 10), never this one.
        var seenByShelter = (await shelter.GetFromJsonAsync<JsonElement>("/api/v1/intelligence?pageSize=200")).EnumerateArray().ToList();
        Assert.DoesNotContain(seenByShelter, r => r.GetProperty("reference").GetString() == reference);
        Assert.All(seenByShelter, r => Assert.Contains("non-prosecuting organisations within country of origin",
            r.GetProperty("handling").GetString(), StringComparison.Ordinal));
    }

    private static TestUser Demo(string userName) => new(Guid.Empty, userName, DemoSeeder.Password, Guid.Empty, []);

    private static Task<(int Cases, int Shelters, int Screenings, int Users)> CountsAsync(AriadneAppFactory app) =>
        app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AriadneDbContext>();
            return (await db.Cases.CountAsync(), await db.Shelters.CountAsync(), await db.Screenings.CountAsync(), await db.Users.CountAsync());
        });
}
