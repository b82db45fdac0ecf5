using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Security;
using static Ariadne.Tests.Cases.CaseWorld;

namespace Ariadne.Tests.Cases;

/// <summary>
/// The legal safeguards of the case system through the API and the case page, as the organisations use them
/// (issue 9, items 1, 3, 4 and 5): no removal while protected, a guardian's finding not overridden, the person's
/// change from suspect to presumed victim, and no case lost before it is a case.
/// </summary>
public sealed class SafeguardApiTests
{
    private static Task<HttpResponseMessage> PlanReturnAsync(HttpClient client, Guid caseId, Guid assessment) =>
        client.PutAsJsonAsync($"/api/v1/cases/{caseId}/return-plan", new { organiser = "RET-04", riskAssessmentId = assessment });

    private static async Task<JsonElement> ReturnOfAsync(HttpClient client, Guid caseId) =>
        (await DetailAsync(client, caseId)).GetProperty("case").GetProperty("return");

    private static async Task<List<JsonElement>> TimelineAsync(HttpClient client, Guid caseId) =>
        (await OkAsync(await client.GetAsync($"/api/v1/cases/{caseId}/timeline"))).EnumerateArray().ToList();

    // ---------------------------------------------------------------- 1. R-LEG-02, L4, R-SYS-01

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task No_return_is_planned_during_the_reflection_period_even_after_a_negative_conclusive_decision_the_same_day(string database)
    {
        var clock = new FakeClock();
        await using var app = await AriadneAppFactory.IsolatedAsync(database, time: clock);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        var unit = world.Unit.Client;
        await MoveAsync(unit, c.Id, "StartAssessment");
        var reflection = await MoveAsync(unit, c.Id, "ReasonableGroundsPositive", "Indicators confirmed");
        var endsOn = reflection.GetProperty("reflectionEndsOn").GetString();

        // A conclusive decision before the period ends needs its own reason, named as a field.
        var unexplained = await ProblemAssert.IsProblemAsync(await TransitionAsync(unit, c.Id, "ConclusiveNegative", "Not established"),
            HttpStatusCode.BadRequest);
        Assert.True(unexplained.GetProperty("errors").TryGetProperty("earlyDecisionReason", out _));
        var negative = await MoveAsync(unit, c.Id, "ConclusiveNegative", "Not established", "The person asked to know now");
        Assert.Equal("NegativeDecision", negative.GetProperty("stage").GetString());
        // The decision does not shorten the period.
        Assert.Equal(endsOn, negative.GetProperty("reflectionEndsOn").GetString());
        Assert.Contains(await TimelineAsync(unit, c.Id), e => e.GetProperty("kind").GetString() == "early-decision"
                                                              && e.GetProperty("detail").GetString() == "The person asked to know now");

        var assessment = await AssessRiskAsync(unit, c.Id, "Return", riskIdentified: false);
        var refused = await ProblemAssert.IsProblemAsync(await PlanReturnAsync(unit, c.Id, assessment), HttpStatusCode.Conflict);
        Assert.Contains("reflection period, which runs until", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var blocked = await ReturnOfAsync(unit, c.Id);
        Assert.Null(blocked.GetProperty("organiser").GetString());
        Assert.Contains(blocked.GetProperty("blockedBecause").EnumerateArray(), r => r.GetString()!.Contains("(L4)", StringComparison.Ordinal));

        // The case page says why, and offers no form to plan the return.
        using (var browser = await app.SignInToPagesAsync(world.Unit.User))
        {
            var page = await browser.GetStringAsync($"/Cases/View?id={c.Id}");
            Assert.Contains("id=\"return-blocked\"", page, StringComparison.Ordinal);
            Assert.Contains("reflection period, which runs until", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Plan the return", page, StringComparison.Ordinal);
        }

        // The day after the period's last day a return may be planned, on a fresh assessment.
        clock.Advance(TimeSpan.FromDays(32));
        await world.RenewAsync();
        unit = world.Unit.Client;
        Assert.Empty((await ReturnOfAsync(unit, c.Id)).GetProperty("blockedBecause").EnumerateArray());
        using (var browser = await app.SignInToPagesAsync(world.Unit.User))
        {
            var page = await browser.GetStringAsync($"/Cases/View?id={c.Id}");
            Assert.Contains("Plan the return", page, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"return-blocked\"", page, StringComparison.Ordinal);
        }
        var planned = await OkAsync(await PlanReturnAsync(unit, c.Id, assessment));
        Assert.True(planned.GetProperty("return").GetProperty("inForce").GetBoolean());
        Assert.Equal("RET-04", planned.GetProperty("returnOrganiser").GetString());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_return_planned_after_a_negative_decision_is_suspended_when_a_reconsideration_starts(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        var unit = world.Unit.Client;
        await MoveAsync(unit, c.Id, "StartAssessment");
        await MoveAsync(unit, c.Id, "ReasonableGroundsNegative", "No indicator could be confirmed");
        var assessment = await AssessRiskAsync(unit, c.Id, "Return", riskIdentified: false);
        var planned = await OkAsync(await PlanReturnAsync(unit, c.Id, assessment));
        Assert.True(planned.GetProperty("return").GetProperty("inForce").GetBoolean());

        await MoveAsync(world.Police.Client, c.Id, "RequestReconsideration", "The employer has since been arrested for trafficking");

        var suspended = await ReturnOfAsync(unit, c.Id);
        Assert.False(suspended.GetProperty("inForce").GetBoolean());
        Assert.True(suspended.GetProperty("suspended").GetBoolean());
        Assert.Contains(suspended.GetProperty("suspendedBecause").EnumerateArray(),
            r => r.GetString()!.Contains("reconsideration", StringComparison.Ordinal));
        Assert.Contains(await TimelineAsync(unit, c.Id), e => e.GetProperty("kind").GetString() == "return-suspended");
        var again = await ProblemAssert.IsProblemAsync(await PlanReturnAsync(unit, c.Id, assessment), HttpStatusCode.Conflict);
        Assert.Contains("reconsideration", again.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Decided again, negatively: the old plan stays suspended until the return is planned again.
        await MoveAsync(unit, c.Id, "ReasonableGroundsNegative", "Still no indicator confirmed");
        Assert.False((await ReturnOfAsync(unit, c.Id)).GetProperty("inForce").GetBoolean());
        Assert.True((await OkAsync(await PlanReturnAsync(unit, c.Id, assessment))).GetProperty("return").GetProperty("inForce").GetBoolean());
    }

    // ---------------------------------------------------------------- 3. CH-PR-19

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_risk_found_with_the_guardian_stands_until_a_review_with_the_guardian_records_otherwise(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var child = await world.OpenChildCaseAsync();
        await world.AppointGuardianAsync(child);
        var unit = world.Unit.Client;
        var guardian = world.Guardianship.Client;
        await MoveAsync(unit, child.Id, "StartAssessment");
        await MoveAsync(unit, child.Id, "ReasonableGroundsNegative", "No indicator could be confirmed");

        await AssessRiskAsync(guardian, child.Id, "Return", riskIdentified: true);
        // The case owner's newer "low risk" assessment does not lift what the guardian found.
        var low = await AssessRiskAsync(unit, child.Id, "Return", riskIdentified: false);
        var refused = await ProblemAssert.IsProblemAsync(await PlanReturnAsync(unit, child.Id, low), HttpStatusCode.Conflict);
        Assert.Contains("with the guardian", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("CH-PR-19", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var assessments = (await DetailAsync(unit, child.Id)).GetProperty("riskAssessments").EnumerateArray().ToList();
        Assert.Equal(new[] { true, false }, assessments.Select(a => a.GetProperty("withGuardian").GetBoolean()));

        // A review with the guardian that finds no risk lifts the block.
        await AssessRiskAsync(guardian, child.Id, "Review", riskIdentified: false);
        Assert.True((await OkAsync(await PlanReturnAsync(unit, child.Id, low))).GetProperty("return").GetProperty("inForce").GetBoolean());

        // A danger the guardian finds later suspends the plan.
        await AssessRiskAsync(guardian, child.Id, "Review", riskIdentified: true);
        var suspended = await ReturnOfAsync(unit, child.Id);
        Assert.True(suspended.GetProperty("suspended").GetBoolean());
        Assert.Contains(suspended.GetProperty("blockedBecause").EnumerateArray(), r => r.GetString()!.Contains("guardian", StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------- 4. R-TR-01, R-LEG-01/03

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_suspect_becomes_a_presumed_victim_with_reason_date_and_who_and_earlier_records_stay_marked(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenSuspectCaseAsync();
        var unit = world.Unit.Client;

        // The flags set on the screening travel onto the case.
        var opened = (await DetailAsync(unit, c.Id)).GetProperty("case").GetProperty("status");
        Assert.False(opened.GetProperty("presumedVictim").GetBoolean());
        Assert.True(opened.GetProperty("suspectedOffender").GetBoolean());
        Assert.Equal("Suspect", opened.GetProperty("role").GetString());
        var statement = Assert.Single((await DetailAsync(unit, c.Id)).GetProperty("documents").EnumerateArray());
        Assert.True(statement.GetProperty("takenWhileSuspect").GetBoolean());

        Task<HttpResponseMessage> ChangeAsync(HttpClient client, object body) => client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/status-changes", body);
        var noReason = await ProblemAssert.IsProblemAsync(await ChangeAsync(unit, new { presumedVictim = true }), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        // Only the owner records it; an invited organisation may not.
        await world.InviteAsync(c.Id, world.OtherUnit.Organisation);
        await ProblemAssert.IsProblemAsync(await ChangeAsync(world.OtherUnit.Client, new { presumedVictim = true, reason = "Because" }),
            HttpStatusCode.Forbidden);

        const string why = "During questioning she described being forced to carry the false papers";
        var changed = await OkAsync(await ChangeAsync(unit, new { presumedVictim = true, reason = why }));
        Assert.Equal("PresumedVictimAlsoSuspected", changed.GetProperty("status").GetProperty("role").GetString());
        var entry = Assert.Single(await TimelineAsync(unit, c.Id), e => e.GetProperty("kind").GetString() == "status-changed");
        Assert.Equal("Status changed: suspect → presumed victim, also suspected offender", entry.GetProperty("summary").GetString());
        Assert.Equal(why, entry.GetProperty("detail").GetString());
        Assert.Equal(world.Unit.DisplayName, entry.GetProperty("actor").GetString());

        // The earlier statement stays on the case, marked; a new one is not.
        await OkAsync(await unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/documents", new { title = "Interview as a victim", content = "Her account." }));
        var documents = (await DetailAsync(unit, c.Id)).GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(new[] { true, false }, documents.Select(d => d.GetProperty("takenWhileSuspect").GetBoolean()));

        // Removing the presumed-victim flag needs a reason, said as taking protection away.
        var removal = await ProblemAssert.IsProblemAsync(await ChangeAsync(unit, new { presumedVictim = false, reason = " " }),
            HttpStatusCode.BadRequest);
        Assert.Contains("protection", removal.GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
        Assert.True((await DetailAsync(unit, c.Id)).GetProperty("case").GetProperty("status").GetProperty("presumedVictim").GetBoolean());

        // The case page shows the flags and the form to the owner.
        using var browser = await app.SignInToPagesAsync(world.Unit.User);
        var page = await browser.GetStringAsync($"/Cases/View?id={c.Id}");
        Assert.Contains("id=\"person-status\"", page, StringComparison.Ordinal);
        Assert.Contains("R-LEG-01", page, StringComparison.Ordinal);
        Assert.Contains("Taken while a suspect", page, StringComparison.Ordinal);
        Assert.Contains("Record a change of status", page, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- 5. NRM-P3

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Nothing_is_proposed_or_accepted_on_a_closed_case(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        var unit = world.Unit.Client;
        var service = await world.ProposeAsync(c.Id, "SVC-02", world.Support.Organisation);
        var handover = (await OkAsync(await unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/handovers",
            new { toOrganisationId = world.OtherUnit.Organisation.Id, reason = "Moved region" }))).GetProperty("id").GetGuid();
        await OkAsync(await TransitionAsync(unit, c.Id, "Close", "Same person as an earlier case", closureReason: "Duplicate"));

        var refusals = new (string What, Func<Task<HttpResponseMessage>> Request)[]
        {
            ("accept the handover", () => world.OtherUnit.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/handovers/{handover}/response", new { accept = true })),
            ("accept the service", () => world.Support.Client.PostAsync($"/api/v1/cases/{c.Id}/services/{service}/accept", null)),
            ("propose a service", () => unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/services",
                new { service = "SVC-06", providerOrganisationId = world.Support.Organisation.Id, note = "Late" })),
            ("hand over", () => unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/handovers", new { toOrganisationId = world.OtherUnit.Organisation.Id, reason = "Again" })),
            ("invite", () => unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/participants", new { organisationId = world.Prosecution.Organisation.Id })),
            ("assess risk", () => unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/risk-assessments", new
            {
                purpose = "Review", threatToPerson = "Low", threatToFamily = "Low", reTrafficking = "Low", riskIdentified = false,
                summary = "Late", reviewer = "Late",
            })),
            ("add a statement", () => unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/documents", new { title = "Late", content = "Late" })),
            ("change the person's status", () => unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/status-changes", new { presumedVictim = false, reason = "Late" })),
        };
        foreach (var (what, request) in refusals)
        {
            var response = await request();
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{what} on a closed case: {(int)response.StatusCode}");
        }
        // What waited for an answer was withdrawn when the case closed: the coordinator has nothing to chase.
        var dashboard = await OkAsync(await world.Coordinator.Client.GetAsync("/api/v1/cases/dashboard"));
        Assert.DoesNotContain(dashboard.GetProperty("pendingHandovers").EnumerateArray(), h => h.GetProperty("id").GetGuid() == handover);
        var detail = await DetailAsync(unit, c.Id);
        Assert.Equal("Revoked", Assert.Single(detail.GetProperty("services").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(world.Unit.Organisation.Name, detail.GetProperty("case").GetProperty("ownerOrganisation").GetString());

        // Reopened, the work goes on.
        await MoveAsync(unit, c.Id, "Reopen", "Not a duplicate after all");
        await world.InviteAsync(c.Id, world.Prosecution.Organisation);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_referral_nobody_opens_is_due_and_shows_on_the_dashboard_children_first_and_a_disabled_case_worker_counts_as_none(
        string database)
    {
        var clock = new FakeClock();
        await using var app = await AriadneAppFactory.IsolatedAsync(database, time: clock);
        using var world = await CaseWorld.CreateAsync(app);
        var adult = await world.ReferAsync(child: false);
        var child = await world.ReferAsync(child: true);
        var opened = await world.OpenAdultCaseAsync();

        async Task<JsonElement> DashboardAsync() => await OkAsync(await world.Coordinator.Client.GetAsync("/api/v1/cases/dashboard"));
        var today = await DashboardAsync();
        var rows = today.GetProperty("unopenedReferrals").EnumerateArray().ToList();
        Assert.Equal(new[] { child.ReferralId, adult.ReferralId }, rows.Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal(2, today.GetProperty("unopenedReferralCount").GetInt32());
        Assert.True(rows[0].GetProperty("child").GetBoolean());
        Assert.Equal(adult.Reference, rows[1].GetProperty("reference").GetString());
        Assert.Equal(world.Unit.Organisation.Name, rows[1].GetProperty("toOrganisation").GetString());
        var due = rows[1].GetProperty("dueAt").GetDateTime();
        Assert.InRange(due, clock.UtcNow, clock.UtcNow.AddDays(4)); // the end of the next working day, in the jurisdiction's calendar
        Assert.False(rows[1].GetProperty("overdue").GetBoolean());
        // No personal data on the coordinator's list.
        var json = today.GetRawText();
        Assert.DoesNotContain(adult.PersonName, json, StringComparison.Ordinal);
        Assert.DoesNotContain(child.PersonName, json, StringComparison.Ordinal);

        // A case worker whose account is disabled works nothing: the case counts as without one.
        Assert.DoesNotContain(today.GetProperty("withoutOwner").EnumerateArray(), r => r.GetProperty("id").GetGuid() == opened.Id);
        using var admin = await app.SignInAsAsync(Roles.Administrator);
        await OkAsync(await admin.PutAsJsonAsync($"/api/v1/users/{world.Unit.User.Id}", new { isActive = false }));

        clock.Advance(TimeSpan.FromDays(5));
        await world.Coordinator.RenewAsync(app);
        var later = await DashboardAsync();
        Assert.All(later.GetProperty("unopenedReferrals").EnumerateArray(), r => Assert.True(r.GetProperty("overdue").GetBoolean()));
        Assert.Contains(later.GetProperty("withoutOwner").EnumerateArray(), r => r.GetProperty("id").GetGuid() == opened.Id);

        // The dashboard page lists them, children first.
        using var coordinatorPage = await app.SignInToPagesAsync(world.Coordinator.User);
        var page = await coordinatorPage.GetStringAsync("/Cases/Dashboard");
        Assert.Contains("id=\"unopened-referral-list\"", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf(child.Reference, StringComparison.Ordinal) < page.IndexOf(adult.Reference, StringComparison.Ordinal));

        // Once a unit member opens the case, the referral is no longer waiting.
        var unitColleague = await app.CreateUserAsync(world.Unit.Organisation, Roles.Investigator);
        using var unitClient = await app.SignInAsync(unitColleague);
        await OkAsync(await unitClient.PostAsJsonAsync("/api/v1/cases", new { referralId = adult.ReferralId }));
        Assert.Equal(new[] { child.ReferralId },
            (await DashboardAsync()).GetProperty("unopenedReferrals").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
    }
}
