using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ariadne.BrowserTests.Pages;

/// <summary>The sign-in form, where every visit without a session ends up.</summary>
public sealed partial class SignInPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 });
    public ILocator UserName => page.GetByLabel("User name", new() { Exact = true });
    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    /// <summary>What went wrong with the last attempt, announced to screen readers.</summary>
    public ILocator Problem => page.GetByRole(AriaRole.Alert);

    public async Task GotoAsync()
    {
        await page.GotoAsync("/Accounts/SignIn");
        await ExpectShownAsync();
    }

    public async Task ExpectShownAsync()
    {
        await Assertions.Expect(page).ToHaveURLAsync(SignInPath());
        await Assertions.Expect(Heading).ToBeVisibleAsync();
    }

    /// <summary>Fills in the form and sends it, whatever the outcome.</summary>
    public async Task SubmitAsync(string userName, string password)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in with credentials that are expected to work, and waits for the home page.</summary>
    public async Task<HomePage> SignInAsync(string userName, string password)
    {
        await SubmitAsync(userName, password);
        var home = new HomePage(page);
        await home.ExpectShownAsync();
        return home;
    }

    [GeneratedRegex("/Accounts/SignIn", RegexOptions.IgnoreCase)]
    private static partial Regex SignInPath();
}
