using System.Net;
using System.Text.RegularExpressions;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Accounts;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Accounts;

public sealed partial class AccountPagesTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_one_time_setup_link_creates_the_first_administrator_once(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        var token = app.Services.GetRequiredService<FirstAdministratorSetup>().Token;
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Contains("not valid", await client.GetStringAsync("/Accounts/Setup?token=guessed"), StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["Token"] = token, ["OrganisationName"] = "Ministry of Interior — Ariadne administration",
            ["DisplayName"] = "First Admin", ["UserName"] = "first-admin", ["Password"] = "a very long first password",
        };
        var created = await AriadneAppFactory.PostFormAsync(client, "/Accounts/Setup", new(fields), $"/Accounts/Setup?token={token}");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync("first-admin", "a very long first password")).StatusCode);
        Assert.Contains("not valid", await client.GetStringAsync($"/Accounts/Setup?token={token}"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Enrolling_an_authenticator_on_the_security_page_makes_the_code_required(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var officer = await app.CreateUserWithRoleAsync(Roles.FrontlineOfficer);
        using var client = await app.SignInToPagesAsync(officer);

        var page = await client.GetStringAsync("/Accounts/Security");
        Assert.Contains("data:image/png;base64,", page, StringComparison.Ordinal);
        var key = AuthenticatorKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(key));

        var wrong = await AriadneAppFactory.PostFormAsync(client, "/Accounts/Security?handler=Enable",
            new() { ["Code"] = "000000" }, "/Accounts/Security");
        Assert.Contains("does not match", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var enabled = await AriadneAppFactory.PostFormAsync(client, "/Accounts/Security?handler=Enable",
            new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "/Accounts/Security");
        Assert.Contains("Two-factor sign-in is on", await enabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync(officer.UserName, officer.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await app.RequestTokenAsync(officer.UserName, officer.Password, Totp.Code(key, DateTimeOffset.UtcNow))).StatusCode);

        // The page sign-in now asks for the code on a second page.
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var password = await AriadneAppFactory.PostFormAsync(browser, "/Accounts/SignIn",
            new() { ["UserName"] = officer.UserName, ["Password"] = officer.Password });
        Assert.StartsWith("/Accounts/TwoFactor", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var second = await AriadneAppFactory.PostFormAsync(browser, "/Accounts/TwoFactor",
            new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [GeneratedRegex("id=\"authenticator-key\">([a-z0-9 ]+)<")]
    private static partial Regex AuthenticatorKey();
}
