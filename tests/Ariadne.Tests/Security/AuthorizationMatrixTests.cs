using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Security;

/// <summary>
/// Every API endpoint of the route table × every role × own and other organisation, plus anonymous.
/// The expected access is written out here, in one table: an endpoint added without a row fails.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private enum Subject
    {
        None,
        Organisation,
        User,
    }

    private sealed record Target(Organisation Organisation, TestUser Member);

    private sealed record Rule(string Method, string Route, Subject Subject, Func<string, bool, bool> Allowed,
        Func<Target, object>? Body = null, string Query = "");

    private static bool Everyone(string role, bool own) => true;
    private static bool AdministratorOnly(string role, bool own) => role == Roles.Administrator;
    private static bool AuditReaders(string role, bool own) => role is Roles.Administrator or Roles.Coordinator;
    private static bool AccountManagers(string role, bool own) =>
        role == Roles.Administrator || (role == Roles.OrganisationAdministrator && own);

    private static readonly Rule[] Expected =
    [
        new("GET", "/api/v1/auth/me", Subject.None, Everyone),
        new("GET", "/api/v1/organisations", Subject.None, Everyone),
        new("GET", "/api/v1/organisations/{id:guid}", Subject.Organisation, Everyone),
        new("POST", "/api/v1/organisations", Subject.None, AdministratorOnly,
            _ => new { name = "Matrix " + Guid.NewGuid().ToString("N")[..10], type = "BorderGuard" }),
        new("PUT", "/api/v1/organisations/{id:guid}", Subject.Organisation, AdministratorOnly,
            t => new { name = t.Organisation.Name, type = t.Organisation.Type.ToString(), area = "Matrix area" }),
        new("GET", "/api/v1/organisations/{organisationId:guid}/users", Subject.Organisation, AccountManagers),
        new("POST", "/api/v1/organisations/{organisationId:guid}/users", Subject.Organisation, AccountManagers,
            t => new
            {
                userName = "m-" + Guid.NewGuid().ToString("N")[..12], displayName = "Matrix", password = "matrix password 1",
                roles = new[] { t.Organisation.Type.AssignableRoles()[0] },
            }),
        new("GET", "/api/v1/users/{id:guid}", Subject.User, AccountManagers),
        new("PUT", "/api/v1/users/{id:guid}", Subject.User, AccountManagers, _ => new { displayName = "Matrix renamed" }),
        new("POST", "/api/v1/users/{id:guid}/unlock", Subject.User, AccountManagers),
        new("POST", "/api/v1/users/{id:guid}/reset-two-factor", Subject.User, AccountManagers),
        new("GET", "/api/v1/audit", Subject.None, AuditReaders, Query: "?pageSize=5"),
        new("GET", "/api/v1/audit/export", Subject.None, AuditReaders, Query: "?reason=Authorization%20matrix%20check&from=2999-01-01"),
        new("POST", "/api/v1/audit/verify", Subject.None, AdministratorOnly),
    ];

    /// <summary>Endpoints anyone may call: checked separately, they answer without a token.</summary>
    private static readonly string[] Public = ["POST /api/v1/auth/token"];

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_api_endpoint_has_a_row_and_states_its_policy(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var endpoints = ApiEndpoints(app);

        var documented = Expected.Select(r => $"{r.Method} {r.Route}").Concat(Public).ToHashSet(StringComparer.Ordinal);
        var missing = endpoints.Keys.Where(k => !documented.Contains(k)).ToList();
        var stale = documented.Where(k => !endpoints.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a row in the authorization matrix: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Matrix rows for endpoints that no longer exist: " + string.Join(", ", stale));

        foreach (var (key, endpoint) in endpoints)
        {
            var isPublic = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var hasPolicy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy));
            Assert.True(isPublic ? Public.Contains(key) : hasPolicy, $"{key} must state a policy (or be listed as public)");
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_endpoint_against_every_role_in_own_and_other_organisation(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var otherOrganisation = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
        var other = new Target(otherOrganisation, await app.CreateUserAsync(otherOrganisation, Roles.FrontlineOfficer));
        var failures = new List<string>();
        var checkedCount = 0;

        using (var anonymous = app.CreateClient())
        {
            foreach (var rule in Expected)
            {
                var response = await SendAsync(anonymous, rule, other);
                if (response.StatusCode != HttpStatusCode.Unauthorized
                    || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"anonymous {rule.Method} {rule.Route}: {(int)response.StatusCode}, expected 401 problem");
                }
                checkedCount++;
            }
            var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { });
            if (token.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"anonymous POST /api/v1/auth/token with no credentials: {(int)token.StatusCode}, expected 400");
            }
        }

        foreach (var role in Roles.All)
        {
            var type = role == Roles.OrganisationAdministrator
                ? OrganisationType.FrontlinePolice
                : OrganisationTypes.All.First(t => t.AssignableRoles().Contains(role));
            var ownOrganisation = await app.CreateOrganisationAsync(type);
            var own = new Target(ownOrganisation, await app.CreateUserAsync(ownOrganisation, type.AssignableRoles()[0]));
            using var client = await app.SignInAsync(await app.CreateUserAsync(ownOrganisation, role));

            foreach (var rule in Expected)
            {
                foreach (var (target, isOwn) in rule.Subject == Subject.None ? [(own, true)] : new[] { (own, true), (other, false) })
                {
                    var response = await SendAsync(client, rule, target);
                    var status = (int)response.StatusCode;
                    var allowed = rule.Allowed(role, isOwn);
                    var ok = allowed
                        ? status is not (401 or 403 or 404) && status < 500
                        : status is 403 or 404;
                    if (!ok)
                    {
                        failures.Add($"{role} {(isOwn ? "own" : "other")} {rule.Method} {rule.Route}: {status}, expected {(allowed ? "allowed" : "403/404")}" +
                                     (status >= 400 ? " " + await response.Content.ReadAsStringAsync() : ""));
                    }
                    checkedCount++;
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCount} checks failed:\n" + string.Join('\n', failures));
        Assert.True(checkedCount >= Expected.Length * (Roles.All.Count + 1), $"only {checkedCount} checks ran");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Rule rule, Target target)
    {
        var path = RouteParameter().Replace(rule.Route, _ => rule.Subject == Subject.User
            ? target.Member.Id.ToString()
            : target.Organisation.Id.ToString()) + rule.Query;
        var request = new HttpRequestMessage(new HttpMethod(rule.Method), path);
        if (rule.Body is not null)
        {
            request.Content = JsonContent.Create(rule.Body(target));
        }
        return client.SendAsync(request);
    }

    private static Dictionary<string, RouteEndpoint> ApiEndpoints(AriadneAppFactory app)
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var result = new Dictionary<string, RouteEndpoint>(StringComparer.Ordinal);
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (!route.StartsWith("/api/", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
            {
                result[$"{method} {route}"] = endpoint;
            }
        }
        return result;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
