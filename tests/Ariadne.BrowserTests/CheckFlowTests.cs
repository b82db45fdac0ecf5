using System.Security.Claims;
using Ariadne.BrowserTests.Pages;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Accounts;
using Ariadne.Web.Features.Checks;
using Ariadne.Web.Features.Demo;
using Ariadne.Web.Features.Intelligence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ariadne.BrowserTests;

/// <summary>
/// Issue 12 "done when", on a phone at 390 px: an analyst checks a phone number written the local way, sees one visible hit and
/// one "restricted hit — refer to originator" (CHK-01..04, V-15), opens the link view from the visible hit and expands a node;
/// the originator of the restricted report then sees that their material was hit, by whom and why (TAC-V3 deconfliction).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CheckFlowTests(BrowserHost host)
{
    private const int PhoneWidth = 390;
    /// <summary>As a Romanian officer writes it; the reports hold it in two international writings. No demo report holds it.</summary>
    private const string AskedLocally = "0721 908 146";
    private const string Key = "+40721908146";
    private const string Purpose = "Deconfliction before the Canal Road visit";
    private const string Bureau = "Riverside Police — Intelligence Bureau";
    private const string BureauPhone = "+00 100 000 103";

    /// <summary>
    /// Two submitted reports holding the number: the Bulgarian liaison's, coded for law enforcement in the EU (the Romanian analyst
    /// sees it), and Riverside's intelligence bureau's, "only within originating agency" (the Romanian analyst is referred).
    /// </summary>
    private Task<(ReportResponse Shown, ReportResponse Hidden)> SeedAsync() => host.WithServicesAsync(async s =>
    {
        var shown = await ReportAsync(s, "demo-bg", "+40 721 908 146", FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu);
        var hidden = await ReportAsync(s, "demo-analyst", "0040 721 908 146", FiveFiveFiveHandling.OnlyWithinOriginatingAgency);
        return (shown, hidden);
    });

    private static async Task<ReportResponse> ReportAsync(IServiceProvider s, string author, string phone, FiveFiveFiveHandling handling,
        string? email = null)
    {
        var users = s.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(author) ?? throw new InvalidOperationException($"No demo account {author}.");
        ClaimsPrincipal principal = await s.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        var result = await s.GetRequiredService<IntelligenceService>().CreateAsync(principal, new CreateReportRequest(
            ["EXP-SEX"], "SRC-01", null, null, null, null, "Planted for the check flow: a driver's phone seen at the Canal Road flat.",
            null, email is null
                ? [new ItemRequest("Communication", "phone", "suspect", phone, null, null)]
                : [new ItemRequest("Communication", "phone", "suspect", phone, null, null), new ItemRequest("Communication", "email", null, email, null, null)],
            new Grading(GradingSystem.FiveByFiveByFive, FiveFiveFiveSource.MostlyReliable, FiveFiveFiveIntelligence.KnownPersonallyToSourceButNotToOfficer,
                handling, Conditions: handling == FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu ? null : "Ask the bureau first."),
            Submit: true));
        return result.Value ?? throw new InvalidOperationException($"Seeding {author}'s report failed: {result.Error?.Message}");
    }

    [Fact]
    public async Task An_analyst_checks_a_local_number_sees_one_hit_and_one_referral_walks_the_links_and_the_originator_sees_the_check()
    {
        var (shown, hidden) = await SeedAsync();
        await host.OnPhoneAsync(async page =>
        {
            // The Romanian liaison analyst writes the number as at home: 0721 … is +40 721 … for a Romanian unit.
            await SignInAsync(page, "demo-ro");
            var checks = new ChecksPage(page);
            await checks.OpenFromMenuAsync();
            await checks.CheckPhoneAsync(AskedLocally, Purpose, "RO-CT-2026-17");

            await Assertions.Expect(checks.Hits).ToHaveCountAsync(1);
            // The answer is what the officer came for: on the first screen, not below the form.
            await Assertions.Expect(checks.Hits).ToBeInViewportAsync();
            await Assertions.Expect(checks.Hits).ToContainTextAsync(shown.Reference);
            await Assertions.Expect(checks.Hits).ToContainTextAsync(Key);
            await Assertions.Expect(checks.Restricted).ToHaveCountAsync(1);
            await Assertions.Expect(checks.Restricted).ToHaveTextAsync($"Restricted hit — refer to originator: {Bureau} · {BureauPhone}");
            var answer = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotContain(hidden.Reference, answer, StringComparison.Ordinal);
            Assert.True(await WidthAsync(page) <= PhoneWidth, "The check answer scrolls sideways at 390 px.");
            await Screenshots.SaveAsync(page, "check-answer-phone", fullPage: false);

            // The link view from the visible hit, then one step further from the number.
            await checks.Hits.GetByRole(AriaRole.Link, new() { Name = "Links around it" }).ClickAsync();
            var links = new LinksPage(page);
            await Assertions.Expect(links.Heading).ToBeVisibleAsync();
            await Assertions.Expect(links.Start).ToContainTextAsync(shown.Reference);
            await Assertions.Expect(links.Nodes).ToHaveCountAsync(1);
            await Assertions.Expect(links.Restricted).ToHaveCountAsync(1);
            Assert.True(await WidthAsync(page) <= PhoneWidth, "The link view scrolls sideways at 390 px.");
            // On a phone the graph waits behind its toggle, below the start and above the list; opened, it still fits.
            await Assertions.Expect(links.Graph).ToBeHiddenAsync();
            await links.GraphToggle.ClickAsync();
            await Assertions.Expect(links.Graph.Locator("canvas").First).ToBeVisibleAsync();
            Assert.True(await WidthAsync(page) <= PhoneWidth, "The opened graph scrolls sideways at 390 px.");
            await links.GraphToggle.ClickAsync();
            await Assertions.Expect(links.Graph).ToBeHiddenAsync();
            await links.ExpandAsync(Key);
            await Assertions.Expect(links.Nodes.Filter(new() { HasText = shown.Reference })).ToHaveCountAsync(1);
            await Assertions.Expect(links.Restricted).ToHaveTextAsync($"Restricted hit — refer to originator: {Bureau} · {BureauPhone}");
            var view = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotContain(hidden.Reference, view, StringComparison.Ordinal);
            Assert.True(await WidthAsync(page) <= PhoneWidth, "The expanded link view scrolls sideways at 390 px.");
            await Screenshots.SaveAsync(page, "link-view-phone", fullPage: false);
        });

        // The originator of the hidden report learns that it was hit: by whom, from where, why; on the check page and on the report.
        await host.OnPhoneAsync(async page =>
        {
            await SignInAsync(page, "demo-analyst");
            var checks = new ChecksPage(page);
            await checks.OpenFromMenuAsync();
            var touch = checks.OnOurMaterial.Locator("li", new() { HasText = hidden.Reference });
            await Assertions.Expect(touch).ToHaveCountAsync(1);
            await Assertions.Expect(touch).ToContainTextAsync("Radu Liaison");
            await Assertions.Expect(touch).ToContainTextAsync("Romanian Police");
            await Assertions.Expect(touch).ToContainTextAsync("referred to us");
            await Assertions.Expect(touch).ToContainTextAsync(Purpose);
            Assert.True(await WidthAsync(page) <= PhoneWidth, "The check page scrolls sideways at 390 px.");

            await touch.GetByRole(AriaRole.Link, new() { Name = hidden.Reference }).ClickAsync();
            var onReport = page.Locator("#checks-on-report li");
            await Assertions.Expect(onReport).ToHaveCountAsync(1);
            await Assertions.Expect(onReport).ToContainTextAsync("Radu Liaison");
            await Assertions.Expect(onReport).ToContainTextAsync(Purpose);
            Assert.True(await WidthAsync(page) <= PhoneWidth, "The report page scrolls sideways at 390 px.");
        });
    }

    [Fact]
    public async Task On_a_wide_screen_the_graph_draws_the_list_expands_a_node_and_exports_a_recorded_png()
    {
        var (start, neighbour, hidden) = await host.WithServicesAsync(async s => (
            await ReportAsync(s, "demo-bg", "+40 722 613 584", FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, "graph.start@example.org"),
            await ReportAsync(s, "demo-bg", "+40 722 613 584", FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, "graph.neighbour@example.org"),
            await ReportAsync(s, "demo-analyst", "0040 722 613 584", FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator)));
        await host.OnDesktopAsync(async page =>
        {
            var problems = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") { problems.Add(m.Text); } };
            page.PageError += (_, e) => problems.Add(e);
            await SignInAsync(page, "demo-ro");
            await page.GotoAsync($"/Checks/Links?report={start.Id}");
            var links = new LinksPage(page);
            await Assertions.Expect(links.Start).ToContainTextAsync(start.Reference);

            // Drawn at once on a wide screen: every entry of the list is a node, and the start is one more.
            await Assertions.Expect(links.Graph.Locator("canvas").First).ToBeVisibleAsync();
            var listed = await links.Nodes.CountAsync() + await links.Restricted.CountAsync() + await page.Locator("#more").CountAsync();
            Assert.Equal(4, listed); // the phone, the e-mail, the neighbour report, one referral
            Assert.Equal(listed + 1, await GraphNodesAsync(page));
            await Assertions.Expect(links.GraphStatus).ToContainTextAsync($"{listed + 1} nodes");
            Assert.True(await HasNodeAsync(page, neighbour.Id.ToString()));

            // Selecting the neighbour report expands it one step: its own e-mail appears, nothing of the hidden report does.
            var (x, y) = await NodePositionAsync(page, neighbour.Id.ToString());
            await page.Mouse.ClickAsync(x, y);
            await page.WaitForFunctionAsync($"() => window.ariadneLinkGraph.nodes().length > {listed + 1}");
            Assert.True(await HasNodeAsync(page, "Email:graph.neighbour@example.org"));
            Assert.False(await HasNodeAsync(page, hidden.Id.ToString()));
            var drawn = await GraphNodesAsync(page);
            Assert.Equal(listed + 2, drawn);
            await Screenshots.SaveAsync(page, "link-graph-desktop", fullPage: false);

            // Export: recorded as a dissemination, then saved by the browser as a PNG named for the day.
            var download = await page.RunAndWaitForDownloadAsync(() => links.ExportPng.ClickAsync());
            Assert.Matches(@"^links-\d{4}-\d{2}-\d{2}\.png$", download.SuggestedFilename);
            var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes.Take(8).ToArray());
            var recorded = await host.WithServicesAsync(async s => await s.GetRequiredService<AriadneDbContext>().AuditEntries
                .Where(e => e.Action == CheckAuditActions.LinksExport && e.TargetId == start.Id.ToString()).Select(e => e.Details).ToListAsync());
            Assert.Equal($"image of the link view around report {start.Reference}; nodes on it: {drawn}", Assert.Single(recorded));

            // Scripts from 'self' only, no inline script: the content security policy refused nothing.
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        });
    }

    [Fact]
    public async Task In_the_graph_and_n_more_loads_the_next_page_of_a_busy_number()
    {
        const string busy = "+40 724 550 918";
        const string busyKey = "Phone:+40724550918";
        var reports = await host.WithServicesAsync(async s =>
        {
            var made = new List<ReportResponse>();
            for (var i = 0; i < ChecksLinksModel.PageSize + 1; i++)
            {
                made.Add(await ReportAsync(s, "demo-bg", busy, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu));
            }
            return made;
        });
        await host.OnDesktopAsync(async page =>
        {
            await SignInAsync(page, "demo-ro");
            await page.GotoAsync($"/Checks/Links?entity={Uri.EscapeDataString(busyKey)}");
            var links = new LinksPage(page);
            await Assertions.Expect(links.Nodes).ToHaveCountAsync(ChecksLinksModel.PageSize);
            await Assertions.Expect(page.Locator("#more")).ToContainTextAsync("And 1 more");
            await Assertions.Expect(links.Graph.Locator("canvas").First).ToBeVisibleAsync();
            // The start, a page of reports, and one "and 1 more" node: a busy number never draws everything at once.
            Assert.Equal(ChecksLinksModel.PageSize + 2, await GraphNodesAsync(page));
            var more = "more:" + busyKey;
            Assert.Equal("and 1 more", await page.EvaluateAsync<string>("id => window.ariadneLinkGraph.getElementById(id).data('label')", more));

            var (x, y) = await NodePositionAsync(page, more);
            await page.Mouse.ClickAsync(x, y);
            await page.WaitForFunctionAsync("id => window.ariadneLinkGraph.getElementById(id).empty()", more);
            foreach (var report in reports)
            {
                Assert.True(await HasNodeAsync(page, report.Id.ToString()), $"{report.Reference} is not in the graph after the second page");
            }
            Assert.Equal(ChecksLinksModel.PageSize + 2, await GraphNodesAsync(page));
        });
    }

    private static Task<int> GraphNodesAsync(IPage page) => page.EvaluateAsync<int>("() => window.ariadneLinkGraph.nodes().length");

    private static Task<bool> HasNodeAsync(IPage page, string id) =>
        page.EvaluateAsync<bool>("id => window.ariadneLinkGraph.getElementById(id).nonempty()", id);

    /// <summary>Where a node is drawn on the page, to click it as a user would.</summary>
    private static async Task<(float X, float Y)> NodePositionAsync(IPage page, string id)
    {
        var at = await page.EvaluateAsync<float[]>("""
            id => {
                const cy = window.ariadneLinkGraph;
                const p = cy.getElementById(id).renderedPosition();
                const box = cy.container().getBoundingClientRect();
                return [box.left + p.x, box.top + p.y];
            }
            """, id);
        return (at[0], at[1]);
    }

    private static async Task SignInAsync(IPage page, string user)
    {
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await signIn.SignInAsync(user, DemoSeeder.Password);
    }

    private static Task<int> WidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
}
