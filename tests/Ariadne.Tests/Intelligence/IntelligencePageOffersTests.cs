using System.Net;
using System.Net.Http.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Security;

namespace Ariadne.Tests.Intelligence;

/// <summary>
/// The report page offers exactly what the API accepts (conventions: "test that the page offers exactly what the API allows"):
/// rendered as each kind of viewer, then each operation is tried on the API with a body it refuses as incomplete, so a viewer who
/// may do it gets 400 or 409 and changes nothing, and one who may not gets 403 or 404.
/// </summary>
public sealed class IntelligencePageOffersTests
{
    private static readonly (string Operation, string[] Markers, Func<Guid, HttpClient, Task<HttpResponseMessage>> Probe)[] Operations =
    [
        ("evaluate", ["handler=Evaluate"], (id, c) => c.PostAsJsonAsync($"/api/v1/intelligence/{id}/evaluations", new { })),
        ("assess risk", ["handler=RiskAssessment"], (id, c) => c.PutAsJsonAsync($"/api/v1/intelligence/{id}/risk-assessment", new { text = "" })),
        ("approve", ["handler=ApproveRisk", "handler=ApproveDissemination"],
            (id, c) => c.PostAsync($"/api/v1/intelligence/{id}/risk-assessment/approval", null)),
        // The section, with a form or with "no recipient now": what matters is that sending is offered to whoever may send.
        ("send", ["id=\"send\""], (id, c) => c.PostAsJsonAsync($"/api/v1/intelligence/{id}/disseminations", new { })),
        // The page's access log shows exactly to whom the API gives it (the originator's and the agency's supervisors).
        ("read the access log", ["id=\"access-log\""], (id, c) => c.GetAsync($"/api/v1/intelligence/{id}/access-log")),
        ("edit draft", ["/Intelligence/Edit?id="], (id, c) => c.PostAsJsonAsync($"/api/v1/intelligence/{id}/submit", new { })),
        // Last: allowed, it is done (a sanitised draft is created).
        ("sanitise", ["handler=Sanitise"], (id, c) => c.PostAsJsonAsync($"/api/v1/intelligence/{id}/sanitised", new { })),
    ];

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task For_every_viewer_the_report_page_offers_exactly_what_the_api_allows(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var supervisor = await IntelligenceWorld.MemberAsync(app, world.SameForce.Organisation, Roles.DisseminationSupervisor, 1);
        // Under special handling with its risk assessment awaiting approval: its unit and the force's supervisor see it.
        var special = (await world.SubmitAsync(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, special: true)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await world.Author.Client.PutAsJsonAsync($"/api/v1/intelligence/{special}/risk-assessment",
            new { text = "Low risk to the source." })).StatusCode);
        // An ordinary one that police and prosecution may read.
        var plain = (await world.SubmitAsync(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu)).GetProperty("id").GetGuid();
        // And a draft of the author's.
        var draft = (await (await world.Author.Client.PostAsJsonAsync("/api/v1/intelligence", new { freeText = "Draft" }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();

        var viewers = new (string Who, IntelligenceWorld.Member Member)[]
        {
            ("author", world.Author), ("supervisor of the force", supervisor), ("investigator of the force", world.SameForce),
            ("investigator of another force", world.OtherForce), ("EU analyst", world.EuPolice), ("prosecutor", world.Prosecutor),
            ("support worker", world.Support),
        };
        var mismatches = new List<string>();
        var offeredAnywhere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in new[] { special, plain, draft })
        {
            var pages = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (who, member) in viewers)
            {
                using var browser = await app.SignInToPagesAsync(member.User);
                var response = await browser.GetAsync($"/Intelligence/View?id={id}");
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{who}: {(int)response.StatusCode}");
                pages[who] = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
            }
            foreach (var (who, member) in viewers)
            {
                foreach (var (operation, markers, probe) in Operations)
                {
                    var response = await probe(id, member.Client);
                    Assert.True((int)response.StatusCode < 500, $"{who}, {operation}: {(int)response.StatusCode}");
                    // Submitting a submitted report is 409 "not in this state" for any reader; only the draft's author gets as far
                    // as the missing grading (400).
                    var allowed = operation == "edit draft"
                        ? response.StatusCode == HttpStatusCode.BadRequest
                        : response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
                    var offered = pages[who] is { } page && markers.Any(m => page.Contains(m, StringComparison.Ordinal));
                    if (offered != allowed)
                    {
                        mismatches.Add($"{who}, report {(id == special ? "special" : id == plain ? "plain" : "draft")}: the page " +
                                       $"{(offered ? "offers" : "does not offer")} '{operation}', the API answers {(int)response.StatusCode}");
                    }
                    if (offered)
                    {
                        offeredAnywhere.Add(operation);
                    }
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
        // Not vacuous: every action is offered to someone.
        Assert.Equal(Operations.Select(o => o.Operation).Order(StringComparer.Ordinal), offeredAnywhere.Order(StringComparer.Ordinal));
    }
}
