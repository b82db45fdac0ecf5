using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Tests.Intelligence;

/// <summary>
/// Issue 10 item 8 (V-06, V-14): a report support organisations may not see reaches them only as a sanitised version, written by
/// an analyst, checked against every identifier of the source, released by a supervisor of the originating agency; the release
/// is logged and the originator sees it; the released text carries no identifier value of its source.
/// </summary>
public sealed class SanitisedVersionApiTests
{
    private const string Phone = "+32 470 98 76 54";
    private const string Plate = "1-XYZ-987";
    private const string Surname = "Vasilescu";
    private const string Marker = "Marker-QZ7 seen unloading workers at dawn behind the packing hall";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_support_worker_reads_only_the_released_sanitised_version_which_names_nothing_of_the_source(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var report = await SubmitAsync(world);
        var id = report.GetProperty("id").GetGuid();
        var reference = report.GetProperty("reference").GetString()!;
        var analyst = world.SameForce;
        var supervisor = await IntelligenceWorld.MemberAsync(app, world.SameForce.Organisation, Roles.DisseminationSupervisor, 1);
        var coordinator = await IntelligenceWorld.MemberAsync(app, await IntelligenceWorld.OrganisationAsync(app, OrganisationType.NationalReferralCoordinator, "BE"),
            Roles.Coordinator);
        var foreignSupport = await IntelligenceWorld.MemberAsync(app, await IntelligenceWorld.OrganisationAsync(app, OrganisationType.VictimSupport, "DE"),
            Roles.SupportWorker);

        // The handling code keeps the report itself from the support organisation.
        Assert.Equal(HttpStatusCode.NotFound, (await world.Support.Client.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);
        // A frontline officer (own unit only) does not write thematic versions; the support worker cannot derive one from what it cannot see.
        await ProblemAsync(HttpStatusCode.Forbidden, await world.Author.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/sanitised", new { }));
        await ProblemAsync(HttpStatusCode.NotFound, await world.Support.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/sanitised", new { }));

        // The analyst derives a draft: coded facts only.
        var draft = await OkAsync(await analyst.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/sanitised", new { }));
        var sid = draft.GetProperty("id").GetGuid();
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal(0, draft.GetProperty("findings").GetArrayLength());
        var derived = draft.GetProperty("summary").GetString()!;
        Assert.Contains("Forced labour", derived, StringComparison.Ordinal);
        Assert.Contains("Romania (origin)", derived, StringComparison.Ordinal);
        AssertNothingOfTheSource(draft.GetRawText().Replace(reference, "", StringComparison.Ordinal).Replace(id.ToString(), "", StringComparison.Ordinal));

        // A draft reaches no reader outside the writing unit and the releasing supervisors: not in the list, not by id.
        Assert.Equal(0, (await world.Support.Client.GetFromJsonAsync<JsonElement>("/api/v1/intelligence/sanitised")).GetArrayLength());
        await ProblemAsync(HttpStatusCode.NotFound, await world.Support.Client.GetAsync($"/api/v1/intelligence/sanitised/{sid}"));

        // The analyst's rewrite quotes the phone number: the check finds it and the release is refused with the reason.
        var leaky = await OkAsync(await analyst.Client.PutAsJsonAsync($"/api/v1/intelligence/sanitised/{sid}",
            new { summary = $"Workers are recruited by phone ({Phone}) for farm work that does not exist." }));
        Assert.Contains(leaky.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "Identifier");
        var refused = await ProblemAsync(HttpStatusCode.Conflict, await supervisor.Client.PostAsync($"/api/v1/intelligence/sanitised/{sid}/release", null));
        Assert.Contains("identifier", refused, StringComparison.Ordinal);
        // Copying the officer's words is refused too.
        await OkAsync(await analyst.Client.PutAsJsonAsync($"/api/v1/intelligence/sanitised/{sid}", new { summary = "Note: " + Marker }));
        Assert.Contains("copied", await ProblemAsync(HttpStatusCode.Conflict,
            await supervisor.Client.PostAsync($"/api/v1/intelligence/sanitised/{sid}/release", null)), StringComparison.OrdinalIgnoreCase);

        const string thematic = "Men from the north-east of Romania are recruited by phone for seasonal farm work in Belgium; " +
                                "on arrival their documents are kept and they work to repay transport debts.";
        await OkAsync(await analyst.Client.PutAsJsonAsync($"/api/v1/intelligence/sanitised/{sid}", new { summary = thematic }));
        // The analyst who wrote it does not release it, nor does a supervisor of another force.
        await ProblemAsync(HttpStatusCode.Forbidden, await analyst.Client.PostAsync($"/api/v1/intelligence/sanitised/{sid}/release", null));
        var otherSupervisor = await IntelligenceWorld.MemberAsync(app, world.OtherForce.Organisation, Roles.DisseminationSupervisor, 5);
        await ProblemAsync(HttpStatusCode.NotFound, await otherSupervisor.Client.PostAsync($"/api/v1/intelligence/sanitised/{sid}/release", null));

        var released = await OkAsync(await supervisor.Client.PostAsync($"/api/v1/intelligence/sanitised/{sid}/release", null));
        Assert.Equal("Released", released.GetProperty("status").GetString());
        await ProblemAsync(HttpStatusCode.Conflict,
            await analyst.Client.PutAsJsonAsync($"/api/v1/intelligence/sanitised/{sid}", new { summary = "changed after release" }));

        // The support worker and the coordinator (the forum) of the originator's country read it; nothing leads back to the report.
        foreach (var reader in new[] { world.Support, coordinator })
        {
            var list = await reader.Client.GetFromJsonAsync<JsonElement>("/api/v1/intelligence/sanitised");
            Assert.Equal(sid, Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());
            var response = await reader.Client.GetAsync($"/api/v1/intelligence/sanitised/{sid}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("seasonal farm work", body, StringComparison.Ordinal);
            AssertNothingOfTheSource(body);
            Assert.DoesNotContain(reference, body, StringComparison.Ordinal);
            Assert.DoesNotContain(id.ToString(), body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Name(analyst), body, StringComparison.Ordinal);
        }
        // Another country's support organisation is not in this forum.
        Assert.Equal(0, (await foreignSupport.Client.GetFromJsonAsync<JsonElement>("/api/v1/intelligence/sanitised")).GetArrayLength());
        await ProblemAsync(HttpStatusCode.NotFound, await foreignSupport.Client.GetAsync($"/api/v1/intelligence/sanitised/{sid}"));

        // The originator sees that a sanitised version was drafted and released, by whom; the support worker's read is audited.
        var log = await world.Author.Client.GetFromJsonAsync<JsonElement>($"/api/v1/intelligence/{id}/access-log");
        var actions = log.EnumerateArray().Select(e => (Action: e.GetProperty("action").GetString(), Actor: e.GetProperty("actorName").GetString())).ToList();
        Assert.Contains((SanitisedAuditActions.Derive, Name(analyst)), actions);
        Assert.Contains((SanitisedAuditActions.Release, Name(supervisor)), actions);
        await app.WithDbAsync(async db => Assert.True(await db.AuditEntries.AnyAsync(e =>
            e.Action == SanitisedAuditActions.Open && e.TargetId == sid.ToString() && e.ActorUserId == world.Support.User.Id)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_supervisor_below_the_configured_level_cannot_release(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var id = (await SubmitAsync(world)).GetProperty("id").GetGuid();
        var sid = (await OkAsync(await world.SameForce.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/sanitised",
            new { title = "Farm work recruitment", summary = "Seasonal farm work offers lead to debt bondage." }))).GetProperty("id").GetGuid();
        var unranked = await IntelligenceWorld.MemberAsync(app, world.SameForce.Organisation, Roles.DisseminationSupervisor);
        Assert.Contains("authority level", await ProblemAsync(HttpStatusCode.Conflict,
            await unranked.Client.PostAsync($"/api/v1/intelligence/sanitised/{sid}/release", null)), StringComparison.Ordinal);
        // Bad input is a readable 400, and the draft keeps what it had.
        await ProblemAsync(HttpStatusCode.BadRequest, await world.SameForce.Client.PutAsJsonAsync($"/api/v1/intelligence/sanitised/{sid}",
            new { title = "", exploitationTypes = new[] { "EXP-NOPE" }, summary = new string('x', SanitisedService.MaxSummary + 1) }));
        var kept = await OkAsync(await world.SameForce.Client.GetAsync($"/api/v1/intelligence/sanitised/{sid}"));
        Assert.Equal("Farm work recruitment", kept.GetProperty("title").GetString());
    }

    /// <summary>The derived draft is built from coded fields only: for a report full of identifiers the check finds nothing in it.</summary>
    [Fact]
    public void The_derived_draft_contains_nothing_the_check_would_find()
    {
        var report = new IntelligenceReport
        {
            Reference = "INT-2026-TEST", ExploitationTypes = "EXP-SEX,EXP-CRIM", ModusOperandiTags = "TAC-A02,TAC-A09",
            FreeText = Marker, ModusOperandi = "Adverts on a dating site lead to a flat in Antwerp", SourceOfficer = "Insp. Janssens",
            CreatedAt = new DateTime(2026, 11, 14, 10, 0, 0, DateTimeKind.Utc),
        };
        report.Items.AddRange(
        [
            new IntelligenceItem { Kind = IntelligenceItemKind.Location, Role = "origin", Country = "BG", Value = "Sliven, Nadezhda quarter" },
            new IntelligenceItem { Kind = IntelligenceItemKind.Location, Role = "destination", Country = "BE", Value = "Antwerp" },
            new IntelligenceItem { Kind = IntelligenceItemKind.Person, Role = "suspect", Value = "Dimitar Kolev",
                Details = """{"names":["Димитър Колев","Mitko"],"dateOfBirth":"1984-03-09","nationality":"BG"}""" },
            new IntelligenceItem { Kind = IntelligenceItemKind.Person, SubKind = "business", Role = "suspect", Value = "Kolev Trans EOOD" },
            new IntelligenceItem { Kind = IntelligenceItemKind.Communication, SubKind = "phone", Value = "0888 123 456", NormalisedKey = "+359888123456" },
            new IntelligenceItem { Kind = IntelligenceItemKind.Vehicle, Value = "CA 1234 AB", NormalisedKey = "BG:CA1234AB", Country = "BG" },
            new IntelligenceItem { Kind = IntelligenceItemKind.Financial, Value = "BG80BNBG96611020345678", NormalisedKey = "BG80BNBG96611020345678" },
        ]);
        var derived = SanitisedDraft.From(report);
        var source = SanitisedRelease.IdentifiersOf(report);
        Assert.Empty(SanitisedIntelligence.Find(derived.Title + "\n" + derived.Summary, source));
        Assert.Contains("Bulgaria (origin)", derived.Summary, StringComparison.Ordinal);
        Assert.Contains("People involved: 1 business, 1 suspect.", derived.Summary, StringComparison.Ordinal);
        Assert.Equal("2026-11", derived.Period);
        // The identifiers the check looks for include the names in every script, the date of birth and the free text.
        Assert.Contains("Димитър Колев", source.Names);
        Assert.Contains(new PartialDate(1984, 3, 9), source.Dates!);
        Assert.Contains(Marker, source.FreeTexts!);
        Assert.NotEmpty(SanitisedIntelligence.Find("The suspect Колев was born on 9 March 1984.", source));
    }

    [Theory]
    // released, thematic reader, forum country, writer organisation, writes intelligence, supervisor of originating agency, author
    [InlineData(SanitisedOperation.Read, true, true, true, false, false, false, false, true)]      // support worker of the forum
    [InlineData(SanitisedOperation.Read, true, true, false, false, false, false, false, false)]    // another country's support worker
    [InlineData(SanitisedOperation.Read, true, false, true, false, false, false, false, false)]    // a guardian of the forum's country
    [InlineData(SanitisedOperation.Read, false, true, true, false, false, false, false, false)]    // a draft, for the forum
    [InlineData(SanitisedOperation.Read, false, true, true, true, true, false, true, true)]        // a draft, for its writer
    [InlineData(SanitisedOperation.Read, false, true, false, false, true, true, false, true)]      // a draft, for the releasing supervisor abroad
    [InlineData(SanitisedOperation.Read, false, true, true, true, false, false, false, false)]     // a frontline officer of the writing unit
    [InlineData(SanitisedOperation.Edit, false, true, true, true, true, false, true, true)]
    [InlineData(SanitisedOperation.Edit, true, true, true, true, true, false, true, false)]        // released: not rewritten
    [InlineData(SanitisedOperation.Edit, false, true, true, false, true, true, false, false)]      // a supervisor releases, does not write
    [InlineData(SanitisedOperation.Release, false, true, true, false, true, true, false, true)]
    [InlineData(SanitisedOperation.Release, false, true, true, true, true, true, true, false)]     // four eyes: not its writer
    [InlineData(SanitisedOperation.Release, false, true, true, true, true, false, false, false)]   // an analyst is no supervisor
    [InlineData(SanitisedOperation.Release, true, true, true, false, true, true, false, false)]    // released once
    public void The_sanitised_permission_table(SanitisedOperation operation, bool released, bool reader, bool forum, bool writerOrg,
        bool writes, bool supervisor, bool author, bool allowed) =>
        Assert.Equal(allowed, SanitisedPermissions.Allows(operation, new SanitisedFacts(released, reader, forum, writerOrg, writes, supervisor, author)));

    private static async Task<JsonElement> SubmitAsync(IntelligenceWorld world)
    {
        var response = await world.Author.Client.PostAsJsonAsync("/api/v1/intelligence", new
        {
            exploitationTypes = new[] { "EXP-LAB" },
            sourceType = "SRC-01",
            freeText = Marker,
            modusOperandiTags = new[] { "TAC-A01", "TAC-A06" },
            items = new object[]
            {
                new { kind = "Location", role = "origin", country = "RO", value = "Vaslui" },
                new { kind = "Location", role = "exploitation", country = "BE", value = "Packing hall, Sint-Truiden" },
                new { kind = "Communication", subKind = "phone", value = Phone },
                new { kind = "Vehicle", value = Plate, country = "BE", details = new { make = "Ford Transit", colour = "white" } },
                new { kind = "Person", role = "suspect", value = "Mihai " + Surname, details = new { aliases = new[] { "Михай" }, dateOfBirth = "1979-05" } },
            },
            grading = new
            {
                system = "FiveByFiveByFive", source5 = "MostlyReliable", intelligence5 = "KnownPersonallyToSourceButNotToOfficer",
                handling5 = nameof(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu),
            },
            submit = true,
        });
        return await OkAsync(response);
    }

    private static void AssertNothingOfTheSource(string body)
    {
        foreach (var value in new[] { Phone, "470987654", Plate, "1XYZ987", Surname, "Михай", "Vaslui", "Sint-Truiden", "Marker-QZ7", "1979" })
        {
            Assert.DoesNotContain(value, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The user name: what the audit trail records, and part of the display name a reader must not see.</summary>
    private static string Name(IntelligenceWorld.Member member) => member.User.UserName;

    /// <summary>An RFC 7807 answer with this status; its detail, for what it must say.</summary>
    private static async Task<string> ProblemAsync(HttpStatusCode status, HttpResponseMessage response) =>
        (await ProblemAssert.IsProblemAsync(response, status)).TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
