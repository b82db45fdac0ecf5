using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Tests.Intelligence;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Checks;

/// <summary>
/// Issue 12 "Done when": as every role of every kind of organisation, check a value planted in reports of every handling code
/// (special handling and a draft too) and expand the links around it; no answer carries the id, reference, score or count of a
/// report the asker may not open, and a restricted hit carries only the originator's contact. The routes come from the route table:
/// a new check or link route fails this test until it is exercised here.
/// </summary>
public sealed class CheckLeakTests
{
    private static readonly string[] Covered =
    [
        "POST /api/v1/checks", "GET /api/v1/checks", "POST /api/v1/checks/{id:guid}/run", "GET /api/v1/checks/approvals",
        "POST /api/v1/checks/{id:guid}/approval", "GET /api/v1/checks/on-our-material", "GET /api/v1/checks/review", "GET /api/v1/links",
        "GET /api/v1/checks/new-links", "POST /api/v1/checks/cross-reference/run",
    ];

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task No_check_or_link_answer_reveals_a_report_the_asker_may_not_see(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var routes = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + (e.RoutePattern.RawText ?? "").Trim('/'), Methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Route.StartsWith("/api/v1/checks", StringComparison.Ordinal) || e.Route.StartsWith("/api/v1/links", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Route}")).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Covered.Order(StringComparer.Ordinal), routes.Order(StringComparer.Ordinal));

        using var world = await IntelligenceWorld.CreateAsync(app);
        var phone = CheckWorld.NewPhone();
        var planted = new List<(Guid Id, string Reference, string Code)>();
        foreach (var code in Enum.GetValues<FiveFiveFiveHandling>())
        {
            var r = await CheckWorld.ReportAsync(world.Author, code, phone.International, "Ivan Petrov");
            planted.Add((r.Id, r.Reference, code.ToString()));
        }
        var specialPut = await world.Author.Client.PostAsJsonAsync("/api/v1/intelligence", new
        {
            items = new[] { new { kind = "Communication", subKind = "phone", value = phone.International } },
            grading = new
            {
                system = "FiveByFiveByFive", source5 = "MostlyReliable", intelligence5 = "KnownPersonallyToSourceButNotToOfficer",
                handling5 = "NonEuLawEnforcementWithoutAdequateSafeguards", conditions = "Not to be used in court", specialHandling = true,
            },
            submit = true,
        });
        var specialReport = JsonDocument.Parse(await specialPut.Content.ReadAsStringAsync()).RootElement;
        planted.Add((specialReport.GetProperty("id").GetGuid(), specialReport.GetProperty("reference").GetString()!, "special handling"));
        var draft = await CheckWorld.ReportAsync(world.Author, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, phone.International,
            submit: false);
        planted.Add((draft.Id, draft.Reference, "draft"));

        var members = world.Recipients.Select(r => (r.Kind, r.Member)).ToList();
        members.Add(("author", world.Author));
        members.Add(("supervisor of the force", await IntelligenceWorld.MemberAsync(app, world.Originator, Roles.DisseminationSupervisor)));
        members.Add(("analyst of the originating unit", await IntelligenceWorld.MemberAsync(app, world.Originator, Roles.IntelligenceAnalyst)));
        var frontline = await IntelligenceWorld.OrganisationAsync(app, OrganisationType.FrontlinePolice, "BE");
        members.Add(("frontline elsewhere", await IntelligenceWorld.MemberAsync(app, frontline, Roles.FrontlineOfficer)));
        members.Add(("guardian", await IntelligenceWorld.MemberAsync(app,
            await IntelligenceWorld.OrganisationAsync(app, OrganisationType.Guardianship, "BE"), Roles.Guardian)));

        var failures = new List<string>();
        var hitsSeen = 0;
        foreach (var (kind, member) in members)
        {
            var visible = new HashSet<Guid>();
            foreach (var report in planted)
            {
                if ((await member.Client.GetAsync($"/api/v1/intelligence/{report.Id}")).StatusCode == HttpStatusCode.OK)
                {
                    visible.Add(report.Id);
                }
            }
            var hidden = planted.Where(p => !visible.Contains(p.Id)).ToList();
            var answers = new List<(string What, HttpResponseMessage Response)>();
            var check = await member.Client.PostAsJsonAsync("/api/v1/checks", new
            {
                identifiers = new[] { new { kind = "phone", value = phone.International } },
                person = new { names = new[] { "Ivan Petrov" } },
                purpose = "Leak test", caseReference = "C-LEAK", acknowledgeWarning = true,
            });
            answers.Add(("check", check));
            if (check.StatusCode == HttpStatusCode.OK)
            {
                var body = JsonDocument.Parse(await check.Content.ReadAsStringAsync()).RootElement;
                foreach (var hit in body.GetProperty("hits").EnumerateArray())
                {
                    hitsSeen++;
                    if (!visible.Contains(hit.GetProperty("reportId").GetGuid()))
                    {
                        failures.Add($"{kind}: check shows report {hit.GetProperty("reportId")} it may not open");
                    }
                }
                CheckMarkers(kind, body, failures);
                var id = body.GetProperty("id").GetGuid();
                answers.Add(("run", await member.Client.PostAsync($"/api/v1/checks/{id}/run", null)));
                answers.Add(("approval", await member.Client.PostAsync($"/api/v1/checks/{id}/approval", null)));
            }
            answers.Add(("mine", await member.Client.GetAsync("/api/v1/checks")));
            answers.Add(("approvals", await member.Client.GetAsync("/api/v1/checks/approvals")));
            answers.Add(("review", await member.Client.GetAsync("/api/v1/checks/review")));
            answers.Add(("new links", await member.Client.GetAsync("/api/v1/checks/new-links?since=0")));
            answers.Add(("new links of ours", await member.Client.GetAsync("/api/v1/checks/new-links?mine=true")));
            answers.Add(("run", await member.Client.PostAsync("/api/v1/checks/cross-reference/run", null)));
            var links = await member.Client.GetAsync($"/api/v1/links?entity=Phone:{Uri.EscapeDataString(phone.E164)}&pageSize=1");
            answers.Add(("links", links));
            if (links.StatusCode == HttpStatusCode.OK)
            {
                var body = JsonDocument.Parse(await links.Content.ReadAsStringAsync()).RootElement;
                CheckMarkers(kind, body, failures);
                var shown = body.GetProperty("nodes").EnumerateArray().Count(n => n.GetProperty("type").GetString() == "report");
                // "And N more" counts only what the asker could page to.
                var more = body.GetProperty("more").GetInt32();
                var reachable = visible.Count; // every visible planted report holds the value
                if (shown + more > reachable)
                {
                    failures.Add($"{kind}: links count {shown} + {more} more, but only {reachable} are visible");
                }
            }
            foreach (var report in planted)
            {
                var around = await member.Client.GetAsync($"/api/v1/links?report={report.Id}&pageSize=50");
                answers.Add(($"links around {report.Code}", around));
                if (!visible.Contains(report.Id) && around.StatusCode != HttpStatusCode.NotFound && around.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{kind}: links around a hidden report ({report.Code}) answered {(int)around.StatusCode}");
                }
            }
            answers.Add(("on our material", await member.Client.GetAsync("/api/v1/checks/on-our-material")));
            foreach (var (what, response) in answers)
            {
                var raw = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{kind}: {what} answered {(int)response.StatusCode}");
                }
                // The originating unit's own deconfliction list names its own reports; it is the only one that may.
                if (what == "on our material" && member.Organisation.Id == world.Originator.Id)
                {
                    continue;
                }
                foreach (var leak in hidden)
                {
                    if (raw.Contains(leak.Id.ToString(), StringComparison.OrdinalIgnoreCase) || raw.Contains(leak.Reference, StringComparison.Ordinal))
                    {
                        failures.Add($"{kind}: {what} reveals the {leak.Code} report it may not open");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(hitsSeen > 0, "nobody saw any hit: the test planted nothing findable");
    }

    private static void CheckMarkers(string kind, JsonElement body, List<string> failures)
    {
        foreach (var marker in body.GetProperty("restricted").EnumerateArray())
        {
            var names = marker.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
            if (!names.SequenceEqual(["email", "message", "originator", "phone"]))
            {
                failures.Add($"{kind}: a restricted marker carries {string.Join(", ", names)}");
            }
        }
    }
}
