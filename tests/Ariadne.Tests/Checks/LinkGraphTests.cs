using System.Net;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Checks;
using Ariadne.Web.Features.Intelligence;

namespace Ariadne.Tests.Checks;

/// <summary>
/// The link view's graph (issue 12 item 5) behind the page: its expansion steps answer exactly what the list and the API answer
/// (restricted nodes only as "refer to originator" markers), and exporting it as an image is recorded as a dissemination, only
/// for a start the user may see.
/// </summary>
public sealed class LinkGraphTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_graph_step_answers_what_the_list_shows_and_hides_what_the_user_may_not_see(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var (world, phone, shown, hidden) = await CheckWorld.ShownAndHiddenAsync(app);
        using var owned = world;
        using var pages = await app.SignInToPagesAsync(world.OtherForce.User);

        var step = await pages.GetAsync($"/Checks/Links?handler=Step&entity={Uri.EscapeDataString("Phone:" + phone.E164)}");
        var raw = await step.Content.ReadAsStringAsync();
        Assert.True(step.StatusCode == HttpStatusCode.OK, raw);
        var view = JsonDocument.Parse(raw).RootElement;
        var node = Assert.Single(view.GetProperty("nodes").EnumerateArray());
        Assert.Equal(shown.Id.ToString(), node.GetProperty("id").GetString());
        var marker = Assert.Single(view.GetProperty("restricted").EnumerateArray());
        Assert.Equal(["email", "message", "originator", "phone"], marker.EnumerateObject().Select(p => p.Name).Order().ToArray());
        Assert.Equal(world.SameForce.Organisation.Name, marker.GetProperty("originator").GetString());
        Assert.DoesNotContain(hidden.Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(hidden.Reference, raw, StringComparison.Ordinal);

        // The page's data island carries the same view, nothing more.
        var html = await pages.GetStringAsync($"/Checks/Links?entity={Uri.EscapeDataString("Phone:" + phone.E164)}");
        Assert.Contains("id=\"link-data\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.Id.ToString(), html, StringComparison.OrdinalIgnoreCase);

        // A report the user may not see does not exist for them; a step without a start is a readable 400.
        var refused = await pages.GetAsync($"/Checks/Links?handler=Step&report={hidden.Id}");
        var refusedBody = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(IntelligenceError.NotFound.Message, JsonDocument.Parse(refusedBody).RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain(hidden.Reference, refusedBody, StringComparison.Ordinal);
        var nothing = await pages.GetAsync("/Checks/Links?handler=Step");
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.True(JsonDocument.Parse(await nothing.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("report", out _));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Exporting_the_graph_is_recorded_before_the_image_is_saved_and_only_for_a_start_the_user_may_see(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var (world, phone, shown, hidden) = await CheckWorld.ShownAndHiddenAsync(app);
        using var owned = world;
        using var pages = await app.SignInToPagesAsync(world.OtherForce.User);
        var linksPage = $"/Checks/Links?report={shown.Id}";

        var exported = await AriadneAppFactory.PostFormAsync(pages, "/Checks/Links?handler=Export",
            new() { ["report"] = shown.Id.ToString(), ["nodes"] = "3" }, getUrl: linksPage);
        Assert.True(exported.StatusCode == HttpStatusCode.OK, await exported.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.AuditCountAsync(CheckAuditActions.LinksExport, shown.Id.ToString()));

        var refused = await AriadneAppFactory.PostFormAsync(pages, "/Checks/Links?handler=Export",
            new() { ["report"] = hidden.Id.ToString(), ["nodes"] = "3" }, getUrl: linksPage);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(0, await app.AuditCountAsync(CheckAuditActions.LinksExport, hidden.Id.ToString()));

        var empty = await AriadneAppFactory.PostFormAsync(pages, "/Checks/Links?handler=Export",
            new() { ["report"] = shown.Id.ToString(), ["nodes"] = "0" }, getUrl: linksPage);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True(JsonDocument.Parse(await empty.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("nodes", out _));

        // A cross-site post (no anti-forgery token) records nothing.
        var forged = await pages.PostAsync("/Checks/Links?handler=Export",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["report"] = shown.Id.ToString(), ["nodes"] = "3" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(1, await app.AuditCountAsync(CheckAuditActions.LinksExport, shown.Id.ToString()));
    }
}
