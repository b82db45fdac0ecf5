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

    /// <summary>18 cases opened in 2012 in a region of their own: 3 Romanian (below 5), 7 Nigerian, 8 Vietnamese.</summary>
    private Task<bool> SeedAsync() => host.WithServicesAsync(async s =>
    {
        var db = s.GetRequiredService<AriadneDbContext>();
        var unit = new Organisation { Name = "Statistics flow unit", Type = OrganisationType.AntiTraffickingUnit, Area = Region, CreatedAt = DateTime.UtcNow };
        db.Organisations.Add(unit);
        var opened = new DateTime(2012, 3, 14, 10, 0, 0, DateTimeKind.Utc);
        foreach (var (nationality, count) in new[] { ("RO", 3), ("NG", 7), ("VN", 8) })
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

            const string figure = "cases-by-citizenship";
            await Assertions.Expect(statistics.Chart(figure)).ToBeVisibleAsync();
            var table = statistics.Table(figure);
            await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "RO" })).ToContainTextAsync("suppressed");
            // The smallest other category is hidden too, or RO would be the total minus the rest.
            await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "NG" })).ToContainTextAsync("suppressed");
            await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "VN" })).ToContainTextAsync("8");
            await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "Total" })).ToContainTextAsync("18");
            await Assertions.Expect(statistics.Legend).ToContainTextAsync("hidden by disclosure control");
            // Readable at 390 px: the chart fits the phone's width.
            var box = await statistics.Chart(figure).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width <= 390, $"the chart is {box.Width} px wide");

            var csv = await statistics.DownloadCsvAsync(figure);
            Assert.Contains("Figure,\"Cases opened, by citizenship\"", csv, StringComparison.Ordinal);
            Assert.Contains("RO,suppressed\r\n", csv, StringComparison.Ordinal);
            Assert.Contains("NG,suppressed\r\n", csv, StringComparison.Ordinal);
            Assert.Contains("VN,8\r\n", csv, StringComparison.Ordinal);
            Assert.Contains("Total,18\r\n", csv, StringComparison.Ordinal);
            Assert.DoesNotContain(",3\r\n", csv, StringComparison.Ordinal);
            Assert.DoesNotContain(",7\r\n", csv, StringComparison.Ordinal);
        });
    }
}
