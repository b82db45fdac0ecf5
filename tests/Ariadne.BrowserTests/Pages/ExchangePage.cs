using Microsoft.Playwright;

namespace Ariadne.BrowserTests.Pages;

/// <summary>The exchange pages: case exports (HTCDS, CTDC), the CTDC import, and the intelligence export for Aleph and MISP.</summary>
public sealed class ExchangePage(IPage page)
{
    public ILocator PersonalData => page.GetByLabel("Include the person's data where they consented");
    public ILocator K => page.GetByLabel("k (every combination at least this often)");
    public ILocator CtdcPreview => page.Locator("#ctdc-preview");
    public ILocator ImportErrors => page.Locator("#import-errors");
    public ILocator Notice => page.Locator(".notice[role=status]");

    /// <summary>Opens a page from the menu, as a person would: "Data exchange" or "Export intelligence".</summary>
    public async Task OpenFromMenuAsync(string link, string heading)
    {
        await page.GotoAsync("/");
        await page.GetByText("Menu").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Clicks a button that answers with a file; returns the name the browser was given and the file's bytes.</summary>
    public async Task<(string FileName, byte[] Content)> DownloadAsync(string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync());
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(await download.PathAsync()));
    }

    /// <summary>Chooses a CSV file made in memory and sends the import form; returns the import's job id (for its progress).</summary>
    public async Task<string> ImportAsync(string fileName, string csv)
    {
        var job = await page.Locator("input[name=job]").InputValueAsync();
        await page.GetByLabel("CTDC file (CSV)").SetInputFilesAsync(new FilePayload
        {
            Name = fileName, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        return job;
    }
}
