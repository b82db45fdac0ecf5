using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ariadne.BrowserTests.Pages;

/// <summary>One case: stage, decisions, sections of work, each with its own form, and the timeline.</summary>
public sealed partial class CasePage(IPage page)
{
    public ILocator Stage => page.Locator("#stage");
    public ILocator Message => page.Locator("#message");
    public ILocator Timeline => page.Locator("#timeline");
    public ILocator Person => page.Locator("#person");
    public ILocator Depersonalised => page.Locator("#depersonalised");
    public ILocator Services => page.Locator("#services");
    public ILocator Placements => page.Locator("#placements");
    public ILocator ReasonableGrounds => page.Locator("#reasonable-grounds");
    public ILocator Conclusive => page.Locator("#conclusive");
    public ILocator Reflection => page.Locator("#reflection");
    public ILocator StepError => page.Locator("#error-step");

    /// <summary>The row of a proposed service, by its code ("SVC-01").</summary>
    public ILocator Service(string code) => page.Locator($"li.service[data-service='{code}']");

    public async Task ExpectShownAsync(string? reference = null)
    {
        await Assertions.Expect(page).ToHaveURLAsync(ViewPath());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(reference ?? "Case C-");
    }

    /// <summary>From the unit's intake queue: the referral, then "Open case".</summary>
    public async Task OpenFromReferralAsync(string referral)
    {
        await page.GotoAsync("/Referrals");
        await page.GetByRole(AriaRole.Link, new() { Name = referral }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await ExpectShownAsync();
    }

    /// <summary>Chooses a next step, types its reason and records it, whether or not the case accepts it.</summary>
    public async Task SubmitStepAsync(string step, string? reason, string? earlyDecisionReason = null)
    {
        var form = page.Locator("#step-form");
        await form.GetByLabel("Next step", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = step });
        await form.GetByLabel("Reasons or note", new() { Exact = true }).FillAsync(reason ?? "");
        if (earlyDecisionReason is not null)
        {
            await form.GetByLabel("Why decide before the reflection period ends").FillAsync(earlyDecisionReason);
        }
        await form.GetByRole(AriaRole.Button, new() { Name = "Record this step" }).ClickAsync();
    }

    /// <summary>Records a step that must succeed, and waits for the page to say so.</summary>
    public async Task RecordStepAsync(string step, string? reason = null, string? earlyDecisionReason = null)
    {
        await SubmitStepAsync(step, reason, earlyDecisionReason);
        await Assertions.Expect(Message).ToContainTextAsync("Done: " + step);
    }

    /// <summary>Opens one of the less common forms, kept folded in a disclosure, and returns it.</summary>
    public async Task<ILocator> OpenFormAsync(string summary)
    {
        var details = page.Locator("details.form-box", new() { Has = page.Locator("summary", new() { HasText = summary }) });
        if (await details.GetAttributeAsync("open") is null)
        {
            await details.Locator(":scope > summary").ClickAsync();
        }
        return details.Locator("form");
    }

    public async Task RecordRiskAssessmentAsync(string purpose, string summary, string reviewer)
    {
        var form = await OpenFormAsync("Record a risk assessment");
        await form.GetByLabel("What the assessment is for").SelectOptionAsync(new SelectOptionValue { Label = purpose });
        await form.GetByLabel("Threat to the person").SelectOptionAsync("Medium");
        await form.GetByLabel("Threat to family and loved ones").SelectOptionAsync("Low");
        await form.GetByLabel("Risk of re-trafficking").SelectOptionAsync("Medium");
        await form.GetByLabel("Threats and the measures that follow").FillAsync(summary);
        await form.GetByLabel("Reviewed by").FillAsync(reviewer);
        await form.GetByRole(AriaRole.Button, new() { Name = "Record risk assessment" }).ClickAsync();
        await Assertions.Expect(Message).ToContainTextAsync("Risk assessment recorded");
    }

    public async Task ProposeServiceAsync(string service, string provider)
    {
        var form = await OpenFormAsync("Propose a service");
        await form.GetByLabel("Service", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = service });
        await form.GetByLabel("Support organisation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = provider });
        await form.GetByRole(AriaRole.Button, new() { Name = "Propose service" }).ClickAsync();
        await Assertions.Expect(Message).ToContainTextAsync("Service proposed");
    }

    /// <summary>The support organisation places the person in one of its shelters, on the only placement risk assessment.</summary>
    public async Task PlaceAsync(string shelter)
    {
        var form = page.Locator("#place-form");
        await form.GetByLabel("Shelter", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = shelter });
        await form.GetByLabel("Risk assessment for the placement").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.GetByRole(AriaRole.Button, new() { Name = "Place in shelter" }).ClickAsync();
        await Assertions.Expect(Message).ToContainTextAsync("placed in the shelter");
    }

    public Task<int> ContentWidthAsync() => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    [GeneratedRegex("/Cases/View\\?id=")]
    private static partial Regex ViewPath();
}

/// <summary>The work queue: handovers and services waiting for the organisation, then its cases.</summary>
public sealed class CaseQueuePage(IPage page)
{
    public ILocator Proposals => page.Locator("#proposals");
    public ILocator Queue => page.Locator("#queue");

    public async Task GotoAsync(string scope = "mine")
    {
        await page.GotoAsync("/Cases?scope=" + scope);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cases", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task ShowOrganisationAsync()
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Which cases" })
            .GetByRole(AriaRole.Link, new() { Name = "My organisation's cases" }).ClickAsync();
        await Assertions.Expect(page.Locator("#queue-title")).ToHaveTextAsync("My organisation's cases");
    }
}
