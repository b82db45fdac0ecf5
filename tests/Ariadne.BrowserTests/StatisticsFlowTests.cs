using Ariadne.BrowserTests.Pages;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Demo;
using Ariadne.Web.Features.Organisations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ariadne.BrowserTests;

/// <summary>
/// Issue 13 done-when: at 390 px the coordinator opens the statistics, filters a period, sees a chart and its table with
/// suppressed cells marked, and downloads the CSV, which shows the same protected figures.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StatisticsFlowTests(BrowserHost host)
{
    private const string Region = "Statistics flow region";

    /// <summary>
    /// 18 cases opened in 2012 in a region of their own: 3 Romanian (below 5), 7 Nigerian, 8 Vietnamese; and 4 more Vietnamese
    /// opened in 2013, outside the period the test filters, so a total of 18 shows the period was applied.
    /// </summary>
    private Task<bool> SeedAsync() => host.WithServicesAsync(async s =>
    {
        var db = s.GetRequiredService<AriadneDbContext>();
        var unit = new Organisation { Name = "Statistics flow unit", Type = OrganisationType.AntiTraffickingUnit, Area = Region, CreatedAt = DateTime.UtcNow };
        db.Organisations.Add(unit);
        foreach (var (nationality, count, opened) in new[]
                 {
                     ("RO", 3, new DateTime(2012, 3, 14, 10, 0, 0, DateTimeKind.Utc)), ("NG", 7, new DateTime(2012, 3, 14, 10, 0, 0, DateTimeKind.Utc)),
                     ("VN", 8, new DateTime(2012, 12, 31, 23, 0, 0, DateTimeKind.Utc)), ("VN", 4, new DateTime(2013, 1, 1, 0, 30, 0, DateTimeKind.Utc)),
                 })
        {
            for (var i = 0; i < count; i++)
            {
                db.Cases.Add(new Case
                {
                    Reference = "SF-" + Guid.NewGuid().ToString("N")[..10], OpenedByName = "Statistics flow", OwnerOrganisationId = unit.Id,
                    OpenedAt = opened, StageChangedAt = opened, LastActivityAt = opened, DecisionTargetAt = opened.AddDays(7),
                    Nationality = nationality,
                });
            }
        }
        await db.SaveChangesAsync();
        return true;
    });

    [Fact]
    public async Task The_coordinator_filters_a_period_sees_a_chart_and_its_protected_table_and_downloads_the_csv()
    {
        await SeedAsync();
        await host.OnPhoneAsync(async page =>
        {
            var signIn = new SignInPage(page);
            await signIn.GotoAsync();
            await signIn.SignInAsync("demo-coordinator", DemoSeeder.Password);
            var statistics = new StatisticsPage(page);
            await statistics.OpenFromMenuAsync();

            await statistics.FilterAsync("2012-01-01", "2012-12-31", Region);
            Assert.Contains("to=2012-12-31", page.Url, StringComparison.Ordinal);

            const string figure = "cases-by-citizenship";
            await Assertions.Expect(statistics.Chart(figure)).ToBeVisibleAsync();
            var table = statistics.Table(figure);
            await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "RO" })).ToContainTextAsync("suppressed");
            // The smallest other category is hidden too, or RO would be the total minus the rest.
            await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "NG" })).ToContainTextAsync("suppressed");
            await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "VN" })).ToContainTextAsync("8");
            await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "Total" })).ToContainTextAsync("18");
            // Marked as hidden, not merely blank: the marker with its explanation, in exactly the two hidden cells.
            await Assertions.Expect(table.Locator("td.suppressed abbr[title='hidden by disclosure control']")).ToHaveCountAsync(2);
            await Assertions.Expect(statistics.Legend).ToContainTextAsync("hidden by disclosure control");
            // Readable at 390 px: the chart fits the phone's width.
            var box = await statistics.Chart(figure).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width <= 390, $"the chart is {box.Width} px wide");

            var (fileName, csv) = await statistics.DownloadCsvAsync(figure);
            Assert.Equal("ariadne-statistics-cases-by-citizenship.csv", fileName);
            var lines = csv.Split("\r\n");
            // The header: what the figure is, over which period and region, and what the marker means.
            Assert.Equal("Figure,\"Cases opened, by citizenship\"", lines[0]);
            Assert.StartsWith("Definition,", lines[1], StringComparison.Ordinal);
            Assert.Equal($"Period,\"2012-01-01 to 2012-12-31, region {Region}\"", lines[2]);
            Assert.StartsWith("Legend,\"'suppressed': hidden by disclosure control", lines[3], StringComparison.Ordinal);
            // The table: its column header, then the same protected cells as the page, the suppressed marker in place of 3 and 7.
            var header = Array.IndexOf(lines, "Citizenship,Count");
            Assert.True(header > 0, csv);
            Assert.Equal(["NG,suppressed", "RO,suppressed", "VN,8", "Total,18"], lines[(header + 1)..(header + 5)]);
            Assert.DoesNotContain(",3\r\n", csv, StringComparison.Ordinal);
            Assert.DoesNotContain(",7\r\n", csv, StringComparison.Ordinal);
        });
    }
}
