using System.Net;
using System.Text.RegularExpressions;
using Ariadne.Tests.Cases;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Shared;

namespace Ariadne.Tests.Pages;

/// <summary>
/// What people ran into using the pages day to day (issue #9, item 15): getting from a referral to its case,
/// finding one's work on the first tab, the way back from a printed sheet, one way of writing dates, a favicon.
/// </summary>
public sealed partial class EverydayUseTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_referring_officer_gets_from_the_sent_referral_to_the_cases_status(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var opened = await world.OpenAdultCaseAsync();
        using var officer = await app.SignInToPagesAsync(world.Police.User);

        var screenings = await officer.GetStringAsync("/Screenings");
        Assert.Contains($"href=\"/Cases/View?id={opened.Id}\"", screenings, StringComparison.Ordinal);
        Assert.Contains(opened.Reference, screenings, StringComparison.Ordinal);

        // The link leads to what the referrer may see: the status, never the person (V-08).
        var status = await officer.GetAsync($"/Cases/View?id={opened.Id}");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.DoesNotContain(opened.PersonName, await status.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_first_tab_of_the_case_list_is_where_the_users_work_is(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var opened = await world.OpenAdultCaseAsync();

        // The frontline officer is never a case worker: its referred cases show without choosing a tab.
        using var officer = await app.SignInToPagesAsync(world.Police.User);
        var officersList = await officer.GetStringAsync("/Cases");
        Assert.Contains(opened.Reference, officersList, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">My organisation's cases", officersList, StringComparison.Ordinal);

        // The unit's investigator who opened the case is its case worker: "My cases" comes first, with the case.
        using var investigator = await app.SignInToPagesAsync(world.Unit.User);
        var investigatorsList = await investigator.GetStringAsync("/Cases");
        Assert.Contains("aria-current=\"page\">My cases", investigatorsList, StringComparison.Ordinal);
        Assert.Contains(opened.Reference, investigatorsList, StringComparison.Ordinal);

        // Asking for a tab still gets that tab.
        var asked = await officer.GetStringAsync("/Cases?scope=mine");
        Assert.Contains("aria-current=\"page\">My cases", asked, StringComparison.Ordinal);
        Assert.DoesNotContain(opened.Reference, asked, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_printed_information_sheet_leads_back_to_the_guidance_it_was_given_from(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        using var officer = await app.SignInToPagesAsync(world.Police.User);
        var started = await AriadneAppFactory.PostFormAsync(officer, "/Screenings?handler=Start", new(), getUrl: "/Screenings");
        var screeningId = Regex.Match(started.Headers.Location!.OriginalString, "id=([0-9a-f-]{36})").Groups[1].Value;
        var guidance = $"/Screenings/Guidance?id={screeningId}";

        var given = await AriadneAppFactory.PostFormAsync(officer, $"{guidance}&handler=Sheet", new() { ["Language"] = "ro" }, getUrl: guidance);
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        var sheet = await officer.GetStringAsync(given.Headers.Location!.OriginalString);
        Assert.Contains($"href=\"/Screenings/Guidance?id={screeningId}\" id=\"back-to-guidance\"", sheet, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_page_writes_dates_one_way(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var opened = await world.OpenAdultCaseAsync();
        using var investigator = await app.SignInToPagesAsync(world.Unit.User);

        foreach (var (page, showsDates) in new[] { ($"/Cases/View?id={opened.Id}", true), ("/Cases", true), ("/Referrals", true), ("/Jurisdiction", false) })
        {
            var html = await investigator.GetStringAsync(page);
            // Text shown to people (outside attributes): no ISO date, and the dates a page shows in the house format.
            var shown = Attributes().Replace(html, "");
            Assert.DoesNotMatch(IsoDate(), shown);
            if (showsDates)
            {
                Assert.Matches(HouseDate(), shown);
            }
        }
        Assert.Equal("3 Dec 2026", DisplayFormat.Date(new DateOnly(2026, 12, 3)));
        Assert.Equal("3 Dec 2026 09:05", DisplayFormat.DateTime(new DateTime(2026, 12, 3, 9, 5, 7)));
        Assert.Equal("3 Dec 2026 09:05:07", DisplayFormat.DateTime(new DateTime(2026, 12, 3, 9, 5, 7), seconds: true));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_timeline_speaks_in_words_not_code_names(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var opened = await world.OpenAdultCaseAsync();
        await CaseWorld.AssessRiskAsync(world.Unit.Client, opened.Id, "ShelterPlacement", riskIdentified: false);

        var timeline = await world.Unit.Client.GetStringAsync($"/api/v1/cases/{opened.Id}/timeline");
        Assert.Contains("Risk assessment (Shelter placement)", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("ShelterPlacement", timeline, StringComparison.Ordinal);
        using var investigator = await app.SignInToPagesAsync(world.Unit.User);
        Assert.DoesNotContain(">Risk assessment (ShelterPlacement", await investigator.GetStringAsync($"/Cases/View?id={opened.Id}"),
            StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_favicon_is_served_without_signing_in(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var anonymous = app.CreateClient();
        var icon = await anonymous.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        var bytes = await icon.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]); // the ICO header: reserved 0, type 1 (icon)
    }

    [GeneratedRegex("""\s[\w-]+="[^"]*"|<script[\s\S]*?</script>""")]
    private static partial Regex Attributes();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b")]
    private static partial Regex HouseDate();
}
