using Microsoft.Playwright;

namespace Ariadne.BrowserTests.Pages;

/// <summary>The statistics page: its filters, and one figure's chart, table and CSV link.</summary>
public sealed class StatisticsPage(IPage page)
{
    public ILocator From => page.GetByLabel("From", new() { Exact = true });
    public ILocator To => page.GetByLabel("To", new() { Exact = true });
    public ILocator Region => page.GetByLabel("Region", new() { Exact = true });
    public ILocator Legend => page.Locator("#legend");

    public ILocator Figure(string id) => page.Locator($"#fig-{id}");
    public ILocator Chart(string id) => Figure(id).Locator("svg.chart");
    public ILocator Table(string id) => Figure(id).GetByRole(AriaRole.Table);
    public ILocator CsvLink(string id) => Figure(id).GetByRole(AriaRole.Link, new() { Name = "Download this table as CSV" });

    public async Task OpenFromMenuAsync()
    {
        await page.GotoAsync("/");
        await page.GetByText("Menu").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Statistics", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Statistics", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task FilterAsync(string from, string to, string region)
    {
        await From.FillAsync(from);
        await To.FillAsync(to);
        await Region.SelectOptionAsync(new SelectOptionValue { Label = region });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("from=" + from, StringComparison.Ordinal));
    }

    /// <summary>Clicks the figure's CSV link and returns the file name the browser was given and the downloaded file's text.</summary>
    public async Task<(string FileName, string Text)> DownloadCsvAsync(string id)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => CsvLink(id).ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllTextAsync(path));
    }
}
