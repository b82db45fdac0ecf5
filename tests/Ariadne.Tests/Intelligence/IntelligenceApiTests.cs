using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Tests.Intelligence;

/// <summary>Issue 10 through the API: the dissemination table, mandatory grading, handling changes, special handling, access log.</summary>
public sealed class IntelligenceApiTests
{
    /// <summary>
    /// The 5x5x5 rows of the dissemination table (§5.5.1, ADR 0011) for an originator in BE (EU), written out here by hand, not
    /// derived from <see cref="DisseminationPolicy"/>: same force, other force at home, police in DE (EU), police in UA (non-EU),
    /// prosecutor at home, support organisation at home.
    /// </summary>
    public static TheoryData<string, FiveFiveFiveHandling, string> Table()
    {
        var rows = new (FiveFiveFiveHandling Code, bool[] Visible)[]
        {
            (FiveFiveFiveHandling.NonEuLawEnforcementWithoutAdequateSafeguards, [true, true, true, true, false, false]),
            (FiveFiveFiveHandling.NonProsecutingOrganisationsWithinCountryOfOrigin, [true, false, false, false, false, true]),
            (FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, [true, true, true, false, true, false]),
            (FiveFiveFiveHandling.OnlyWithinOriginatingAgency, [true, false, false, false, false, false]),
            (FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator, [false, false, false, false, false, false]),
        };
        var data = new TheoryData<string, FiveFiveFiveHandling, string>();
        foreach (var database in Databases.All)
        {
            foreach (var (code, visible) in rows)
            {
                data.Add(database, code, string.Concat(visible.Select(v => v ? '1' : '0')));
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(Table))]
    public async Task Dissemination_table_5x5x5_is_enforced_through_the_api(string database, FiveFiveFiveHandling code, string expected)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var report = await world.SubmitAsync(code);
        var id = report.GetProperty("id").GetGuid();

        var failures = new List<string>();
        foreach (var ((kind, member), i) in world.Recipients.Select((r, i) => (r, i)))
        {
            var visible = expected[i] == '1';
            var open = await member.Client.GetAsync($"/api/v1/intelligence/{id}");
            var listed = await member.Client.GetFromJsonAsync<JsonElement>($"/api/v1/intelligence?organisationId={world.Originator.Id}");
            var inList = listed.EnumerateArray().Any(r => r.GetProperty("id").GetGuid() == id);
            if (open.StatusCode != (visible ? HttpStatusCode.OK : HttpStatusCode.NotFound) || inList != visible)
            {
                failures.Add($"{kind}: open {(int)open.StatusCode}, listed {inList}; expected {(visible ? "visible" : "404 and unlisted")}");
            }
            if (visible && code.RequiresConditions() && member != world.SameForce)
            {
                var body = await open.Content.ReadFromJsonAsync<JsonElement>();
                // The originator's conditions travel with the report to whoever receives it.
                Assert.Equal("Not to be used in court", body.GetProperty("dissemination").GetProperty("conditions").GetString());
            }
        }
        // The originating unit always holds its report.
        Assert.Equal(HttpStatusCode.OK, (await world.Author.Client.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);
        Assert.True(failures.Count == 0, $"{code}:\n" + string.Join('\n', failures));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Grading_is_mandatory_on_submission_and_the_problem_names_the_fields(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var author = world.Author.Client;

        var draft = await author.PostAsJsonAsync("/api/v1/intelligence", new { freeText = "Van seen twice", exploitationTypes = new[] { "EXP-CRIM" } });
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // A draft stays in its unit: nobody else, not even the same force, sees it.
        Assert.Equal(HttpStatusCode.NotFound, (await world.SameForce.Client.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);

        var ungraded = await ProblemAssert.IsProblemAsync(await author.PostAsJsonAsync($"/api/v1/intelligence/{id}/submit", new { }),
            HttpStatusCode.BadRequest);
        Assert.True(ungraded.GetProperty("errors").TryGetProperty("grading", out _), ungraded.ToString());

        var partial = await ProblemAssert.IsProblemAsync(await author.PostAsJsonAsync($"/api/v1/intelligence/{id}/submit",
            new { grading = new { system = "FiveByFiveByFive", source5 = "Untested" } }), HttpStatusCode.BadRequest);
        var errors = partial.GetProperty("errors");
        Assert.True(errors.TryGetProperty("grading.intelligence5", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("grading.handling5", out _), errors.ToString());

        var noConditions = await ProblemAssert.IsProblemAsync(await author.PostAsJsonAsync($"/api/v1/intelligence/{id}/submit", new
        {
            grading = new { system = "ThreeByFiveByTwo", source3 = "Reliable", intelligence3 = "B", handling3 = "C" },
        }), HttpStatusCode.BadRequest);
        Assert.True(noConditions.GetProperty("errors").TryGetProperty("grading.conditions", out _));

        var submitted = await author.PostAsJsonAsync($"/api/v1/intelligence/{id}/submit", new
        {
            grading = new { system = "ThreeByFiveByTwo", source3 = "Reliable", intelligence3 = "B", handling3 = "P" },
        });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var body = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Submitted", body.GetProperty("status").GetString());
        Assert.Equal("ThreeByFiveByTwo", body.GetProperty("grading").GetProperty("system").GetString());
        // Now graded P, the other force at home sees it.
        Assert.Equal(HttpStatusCode.OK, (await world.OtherForce.Client.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);
        // Submitting twice is refused.
        await ProblemAssert.IsProblemAsync(await author.PostAsJsonAsync($"/api/v1/intelligence/{id}/submit", new { }), HttpStatusCode.Conflict);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Only_the_originator_or_a_supervisor_of_the_originating_agency_changes_handling_and_each_change_is_recorded(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var id = (await world.SubmitAsync(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu)).GetProperty("id").GetGuid();
        var widen = new { handling5 = "NonEuLawEnforcementWithoutAdequateSafeguards", conditions = "Only for the JIT", reason = "JIT with UA" };

        // A recipient who sees the report cannot widen (or narrow) it.
        var refused = await ProblemAssert.IsProblemAsync(await world.OtherForce.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/handling", widen),
            HttpStatusCode.Forbidden);
        Assert.Contains("originator", refused.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        // A colleague of the author's unit who is no supervisor cannot either.
        var colleague = await IntelligenceWorld.MemberAsync(app, world.Originator, Roles.IntelligenceAnalyst);
        await ProblemAssert.IsProblemAsync(await colleague.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/handling", widen), HttpStatusCode.Forbidden);
        // Nor a supervisor of another force who can see the report.
        var otherSupervisor = await IntelligenceWorld.MemberAsync(app, world.OtherForce.Organisation, Roles.DisseminationSupervisor, 5);
        await ProblemAssert.IsProblemAsync(await otherSupervisor.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/handling", widen),
            HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await world.NonEuPolice.Client.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);

        // The reason is required.
        await ProblemAssert.IsProblemAsync(await world.Author.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/handling",
            new { handling5 = "OnlyWithinOriginatingAgency" }), HttpStatusCode.BadRequest);

        // A supervisor of the originating agency (another unit of the same force) may.
        var supervisor = await IntelligenceWorld.MemberAsync(app, world.SameForce.Organisation, Roles.DisseminationSupervisor, 1);
        var widened = await supervisor.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/handling", widen);
        Assert.Equal(HttpStatusCode.OK, widened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.NonEuPolice.Client.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);

        // The author narrows it back to the agency (keeping the conditions: lifting them would itself widen).
        var narrowed = await world.Author.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/handling",
            new { handling5 = "OnlyWithinOriginatingAgency", reason = "Operation starts" });
        Assert.Equal(HttpStatusCode.OK, narrowed.StatusCode);
        var history = (await narrowed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handlingHistory");
        Assert.Equal(2, history.GetArrayLength());
        Assert.True(history[0].GetProperty("widens").GetBoolean());
        Assert.False(history[1].GetProperty("widens").GetBoolean());
        Assert.Equal("Operation starts", history[1].GetProperty("reason").GetString());
        Assert.Contains("only disseminate within originating agency/force", history[1].GetProperty("to").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await world.OtherForce.Client.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.NonEuPolice.Client.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Special_handling_keeps_the_report_in_its_unit_until_the_risk_assessment_and_dissemination_are_approved(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var id = (await world.SubmitAsync(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, special: true)).GetProperty("id").GetGuid();
        async Task<HttpStatusCode> OtherForceOpensAsync() => (await world.OtherForce.Client.GetAsync($"/api/v1/intelligence/{id}")).StatusCode;
        var supervisor = await IntelligenceWorld.MemberAsync(app, world.SameForce.Organisation, Roles.DisseminationSupervisor, 1);
        var unranked = await IntelligenceWorld.MemberAsync(app, world.SameForce.Organisation, Roles.DisseminationSupervisor);

        Assert.Equal(HttpStatusCode.NotFound, await OtherForceOpensAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await world.SameForce.Client.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);
        // Nothing to approve before the risk assessment.
        await ProblemAssert.IsProblemAsync(await supervisor.Client.PostAsync($"/api/v1/intelligence/{id}/risk-assessment/approval", null),
            HttpStatusCode.Conflict);
        // Only the originating unit writes the risk assessment.
        await ProblemAssert.IsProblemAsync(await supervisor.Client.PutAsJsonAsync($"/api/v1/intelligence/{id}/risk-assessment", new { text = "x" }),
            HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await world.Author.Client.PutAsJsonAsync($"/api/v1/intelligence/{id}/risk-assessment",
            new { text = "Source is a victim still in contact with the controller." })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await OtherForceOpensAsync());

        // A supervisor without an authority level cannot approve; one at level 1 can.
        await ProblemAssert.IsProblemAsync(await unranked.Client.PostAsync($"/api/v1/intelligence/{id}/risk-assessment/approval", null),
            HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Client.PostAsync($"/api/v1/intelligence/{id}/risk-assessment/approval", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await OtherForceOpensAsync());

        var approved = await supervisor.Client.PostAsync($"/api/v1/intelligence/{id}/dissemination-approval", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Cleared", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("specialHandling").GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, await OtherForceOpensAsync());
        // Still within the handling code: outside the EU it stays invisible.
        Assert.Equal(HttpStatusCode.NotFound, (await world.NonEuPolice.Client.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_open_and_export_is_in_the_originators_access_log_with_the_code_it_was_seen_under(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var id = (await world.SubmitAsync(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu)).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await world.OtherForce.Client.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Prosecutor.Client.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.EuPolice.Client.GetAsync($"/api/v1/intelligence/{id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Support.Client.GetAsync($"/api/v1/intelligence/{id}")).StatusCode);

        // A recipient does not see who else had the report.
        Assert.Equal(HttpStatusCode.NotFound, (await world.OtherForce.Client.GetAsync($"/api/v1/intelligence/{id}/access-log")).StatusCode);
        var log = await world.Author.Client.GetFromJsonAsync<JsonElement>($"/api/v1/intelligence/{id}/access-log");
        var entries = log.EnumerateArray().ToList();
        JsonElement EntryOf(IntelligenceWorld.Member m, string action) => entries.Single(e =>
            e.GetProperty("actorOrganisationId").GetGuid() == m.Organisation.Id && e.GetProperty("action").GetString() == action);
        var seen = EntryOf(world.OtherForce, IntelligenceAuditActions.Open);
        Assert.Equal("Success", seen.GetProperty("outcome").GetString());
        Assert.Contains(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu.Label(), seen.GetProperty("details").GetString(),
            StringComparison.Ordinal);
        Assert.Contains("decision: Allow", seen.GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.Equal("Success", EntryOf(world.Prosecutor, IntelligenceAuditActions.Open).GetProperty("outcome").GetString());
        Assert.Equal("Success", EntryOf(world.EuPolice, IntelligenceAuditActions.Export).GetProperty("outcome").GetString());
        // The attempt that was refused is a line too: the originator sees who tried (V-18).
        Assert.Equal("Denied", EntryOf(world.Support, IntelligenceAuditActions.Open).GetProperty("outcome").GetString());
        Assert.Equal(4, entries.Count);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Structured_items_keep_the_value_as_entered_and_a_normalised_key_and_free_text_is_encrypted_at_rest(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var report = await world.SubmitAsync(FiveFiveFiveHandling.OnlyWithinOriginatingAgency, freeText: "Marker text 7Q2");
        var items = report.GetProperty("items").EnumerateArray().ToList();
        var phone = items.Single(i => i.GetProperty("kind").GetString() == "Communication");
        Assert.Equal("+32 470 12 34 56", phone.GetProperty("value").GetString());
        Assert.Equal("+32470123456", phone.GetProperty("normalisedKey").GetString());
        Assert.Equal("BE:1ABC234", items.Single(i => i.GetProperty("kind").GetString() == "Vehicle").GetProperty("normalisedKey").GetString());
        Assert.Equal("Volvo", items.Single(i => i.GetProperty("kind").GetString() == "Vehicle").GetProperty("details").GetProperty("make").GetString());

        var id = report.GetProperty("id").GetGuid();
        string? stored = null;
        await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"FreeText\" FROM intelligence_reports WHERE \"Reference\" = '{report.GetProperty("reference").GetString()}'";
            stored = (string?)await command.ExecuteScalarAsync();
        });
        Assert.NotNull(stored);
        Assert.DoesNotContain("Marker text", stored, StringComparison.Ordinal);
        Assert.StartsWith("dp1:", stored, StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, id);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_analyst_records_an_evaluation_beside_the_authors_which_stays_as_it_was(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var id = (await world.SubmitAsync(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu)).GetProperty("id").GetGuid();

        var evaluated = await world.OtherForce.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/evaluations",
            new { system = "FiveByFiveByFive", source5 = "Untested", intelligence5 = "CannotBeJudged", comment = "No corroboration yet" });
        Assert.Equal(HttpStatusCode.OK, evaluated.StatusCode);
        var body = await evaluated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("MostlyReliable", body.GetProperty("grading").GetProperty("source5").GetString());
        Assert.Equal("Untested", body.GetProperty("evaluations")[0].GetProperty("source5").GetString());
        // The prosecutor is no analyst; the author does not evaluate their own report.
        await ProblemAssert.IsProblemAsync(await world.Prosecutor.Client.PostAsJsonAsync($"/api/v1/intelligence/{id}/evaluations",
            new { system = "FiveByFiveByFive", source5 = "Untested", intelligence5 = "CannotBeJudged" }), HttpStatusCode.Forbidden);
        // The originator sees the analyst's evaluation beside the author's.
        var own = await world.Author.Client.GetFromJsonAsync<JsonElement>($"/api/v1/intelligence/{id}");
        Assert.Equal(1, own.GetProperty("evaluations").GetArrayLength());
        // Another recipient sees only its own organisation's evaluations.
        var prosecutor = await world.Prosecutor.Client.GetFromJsonAsync<JsonElement>($"/api/v1/intelligence/{id}");
        Assert.Equal(0, prosecutor.GetProperty("evaluations").GetArrayLength());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Input_that_breaks_the_rules_is_a_readable_400_never_a_500(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var author = world.Author.Client;
        foreach (var body in new object[]
        {
            new { exploitationTypes = new[] { "EXP-NOPE" } },
            new { sourceType = "SRC-13" },
            new { modusOperandiTags = new[] { "TAC-A11" } },
            new { items = new[] { new { kind = "Spaceship" } } },
            new { items = new[] { new { kind = "Vehicle", country = "Belgium" } } },
            new { items = new[] { new { kind = "Person", details = "not an object" } } },
            new { grading = new { system = 7 } },
            new { grading = new { system = "FiveByFiveByFive", handling5 = 9 } },
        })
        {
            await ProblemAssert.IsProblemAsync(await author.PostAsJsonAsync("/api/v1/intelligence", body), HttpStatusCode.BadRequest);
        }
        await ProblemAssert.IsProblemAsync(await author.GetAsync("/api/v1/intelligence?pageSize=1000"), HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Only_the_author_rewrites_a_draft_and_a_submitted_report_is_not_rewritten(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var author = world.Author.Client;
        var draft = await author.PostAsJsonAsync("/api/v1/intelligence", new
        {
            items = new[] { new { kind = "Communication", subKind = "phone", value = "0470 11 22 33" } },
        });
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var colleague = await IntelligenceWorld.MemberAsync(app, world.Originator, Roles.FrontlineOfficer);
        await ProblemAssert.IsProblemAsync(await colleague.Client.PutAsJsonAsync($"/api/v1/intelligence/{id}", new { freeText = "Mine now" }),
            HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await world.OtherForce.Client.PutAsJsonAsync($"/api/v1/intelligence/{id}", new { freeText = "x" }),
            HttpStatusCode.NotFound);

        var rewritten = await author.PutAsJsonAsync($"/api/v1/intelligence/{id}", new
        {
            items = new[] { new { kind = "Financial", value = "BE71 0961 2345 6769" } },
            grading = new { system = "ThreeByFiveByTwo", source3 = "Untested", intelligence3 = "C", handling3 = "P" },
            submit = true,
        });
        Assert.Equal(HttpStatusCode.OK, rewritten.StatusCode);
        var body = await rewritten.Content.ReadFromJsonAsync<JsonElement>();
        var item = Assert.Single(body.GetProperty("items").EnumerateArray());
        // The IBAN passes mod-97 and is kept upper case without spaces; the national phone of the draft is gone.
        Assert.Equal("BE71096123456769", item.GetProperty("normalisedKey").GetString());
        Assert.Equal("Submitted", body.GetProperty("status").GetString());
        await ProblemAssert.IsProblemAsync(await author.PutAsJsonAsync($"/api/v1/intelligence/{id}", new { freeText = "Later" }),
            HttpStatusCode.Conflict);
    }
}
