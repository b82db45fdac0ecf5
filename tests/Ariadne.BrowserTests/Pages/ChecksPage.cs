using Microsoft.Playwright;

namespace Ariadne.BrowserTests.Pages;

/// <summary>The intelligence check form, its answer, and the originator's "checks on our material".</summary>
public sealed class ChecksPage(IPage page)
{
    public ILocator Kind => page.GetByLabel("Kind", new() { Exact = true });
    public ILocator Value => page.GetByLabel("Value, as written");
    public ILocator Purpose => page.GetByLabel("Why you check (the originators will read this)");
    public ILocator CaseReference => page.GetByLabel("Case reference");
    public ILocator Acknowledge => page.GetByLabel("I have read the warning (needed beyond my agency)");

    /// <summary>Visible hits, one list item each.</summary>
    public ILocator Hits => page.Locator("#hits > li");

    /// <summary>"Restricted hit — refer to originator" markers, one per originator.</summary>
    public ILocator Restricted => page.Locator("#restricted > li");

    public ILocator OnOurMaterial => page.Locator("#on-our-material");

    public async Task OpenFromMenuAsync()
    {
        await page.GotoAsync("/");
        await page.GetByText("Menu").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Checks", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Intelligence check", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Checks one phone number beyond the asker's agency, the warning acknowledged, and waits for the answer.</summary>
    public async Task CheckPhoneAsync(string asWritten, string purpose, string caseReference)
    {
        await Kind.SelectOptionAsync("phone");
        await Value.FillAsync(asWritten);
        await Purpose.FillAsync(purpose);
        await CaseReference.FillAsync(caseReference);
        await Acknowledge.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Answer", Level = 2 })).ToBeVisibleAsync();
    }
}
