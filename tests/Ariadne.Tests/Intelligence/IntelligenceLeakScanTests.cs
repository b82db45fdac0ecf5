using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Intelligence;

/// <summary>
/// Issue 10 "done when": a report coded "only within originating agency" shows no content, count, history line or filter option
/// to anyone outside its agency. Walks every intelligence route of the route table as every role of another agency, in an app
/// of its own so that counts and filter choices are exact.
/// </summary>
public sealed partial class IntelligenceLeakScanTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_report_only_for_its_agency_leaves_no_trace_outside_it(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        const string marker = "Leak marker 9XK";
        var report = await world.SubmitAsync(FiveFiveFiveHandling.OnlyWithinOriginatingAgency, freeText: marker, exploitation: "EXP-ORG");
        var id = report.GetProperty("id").GetGuid();
        var reference = report.GetProperty("reference").GetString()!;
        // A history line exists, and the same force opened it, so there is something to leak.
        Assert.Equal(HttpStatusCode.OK, (await world.Author.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/handling",
            new { handling5 = "OnlyWithinOriginatingAgency", specialHandling = false, conditions = "Keep away from the press", reason = "Marker" }))
            .StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.SameForce.Client.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);
        // A sanitised draft of it, written in the force: not released, so nobody outside sees it either.
        const string thematicMarker = "Thematic marker 4QP";
        var sanitised = await world.SameForce.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/sanitised",
            new { title = thematicMarker, summary = thematicMarker });
        Assert.Equal(HttpStatusCode.OK, sanitised.StatusCode);
        var sid = (await sanitised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var routes = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/intelligence", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .ToList();
        Assert.True(routes.Count >= 12, $"only {routes.Count} intelligence routes found");

        // Every role of organisations outside the originating force, at home and abroad, including a supervisor of another force.
        var outsiders = new List<(string Who, string Role, HttpClient Client, TestUser User)>();
        foreach (var role in Roles.All)
        {
            var type = role == Roles.OrganisationAdministrator ? OrganisationType.FrontlinePolice
                : OrganisationTypes.All.First(t => t.AssignableRoles().Contains(role));
            var organisation = await IntelligenceWorld.OrganisationAsync(app, type, "BE");
            var member = await IntelligenceWorld.MemberAsync(app, organisation, role, 9);
            outsiders.Add((role, role, member.Client, member.User));
        }
        foreach (var (kind, member) in world.Recipients.Where(r => r.Member != world.SameForce))
        {
            outsiders.Add((kind, member.User.Roles[0], member.Client, member.User));
        }

        var failures = new List<string>();
        bool Leaks(string body) => body.Contains(marker, StringComparison.Ordinal) || body.Contains(reference, StringComparison.Ordinal)
            || body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase) || body.Contains("Keep away from the press", StringComparison.Ordinal)
            || body.Contains(world.Originator.Id.ToString(), StringComparison.OrdinalIgnoreCase) || body.Contains("EXP-ORG", StringComparison.Ordinal)
            || body.Contains(thematicMarker, StringComparison.Ordinal) || body.Contains(sid.ToString(), StringComparison.OrdinalIgnoreCase);
        // The intelligence pages, from the page route table: a new page is walked too.
        var pageRoutes = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>().Select(p => "/" + p.AttributeRouteInfo?.Template)
            .Where(p => p.StartsWith("/Intelligence", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(pageRoutes.Count >= 5, $"only {pageRoutes.Count} intelligence pages found");

        foreach (var (who, role, client, user) in outsiders)
        {
            using (var browser = await app.SignInToPagesAsync(user))
            {
                foreach (var page in pageRoutes)
                {
                    var path = $"{page}?id={(page.Contains("Thematic", StringComparison.Ordinal) ? sid : id)}";
                    var response = await browser.GetAsync(path);
                    if (Leaks(await response.Content.ReadAsStringAsync()))
                    {
                        failures.Add($"{who} page {path}: the page mentions the report or its sanitised draft");
                    }
                    // Lists answer 200 without the report; a page about one report answers 404 (or 403 to a role without intelligence).
                    var list = page.EndsWith("/Intelligence", StringComparison.Ordinal) || page.EndsWith("/Thematic", StringComparison.Ordinal)
                               || page.EndsWith("/Index", StringComparison.Ordinal);
                    if (response.StatusCode == HttpStatusCode.OK && !list)
                    {
                        failures.Add($"{who} page {path}: 200 for a report they may not see");
                    }
                }
            }
            foreach (var (method, route) in routes)
            {
                var path = RouteParameter().Replace(route, (route.StartsWith("/api/v1/intelligence/sanitised/", StringComparison.Ordinal) ? sid : id).ToString());
                var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method != "GET")
                {
                    request.Content = JsonContent.Create(new { reason = "probe", text = "probe", system = "FiveByFiveByFive" });
                }
                if (method == "POST" && route.TrimEnd('/') == "/api/v1/intelligence")
                {
                    continue; // creating one's own report touches no other report
                }
                var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (Leaks(body))
                {
                    failures.Add($"{who} {method} {path}: the answer mentions the report: {body[..Math.Min(300, body.Length)]}");
                }
                if (route.Contains("{id", StringComparison.Ordinal) && response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
                {
                    failures.Add($"{who} {method} {path}: {(int)response.StatusCode}, expected 404 (or 403 for a role without intelligence)");
                }
                if (route.Contains("{id", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.Forbidden
                    && IntelligencePermissions.ApiRoles.Contains(role))
                {
                    failures.Add($"{who} {method} {path}: 403 tells that the report exists; expected 404");
                }
            }
            // No count: the originator's filter gives zero, and the whole list has no row of it.
            var filtered = await client.GetAsync($"/api/v1/intelligence?organisationId={world.Originator.Id}&exploitationType=EXP-ORG");
            if (filtered.StatusCode == HttpStatusCode.OK && filtered.Headers.GetValues("X-Total-Count").Single() != "0")
            {
                failures.Add($"{who}: X-Total-Count {filtered.Headers.GetValues("X-Total-Count").Single()} for the originator's reports");
            }
        }

        // Whatever the outsiders did is in the originator's log, and the originator's own views still work.
        var log = await world.Author.Client.GetFromJsonAsync<JsonElement>($"/api/v1/intelligence/{id}/access-log");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("outcome").GetString() == "Denied");
        var filters = await world.Author.Client.GetFromJsonAsync<JsonElement>("/api/v1/intelligence/filters");
        Assert.Contains(filters.GetProperty("exploitationTypes").EnumerateArray(), o => o.GetProperty("value").GetString() == "EXP-ORG");
        Assert.True(failures.Count == 0, $"{failures.Count} leaks:\n" + string.Join('\n', failures));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
