using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ariadne.Tests.Cases;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;
using static Ariadne.Tests.Cases.CaseWorld;

namespace Ariadne.Tests.Data;

/// <summary>
/// Issue 9 item 10, ADR 0008: no lost updates. Many clients change one record at once, each from its own read;
/// every change that was answered 2xx is in the final state, every other one was answered 409 and changed nothing.
/// </summary>
public sealed class OptimisticConcurrencyTests
{
    public static TheoryData<string, bool> DatabasesWithAndWithoutIfMatch()
    {
        var data = new TheoryData<string, bool>();
        foreach (var database in Databases.PostgresServer is null ? [Databases.Sqlite] : new[] { Databases.Sqlite, Databases.Postgres })
        {
            data.Add(database, true);
            data.Add(database, false);
        }
        return data;
    }

    // ---------------------------------------------------------------- the API

    /// <summary>
    /// Thirty officers each read the screening, tick one more indicator on what they read and PUT it back, all at once:
    /// with If-Match, or (without it) with the version that came in the body they read.
    /// </summary>
    [Theory, MemberData(nameof(DatabasesWithAndWithoutIfMatch))]
    public async Task Thirty_concurrent_read_then_write_updates_of_one_screening_lose_no_update(string database, bool ifMatch)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var officer = await app.SignInAsAsync(Roles.FrontlineOfficer);
        var id = (await OkAsync(await officer.PostAsJsonAsync("/api/v1/screenings", new { place = "Platform 4" }))).GetProperty("id").GetGuid();
        var indicators = (await OkAsync(await officer.GetAsync("/api/v1/indicators"))).EnumerateArray()
            .Select(i => i.GetProperty("id").GetString()!).Take(30).ToList();
        Assert.Equal(30, indicators.Count);

        // Every officer reads before anyone writes: all thirty writes start from the same version.
        var reads = await Task.WhenAll(indicators.Select(async indicator =>
        {
            var read = await officer.GetAsync($"/api/v1/screenings/{id}");
            Assert.NotNull(read.Headers.ETag);
            return (indicator, etag: read.Headers.ETag!, body: JsonNode.Parse(await read.Content.ReadAsStringAsync())!);
        }));
        var answers = await Task.WhenAll(reads.Select(async r =>
        {
            var details = r.body["details"]!.AsObject();
            var ticked = r.body["indicators"]!.AsArray()
                .Select(i => new JsonObject { ["id"] = i!["id"]!.GetValue<string>(), ["note"] = i["note"]?.GetValue<string>() })
                .Append(new JsonObject { ["id"] = r.indicator, ["note"] = "seen " + r.indicator });
            details["indicators"] = new JsonArray([.. ticked]);
            if (ifMatch)
            {
                details.Remove("version");
            }
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/screenings/{id}") { Content = JsonContent.Create(details) };
            if (ifMatch)
            {
                put.Headers.IfMatch.Add(r.etag);
            }
            return (r.indicator, answer: await officer.SendAsync(put));
        }));

        var final = await OkAsync(await officer.GetAsync($"/api/v1/screenings/{id}"));
        var present = final.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToHashSet();
        var saved = answers.Where(a => a.answer.IsSuccessStatusCode).Select(a => a.indicator).ToList();
        Assert.NotEmpty(saved);
        Assert.All(saved, indicator => Assert.Contains(indicator, present));
        foreach (var (_, answer) in answers.Where(a => !a.answer.IsSuccessStatusCode))
        {
            await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.Conflict);
        }
        // Nothing refused slipped in either: the final state is exactly the accepted changes.
        Assert.Equal(saved.Order(StringComparer.Ordinal), present.Order(StringComparer.Ordinal));
    }

    /// <summary>Twenty +10-day extensions of one reflection period at once: the end moves 10 days per extension answered 2xx.</summary>
    [Theory, MemberData(nameof(DatabasesWithAndWithoutIfMatch))]
    public async Task Twenty_concurrent_extensions_move_the_end_by_ten_days_for_each_accepted_one(string database, bool ifMatch)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        var unit = world.Unit.Client;
        await MoveAsync(unit, c.Id, "StartAssessment");
        var start = EndOf(await MoveAsync(unit, c.Id, "ReasonableGroundsPositive", "Indicators confirmed"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var read = await unit.GetAsync($"/api/v1/cases/{c.Id}");
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{c.Id}/transitions")
            {
                Content = JsonContent.Create(new { trigger = "ExtendReflection", reason = "Still recovering", extensionDays = 10 }),
            };
            if (ifMatch)
            {
                post.Headers.IfMatch.Add(read.Headers.ETag!);
            }
            return await unit.SendAsync(post);
        }));

        var accepted = answers.Count(a => a.IsSuccessStatusCode);
        Assert.True(accepted >= 1);
        foreach (var refused in answers.Where(a => !a.IsSuccessStatusCode))
        {
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict);
        }
        var detail = await DetailAsync(unit, c.Id);
        Assert.Equal(start.AddDays(10 * accepted), EndOf(detail.GetProperty("case")));
        var timeline = (await OkAsync(await unit.GetAsync($"/api/v1/cases/{c.Id}/timeline"))).EnumerateArray();
        Assert.Equal(accepted, timeline.Count(e => e.GetProperty("kind").GetString() == "ExtendReflection"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_stale_if_match_answers_409_problem_details_and_changes_nothing(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var officer = world.Police.Client;
        var id = (await OkAsync(await officer.PostAsJsonAsync("/api/v1/screenings", new { place = "First place" }))).GetProperty("id").GetGuid();
        var read = await officer.GetAsync($"/api/v1/screenings/{id}");
        var stale = read.Headers.ETag!;

        using var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/screenings/{id}") { Content = JsonContent.Create(new { place = "Second place" }) };
        first.Headers.IfMatch.Add(stale);
        var saved = await officer.SendAsync(first);
        await OkAsync(saved);
        Assert.NotEqual(stale, saved.Headers.ETag);

        using var late = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/screenings/{id}") { Content = JsonContent.Create(new { place = "Late place" }) };
        late.Headers.IfMatch.Add(stale);
        var problem = await ProblemAssert.IsProblemAsync(await officer.SendAsync(late), HttpStatusCode.Conflict);
        Assert.Contains("changed by someone else", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The version in the body is checked in the same way.
        await ProblemAssert.IsProblemAsync(await officer.PutAsJsonAsync($"/api/v1/screenings/{id}",
            new { place = "Late place", version = int.Parse(stale.Tag.Trim('"'), CultureInfo.InvariantCulture) }), HttpStatusCode.Conflict);
        var now = await OkAsync(await officer.GetAsync($"/api/v1/screenings/{id}"));
        Assert.Equal("Second place", now.GetProperty("details").GetProperty("place").GetString());

        // A case step from a stale read: refused, the case stays where it was.
        var c = await world.OpenAdultCaseAsync();
        var caseRead = (await world.Unit.Client.GetAsync($"/api/v1/cases/{c.Id}")).Headers.ETag!;
        await MoveAsync(world.Unit.Client, c.Id, "StartAssessment");
        using var step = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{c.Id}/transitions")
        {
            Content = JsonContent.Create(new { trigger = "Close", reason = "Duplicate", closureReason = "Duplicate" }),
        };
        step.Headers.IfMatch.Add(caseRead);
        await ProblemAssert.IsProblemAsync(await world.Unit.Client.SendAsync(step), HttpStatusCode.Conflict);
        Assert.Equal("Assessment", (await DetailAsync(world.Unit.Client, c.Id)).GetProperty("case").GetProperty("stage").GetString());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Racing_duplicate_inserts_answer_409_never_500(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var (referralId, _, _, _) = await world.ReferAsync(child: false, world.Police);

        // Ten members of the unit open the case of the same referral at the same moment.
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            world.Unit.Client.PostAsJsonAsync("/api/v1/cases", new { referralId })));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)a.StatusCode}"));
        var opened = new HashSet<Guid>();
        foreach (var answer in answers)
        {
            if (answer.IsSuccessStatusCode)
            {
                opened.Add((await OkAsync(answer)).GetProperty("id").GetGuid());
            }
            else
            {
                await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.Conflict);
            }
        }
        Assert.Single(opened);
        var cases = 0;
        await app.WithDbAsync(async db => cases = await db.Cases.CountAsync(x => x.ReferralId == referralId));
        Assert.Equal(1, cases);

        // The unique index itself, lost by a second insert, is told apart from a fault on both providers.
        var name = "Duplicate organisation " + world.Marker;
        await app.WithDbAsync(async db =>
        {
            db.Organisations.Add(new Organisation { Name = name, Type = OrganisationType.VictimSupport });
            await db.SaveChangesAsync();
        });
        string? message = null;
        await app.WithDbAsync(async db =>
        {
            db.Organisations.Add(new Organisation { Name = name, Type = OrganisationType.VictimSupport });
            var e = await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
            message = WriteConflicts.Describe(e);
        });
        Assert.Equal(WriteConflicts.Duplicate, message);
    }

    // ---------------------------------------------------------------- the pages

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_stale_post_on_the_case_page_keeps_what_was_typed_and_says_changed_by_someone_else(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        using var page = await app.SignInToPagesAsync(world.Unit.User);
        var form = await FormAsync(page, $"/Cases/View?id={c.Id}");

        // A colleague moves the case on through the API while the page is open.
        await MoveAsync(world.Unit.Client, c.Id, "StartAssessment");
        var typed = "Reason typed on the page " + world.Marker;
        var answer = await page.PostAsync($"/Cases/View?id={c.Id}&handler=Step", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.Token, ["__version"] = form.Version,
            ["Step.Trigger"] = "Close", ["Step.Reason"] = typed, ["Step.ClosureReason"] = "Duplicate",
        }));

        var html = await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("changed by someone else", html, StringComparison.Ordinal);
        Assert.Contains(typed, html, StringComparison.Ordinal);
        Assert.Equal("Assessment", (await DetailAsync(world.Unit.Client, c.Id)).GetProperty("case").GetProperty("stage").GetString());
        // The page shown again carries the new version: sent again, the same step is taken.
        var again = await FormAsync(html);
        Assert.NotEqual(form.Version, again.Version);
        var retried = await page.PostAsync($"/Cases/View?id={c.Id}&handler=Step", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = again.Token, ["__version"] = again.Version,
            ["Step.Trigger"] = "Close", ["Step.Reason"] = typed, ["Step.ClosureReason"] = "Duplicate",
        }));
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal("Closed", (await DetailAsync(world.Unit.Client, c.Id)).GetProperty("case").GetProperty("stage").GetString());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_stale_save_or_autosave_of_the_screening_page_keeps_what_was_typed_and_saves_nothing(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var user = await app.CreateUserWithRoleAsync(Roles.FrontlineOfficer);
        using var api = await app.SignInAsync(user);
        using var page = await app.SignInToPagesAsync(user);
        var id = (await OkAsync(await api.PostAsJsonAsync("/api/v1/screenings", new { place = "Opened place" }))).GetProperty("id").GetGuid();
        var form = await FormAsync(page, $"/Screenings/Edit?id={id}");

        // A colleague's save from another device, while this page is open.
        await OkAsync(await api.PutAsJsonAsync($"/api/v1/screenings/{id}", new { place = "Colleague's place" }));
        var typed = "Place typed on the page " + Guid.NewGuid().ToString("N")[..8];
        FormUrlEncodedContent Post(string version) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.Token, ["__version"] = version, ["Id"] = id.ToString(), ["Input.Place"] = typed,
        });

        var autosave = await page.PostAsync($"/Screenings/Edit?handler=Autosave&id={id}", Post(form.Version));
        Assert.Equal(HttpStatusCode.Conflict, autosave.StatusCode);
        Assert.Contains("changed by someone else", await autosave.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await page.PostAsync($"/Screenings/Edit?handler=Save&id={id}", Post(form.Version));
        var html = await saved.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("changed by someone else", html, StringComparison.Ordinal);
        Assert.Contains(typed, html, StringComparison.Ordinal);
        var now = await OkAsync(await api.GetAsync($"/api/v1/screenings/{id}"));
        Assert.Equal("Colleague's place", now.GetProperty("details").GetProperty("place").GetString());

        // With the version the page now carries, the autosave goes through and answers the next version for the script.
        var current = await FormAsync(html);
        var retried = await OkAsync(await page.PostAsync($"/Screenings/Edit?handler=Autosave&id={id}", Post(current.Version)));
        Assert.Equal(int.Parse(current.Version, CultureInfo.InvariantCulture) + 1, retried.GetProperty("version").GetInt32());
        Assert.Equal(typed, (await OkAsync(await api.GetAsync($"/api/v1/screenings/{id}"))).GetProperty("details").GetProperty("place").GetString());
    }

    // ---------------------------------------------------------------- helpers

    private static DateOnly EndOf(JsonElement c) =>
        DateOnly.Parse(c.GetProperty("reflectionEndsOn").GetString()!, CultureInfo.InvariantCulture);

    private sealed record RenderedForm(string Token, string Version);

    private static async Task<RenderedForm> FormAsync(HttpClient page, string url)
    {
        var response = await page.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await FormAsync(await response.Content.ReadAsStringAsync());
    }

    private static Task<RenderedForm> FormAsync(string html)
    {
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var field = Regex.Match(html, "<input[^>]*name=\"__version\"[^>]*>").Value;
        var version = Regex.Match(field, "value=\"(\\d+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "no anti-forgery token");
        Assert.False(string.IsNullOrEmpty(version), "no version in the page's forms");
        return Task.FromResult(new RenderedForm(token, version));
    }
}
