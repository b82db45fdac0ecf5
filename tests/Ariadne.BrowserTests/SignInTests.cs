using Ariadne.BrowserTests.Pages;
using Ariadne.Web.Features.Demo;
using Microsoft.Playwright;

namespace Ariadne.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserHost host)
{
    private const int PhoneWidth = 390;

    [Fact]
    public Task Frontline_officer_signs_in_at_phone_width() => host.OnPhoneAsync(async page =>
    {
        await page.GotoAsync(host.BaseUrl.ToString());
        var signIn = new SignInPage(page);
        await signIn.ExpectShownAsync();

        var home = await signIn.SignInAsync("demo-frontline", DemoSeeder.Password);

        await Assertions.Expect(home.Heading).ToContainTextAsync("Welcome");
        await Assertions.Expect(home.Heading).ToContainTextAsync("Frida Frontline");
        await Assertions.Expect(home.DemoBanner).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, nameof(Frontline_officer_signs_in_at_phone_width));
        Assert.True(await home.ContentWidthAsync() <= PhoneWidth, "The home page scrolls sideways at 390 px.");

        var afterSignOut = await home.SignOutAsync();
        await Assertions.Expect(afterSignOut.UserName).ToBeEmptyAsync();
    });

    [Fact]
    public Task Wrong_password_shows_a_readable_message_and_keeps_the_user_name() => host.OnPhoneAsync(async page =>
    {
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();

        // Not demo-frontline: a failed attempt counts towards that account's lockout.
        await signIn.SubmitAsync("demo-border", "not-the-demo-password");

        await Assertions.Expect(signIn.Problem).ToContainTextAsync("wrong");
        await Assertions.Expect(signIn.UserName).ToHaveValueAsync("demo-border");
        await Assertions.Expect(signIn.Password).ToBeEmptyAsync();
    });

    [Fact]
    public Task Menu_shows_only_what_the_role_allows() => host.OnPhoneAsync(async page =>
    {
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();

        var frontline = await signIn.SignInAsync("demo-frontline", DemoSeeder.Password);
        Assert.True(await frontline.HasMenuAsync());
        var frontlineMenu = await frontline.OpenMenuAsync();
        Assert.DoesNotContain("Accounts", frontlineMenu);
        Assert.DoesNotContain("Audit trail", frontlineMenu);

        signIn = await frontline.SignOutAsync();
        var admin = await signIn.SignInAsync("demo-admin", DemoSeeder.Password);
        var adminMenu = await admin.OpenMenuAsync();
        Assert.Contains("Accounts", adminMenu);
        Assert.Contains("Audit trail", adminMenu);
    });
}
