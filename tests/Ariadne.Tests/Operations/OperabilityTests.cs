using System.Net;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;

namespace Ariadne.Tests.Operations;

public sealed class OperabilityTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Health_endpoints_answer_without_sign_in_and_ready_checks_the_database(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Ready_fails_when_the_database_is_gone_while_live_stays_up(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await app.DestroyDatabaseAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Pages_carry_the_security_headers(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/Accounts/SignIn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_form_post_without_the_anti_forgery_token_is_refused(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var client = app.CreateClient();

        var response = await client.PostAsync("/Accounts/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "demo-admin",
            ["Password"] = "ariadne-demo",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_OpenAPI_document_lists_the_api(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var client = app.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/auth/token", paths);
        Assert.Contains("/api/v1/organisations/{organisationId}/users", paths);
        Assert.Contains("/api/v1/audit", paths);
        Assert.Contains("/api/v1/cases", paths);
        Assert.Contains("/api/v1/cases/dashboard", paths);
        Assert.Contains("/api/v1/cases/{id}/transitions", paths);
        Assert.Contains("/api/v1/cases/{id}/placements", paths);
        Assert.Contains("/api/v1/cases/{id}/consents/{consentId}/withdraw", paths);
        Assert.Contains("/api/v1/jurisdiction", paths);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_page_without_sign_in_redirects_to_the_sign_in_page(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/Audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Accounts/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
