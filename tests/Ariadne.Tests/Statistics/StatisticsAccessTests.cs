using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Statistics;
using Ariadne.Web.Security;

namespace Ariadne.Tests.Statistics;

/// <summary>
/// Who may open which statistics (one table), and that page, CSV and API publish only protected figures: with small
/// seeded counts, no number below the threshold appears anywhere, suppressed cells are marked, and only the coordinator's
/// unsuppressed view shows raw counts — audited.
/// </summary>
public sealed partial class StatisticsAccessTests
{
    /// <summary>The rule written out again: role × section.</summary>
    public static TheoryData<string, StatisticsSection, bool> Table()
    {
        var data = new TheoryData<string, StatisticsSection, bool>();
        foreach (var role in Roles.All)
        {
            foreach (var section in Enum.GetValues<StatisticsSection>())
            {
                var allowed = role == Roles.Coordinator
                    || (section == StatisticsSection.Thematic && role is Roles.IntelligenceAnalyst or Roles.DisseminationSupervisor);
                data.Add(role, section, allowed);
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(Table))]
    public void Sections_follow_the_table(string role, StatisticsSection section, bool allowed) =>
        Assert.Equal(allowed, StatisticsPermissions.MayRead(role, section));

    [Fact]
    public void Only_the_coordinator_may_see_unsuppressed_figures() =>
        Assert.Equal([Roles.Coordinator], Roles.All.Where(StatisticsPermissions.MaySeeUnsuppressed));

    private static string Period(StatisticsWorld w) =>
        $"from={StatisticsWorld.Year}-01-01&to={StatisticsWorld.Year}-12-31&region={Uri.EscapeDataString(w.Region)}";

    [GeneratedRegex(@"<td class=""num[^""]*"">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex NumberCell();

    private static void NoSmallNumber(IEnumerable<string> cells, string where)
    {
        var list = cells.ToList();
        Assert.NotEmpty(list);
        foreach (var cell in list)
        {
            if (int.TryParse(cell, out var n))
            {
                Assert.True(n == 0 || n >= 5, $"{where} publishes {n}, below the threshold");
            }
            else
            {
                Assert.Contains(PublishedFigure.SuppressedMarker, cell, StringComparison.Ordinal);
            }
        }
        Assert.Contains(list, c => c.Contains(PublishedFigure.SuppressedMarker, StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Page_CSV_and_API_publish_no_count_below_the_threshold(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var world = await StatisticsWorld.CreateAsync(app);
        var coordinator = await app.CreateUserWithRoleAsync(Roles.Coordinator);

        using var pages = await app.SignInToPagesAsync(coordinator);
        var html = await pages.GetStringAsync("/Statistics?" + Period(world));
        NoSmallNumber(NumberCell().Matches(html).Select(m => Regex.Replace(m.Groups[1].Value, "<.*?>", "").Trim()), "the page");
        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Contains("CTDC reference figures", html, StringComparison.Ordinal);

        var api = await app.SignInAsync(coordinator);
        foreach (var figure in FigureCatalogue.All.Where(f => f.RegionApplies))
        {
            var json = await api.GetFromJsonAsync<JsonObject>($"/api/v1/statistics/figures/{figure.Id}?{Period(world)}");
            var cells = json!["cells"]!.AsArray().SelectMany(r => r!.AsArray())
                .Concat(json["rowTotals"]!.AsArray()).Concat(json["columnTotals"]!.AsArray()).Append(json["grandTotal"]).ToList();
            Assert.All(cells, c =>
            {
                var suppressed = c!["suppressed"]!.GetValue<bool>();
                var value = c["value"]?.GetValue<int?>();
                Assert.Equal(suppressed, value is null);
                Assert.True(value is null or 0 or >= 5, $"{figure.Id} publishes {value} through the API");
            });

            var csv = await api.GetStringAsync($"/api/v1/statistics/figures/{figure.Id}/csv?{Period(world)}");
            var table = csv.Split("\r\n").SkipWhile(l => l.Length > 0).Skip(2).TakeWhile(l => l.Length > 0)
                .SelectMany(l => l.Split(',').Skip(1));
            foreach (var cell in table)
            {
                Assert.True(cell == PublishedFigure.SuppressedMarker || (int.TryParse(cell, out var n) && (n == 0 || n >= 5)),
                    $"{figure.Id} publishes '{cell}' in its CSV");
            }
        }
        var pageCsv = await pages.GetStringAsync($"/Statistics?handler=Csv&figure=cases-by-form&{Period(world)}");
        Assert.Contains("Definition", pageCsv, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Only_the_coordinator_gets_unsuppressed_figures_and_each_view_is_audited(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var world = await StatisticsWorld.CreateAsync(app);
        var coordinatorUser = await app.CreateUserWithRoleAsync(Roles.Coordinator);
        var coordinator = await app.SignInAsync(coordinatorUser);
        var analyst = await app.SignInAsAsync(Roles.IntelligenceAnalyst);
        // The coordinator's own views: other tests share this app and its trail.
        var before = await app.AuditCountAsync("record.view", actorUserId: coordinatorUser.Id);

        var raw = await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/statistics/figures/cases-by-form?unsuppressed=true&{Period(world)}");
        Assert.True(raw!["unsuppressed"]!.GetValue<bool>());
        Assert.DoesNotContain(raw["cells"]!.AsArray().SelectMany(r => r!.AsArray()), c => c!["suppressed"]!.GetValue<bool>());
        Assert.Equal(before + 1, await app.AuditCountAsync("record.view", actorUserId: coordinatorUser.Id));

        // The analyst asks for the same and gets the protected thematic figure; a case figure does not exist for them.
        var thematic = await analyst.GetFromJsonAsync<JsonObject>($"/api/v1/statistics/figures/thematic-by-form?unsuppressed=true&{Period(world)}");
        Assert.False(thematic!["unsuppressed"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/v1/statistics/figures/cases-by-form?{Period(world)}")).StatusCode);
        var list = await analyst.GetFromJsonAsync<JsonArray>("/api/v1/statistics");
        Assert.All(list!, f => Assert.Equal("Thematic", f!["section"]!.GetValue<string>()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_period_that_ends_before_it_starts_is_a_readable_problem(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var coordinator = await app.CreateUserWithRoleAsync(Roles.Coordinator);
        var api = await app.SignInAsync(coordinator);

        var response = await api.GetAsync("/api/v1/statistics/figures/decisions?from=2026-05-01&to=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("starts (2026-05-01) after it ends (2026-01-01)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var malformed = await api.GetAsync("/api/v1/statistics/figures/decisions?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        using var pages = await app.SignInToPagesAsync(coordinator);
        var page = await pages.GetAsync("/Statistics?from=2026-05-01&to=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("after it ends", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
