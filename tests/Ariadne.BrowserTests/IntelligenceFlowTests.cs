using System.Text.RegularExpressions;
using Ariadne.BrowserTests.Pages;
using Ariadne.Web.Features.Demo;
using Microsoft.Playwright;

namespace Ariadne.BrowserTests;

/// <summary>
/// Issue 10 "done when", on a phone at 390 px: a frontline officer files a report from a screening, a supervisor of the force
/// approves it under special handling, the analyst grades and disseminates it and writes a sanitised version, the supervisor
/// releases that, and a support worker sees only the sanitised version.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class IntelligenceFlowTests(BrowserHost host)
{
    private const int PhoneWidth = 390;
    private const string Plate = "1-QRS-482";
    private const string Phone = "0470 55 66 77";

    [Fact]
    public Task Officer_files_from_a_screening_analyst_disseminates_supervisor_approves_support_sees_only_the_sanitised_version() =>
        host.OnPhoneAsync(async page =>
    {
        // The frontline officer: a screening, then intelligence about the controller from its guidance page.
        await SignInAsync(page, "demo-frontline");
        var screening = await ScreeningPage.StartAsync(page);
        await screening.ChooseChannelAsync("Found during an unrelated check, intervention, enquiry or raid");
        await screening.Place.FillAsync("Car wash, Industrial Road");
        await screening.CheckAsync("Someone accompanies the person");
        await page.GetByLabel("Companion: description, name if given, vehicle").FillAsync("Man about 40, shaved head, drove a grey Volvo");
        await screening.TickIndicatorAsync("Generic indicators", "GEN-06", "Companion holds his passport");
        await screening.Statement.FillAsync("Washing cars for no pay; the companion answered every question.");
        await screening.ExpectSavedAsync();
        await screening.ContinueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Report intelligence about this encounter" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(EditPath());
        await Assertions.Expect(page.GetByLabel("Where", new() { Exact = true })).ToHaveValueAsync("Car wash, Industrial Road");
        await Assertions.Expect(page.GetByLabel("Description", new() { Exact = true })).ToHaveValueAsync(new Regex("shaved head"));
        await page.GetByLabel("Forced labour or services").CheckAsync();
        await page.GetByLabel("Plate 1", new() { Exact = true }).FillAsync(Plate);
        await page.GetByLabel("Registration country 1", new() { Exact = true }).FillAsync("BE");
        await page.GetByLabel("Colour 1", new() { Exact = true }).FillAsync("grey");
        await page.GetByLabel("Phone 1", new() { Exact = true }).FillAsync(Phone);
        await page.Locator("#tag-TAC-A08").CheckAsync();
        await page.Locator("#tagnote-TAC-A08").FillAsync("Car wash on Industrial Road, workers sleep in the back room");
        await Assertions.Expect(page.Locator("#autosave-status")).ToHaveTextAsync(SavedStatus());
        // The draft is on the server: a reload loses nothing.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Plate 1", new() { Exact = true })).ToHaveValueAsync(Plate);
        Assert.True(await WidthAsync(page) <= PhoneWidth, "The intelligence form scrolls sideways at 390 px.");
        await Assertions.Expect(page.GetByLabel("Country (two letters)")).ToHaveValueAsync("BE");
        await Screenshots.SaveAsync(page, "intelligence-form-phone", fullPage: false);

        // Submitting without a grading is refused, and nothing typed is lost.
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit with this grading" }).ClickAsync();
        await Assertions.Expect(page.Locator("#errors")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Plate 1", new() { Exact = true })).ToHaveValueAsync(Plate);
        await page.GetByLabel("Source evaluation").SelectOptionAsync("MostlyReliable");
        await page.GetByLabel("Intelligence evaluation").SelectOptionAsync("KnownPersonallyToSourceButNotToOfficer");
        await page.GetByLabel("Handling code").SelectOptionAsync("LawEnforcementAndProsecutingIncludingEu");
        await page.GetByLabel("Conditions of dissemination").FillAsync("Not to be used as evidence without asking the patrol unit.");
        await page.Locator("#Input_SpecialHandling").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit with this grading" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ViewPath());
        var reportUrl = page.Url;
        var reference = (await page.Locator("h1").InnerTextAsync()).Trim();
        await Assertions.Expect(page.Locator("#special-handling")).ToContainTextAsync("risk assessment");
        await page.GetByLabel("Risk to the source, victims and the operation if this report is disseminated")
            .FillAsync("The workers could be moved if the owner learns of the check; no informant involved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the risk assessment" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Risk assessment recorded");
        Assert.True(await WidthAsync(page) <= PhoneWidth, "The report page scrolls sideways at 390 px.");

        // Until the supervisor approves, the analyst of another unit of the force does not see it.
        var analyst = await host.NewPhonePageAsync();
        await SignInAsync(analyst, "demo-analyst");
        await analyst.GotoAsync("/Intelligence");
        await Assertions.Expect(analyst.Locator("#reports")).Not.ToContainTextAsync(reference);

        // The supervisor of the force approves the risk assessment and the dissemination.
        var supervisor = await host.NewPhonePageAsync();
        await SignInAsync(supervisor, "demo-supervisor");
        await supervisor.GotoAsync(reportUrl);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Approve the risk assessment" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#message")).ToContainTextAsync("Risk assessment approved");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Approve dissemination" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#message")).ToContainTextAsync("Dissemination approved");

        // The analyst grades it beside the author's grading and sends it on to the national unit.
        await analyst.GotoAsync("/Intelligence");
        await analyst.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(analyst.Locator("#conditions")).ToContainTextAsync("Not to be used as evidence");
        await analyst.GetByLabel("Source evaluation").SelectOptionAsync("AlwaysReliable");
        await analyst.GetByLabel("Intelligence evaluation").SelectOptionAsync("NotKnownPersonallyToSourceButCorroborated");
        await analyst.GetByLabel("Comment").FillAsync("Matches two earlier reports about the same car wash.");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Record my evaluation" }).ClickAsync();
        await Assertions.Expect(analyst.Locator(".evaluation")).ToContainTextAsync("Ines Analyst");
        await Assertions.Expect(analyst.Locator("#grading")).ToContainTextAsync("Mostly reliable", new() { IgnoreCase = true });
        await analyst.GetByLabel("Organisation (only those the handling code allows)")
            .SelectOptionAsync(new SelectOptionValue { Label = "National Anti-Trafficking Unit" });
        await analyst.GetByLabel("Why it goes to them").FillAsync("Possible labour exploitation ring: for the investigation team.");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(analyst.Locator("#message")).ToContainTextAsync("Sent to National Anti-Trafficking Unit");
        // The support shelter is no recipient under this handling code: it is not offered.
        await Assertions.Expect(analyst.Locator("#OrganisationId option", new() { HasText = "Safe Harbour Shelter" })).ToHaveCountAsync(0);

        // A sanitised version, rewritten by the analyst; the check catches the plate before release.
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Write a sanitised version" }).ClickAsync();
        await Assertions.Expect(analyst).ToHaveURLAsync(ThematicPath());
        var thematicUrl = analyst.Url;
        await analyst.GetByLabel("Thematic account").FillAsync($"Car washes employ men without pay; the controller drives {Plate}.");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(analyst.Locator("#findings")).ToContainTextAsync(Plate);
        await analyst.GetByLabel("Thematic account").FillAsync(
            "Hand car washes in the district employ men from abroad who are not paid and sleep on the premises; a companion speaks for them.");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(analyst.Locator("#findings")).ToHaveCountAsync(0);
        Assert.True(await WidthAsync(analyst) <= PhoneWidth, "The sanitised version page scrolls sideways at 390 px.");

        await supervisor.GotoAsync(thematicUrl);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Release" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#message")).ToContainTextAsync("Released");

        // The originator sees who accessed the report and that it was sent on and sanitised.
        await page.GotoAsync(reportUrl);
        await Assertions.Expect(page.Locator("#access-log")).ToContainTextAsync("intelligence.send");
        await Assertions.Expect(page.Locator("#access-log")).ToContainTextAsync("intelligence.sanitised.release");

        // The support worker: the report does not exist for them; the sanitised version does, without the plate or the phone.
        var support = await host.NewPhonePageAsync();
        await SignInAsync(support, "demo-ngo");
        var refused = await support.GotoAsync(reportUrl);
        Assert.Equal(404, refused!.Status);
        await support.GotoAsync("/Intelligence");
        await Assertions.Expect(support.Locator("#reports")).Not.ToContainTextAsync(reference);
        await support.GotoAsync("/Intelligence/Thematic");
        await support.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Forced labour") }).First.ClickAsync();
        await Assertions.Expect(support.Locator("#summary")).ToContainTextAsync("Hand car washes");
        await Assertions.Expect(support.Locator("main")).ToContainTextAsync("Belgium (encounter)");
        var content = await support.Locator("main").InnerTextAsync();
        Assert.DoesNotContain(Plate, content, StringComparison.Ordinal);
        Assert.DoesNotContain("0470", content, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, content, StringComparison.Ordinal);
        Assert.DoesNotContain("shaved head", content, StringComparison.Ordinal);
        Assert.True(await WidthAsync(support) <= PhoneWidth, "The thematic page scrolls sideways at 390 px.");
        await Screenshots.SaveAsync(support, "thematic-intelligence-phone", fullPage: false);

        foreach (var other in new[] { analyst, supervisor, support })
        {
            await other.Context.CloseAsync();
        }
    });

    private static async Task SignInAsync(IPage page, string user)
    {
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await signIn.SignInAsync(user, DemoSeeder.Password);
    }

    private static Task<int> WidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    [GeneratedRegex("/Intelligence/Edit\\?id=")]
    private static partial Regex EditPath();

    [GeneratedRegex("/Intelligence/View\\?id=")]
    private static partial Regex ViewPath();

    [GeneratedRegex("/Intelligence/Thematic/View\\?id=")]
    private static partial Regex ThematicPath();

    [GeneratedRegex("^Saved \\d\\d:\\d\\d:\\d\\d$")]
    private static partial Regex SavedStatus();
}
