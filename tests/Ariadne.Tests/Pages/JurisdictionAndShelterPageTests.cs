using System.Net;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Jurisdiction;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Pages;

/// <summary>The jurisdiction settings form and the shelter register, through the real cookie sign-in and anti-forgery.</summary>
public sealed class JurisdictionAndShelterPageTests
{
    private static Dictionary<string, string> Settings(string decisionDays, string holidays) => new()
    {
        ["Input.Name"] = "Test jurisdiction",
        ["Input.EmergencyNumber"] = "112",
        ["Input.AgeOfMajority"] = "18",
        ["Input.TimeZone"] = "Europe/Brussels",
        ["Input.MinimumReflectionDays"] = "45",
        ["Input.DecisionTargetWorkingDays"] = decisionDays,
        ["Input.StaleAfterDays"] = "20",
        ["Input.ReviewIntervalDays"] = "28",
        ["Input.ChildReviewIntervalDays"] = "14",
        ["Input.Holidays"] = holidays,
        ["Input.DecisionRoles"] = Roles.Investigator,
        ["Input.Outcomes"] = "OUT-01 | Testifies\nOUT-09 | A local outcome",
    };

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_administrator_changes_the_jurisdiction_and_mistakes_show_next_to_their_field(string database)
    {
        // Its own app: the settings apply to every request of the app.
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        using var admin = await app.SignInToPagesAsync(await app.CreateUserWithRoleAsync(Roles.Administrator));

        var refused = await AriadneAppFactory.PostFormAsync(admin, "/Jurisdiction/Edit", Settings("five", "2026-12-25\n2026-02-30"));
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"error-DecisionTargetWorkingDays\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"five\"", page, StringComparison.Ordinal);
        Assert.Contains("Not understood: 2026-02-30", page, StringComparison.Ordinal);
        Assert.Equal(5, await CurrentAsync(app, p => p.DecisionTargetWorkingDays));

        var saved = await AriadneAppFactory.PostFormAsync(admin, "/Jurisdiction/Edit", Settings("7", "2026-12-25\n2027-01-01"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(7, await CurrentAsync(app, p => p.DecisionTargetWorkingDays));
        Assert.Equal([new DateOnly(2026, 12, 25), new DateOnly(2027, 1, 1)], await CurrentAsync(app, p => p.Holidays));
        Assert.Equal(["OUT-01", "OUT-09"], await CurrentAsync(app, p => p.Outcomes.Select(o => o.Code).ToList()));

        // Everyone signed in reads the rules in force; only administrators change them.
        using var officer = await app.SignInToPagesAsync(await app.CreateUserWithRoleAsync(Roles.FrontlineOfficer));
        var rules = await officer.GetStringAsync("/Jurisdiction");
        Assert.Contains("Due 7 working days after the case is opened", rules, StringComparison.Ordinal);
        var edit = await officer.GetAsync("/Jurisdiction/Edit");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.StartsWith("/Accounts/AccessDenied", new Uri(new Uri("http://localhost"), edit.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_support_organisation_registers_shelters_whose_addresses_only_it_sees(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var organisation = await app.CreateOrganisationAsync(OrganisationType.VictimSupport);
        using var worker = await app.SignInToPagesAsync(await app.CreateUserAsync(organisation, Roles.SupportWorker));

        var missing = await AriadneAppFactory.PostFormAsync(worker, "/Support/Shelters",
            new() { ["Input.Name"] = "House East-1", ["Input.Type"] = "", ["Input.Address"] = "1 Test Lane, Testville" });
        var page = await missing.Content.ReadAsStringAsync();
        Assert.Contains("id=\"error-type\"", page, StringComparison.Ordinal);
        Assert.Contains("1 Test Lane, Testville", page, StringComparison.Ordinal);

        var added = await AriadneAppFactory.PostFormAsync(worker, "/Support/Shelters",
            new() { ["Input.Name"] = "House East-1", ["Input.Type"] = "CareShelter", ["Input.Address"] = "1 Test Lane, Testville" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var list = await worker.GetStringAsync("/Support/Shelters");
        Assert.Contains("1 Test Lane, Testville", list, StringComparison.Ordinal);
        Assert.Contains("law enforcement never sees them (V-01)", list, StringComparison.Ordinal);

        using var otherShelter = await app.SignInToPagesAsync(await app.CreateUserWithRoleAsync(Roles.SupportWorker));
        Assert.DoesNotContain("1 Test Lane", await otherShelter.GetStringAsync("/Support/Shelters"), StringComparison.Ordinal);
        using var investigator = await app.SignInToPagesAsync(await app.CreateUserWithRoleAsync(Roles.Investigator));
        var refused = await investigator.GetAsync("/Support/Shelters");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Accounts/AccessDenied", new Uri(new Uri("http://localhost"), refused.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
    }

    private static Task<T> CurrentAsync<T>(AriadneAppFactory app, Func<JurisdictionProfile, T> read) =>
        app.WithScopeAsync(s => Task.FromResult(read(s.GetRequiredService<JurisdictionSettings>().Current)));
}
