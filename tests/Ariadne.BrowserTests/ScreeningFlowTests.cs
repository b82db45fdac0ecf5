using System.Text.RegularExpressions;
using Ariadne.BrowserTests.Pages;
using Ariadne.Web.Features.Demo;
using Microsoft.Playwright;

namespace Ariadne.BrowserTests;

/// <summary>The frontline flow of issue #3, on a phone: sign in, screen, get guidance, inform, refer.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ScreeningFlowTests(BrowserHost host)
{
    private const int PhoneWidth = 390;

    [Fact]
    public Task Officer_screens_a_person_and_refers_from_sign_in_to_referral() => host.OnPhoneAsync(async page =>
    {
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await signIn.SignInAsync("demo-frontline", DemoSeeder.Password);

        var screening = await ScreeningPage.StartAsync(page);
        await Screenshots.SaveAsync(page, "screening-form-phone", fullPage: false);
        await screening.ChooseChannelAsync("Found during an unrelated check, intervention, enquiry or raid");
        await screening.Place.FillAsync("Bus station, platform 4");
        await screening.CheckAsync("Someone accompanies the person");
        await screening.CheckAsync("Name given");
        await screening.PersonName.FillAsync("Ana Browsertest");
        await screening.ApproximateAge.FillAsync("31");
        await screening.ExpectSavedAsync();

        // The draft lives on the server: a reload mid-form loses nothing.
        await page.ReloadAsync();
        await Assertions.Expect(screening.Place).ToHaveValueAsync("Bus station, platform 4");
        await Assertions.Expect(screening.PersonName).ToHaveValueAsync("Ana Browsertest");
        await Assertions.Expect(page.GetByLabel("Someone accompanies the person", new() { Exact = true })).ToBeCheckedAsync();

        await screening.TickIndicatorAsync("Generic indicators", "GEN-06", "Companion holds her passport");
        await screening.TickIndicatorAsync("Generic indicators", "GEN-09");
        await screening.TickIndicatorAsync("Sexual exploitation", "SEX-02", "Hands all her earnings to the companion");
        await screening.Statement.FillAsync("Met at a routine check. The companion answered for her and held both passports.");
        await screening.ExpectSavedAsync();
        Assert.True(await WidthAsync(page) <= PhoneWidth, "The screening form scrolls sideways at 390 px.");

        var guidance = await screening.ContinueAsync();
        await Assertions.Expect(guidance.Outcome).ToContainTextAsync("Indicators present");
        await Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync("Alarm");
        await Assertions.Expect(guidance.Action("R-ACT-01")).ToContainTextAsync("Immediate");
        await Assertions.Expect(guidance.Advice("speak-alone")).ToContainTextAsync("Speak to the person alone");
        await Assertions.Expect(page.GetByText("not a victim", new() { Exact = false })).ToHaveCountAsync(0);
        Assert.True(await WidthAsync(page) <= PhoneWidth, "The guidance page scrolls sideways at 390 px.");
        await Screenshots.SaveAsync(page, "screening-guidance-phone", fullPage: false);

        await guidance.MarkDoneAsync("R-ACT-01");

        await page.GetByLabel("Language").SelectOptionAsync("ar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record as given and print" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.info-sheet")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator(".review-mark")).ToContainTextAsync("awaiting review");
        Assert.True(await WidthAsync(page) <= PhoneWidth, "The information sheet scrolls sideways at 390 px.");
        await page.GoBackAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#information")).ToContainTextAsync("Arabic");

        var guidanceUrl = page.Url;
        await page.GetByLabel("Yes, the person agreed").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Refer now" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Referred: R-");
        var reference = ReferenceIn(await page.Locator("#message").InnerTextAsync());
        await Assertions.Expect(page.Locator("#sent-referrals")).ToContainTextAsync(reference);
        await Assertions.Expect(page.Locator("#sent-referrals")).ToContainTextAsync("Sent, not yet acknowledged");

        // From now on the case is the unit's: the officer no longer opens the screening.
        var again = await page.GotoAsync(guidanceUrl);
        Assert.Equal(404, again!.Status);

        // The specialised unit finds it in its intake queue, reads the statement and acknowledges it.
        await page.GotoAsync("/");
        signIn = await new HomePage(page).SignOutAsync();
        await signIn.SignInAsync("demo-atu", DemoSeeder.Password);
        await page.GotoAsync("/Referrals");
        Assert.True(await WidthAsync(page) <= PhoneWidth, "The intake queue scrolls sideways at 390 px.");
        await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(page.Locator("article.statement")).ToContainTextAsync("Ana Browsertest");
        await Assertions.Expect(page.Locator("article.statement")).ToContainTextAsync("held both passports");
        Assert.True(await WidthAsync(page) <= PhoneWidth, "The received referral scrolls sideways at 390 px.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge receipt" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Acknowledged");
    });

    [Fact]
    public Task Typing_survives_a_dropped_connection() => host.OnPhoneAsync(async page =>
    {
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await signIn.SignInAsync("demo-labour", DemoSeeder.Password);
        var screening = await ScreeningPage.StartAsync(page);

        await page.Context.SetOfflineAsync(true);
        await screening.Place.FillAsync("Packing shed behind the greenhouse");
        await Assertions.Expect(screening.AutosaveStatus).ToContainTextAsync("No connection");

        await page.Context.SetOfflineAsync(false);
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        await screening.ExpectSavedAsync();
        await page.ReloadAsync();
        await Assertions.Expect(screening.Place).ToHaveValueAsync("Packing shed behind the greenhouse");
    });

    private static Task<int> WidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    private static string ReferenceIn(string message) => ReferencePattern().Match(message).Value;

    [GeneratedRegex("R-\\d{4}-[A-Z0-9]{6}")]
    private static partial Regex ReferencePattern();
}
