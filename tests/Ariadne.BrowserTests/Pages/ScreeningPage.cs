using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ariadne.BrowserTests.Pages;

/// <summary>The screening form: sections for safety, the encounter, the person, indicators and the statement.</summary>
public sealed partial class ScreeningPage(IPage page)
{
    public ILocator Place => page.GetByLabel("Where", new() { Exact = true });
    public ILocator PersonName => page.GetByLabel("Name or alias", new() { Exact = true });
    public ILocator ApproximateAge => page.GetByLabel("Approximate age", new() { Exact = true });
    public ILocator Statement => page.GetByLabel("In your own words", new() { Exact = true });
    public ILocator AutosaveStatus => page.Locator("#autosave-status");

    public static async Task<ScreeningPage> StartAsync(IPage page)
    {
        await page.GotoAsync("/Screenings");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a new screening" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(EditPath());
        return new ScreeningPage(page);
    }

    public Task ChooseChannelAsync(string label) =>
        page.GetByLabel("How did the person come to your attention?").SelectOptionAsync(new SelectOptionValue { Label = label });

    public Task CheckAsync(string label) => page.GetByLabel(label, new() { Exact = true }).CheckAsync();

    public async Task TickIndicatorAsync(string group, string id, string? note = null)
    {
        var details = page.Locator("details.indicator-group", new() { Has = page.Locator($"#ind-{id}") });
        if (await details.GetAttributeAsync("open") is null)
        {
            await details.Locator(":scope > summary").ClickAsync();
        }
        await page.Locator($"#ind-{id}").CheckAsync();
        if (note is not null)
        {
            await page.Locator($"#note-{id}").FillAsync(note);
        }
        await Assertions.Expect(details.Locator(":scope > summary")).ToContainTextAsync(group);
    }

    /// <summary>Waits until the autosave reports the latest changes as stored on the server.</summary>
    public Task ExpectSavedAsync() => Assertions.Expect(AutosaveStatus).ToHaveTextAsync(SavedStatus());

    public async Task<GuidancePage> ContinueAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to guidance" }).ClickAsync();
        var guidance = new GuidancePage(page);
        await guidance.ExpectShownAsync();
        return guidance;
    }

    [GeneratedRegex("/Screenings/Edit\\?id=")]
    private static partial Regex EditPath();

    [GeneratedRegex("^Saved \\d\\d:\\d\\d:\\d\\d$")]
    private static partial Regex SavedStatus();
}

/// <summary>The guidance page: the assessment, mandatory actions, advice, contacts, information sheet and referral.</summary>
public sealed partial class GuidancePage(IPage page)
{
    public ILocator Outcome => page.Locator("#outcome h2");
    public ILocator Action(string id) => page.Locator($"#action-{id}");
    public ILocator Advice(string key) => page.Locator($"[data-advice='{key}']");

    public async Task ExpectShownAsync()
    {
        await Assertions.Expect(page).ToHaveURLAsync(GuidancePath());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Guidance", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task MarkDoneAsync(string actionId)
    {
        await Action(actionId).GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Assertions.Expect(Action(actionId)).ToContainTextAsync("Done");
    }

    [GeneratedRegex("/Screenings/Guidance\\?id=")]
    private static partial Regex GuidancePath();
}
