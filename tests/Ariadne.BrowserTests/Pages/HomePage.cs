using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ariadne.BrowserTests.Pages;

/// <summary>The page a signed-in user lands on: a welcome, the menu, and sign-out in the header.</summary>
public sealed partial class HomePage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The band that warns that everything here is invented demo data.</summary>
    public ILocator DemoBanner => page.GetByRole(AriaRole.Note).Filter(new() { HasText = "Demo data" });

    // The menu is a <details> disclosure; its <summary> has no ARIA role of its own.
    private ILocator Menu => page.Locator("details.menu > summary", new() { HasText = "Menu" });
    private ILocator MainNavigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    public async Task ExpectShownAsync()
    {
        await Assertions.Expect(page).ToHaveURLAsync(RootPath());
        await Assertions.Expect(Heading).ToContainTextAsync("Welcome");
    }

    public Task<string> HeadingTextAsync() => Heading.InnerTextAsync();

    public async Task<bool> HasMenuAsync() => await Menu.CountAsync() > 0;

    /// <summary>Opens the menu and returns the names of the places it offers, in order.</summary>
    public async Task<IReadOnlyList<string>> OpenMenuAsync()
    {
        await Menu.ClickAsync();
        // Every signed-in user has Home; once it shows, the menu is open and complete.
        await Assertions.Expect(MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true }))
            .ToBeVisibleAsync();
        var names = await MainNavigation.GetByRole(AriaRole.Link).AllInnerTextsAsync();
        return names.Select(n => n.Trim()).ToList();
    }

    /// <summary>The document's full width in CSS pixels: wider than the viewport means sideways scrolling.</summary>
    public Task<int> ContentWidthAsync() => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    public async Task<SignInPage> SignOutAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        var signIn = new SignInPage(page);
        await signIn.ExpectShownAsync();
        return signIn;
    }

    [GeneratedRegex("^https?://[^/]+/$")]
    private static partial Regex RootPath();
}
