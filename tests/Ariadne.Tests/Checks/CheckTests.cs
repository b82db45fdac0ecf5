using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Matching.Identifiers;
using Ariadne.Tests.Infrastructure;
using Ariadne.Tests.Intelligence;
using Ariadne.Web.Features.Checks;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Checks;

/// <summary>Intelligence checks (issue 12 items 1-3, §5.6 CHK-01..04) through the API, on each database.</summary>
public sealed class CheckTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_phone_in_local_format_finds_the_visible_report_and_only_refers_to_the_originator_of_the_hidden_one(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        await CheckWorld.WaitReadyAsync(app);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var phone = CheckWorld.NewPhone();
        var shown = await CheckWorld.ReportAsync(world.Author, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, phone.International);
        var hidden = await CheckWorld.ReportAsync(world.SameForce, FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator, phone.International);
        var hidden2 = await CheckWorld.ReportAsync(world.SameForce, FiveFiveFiveHandling.OnlyWithinOriginatingAgency, phone.International);
        const string purpose = "Deconfliction before the car wash visit";

        // The other force's investigator, in Belgium, writes the number as a Belgian would.
        var (status, body, raw) = await CheckWorld.CheckAsync(world.OtherForce.Client, CheckWorld.Phone(phone.Local, purpose: purpose));

        Assert.True(status == HttpStatusCode.OK, raw);
        var hit = Assert.Single(body.GetProperty("hits").EnumerateArray());
        Assert.Equal(shown.Id, hit.GetProperty("reportId").GetGuid());
        Assert.Equal(1.0, hit.GetProperty("score").GetDouble());
        Assert.Contains(phone.E164, hit.GetProperty("matches")[0].GetProperty("explanation").GetString(), StringComparison.Ordinal);
        // Two hidden reports of one originator: one marker, the originator's contact and nothing else.
        var restricted = Assert.Single(body.GetProperty("restricted").EnumerateArray());
        Assert.Equal(["email", "message", "originator", "phone"], restricted.EnumerateObject().Select(p => p.Name).Order().ToArray());
        Assert.Equal(CheckService.RestrictedMessage, restricted.GetProperty("message").GetString());
        Assert.Equal(world.SameForce.Organisation.Name, restricted.GetProperty("originator").GetString());
        foreach (var leak in new[] { hidden.Id.ToString(), hidden.Reference, hidden2.Id.ToString(), hidden2.Reference })
        {
            Assert.DoesNotContain(leak, raw, StringComparison.OrdinalIgnoreCase);
        }

        // Every check is a dissemination event with its purpose.
        var checkId = body.GetProperty("id").GetString()!;
        await app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Action == CheckAuditActions.Check && e.TargetId == checkId);
            Assert.Equal(purpose, entry.Reason);
            Assert.Contains(phone.E164, entry.Details, StringComparison.Ordinal);
            Assert.Contains("restricted (originators referred to): 1", entry.Details, StringComparison.Ordinal);
        });

        // The originator of the hidden reports sees that its material was hit, by whom and why (deconfliction).
        var seen = await world.SameForce.Client.GetFromJsonAsync<JsonElement>($"/api/v1/checks/on-our-material?report={hidden.Id}");
        var touch = Assert.Single(seen.EnumerateArray(), t => t.GetProperty("checkId").GetString() == checkId);
        Assert.Equal(purpose, touch.GetProperty("purpose").GetString());
        Assert.Equal(world.OtherForce.Organisation.Name, touch.GetProperty("askedFrom").GetString());
        Assert.False(touch.GetProperty("shown").GetBoolean());
        // And nobody else's deconfliction list shows it.
        var others = await world.EuPolice.Client.GetFromJsonAsync<JsonElement>("/api/v1/checks/on-our-material");
        Assert.DoesNotContain(others.EnumerateArray(), t => t.GetProperty("checkId").GetString() == checkId);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_check_needs_a_purpose_a_report_or_case_and_the_warning_acknowledged_before_it_goes_beyond_the_agency(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        await CheckWorld.WaitReadyAsync(app);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var phone = CheckWorld.NewPhone();

        var (noPurpose, body, _) = await CheckWorld.CheckAsync(world.OtherForce.Client, CheckWorld.Phone(phone.International, purpose: " "));
        Assert.Equal(HttpStatusCode.BadRequest, noPurpose);
        Assert.True(body.GetProperty("errors").TryGetProperty("purpose", out _));

        var (noFor, body2, _) = await CheckWorld.CheckAsync(world.OtherForce.Client, CheckWorld.Phone(phone.International, caseReference: null));
        Assert.Equal(HttpStatusCode.BadRequest, noFor);
        Assert.True(body2.GetProperty("errors").TryGetProperty("reportId", out _));

        var (noWarning, body3, raw3) = await CheckWorld.CheckAsync(world.OtherForce.Client, CheckWorld.Phone(phone.International, acknowledge: false));
        Assert.Equal(HttpStatusCode.BadRequest, noWarning);
        Assert.Contains("form of intelligence dissemination", body3.GetProperty("errors").GetProperty("acknowledgeWarning")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hits", raw3, StringComparison.Ordinal);

        // Locally, no warning is needed.
        var (local, _, rawLocal) = await CheckWorld.CheckAsync(world.OtherForce.Client,
            CheckWorld.Phone(phone.International, acknowledge: false, scope: "Local"));
        Assert.True(local == HttpStatusCode.OK, rawLocal);

        var (badValue, body4, _) = await CheckWorld.CheckAsync(world.OtherForce.Client, CheckWorld.Phone("not a phone at all"));
        Assert.Equal(HttpStatusCode.BadRequest, badValue);
        Assert.True(body4.GetProperty("errors").TryGetProperty("identifiers[0].value", out _));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Frontline_roles_check_their_own_agency_only(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        await CheckWorld.WaitReadyAsync(app);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var phone = CheckWorld.NewPhone();
        var own = await CheckWorld.ReportAsync(world.Author, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, phone.International);
        await CheckWorld.ReportAsync(world.SameForce, FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator, phone.International);
        await CheckWorld.ReportAsync(world.OtherForce, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, phone.International);

        var (beyond, body, _) = await CheckWorld.CheckAsync(world.Author.Client, CheckWorld.Phone(phone.International, scope: "BeyondAgency"));
        Assert.Equal(HttpStatusCode.BadRequest, beyond);
        Assert.True(body.GetProperty("errors").TryGetProperty("scope", out _));

        var (status, answer, raw) = await CheckWorld.CheckAsync(world.Author.Client, CheckWorld.Phone(phone.International, acknowledge: false));
        Assert.True(status == HttpStatusCode.OK, raw);
        Assert.Equal("Local", answer.GetProperty("scope").GetString());
        Assert.Equal(own.Id, Assert.Single(answer.GetProperty("hits").EnumerateArray()).GetProperty("reportId").GetGuid());
        // The sister unit's report is referred to; the other force is not reached at all, not even as a marker.
        var marker = Assert.Single(answer.GetProperty("restricted").EnumerateArray());
        Assert.Equal(world.SameForce.Organisation.Name, marker.GetProperty("originator").GetString());
        Assert.DoesNotContain(world.OtherForce.Organisation.Name, raw, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_check_prompted_by_agency_only_material_goes_outside_only_after_the_originators_approval(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        await CheckWorld.WaitReadyAsync(app);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var supervisor = await IntelligenceWorld.MemberAsync(app, world.Originator, Roles.DisseminationSupervisor);
        var phone = CheckWorld.NewPhone();
        var prompting = await CheckWorld.ReportAsync(world.Author, FiveFiveFiveHandling.OnlyWithinOriginatingAgency, phone.International);
        var outside = await CheckWorld.ReportAsync(world.OtherForce, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, phone.International);

        var (status, body, raw) = await CheckWorld.CheckAsync(world.SameForce.Client,
            CheckWorld.Phone(phone.International, reportId: prompting.Id.ToString(), caseReference: null));

        Assert.True(status == HttpStatusCode.OK, raw);
        Assert.Equal("AwaitingApproval", body.GetProperty("status").GetString());
        Assert.Equal("Local", body.GetProperty("scope").GetString());
        Assert.Contains("within originating", body.GetProperty("handling").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(prompting.Id, Assert.Single(body.GetProperty("hits").EnumerateArray()).GetProperty("reportId").GetGuid());
        Assert.DoesNotContain(outside.Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        var id = body.GetProperty("id").GetGuid();

        // The asker cannot approve their own check; the originating agency's supervisor can.
        Assert.Equal(HttpStatusCode.NotFound, (await world.SameForce.Client.PostAsync($"/api/v1/checks/{id}/approval", null)).StatusCode);
        var pending = await supervisor.Client.GetFromJsonAsync<JsonElement>("/api/v1/checks/approvals");
        Assert.Contains(pending.EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        var approval = await supervisor.Client.PostAsync($"/api/v1/checks/{id}/approval", null);
        Assert.True(approval.IsSuccessStatusCode, await approval.Content.ReadAsStringAsync());

        var again = await world.SameForce.Client.PostAsync($"/api/v1/checks/{id}/run", null);
        var againRaw = await again.Content.ReadAsStringAsync();
        Assert.True(again.IsSuccessStatusCode, againRaw);
        var answer = JsonDocument.Parse(againRaw).RootElement;
        Assert.Equal("Approved", answer.GetProperty("status").GetString());
        Assert.Contains(answer.GetProperty("hits").EnumerateArray(), h => h.GetProperty("reportId").GetGuid() == outside.Id);
        Assert.Equal(2, await app.AuditCountAsync(CheckAuditActions.Check, id.ToString()));
        Assert.Equal(1, await app.AuditCountAsync(CheckAuditActions.Approve, id.ToString()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Hidden_hits_never_crowd_out_visible_ones_5000_hidden_and_3_visible_return_the_3(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        await CheckWorld.WaitReadyAsync(app);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var phone = CheckWorld.NewPhone();
        await CheckWorld.PlantHiddenAsync(app, world.SameForce, 5000, report => new IntelligenceItem
        {
            ReportId = report, Kind = IntelligenceItemKind.Communication, SubKind = "phone", Value = phone.International, NormalisedKey = phone.E164,
        });
        var visible = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            visible.Add((await CheckWorld.ReportAsync(world.Author, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, phone.International)).Id);
        }

        var (status, body, raw) = await CheckWorld.CheckAsync(world.EuPolice.Client, CheckWorld.Phone(phone.International));

        Assert.True(status == HttpStatusCode.OK, raw);
        Assert.Equal(visible.Order(), body.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("reportId").GetGuid()).Order());
        Assert.Equal(0, body.GetProperty("moreHits").GetInt32());
        Assert.Single(body.GetProperty("restricted").EnumerateArray());
        Assert.Empty(body.GetProperty("overCorrelating").EnumerateArray());
        CountAssert.NotIn(raw, 5000);
        CountAssert.NotIn(raw, 5003);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_report_saved_through_one_host_is_found_by_a_check_on_another_after_its_poll(string database)
    {
        var fast = new Dictionary<string, string?> { ["Checks:Index:PollMilliseconds"] = "100" };
        await using var hostA = await AriadneAppFactory.IsolatedAsync(database, fast);
        await using var hostB = AriadneAppFactory.AnotherHostOn(hostA, fast);
        await CheckWorld.WaitReadyAsync(hostA);
        await CheckWorld.WaitReadyAsync(hostB);
        using var world = await IntelligenceWorld.CreateAsync(hostA);
        var phone = CheckWorld.NewPhone();

        var saved = await CheckWorld.ReportAsync(world.Author, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, phone.International);

        // Host B learns of it from the change table by its own poll, before anyone asks it anything.
        var indexB = hostB.Services.GetRequiredService<CheckIndex>();
        var found = false;
        for (var i = 0; i < 200 && !found; i++)
        {
            found = indexB.Identifiers.Lookup(IdentifierKind.Phone, phone.E164).Contains(saved.Id);
            if (!found)
            {
                await Task.Delay(50);
            }
        }
        Assert.True(found, "host B's poll did not apply host A's report");
        using var otherForceOnB = await hostB.SignInAsync(world.OtherForce.User);
        var (status, body, raw) = await CheckWorld.CheckAsync(otherForceOnB, CheckWorld.Phone(phone.Local));
        Assert.True(status == HttpStatusCode.OK, raw);
        Assert.Equal(saved.Id, Assert.Single(body.GetProperty("hits").EnumerateArray()).GetProperty("reportId").GetGuid());

        // A draft rewritten on A without the number: B forgets it after its poll.
        var update = await world.Author.Client.PostAsJsonAsync($"/api/v1/intelligence/{saved.Id}/handling",
            new { handling5 = "NoFurtherDisseminationReferToOriginator", reason = "Source at risk" });
        Assert.True(update.IsSuccessStatusCode, await update.Content.ReadAsStringAsync());
        var (status2, body2, raw2) = await CheckWorld.CheckAsync(otherForceOnB, CheckWorld.Phone(phone.Local));
        Assert.True(status2 == HttpStatusCode.OK, raw2);
        Assert.Empty(body2.GetProperty("hits").EnumerateArray());
        Assert.Single(body2.GetProperty("restricted").EnumerateArray());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_host_starting_on_the_database_indexes_each_financial_item_by_the_kind_its_sub_kind_or_else_its_value_decides(string database)
    {
        // The start-up load leaves a financial value encrypted when its sub-kind decides the kind (CheckKeys.IndexKind); without a
        // sub-kind it must decrypt the value, or an IBAN typed without one would never be found after a restart.
        await using var first = await AriadneAppFactory.IsolatedAsync(database);
        await CheckWorld.WaitReadyAsync(first);
        using var world = await IntelligenceWorld.CreateAsync(first);
        var noSubKind = NewIban();
        var withSubKind = NewIban();
        const string card = "4111 1111 1111 1111";
        var saved = await CheckWorld.ReportAsync(world.Author, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, CheckWorld.NewPhone().International,
            moreItems: [new { kind = "Financial", value = noSubKind }, new { kind = "Financial", subKind = "iban", value = withSubKind },
                new { kind = "Financial", subKind = "card", value = card }]);

        await using var restarted = AriadneAppFactory.AnotherHostOn(first);
        await CheckWorld.WaitReadyAsync(restarted);

        var index = restarted.Services.GetRequiredService<CheckIndex>();
        foreach (var (subKind, value) in new[] { ((string?)null, noSubKind), ("iban", withSubKind), ("card", card) })
        {
            var identifier = IdentifierKeys.Identify(IntelligenceItemKind.Financial, subKind, value, null, "")!;
            Assert.Contains(saved.Id, index.Identifiers.Lookup(identifier.Kind, identifier.Key));
        }
        using var otherForce = await restarted.SignInAsync(world.OtherForce.User);
        var (status, body, raw) = await CheckWorld.CheckAsync(otherForce, new
        {
            identifiers = new[] { new { kind = "iban", value = noSubKind.ToLowerInvariant() } }, purpose = "Deconfliction", caseReference = "C-TEST-1",
            acknowledgeWarning = true,
        });
        Assert.True(status == HttpStatusCode.OK, raw);
        Assert.Equal(saved.Id, Assert.Single(body.GetProperty("hits").EnumerateArray()).GetProperty("reportId").GetGuid());
    }

    /// <summary>A German IBAN no other test uses: 18 random digits, check digits by ISO 7064 mod 97-10.</summary>
    private static string NewIban()
    {
        var bban = string.Concat(Enumerable.Range(0, 18).Select(_ => (char)('0' + Random.Shared.Next(10))));
        var check = 98 - (int)(System.Numerics.BigInteger.Parse(bban + "131400", System.Globalization.CultureInfo.InvariantCulture) % 97);
        return $"DE{check:D2}{bban}";
    }

    [Fact]
    public void The_financial_sub_kinds_the_index_load_leaves_encrypted_decide_the_kind_without_the_value()
    {
        foreach (var subKind in CheckKeys.FinancialSubKindsDecidingKind)
        {
            Assert.NotNull(CheckKeys.IndexKind(IntelligenceItemKind.Financial, subKind, value: null, country: null));
        }
        Assert.Null(CheckKeys.IndexKind(IntelligenceItemKind.Financial, subKind: null, value: null, country: null));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_submitted_report_is_cross_referenced_at_once_and_both_owners_see_the_new_link_within_their_handling(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var phone = CheckWorld.NewPhone();
        var older = await CheckWorld.ReportAsync(world.SameForce, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, phone.International);
        var before = await world.SameForce.Client.GetFromJsonAsync<JsonElement>("/api/v1/checks/new-links?mine=true");
        var since = before.GetProperty("sequence").GetInt64();

        var newer = await CheckWorld.ReportAsync(world.OtherForce, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, phone.International);
        var secret = await CheckWorld.ReportAsync(world.EuPolice, FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator, phone.International);

        foreach (var owner in new[] { world.SameForce, world.OtherForce })
        {
            var links = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/checks/new-links?mine=true&since={since}");
            var link = Assert.Single(links.GetProperty("links").EnumerateArray(), l => l.GetProperty("value").GetString() == phone.E164);
            var reports = link.GetProperty("reports").EnumerateArray().ToDictionary(r => r.GetProperty("reportId").GetGuid(), r => r);
            Assert.Equal([older.Id, newer.Id], reports.Keys.Order().ToArray());
            Assert.True(reports[newer.Id].GetProperty("new").GetBoolean());
            Assert.False(reports[older.Id].GetProperty("new").GetBoolean());
            Assert.DoesNotContain(secret.Id.ToString(), links.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }
        // A role that does not check sees no cross-reference.
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Support.Client.GetAsync("/api/v1/checks/new-links")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Running_the_cross_reference_now_moves_the_baseline_of_new_links(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var analyst = await IntelligenceWorld.MemberAsync(app, world.OtherForce.Organisation, Roles.IntelligenceAnalyst);
        var phone = CheckWorld.NewPhone();
        await CheckWorld.ReportAsync(world.OtherForce, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, phone.International);
        await CheckWorld.ReportAsync(world.OtherForce, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, phone.International);

        var first = await analyst.Client.PostAsync("/api/v1/checks/cross-reference/run", null);
        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
        var firstLinks = await analyst.Client.GetFromJsonAsync<JsonElement>("/api/v1/checks/new-links");
        Assert.Single(firstLinks.GetProperty("links").EnumerateArray());
        var second = await analyst.Client.PostAsync("/api/v1/checks/cross-reference/run", null);
        Assert.True(second.IsSuccessStatusCode);
        var secondLinks = await analyst.Client.GetFromJsonAsync<JsonElement>("/api/v1/checks/new-links");
        Assert.Empty(secondLinks.GetProperty("links").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await world.OtherForce.Client.PostAsync("/api/v1/checks/cross-reference/run", null)).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_check_page_shows_what_the_api_answers_and_the_link_view_expands_as_a_list(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var phone = CheckWorld.NewPhone();
        var shown = await CheckWorld.ReportAsync(world.Author, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, phone.International);
        var hidden = await CheckWorld.ReportAsync(world.SameForce, FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator, phone.International);
        using var pages = await app.SignInToPagesAsync(world.OtherForce.User);

        var warningPage = await pages.GetStringAsync("/Checks");
        Assert.Contains("form of intelligence dissemination", warningPage, StringComparison.Ordinal);
        var response = await AriadneAppFactory.PostFormAsync(pages, "/Checks", new Dictionary<string, string>
        {
            ["Input.Kind"] = "phone", ["Input.Value"] = phone.Local, ["Input.Purpose"] = "Page check", ["Input.CaseReference"] = "C-PAGE",
            ["Input.Scope"] = "BeyondAgency", ["Input.AcknowledgeWarning"] = "true",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, html);
        Assert.Contains(shown.Reference, html, StringComparison.Ordinal);
        Assert.Contains("Restricted hit", html, StringComparison.Ordinal);
        Assert.Contains(world.SameForce.Organisation.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.Reference, html, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.Id.ToString(), html, StringComparison.OrdinalIgnoreCase);

        var links = await pages.GetStringAsync($"/Checks/Links?report={shown.Id}");
        Assert.Contains(phone.E164.Replace("+", "&#x2B;", StringComparison.Ordinal), links.Replace("+", "&#x2B;", StringComparison.Ordinal), StringComparison.Ordinal);
        var around = await pages.GetStringAsync($"/Checks/Links?entity={Uri.EscapeDataString("Phone:" + phone.E164)}");
        Assert.Contains(shown.Reference, around, StringComparison.Ordinal);
        Assert.Contains("Restricted hit", around, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.Reference, around, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_is_not_ready_until_the_check_index_is_loaded()
    {
        using var index = new CheckIndex(Microsoft.Extensions.Logging.Abstractions.NullLogger<CheckIndex>.Instance, TimeProvider.System,
            CheckSettings.FromConfiguration(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()));
        var health = await new CheckIndexHealthCheck(index).CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());
        Assert.False(index.IsReady);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, health.Status);
    }
}
