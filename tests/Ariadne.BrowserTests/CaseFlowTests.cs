using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Ariadne.BrowserTests.Pages;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Accounts;
using Ariadne.Web.Features.Demo;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Screenings;
using Ariadne.Web.Features.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ariadne.BrowserTests;

/// <summary>
/// The National Referral Mechanism through the real pages, as the organisations that share a case: the unit opens
/// it from a referral and decides, a support organisation shelters the person, and the shelter's address never
/// reaches the police (V-01).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseFlowTests(BrowserHost host)
{
    private const int PhoneWidth = 390;
    private const string PersonName = "Dana Casetest";
    private const string ShelterName = "Shelter Casetest-7";
    private const string ShelterAddress = "17 Lantern Court, Hiddenvale 4821";
    private const string Unit = "National Anti-Trafficking Unit";
    private const string SupportOrganisation = "Safe Harbour Shelter";

    [Fact]
    public async Task Unit_opens_and_decides_a_case_and_the_support_organisation_shelters_the_person()
    {
        var referral = await ReferAndRegisterShelterAsync();

        await host.OnPhoneAsync(async page =>
        {
            var cases = new CasePage(page);

            // The unit opens the case from the referral in its intake queue.
            var signIn = new SignInPage(page);
            await signIn.GotoAsync();
            await signIn.SignInAsync("demo-atu", DemoSeeder.Password);
            await cases.OpenFromReferralAsync(referral);
            var caseUrl = page.Url;
            var reference = (await page.Locator("h1").InnerTextAsync()).Replace("Case ", "", StringComparison.Ordinal).Trim();
            await Assertions.Expect(cases.Stage).ToContainTextAsync("Intake");
            await Assertions.Expect(cases.Person).ToContainTextAsync(PersonName);
            await Assertions.Expect(cases.Timeline).ToContainTextAsync($"Case opened from referral {referral}");

            // Back on the referral, the case is linked instead of opened twice.
            await page.GoBackAsync();
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("#case-link")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Open case" })).ToHaveCountAsync(0);
            await page.GotoAsync(caseUrl);

            await cases.RecordStepAsync("Start the assessment");
            await Assertions.Expect(cases.Stage).ToContainTextAsync("Assessment");
            await Assertions.Expect(cases.Timeline).ToContainTextAsync("Assessment started");

            // A decision without reasons is refused next to the form, and the choice is kept.
            await cases.SubmitStepAsync("Positive reasonable-grounds decision", null);
            await Assertions.Expect(cases.StepError).ToContainTextAsync("Give the reasons for the decision");
            await Assertions.Expect(page.Locator("#step-form").GetByLabel("Next step", new() { Exact = true }))
                .ToHaveValueAsync("ReasonableGroundsPositive");
            await Assertions.Expect(cases.Stage).ToContainTextAsync("Assessment");

            await cases.RecordStepAsync("Positive reasonable-grounds decision",
                "Consistent account; the employer holds her passport and her debt keeps growing.");
            await Assertions.Expect(cases.Stage).ToContainTextAsync("The reflection and recovery period");
            await Assertions.Expect(cases.ReasonableGrounds).ToContainTextAsync("Positive");
            await Assertions.Expect(cases.Reflection).ToContainTextAsync("At least until");
            await Assertions.Expect(cases.Timeline).ToContainTextAsync("Positive reasonable-grounds decision");
            await Assertions.Expect(cases.Timeline).ToContainTextAsync("the employer holds her passport");

            await cases.RecordRiskAssessmentAsync("Shelter placement", "Employer knows her old flat; move her out of the district.", "Insp. R. Vale");
            await Assertions.Expect(cases.Timeline).ToContainTextAsync("Risk assessment (Shelter placement): no significant risk");

            await cases.ProposeServiceAsync("SVC-01 Board and lodging (shelter)", SupportOrganisation);
            await Assertions.Expect(cases.Service("SVC-01")).ToContainTextAsync("proposed");
            // The unit proposed it: it may revoke it, but only the support organisation accepts.
            await Assertions.Expect(cases.Service("SVC-01").GetByRole(AriaRole.Button, new() { Name = "Accept" })).ToHaveCountAsync(0);
            await Assertions.Expect(cases.Timeline).ToContainTextAsync($"SVC-01 Board and lodging (shelter) proposed to {SupportOrganisation}");
            signIn = await new HomePage(page).SignOutAsync();

            // The support worker, on the phone, finds the proposal in the queue and answers it on the case.
            await signIn.SignInAsync("demo-ngo", DemoSeeder.Password);
            var queue = new CaseQueuePage(page);
            await queue.GotoAsync();
            // The demo data has proposals of its own to this organisation: find this case's by its reference.
            await Assertions.Expect(queue.Proposals).ToContainTextAsync(reference);
            await Assertions.Expect(queue.Proposals).ToContainTextAsync("SVC-01");
            await queue.ShowOrganisationAsync();
            await Assertions.Expect(queue.Queue).ToContainTextAsync(reference);
            Assert.True(await cases.ContentWidthAsync() <= PhoneWidth, "The work queue scrolls sideways at 390 px.");
            await Screenshots.SaveAsync(page, "case-queue-phone");

            await page.GetByRole(AriaRole.Link, new() { Name = reference }).First.ClickAsync();
            await cases.ExpectShownAsync(reference);
            await Assertions.Expect(cases.Depersonalised).ToContainTextAsync("De-personalised view");
            await Assertions.Expect(page.GetByText(PersonName)).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#step-form")).ToHaveCountAsync(0);

            await cases.Service("SVC-01").GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
            await Assertions.Expect(cases.Message).ToContainTextAsync("Service accepted");
            await Assertions.Expect(cases.Service("SVC-01")).ToContainTextAsync("accepted");

            await cases.PlaceAsync($"{ShelterName} (flight shelter)");
            await Assertions.Expect(cases.Placements).ToContainTextAsync(ShelterName);
            await Assertions.Expect(cases.Placements).ToContainTextAsync(ShelterAddress);
            await Assertions.Expect(cases.Timeline).ToContainTextAsync($"Placed in a flight shelter run by {SupportOrganisation}");
            Assert.True(await cases.ContentWidthAsync() <= PhoneWidth, "The case page scrolls sideways at 390 px.");
            await Screenshots.SaveAsync(page, "case-view-phone");
            signIn = await new HomePage(page).SignOutAsync();

            // The unit sees that the person is sheltered, and by whom, never where.
            await signIn.SignInAsync("demo-atu", DemoSeeder.Password);
            await page.GotoAsync(caseUrl);
            await cases.ExpectShownAsync(reference);
            // The unit is law enforcement: it reads the shelter as a pseudonymous code, not its name (V-01, issue 9 item 8).
            await Assertions.Expect(cases.Placements).ToContainTextAsync("SHELTER-");
            Assert.DoesNotContain(ShelterName, await page.ContentAsync(), StringComparison.Ordinal);
            await Assertions.Expect(cases.Timeline).ToContainTextAsync($"SVC-01 Board and lodging (shelter) accepted by {SupportOrganisation}");
            await Assertions.Expect(cases.Timeline).ToContainTextAsync($"Placed in a flight shelter run by {SupportOrganisation}");
            Assert.DoesNotContain(ShelterAddress, await page.ContentAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("Hiddenvale", await page.ContentAsync(), StringComparison.Ordinal);

            // Decided while the reflection period runs (L4): the page asks why, and the period is not shortened.
            await cases.RecordStepAsync("Positive conclusive decision", "Corroborated by the labour inspectorate's findings at the farm.",
                "He asked for the decision now, to apply for his residence permit.");
            await Assertions.Expect(cases.Stage).ToContainTextAsync("Assistance and recovery");
            await Assertions.Expect(cases.Conclusive).ToContainTextAsync("Positive");
            await Assertions.Expect(cases.Timeline).ToContainTextAsync("Positive conclusive decision");
            Assert.DoesNotContain(ShelterAddress, await page.ContentAsync(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_child_case_waits_for_its_guardian_and_a_refused_form_keeps_what_was_typed()
    {
        var referral = await ReferChildAsync();

        await host.OnPhoneAsync(async page =>
        {
            var cases = new CasePage(page);
            var signIn = new SignInPage(page);
            await signIn.GotoAsync();
            await signIn.SignInAsync("demo-atu", DemoSeeder.Password);
            await cases.OpenFromReferralAsync(referral);
            await Assertions.Expect(page.Locator("#child")).ToContainTextAsync("not recorded yet");

            // Nobody moves a child's case on before a guardian is recorded (CH-PR-02).
            await cases.SubmitStepAsync("Start the assessment", null);
            await Assertions.Expect(cases.StepError).ToContainTextAsync("record the appointed guardian");
            await Assertions.Expect(cases.Stage).ToContainTextAsync("Intake");

            var guardian = await cases.OpenFormAsync("Record the appointed guardian");
            await guardian.GetByLabel("Guardianship service").SelectOptionAsync(new SelectOptionValue { Label = "Child Guardianship Service" });
            await guardian.GetByLabel("Guardian's name").FillAsync("Gita Guardianova");
            await guardian.GetByRole(AriaRole.Button, new() { Name = "Record guardian" }).ClickAsync();
            await Assertions.Expect(cases.Message).ToContainTextAsync("Guardian recorded");
            await Assertions.Expect(page.Locator("#guardian")).ToContainTextAsync("Gita Guardianova, Child Guardianship Service");
            await cases.RecordStepAsync("Start the assessment");
            await Assertions.Expect(cases.Stage).ToContainTextAsync("Assessment");

            // A child is not questioned at police premises: refused next to the form, with what was typed kept.
            var meeting = await cases.OpenFormAsync("Arrange a meeting");
            var when = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd'T'10:00", CultureInfo.InvariantCulture);
            await meeting.GetByLabel("When").FillAsync(when);
            await meeting.GetByLabel("What for").FillAsync("Prepare the hearing with the guardian");
            await meeting.GetByLabel("Venue", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Police premises" });
            await meeting.GetByRole(AriaRole.Button, new() { Name = "Arrange meeting" }).ClickAsync();
            await Assertions.Expect(page.Locator("#error-meeting")).ToContainTextAsync("not questioned at police premises");
            // Reloading the refused form reads the page again; it does not send the form a second time.
            var reload = await page.RunAndWaitForRequestAsync(() => page.ReloadAsync(), r => r.Url.Contains("/Cases/View", StringComparison.Ordinal));
            Assert.Equal("GET", reload.Method);
            Assert.DoesNotContain("handler=", page.Url, StringComparison.Ordinal);
            meeting = await cases.OpenFormAsync("Arrange a meeting");
            await meeting.GetByLabel("When").FillAsync(when);
            await meeting.GetByLabel("What for").FillAsync("Prepare the hearing with the guardian");
            await meeting.GetByLabel("Venue", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Police premises" });
            await meeting.GetByRole(AriaRole.Button, new() { Name = "Arrange meeting" }).ClickAsync();
            await Assertions.Expect(page.Locator("#error-meeting")).ToContainTextAsync("not questioned at police premises");
            meeting = await cases.OpenFormAsync("Arrange a meeting");
            await Assertions.Expect(meeting.GetByLabel("What for")).ToHaveValueAsync("Prepare the hearing with the guardian");
            await Assertions.Expect(meeting.GetByLabel("When")).ToHaveValueAsync(new Regex("^" + Regex.Escape(when)));
            await meeting.GetByLabel("Venue", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Child-friendly interview room" });
            await meeting.GetByRole(AriaRole.Button, new() { Name = "Arrange meeting" }).ClickAsync();
            await Assertions.Expect(cases.Message).ToContainTextAsync("Meeting arranged");
            // The confirmation shows where the person worked, not at the top of a long page (issue #9 item 15).
            await Assertions.Expect(cases.Message).ToBeInViewportAsync();
            await Assertions.Expect(page.Locator("#safety #message")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#meetings")).ToContainTextAsync("Child-friendly interview room");

            // The statement that came with the referral is on the case, opened on a page of its own.
            await page.Locator("#documents").GetByRole(AriaRole.Link, new() { Name = "First-contact statement" }).ClickAsync();
            await Assertions.Expect(page.Locator("#document-content")).ToContainTextAsync("said she was going to work in a kitchen");
            Assert.True(await cases.ContentWidthAsync() <= PhoneWidth, "The statement page scrolls sideways at 390 px.");
        });
    }

    private static async Task<ClaimsPrincipal> SignedInAsync(IServiceProvider services, string userName)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var principals = services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await principals.CreateAsync(await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No demo account {userName}."));
    }

    /// <summary>A border guard referred an unaccompanied child: to the unit, and to the guardianship service at once.</summary>
    private Task<string> ReferChildAsync() => host.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<AriadneDbContext>();
        var screenings = services.GetRequiredService<ScreeningService>();
        var officer = await SignedInAsync(services, "demo-border");
        var screening = screenings.Start(officer);
        var errors = screenings.Update(screening, new ScreeningRequest(
            IntakeChannel: "ENC-02", Place: "Eastern crossing, coach lane 5", EncounteredAt: DateTimeOffset.UtcNow.AddHours(-2),
            ColleaguePresent: "Guard L. Petrov", NameKind: "Name", PersonName: "Lina Childcase", ApproximateAge: 14, SuspectedMinor: true,
            Gender: "Female", Language: "Bulgarian", Indicators: [new("BOR-06", null), new("CHS-01", null)],
            Statement: "Travelling without her parents; said she was going to work in a kitchen.", PresumedVictim: true));
        Assert.Empty(errors);
        await db.SaveChangesAsync();
        var unit = await db.Organisations.SingleAsync(o => o.Name == Unit);
        var (outcome, referralErrors) = await services.GetRequiredService<ReferralService>()
            .ReferAsync(screening, new ReferralRequest(unit.Id, null), officer);
        Assert.True(outcome is not null, string.Join(" ", referralErrors.Values.SelectMany(v => v)));
        return outcome.Referrals.Single(r => r.Kind == nameof(ReferralKind.SpecialisedUnit)).Reference;
    });

    /// <summary>
    /// What happened before this story, through the app's own services: the support organisation registered a shelter
    /// (there is no page for the register yet) and a frontline officer referred a person to the unit.
    /// </summary>
    private Task<string> ReferAndRegisterShelterAsync() => host.WithServicesAsync(async services =>
    {
        var shelter = await services.GetRequiredService<SupportWork>().AddShelterAsync(await SignedInAsync(services, "demo-ngo"),
            new ShelterRequest(ShelterName, nameof(ShelterType.FlightShelter), ShelterAddress));
        Assert.True(shelter.Ok, shelter.Error?.Message);

        var db = services.GetRequiredService<AriadneDbContext>();
        var screenings = services.GetRequiredService<ScreeningService>();
        var officer = await SignedInAsync(services, "demo-frontline");
        var screening = screenings.Start(officer);
        var errors = screenings.Update(screening, new ScreeningRequest(
            IntakeChannel: "ENC-05", Place: "Packing hall, Casetest Farm", EncounteredAt: DateTimeOffset.UtcNow.AddHours(-3),
            ColleaguePresent: "Officer T. Brandt", NameKind: "Name", PersonName: PersonName, ApproximateAge: 29, Gender: "Female",
            Nationality: "Invented-land", Language: "Romanian", InterpreterNeeded: true,
            Indicators: [new("GEN-06", "Employer holds her passport"), new("LAB-07", null)],
            Statement: "Found during a labour inspection. She works fourteen hours a day and owes the recruiter for the journey.",
            PresumedVictim: true));
        Assert.Empty(errors);
        await db.SaveChangesAsync();
        var unit = await db.Organisations.SingleAsync(o => o.Name == Unit);
        var (outcome, referralErrors) = await services.GetRequiredService<ReferralService>()
            .ReferAsync(screening, new ReferralRequest(unit.Id, ReferralService.ConsentGiven), officer);
        Assert.True(outcome is not null, string.Join(" ", referralErrors.Values.SelectMany(v => v)));
        return outcome.Referrals.Single().Reference;
    });
}
