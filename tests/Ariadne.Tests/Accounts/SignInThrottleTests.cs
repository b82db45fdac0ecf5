using System.Net;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ariadne.Tests.Accounts;

/// <summary>
/// The sign-in limit counts attempts, per account and per address, with the shipped ceilings (issue 9, item 14):
/// a police station signing in at shift start is not refused, a guessed account is, and the refusal is a page on
/// the pages and problem details with Retry-After on the API.
/// </summary>
public sealed class SignInThrottleTests
{
    // null: the shipped appsettings.json ceilings, not the test factory's "unlimited".
    private static readonly Dictionary<string, string?> Shipped = new()
    {
        ["Security:SignInRateLimit:PerAddressPerMinute"] = null,
        ["Security:SignInRateLimit:PerAccountPerMinute"] = null,
    };

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_shared_office_signs_in_and_page_loads_do_not_count(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database, Shipped);
        var station = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);

        // Twelve colleagues behind one address, each loading the page a few times before signing in.
        for (var colleague = 1; colleague <= 12; colleague++)
        {
            var user = await app.CreateUserAsync(station, Roles.FrontlineOfficer);
            using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            for (var load = 0; load < 3; load++)
            {
                Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Accounts/SignIn")).StatusCode);
            }
            var signIn = await AriadneAppFactory.PostFormAsync(browser, "/Accounts/SignIn",
                new() { ["UserName"] = user.UserName, ["Password"] = user.Password });
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"colleague {colleague}: {(int)signIn.StatusCode}");
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Guessing_one_account_is_refused_on_the_page_with_a_readable_page(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database, Shipped);
        var station = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
        var target = await app.CreateUserAsync(station, Roles.FrontlineOfficer);
        var colleague = await app.CreateUserAsync(station, Roles.FrontlineOfficer);
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        HttpResponseMessage last = null!;
        for (var attempt = 0; attempt < 11; attempt++)
        {
            last = await AriadneAppFactory.PostFormAsync(browser, "/Accounts/SignIn",
                new() { ["UserName"] = target.UserName, ["Password"] = "wrong guess " + attempt });
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Equal("text/html", last.Content.Headers.ContentType?.MediaType);
        var page = await last.Content.ReadAsStringAsync();
        Assert.Matches(@"Too many sign-in attempts\. Try again in \d+ s", page);
        Assert.Contains(target.UserName, page, StringComparison.Ordinal); // what was typed stays
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // The limit is the account's: a colleague at the same address still signs in.
        Assert.NotNull(await app.SignInToPagesAsync(colleague));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Guessing_one_account_on_the_api_gets_429_problem_details_with_retry_after(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database, Shipped);
        var user = await app.CreateUserWithRoleAsync(Roles.FrontlineOfficer);

        for (var attempt = 0; attempt < 10; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync(user.UserName, "wrong guess " + attempt)).StatusCode);
        }
        var limited = await app.RequestTokenAsync(user.UserName, user.Password);

        var problem = await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Matches(@"Try again in \d+ s", problem.GetProperty("detail").GetString());
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
