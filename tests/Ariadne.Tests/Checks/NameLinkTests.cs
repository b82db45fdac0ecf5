using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Tests.Intelligence;
using Ariadne.Web.Features.Intelligence;

namespace Ariadne.Tests.Checks;

/// <summary>
/// Issue 11 item 5 in the host: new links since the last run come through person names too (across scripts), only among
/// the reports the asker sees.
/// </summary>
public sealed class NameLinkTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_new_report_naming_a_person_in_Cyrillic_is_linked_to_the_report_naming_him_in_Latin(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var older = await CheckWorld.ReportAsync(world.SameForce, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu,
            CheckWorld.NewPhone().International, "Desislav Kirilov Vasilev");
        var before = await world.SameForce.Client.GetFromJsonAsync<JsonElement>("/api/v1/checks/new-links?mine=true");
        var since = before.GetProperty("sequence").GetInt64();

        var newer = await CheckWorld.ReportAsync(world.OtherForce, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu,
            CheckWorld.NewPhone().International, "ВАСИЛЕВ Десислав Кирилов");
        // The same name in a report the investigator may not see: never linked, never named.
        var secret = await CheckWorld.ReportAsync(world.EuPolice, FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator,
            CheckWorld.NewPhone().International, "Desislav Kirilov Vasilev");

        var links = await world.SameForce.Client.GetFromJsonAsync<JsonElement>($"/api/v1/checks/new-links?mine=true&since={since}");

        var link = Assert.Single(links.GetProperty("links").EnumerateArray(), l => l.GetProperty("kind").GetString() == "Person");
        var reports = link.GetProperty("reports").EnumerateArray().ToDictionary(r => r.GetProperty("reportId").GetGuid(), r => r);
        Assert.Equal(new[] { older.Id, newer.Id }.Order(), reports.Keys.Order());
        Assert.True(reports[newer.Id].GetProperty("new").GetBoolean());
        Assert.True(reports[older.Id].GetProperty("ours").GetBoolean());
        Assert.Contains("transliterated", link.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Id.ToString(), links.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}
