using Microsoft.Playwright;

namespace Ariadne.BrowserTests.Pages;

/// <summary>The link view: the start, its neighbours as a plain list (each expandable), and "refer to originator" markers.</summary>
public sealed class LinksPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Links", Level = 1 });
    public ILocator Start => page.Locator("#start");

    /// <summary>The neighbours in the plain list, one item each.</summary>
    public ILocator Nodes => page.Locator("#nodes > li");

    public ILocator Restricted => page.Locator("#restricted > li");

    /// <summary>The graph's drawing area (cytoscape's canvases are inside); hidden on a phone until the toggle opens it.</summary>
    public ILocator Graph => page.Locator("#graph");
    public ILocator GraphToggle => page.Locator("#graph-toggle");
    public ILocator GraphStatus => page.Locator("#graph-status");
    public ILocator ExportPng => page.GetByRole(AriaRole.Button, new() { Name = "Export PNG" });

    /// <summary>Expands the node of the list whose label is <paramref name="label"/>: the view then starts from it.</summary>
    public async Task ExpandAsync(string label)
    {
        await page.Locator("#nodes").GetByRole(AriaRole.Link, new() { Name = label, Exact = true }).ClickAsync();
        await Assertions.Expect(Start).ToContainTextAsync(label);
    }
}
