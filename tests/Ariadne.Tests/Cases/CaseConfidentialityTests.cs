using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using static Ariadne.Tests.Cases.CaseWorld;

namespace Ariadne.Tests.Cases;

/// <summary>
/// Issue 9 items 6, 7, 8 and 13 through the API and the pages: who hands a case over, what crosses into a
/// de-personalised view, what law enforcement reads of shelters and venues (V-01), and that the case page offers
/// exactly the operations the API accepts.
/// </summary>
public sealed class CaseConfidentialityTests
{
    // ---------------------------------------------------------------- item 6: handovers

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Only_the_owner_hands_a_case_over_and_only_the_chosen_organisation_accepts(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        await world.InviteAsync(c.Id, world.Prosecution.Organisation);
        Task<HttpResponseMessage> Request(Member by, Guid to) =>
            by.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/handovers", new { toOrganisationId = to, reason = "Moves region" });

        // The coordinator can neither take the case to itself nor move it elsewhere; a participant cannot either.
        await ProblemAssert.IsProblemAsync(await Request(world.Coordinator, world.Coordinator.Organisation.Id), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await Request(world.Coordinator, world.OtherUnit.Organisation.Id), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await Request(world.Prosecution, world.Prosecution.Organisation.Id), HttpStatusCode.Forbidden);
        // The owner hands over to another organisation, not to itself.
        await ProblemAssert.IsProblemAsync(await Request(world.Unit, world.Unit.Organisation.Id), HttpStatusCode.BadRequest);
        var handover = (await OkAsync(await Request(world.Unit, world.OtherUnit.Organisation.Id))).GetProperty("id").GetGuid();

        Task<HttpResponseMessage> Accept(Member by) =>
            by.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/handovers/{handover}/response", new { accept = true });
        await ProblemAssert.IsProblemAsync(await Accept(world.Coordinator), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await Accept(world.Prosecution), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await Accept(world.Unit), HttpStatusCode.Forbidden);
        // An organisation with no part in the case does not learn it exists.
        Assert.Equal(HttpStatusCode.NotFound, (await Accept(world.Support)).StatusCode);
        var still = await DetailAsync(world.Unit.Client, c.Id);
        Assert.Equal(world.Unit.Organisation.Name, still.GetProperty("case").GetProperty("ownerOrganisation").GetString());

        await OkAsync(await Accept(world.OtherUnit));
        var now = await DetailAsync(world.OtherUnit.Client, c.Id);
        Assert.Equal(world.OtherUnit.Organisation.Name, now.GetProperty("case").GetProperty("ownerOrganisation").GetString());
        Assert.Equal("Personal", now.GetProperty("case").GetProperty("view").GetString());
        // The former owner no longer hands it over.
        await ProblemAssert.IsProblemAsync(await Request(world.Unit, world.Support.Organisation.Id), HttpStatusCode.Forbidden);
    }

    // ---------------------------------------------------------------- item 7: de-personalised views carry coded fields only

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task No_free_text_typed_by_the_owner_reaches_anyone_who_sees_the_case_de_personalised(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenChildCaseAsync();
        var unit = world.Unit.Client;
        var marker = "Mk" + world.Marker;
        string M(string field) => $"{marker}-{field}";
        var typed = new List<string>();
        async Task<JsonElement> Type(Task<HttpResponseMessage> call) => await OkAsync(await call);
        async Task Step(string trigger, string field, object? extra = null)
        {
            typed.Add(field);
            await OkAsync(await unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/transitions", extra ?? new { trigger, reason = M(field) }));
        }

        // Every free-text field of a case, typed by the owner through the API.
        typed.Add("guardianName");
        await Type(unit.PutAsJsonAsync($"/api/v1/cases/{c.Id}/guardian",
            new { guardianshipOrganisationId = world.Guardianship.Organisation.Id, guardianName = M("guardianName") }));
        await Step("StartAssessment", "start-reason");
        await Step("ReasonableGroundsPositive", "rg-reason");
        await Step("ExtendReflection", "extend-reason", new { trigger = "ExtendReflection", reason = M("extend-reason"), extensionDays = 10 });
        typed.Add("early-decision-reason");
        await Step("ConclusivePositive", "cd-reason",
            new { trigger = "ConclusivePositive", reason = M("cd-reason"), earlyDecisionReason = M("early-decision-reason") });
        await Step("Review", "review-reason");
        await Step("RecordOutcome", "outcome-reason", new { trigger = "RecordOutcome", reason = M("outcome-reason"), outcome = "OUT-01" });
        typed.Add("status-reason");
        await Type(unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/status-changes",
            new { presumedVictim = true, suspectedOffender = true, reason = M("status-reason") }));
        typed.AddRange(["risk-summary", "risk-reviewer"]);
        await Type(unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/risk-assessments", new
        {
            purpose = "Review", threatToPerson = "Medium", threatToFamily = "Low", reTrafficking = "Low", riskIdentified = true,
            summary = M("risk-summary"), reviewer = M("risk-reviewer"),
        }));
        typed.AddRange(["meeting-purpose", "meeting-venue"]);
        await Type(unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/meetings", new
        {
            at = DateTime.UtcNow.AddDays(3), purpose = M("meeting-purpose"), lawEnforcementPresent = false, venue = "ChildFriendlyInterviewRoom",
            venueDescription = M("meeting-venue"), counsellorRequested = false, safetyCoordinatorInvited = false,
        }));
        typed.AddRange(["statement-title", "statement-content"]);
        var statement = (await Type(unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/documents",
            new { title = M("statement-title"), content = M("statement-content") }))).GetProperty("id").GetGuid();
        typed.Add("service-note");
        await Type(unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/services",
            new { service = "SVC-02", providerOrganisationId = world.Support.Organisation.Id, note = M("service-note") }));
        typed.Add("revoke-reason");
        var revoked = await world.ProposeAsync(c.Id, "SVC-03", world.Support.Organisation);
        await Type(unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/services/{revoked}/revoke", new { reason = M("revoke-reason") }));
        // Consent to an organisation that then sees the case in full; it is not one of the de-personalised viewers below.
        var consentee = await world.MemberAsync(OrganisationType.VictimSupport, Roles.SupportWorker);
        typed.AddRange(["consent-document", "withdraw-note"]);
        var consent = (await Type(unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/consents", new
        {
            purpose = "PersonalData", recipientOrganisationId = consentee.Organisation.Id, documentVersion = M("consent-document"),
            rolesExplained = true, explainedToPerson = true,
        }))).GetProperty("id").GetGuid();
        await Type(unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/consents", new
        {
            purpose = "Statements", recipientOrganisationId = consentee.Organisation.Id, documentVersion = M("consent-document"),
            rolesExplained = true, explainedToPerson = true,
        }));
        await Type(unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/consents/{consent}/withdraw", new { note = M("withdraw-note") }));
        typed.Add("age-assessed-by");
        await Type(unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/age-assessments",
            new { method = "PsychoSocial", result = "Inconclusive", assessedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), assessedBy = M("age-assessed-by") }));
        typed.AddRange(["interview-venue", "interviewer", "guardian-present", "name-used", "age-stated", "nationality", "languages", "history", "schooling", "verbatim"]);
        await Type(unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/child-interviews", new
        {
            heldAt = DateTime.UtcNow.AddHours(-1), venue = "ChildFriendlyInterviewRoom", venueDescription = M("interview-venue"),
            interviewerName = M("interviewer"), guardianPresent = M("guardian-present"), nameUsed = M("name-used"), ageStated = M("age-stated"),
            nationality = M("nationality"), languagesSpoken = M("languages"), familyAndSocialHistory = M("history"), schooling = M("schooling"),
            spontaneousStatementsVerbatim = M("verbatim"),
        }));
        typed.Add("disposition-summary");
        await Type(unit.PutAsJsonAsync($"/api/v1/cases/{c.Id}/disposition",
            new { consultedParties = new[] { "Guardian", "SocialServices", "MinistryOfInterior" }, summary = M("disposition-summary") }));
        typed.Add("safety-action");
        await Type(unit.PutAsJsonAsync($"/api/v1/cases/{c.Id}/safety-coordinator", new { userId = world.Unit.User.Id }));
        await Type(unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/safety-actions", new { description = M("safety-action"), dueOn = (DateOnly?)null }));
        await world.InviteAsync(c.Id, world.Prosecution.Organisation);
        // Last, so it stays pending: the receiving unit sees the case de-personalised until it accepts.
        typed.Add("handover-reason");
        await Type(unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/handovers", new { toOrganisationId = world.OtherUnit.Organisation.Id, reason = M("handover-reason") }));

        // Positive control: the owner reads back every field it typed (the interview inside the encrypted document).
        var ownerReads = string.Concat(await Task.WhenAll(new[]
        {
            $"/api/v1/cases/{c.Id}", $"/api/v1/cases/{c.Id}/timeline", "/api/v1/cases/handovers",
        }.Concat((await DetailAsync(unit, c.Id)).GetProperty("documents").EnumerateArray()
            .Select(d => $"/api/v1/cases/{c.Id}/documents/{d.GetProperty("id").GetGuid()}")).Select(url => unit.GetStringAsync(url))));
        // Who assessed the age is kept for the record but no endpoint returns it.
        var unread = typed.Where(field => field != "age-assessed-by" && !ownerReads.Contains(M(field), StringComparison.Ordinal)).ToList();
        Assert.True(unread.Count == 0, "the owner does not read back: " + string.Join(", ", unread));

        var documents = (await DetailAsync(unit, c.Id)).GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(statement, documents);
        var apiUrls = CaseApiTests.ApiGetUrls(app, c.Id, documents).Append("/api/v1/cases/dashboard").ToList();
        var pageUrls = CaseApiTests.PageUrls(app, c).Append("/Cases/Dashboard").Append("/Cases").ToList();
        var depersonalised = new (string Who, Member Member, string View)[]
        {
            ("referring police (status only)", world.Police, "StatusOnly"),
            ("prosecution (invited, no consent)", world.Prosecution, "Depersonalised"),
            ("support organisation providing a service", world.Support, "Depersonalised"),
            ("coordinator (oversight)", world.Coordinator, "Depersonalised"),
            ("unit a handover awaits", world.OtherUnit, "Depersonalised"),
        };
        var leaks = new List<string>();
        foreach (var (who, member, view) in depersonalised)
        {
            // Not vacuous: each reads the case, with the view it should have, and its pages.
            Assert.Equal(view, (await DetailAsync(member.Client, c.Id)).GetProperty("case").GetProperty("view").GetString());
            leaks.AddRange(await LeaksAsync(app, who, member, apiUrls, pageUrls, typed.ToDictionary(M, f => f, StringComparer.Ordinal)));
        }
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
    }

    /// <summary>
    /// Every API answer and every page the member gets, searched for each text: one line per text found, saying where.
    /// The member must be shown at least two pages, so a sign-in that silently failed cannot pass as "nothing leaked".
    /// </summary>
    private static async Task<List<string>> LeaksAsync(AriadneAppFactory app, string who, Member member, IEnumerable<string> apiUrls,
        IEnumerable<string> pageUrls, IReadOnlyDictionary<string, string> texts)
    {
        var leaks = new List<string>();
        foreach (var url in apiUrls)
        {
            var body = await (await member.Client.GetAsync(url)).Content.ReadAsStringAsync();
            leaks.AddRange(texts.Where(t => body.Contains(t.Key, StringComparison.Ordinal)).Select(t => $"{who}: GET {url} shows {t.Value}"));
        }
        using var browser = await app.SignInToPagesAsync(member.User);
        var pages = 0;
        foreach (var url in pageUrls)
        {
            var response = await browser.GetAsync(url);
            pages += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            leaks.AddRange(texts.Where(t => body.Contains(t.Key, StringComparison.Ordinal)).Select(t => $"{who}: page {url} shows {t.Value}"));
        }
        Assert.True(pages >= 2, $"{who}: only {pages} pages shown");
        return leaks;
    }

    // ---------------------------------------------------------------- item 8: shelters and venues never reach law enforcement (V-01)

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Law_enforcement_reads_a_shelter_as_a_code_and_never_a_support_organisations_venue_text(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        var shelterName = $"Harbour Street house {world.Marker}";
        var venue = $"At 12 Example Lane {world.Marker}, back door";
        var shelter = await OkAsync(await world.Support.Client.PostAsJsonAsync("/api/v1/shelters",
            new { name = shelterName, type = "CareShelter", address = $"12 Example Lane {world.Marker}" }));
        var lodging = await world.ProposeAsync(c.Id, "SVC-01", world.Support.Organisation);
        await OkAsync(await world.Support.Client.PostAsync($"/api/v1/cases/{c.Id}/services/{lodging}/accept", null));
        var risk = await AssessRiskAsync(world.Support.Client, c.Id, "ShelterPlacement", riskIdentified: false);
        await OkAsync(await world.Support.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/placements",
            new { proposalId = lodging, shelterId = shelter.GetProperty("id").GetGuid(), riskAssessmentId = risk }));
        await OkAsync(await world.Support.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/meetings", new
        {
            at = DateTime.UtcNow.AddDays(2), purpose = "Counselling", lawEnforcementPresent = false, venue = "SupportOrganisationOffice",
            venueDescription = venue, counsellorRequested = true, safetyCoordinatorInvited = false,
        }));
        // Law enforcement and prosecution with every access the person can give; a guardianship service with the same, as control.
        var borderGuard = await world.MemberAsync(OrganisationType.BorderGuard, Roles.BorderGuard);
        await world.InviteAsync(c.Id, borderGuard.Organisation);
        foreach (var member in new[] { world.Prosecution, world.OtherUnit, borderGuard, world.Guardianship })
        {
            await world.ConsentAsync(c.Id, "PersonalData", member.Organisation);
            await world.ConsentAsync(c.Id, "Statements", member.Organisation);
        }
        var lawEnforcement = new (string Who, Member Member)[]
        {
            ("owning unit", world.Unit), ("prosecution", world.Prosecution), ("another unit", world.OtherUnit), ("border guard", borderGuard),
            ("referring police", world.Police),
        };
        var documents = (await DetailAsync(world.Unit.Client, c.Id)).GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
        var apiUrls = CaseApiTests.ApiGetUrls(app, c.Id, documents);
        var pageUrls = CaseApiTests.PageUrls(app, c);
        var leaks = new List<string>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
            { [shelterName] = "the shelter's name", [venue] = "the support organisation's venue text" };
        foreach (var (who, member) in lawEnforcement)
        {
            leaks.AddRange(await LeaksAsync(app, who, member, apiUrls, pageUrls, texts));
        }
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));

        // Those with personal access see that there is a placement, under a code, and a meeting, without its venue text.
        foreach (var (who, member) in lawEnforcement.Take(4))
        {
            var detail = await DetailAsync(member.Client, c.Id);
            Assert.Equal("Personal", detail.GetProperty("case").GetProperty("view").GetString());
            Assert.Matches("^SHELTER-[0-9A-F]{8}$", Assert.Single(detail.GetProperty("placements").EnumerateArray()).GetProperty("shelter").GetString()!);
            Assert.Equal(JsonValueKind.Null, Assert.Single(detail.GetProperty("meetings").EnumerateArray()).GetProperty("venueDescription").ValueKind);
        }
        // Controls: the shelter's own organisation, and a personal viewer outside law enforcement, read both.
        foreach (var member in new[] { world.Support, world.Guardianship })
        {
            var detail = await DetailAsync(member.Client, c.Id);
            Assert.Equal(shelterName, Assert.Single(detail.GetProperty("placements").EnumerateArray()).GetProperty("shelter").GetString());
            Assert.Equal(venue, Assert.Single(detail.GetProperty("meetings").EnumerateArray()).GetProperty("venueDescription").GetString());
        }
    }
}
