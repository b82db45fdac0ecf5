using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Intelligence;

namespace Ariadne.Tests.Intelligence;

/// <summary>
/// Issue 10 item 7: a report is sent on only where the originator's handling code lets it go to that recipient; the sending is
/// logged for the originator, and the recipient finds it among the reports sent to it.
/// </summary>
public sealed class SendingOnTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_report_goes_on_only_where_its_code_allows_and_the_originator_sees_it(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var id = (await world.SubmitAsync(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu)).GetProperty("id").GetGuid();

        // Code 3 does not reach a support organisation: refused, with whom to refer to.
        var refused = await world.OtherForce.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/disseminations",
            new { organisationId = world.Support.Organisation.Id, reason = "For their briefing" });
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Contains(world.Originator.Name, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // A reason is required; a prosecutor reads but does not send on.
        await ProblemAssert.IsProblemAsync(await world.OtherForce.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/disseminations",
            new { organisationId = world.EuPolice.Organisation.Id }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await world.Prosecutor.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/disseminations",
            new { organisationId = world.EuPolice.Organisation.Id, reason = "x" }), HttpStatusCode.Forbidden);

        var sent = await world.OtherForce.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/disseminations",
            new { organisationId = world.EuPolice.Organisation.Id, reason = "Same van seen at their border" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var received = await world.EuPolice.Client.GetFromJsonAsync<JsonElement>("/api/v1/intelligence/received");
        Assert.Equal(id, Assert.Single(received.EnumerateArray()).GetProperty("reportId").GetGuid());
        Assert.Equal(0, (await world.Support.Client.GetFromJsonAsync<JsonElement>("/api/v1/intelligence/received")).GetArrayLength());

        var log = await world.Author.Client.GetFromJsonAsync<JsonElement>($"/api/v1/intelligence/{id}/access-log");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("action").GetString() == IntelligenceAuditActions.Send
            && e.GetProperty("details").GetString()!.Contains("Same van seen at their border", StringComparison.Ordinal));
    }
}
