using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using static Ariadne.Tests.Cases.CaseWorld;

namespace Ariadne.Tests.Cases;

/// <summary>
/// Issue 9 item 13: for every kind of participant, the case page offers exactly the operations the API accepts. The page
/// is rendered as each of them; each operation is then tried on the API with a body the API refuses as incomplete, so a
/// participant allowed to do it gets 400 (or 409) and changes nothing, and one who is not gets 403 or 404.
/// </summary>
public sealed partial class CasePageOffersTests
{
    /// <summary>A page form (its handler) → the operation it does, and how the API is asked about that operation.</summary>
    private static readonly (string Operation, string[] Handlers, Func<Guid, Ctx, Task<HttpResponseMessage>> Probe)[] Operations =
    [
        ("lifecycle step", ["Step"], (id, x) => x.Client.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { trigger = "Close" })),
        ("assign", ["Assign"], (id, x) => x.Client.PutAsJsonAsync($"/api/v1/cases/{id}/owner", new { userId = Guid.NewGuid() })),
        ("hand over", ["Handover"], (id, x) => x.Client.PostAsJsonAsync($"/api/v1/cases/{id}/handovers", new { toOrganisationId = Guid.Empty, reason = "" })),
        ("invite", ["Invite"], (id, x) => x.Client.PostAsJsonAsync($"/api/v1/cases/{id}/participants", new { organisationId = Guid.Empty })),
        ("propose service", ["Propose"], (id, x) => x.Client.PostAsJsonAsync($"/api/v1/cases/{id}/services", new { })),
        ("answer or revoke a service", ["Service"], async (id, x) =>
        {
            // The provider declines, the proposer revokes: both need a reason, so an empty one is refused with 400.
            var decline = await x.Client.PostAsJsonAsync($"/api/v1/cases/{id}/services/{x.Service}/decline", new { });
            return decline.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                ? await x.Client.PostAsJsonAsync($"/api/v1/cases/{id}/services/{x.Service}/revoke", new { })
                : decline;
        }),
        ("assess risk", ["Risk"], (id, x) => x.Client.PostAsJsonAsync($"/api/v1/cases/{id}/risk-assessments", new { })),
        ("change person status", ["Status"], (id, x) => x.Client.PostAsJsonAsync($"/api/v1/cases/{id}/status-changes", new { })),
        ("plan return", ["Return"], (id, x) => x.Client.PutAsJsonAsync($"/api/v1/cases/{id}/return-plan", new { })),
        ("record consent", ["Consent", "Withdraw"], (id, x) => x.Client.PostAsJsonAsync($"/api/v1/cases/{id}/consents", new { })),
        ("record guardian", ["Guardian"], (id, x) => x.Client.PutAsJsonAsync($"/api/v1/cases/{id}/guardian",
            new { guardianshipOrganisationId = x.Organisation, guardianName = "" })),
        ("assess age", ["Age"], (id, x) => x.Client.PostAsJsonAsync($"/api/v1/cases/{id}/age-assessments", new { })),
        ("child procedure", ["Interview", "Disposition"], (id, x) => x.Client.PutAsJsonAsync($"/api/v1/cases/{id}/disposition", new { })),
        ("name safety coordinator", ["Coordinator"], (id, x) => x.Client.PutAsJsonAsync($"/api/v1/cases/{id}/safety-coordinator", new { userId = Guid.Empty })),
        ("keep safety plan", ["SafetyAction", "SafetyActionStatus"], (id, x) => x.Client.PostAsJsonAsync($"/api/v1/cases/{id}/safety-actions", new { })),
        ("arrange meeting", ["Meeting"], (id, x) => x.Client.PostAsJsonAsync($"/api/v1/cases/{id}/meetings", new { })),
        ("record statement", ["Statement"], (id, x) => x.Client.PostAsJsonAsync($"/api/v1/cases/{id}/documents", new { })),
        // Last: allowed, it is done (there is nothing to leave out of an acknowledgement).
        ("acknowledge guardian", ["AcknowledgeGuardian"], (id, x) => x.Client.PostAsync($"/api/v1/cases/{id}/guardian/acknowledge", null)),
    ];

    public sealed record Ctx(HttpClient Client, Guid Organisation, Guid Service);

    [GeneratedRegex("handler=([A-Za-z]+)")]
    private static partial Regex Handler();

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task For_every_participant_the_case_page_offers_exactly_what_the_api_allows(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        // A child's case in recovery with every kind of participant: guardian, support, invited prosecution, a police officer
        // of another organisation as safety coordinator, a unit a handover waits for, the referrer and the coordinator.
        var c = await world.OpenChildCaseAsync();
        await world.AppointGuardianAsync(c);
        await world.MoveToRecoveryAsync(c);
        var service = await world.ProposeAsync(c.Id, "SVC-02", world.Support.Organisation);
        await world.InviteAsync(c.Id, world.Prosecution.Organisation);
        var borderGuard = await world.MemberAsync(OrganisationType.BorderGuard, Roles.BorderGuard);
        await world.InviteAsync(c.Id, borderGuard.Organisation);
        await OkAsync(await world.Unit.Client.PutAsJsonAsync($"/api/v1/cases/{c.Id}/safety-coordinator", new { userId = borderGuard.User.Id }));
        await OkAsync(await world.Unit.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/safety-actions", new { description = "Escort to court" }));
        await OkAsync(await world.Unit.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/handovers",
            new { toOrganisationId = world.OtherUnit.Organisation.Id, reason = "Region" }));
        var document = (await DetailAsync(world.Unit.Client, c.Id)).GetProperty("documents").EnumerateArray().First().GetProperty("id").GetGuid();

        var participants = new (string Who, Member Member)[]
        {
            ("owning unit", world.Unit), ("referring police", world.Police), ("guardian", world.Guardianship),
            ("support organisation", world.Support), ("invited prosecution", world.Prosecution), ("safety coordinator", borderGuard),
            ("coordinator", world.Coordinator), ("unit a handover awaits", world.OtherUnit),
        };
        // Every page first: the probes afterwards may change the case (an acknowledgement).
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (who, member) in participants)
        {
            using var browser = await app.SignInToPagesAsync(member.User);
            var response = await browser.GetAsync($"/Cases/View?id={c.Id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages[who] = await response.Content.ReadAsStringAsync();
        }

        var mismatches = new List<string>();
        var offeredAnywhere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (who, member) in participants)
        {
            var handlers = Handler().Matches(pages[who]).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var ctx = new Ctx(member.Client, member.Organisation.Id, service);
            foreach (var (operation, forms, probe) in Operations)
            {
                var response = await probe(c.Id, ctx);
                var allowed = response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
                // The return safeguard (R-LEG-02) is the case's state, not a permission: to whoever may plan a return the page
                // shows either the form or why no return can be planned now (SafeguardApiTests shows the form once nothing blocks).
                var offered = forms.Any(handlers.Contains)
                              || (operation == "plan return" && allowed && pages[who].Contains("id=\"return-blocked\"", StringComparison.Ordinal));
                Assert.True((int)response.StatusCode < 500, $"{who}, {operation}: {(int)response.StatusCode}");
                if (offered != allowed)
                {
                    mismatches.Add($"{who}: the page {(offered ? "offers" : "does not offer")} '{operation}', the API answers {(int)response.StatusCode}");
                }
                if (offered)
                {
                    offeredAnywhere.Add(operation);
                }
            }
            // Reading: identity and statements on the page exactly when the API gives them.
            var detail = await DetailAsync(member.Client, c.Id);
            var personApi = detail.GetProperty("case").GetProperty("person").ValueKind != System.Text.Json.JsonValueKind.Null;
            if (personApi != pages[who].Contains("id=\"person\"", StringComparison.Ordinal))
            {
                mismatches.Add($"{who}: the page and the API disagree on showing the person");
            }
            var statementsApi = (await member.Client.GetAsync($"/api/v1/cases/{c.Id}/documents/{document}")).StatusCode == HttpStatusCode.OK;
            if (statementsApi != pages[who].Contains("id=\"documents\"", StringComparison.Ordinal))
            {
                mismatches.Add($"{who}: the page and the API disagree on the statements");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
        // Not vacuous: the case and its participants were set up so that every form is offered to someone.
        Assert.Equal(Operations.Select(o => o.Operation).Order(StringComparer.Ordinal), offeredAnywhere.Order(StringComparer.Ordinal));
    }
}
