using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ariadne.Tests.Cases.CaseWorld;

namespace Ariadne.Tests.Cases;

/// <summary>
/// The National Referral Mechanism's cases through the API, as the organisations use it: real tokens, real
/// referrals, no record written behind the API's back. The shared database holds other tests' data too, so
/// every check looks for ids made here.
/// </summary>
public sealed class CaseApiTests
{
    // ---------------------------------------------------------------- V-01: shelter addresses

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_shelter_address_reaches_only_the_organisation_running_the_shelter_never_law_enforcement_or_prosecution(
        string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        var street = $"Hiddenlane {world.Marker}";
        var address = $"{street} 17, 1000 Brussels";

        // The support organisation registers its shelter; the unit proposes board and lodging; the shelter places the person.
        var shelter = await OkAsync(await world.Support.Client.PostAsJsonAsync("/api/v1/shelters",
            new { name = $"Shelter North-{world.Marker}", type = "FlightShelter", address }));
        var shelterName = shelter.GetProperty("name").GetString()!;
        var lodging = await world.ProposeAsync(c.Id, "SVC-01", world.Support.Organisation);
        await OkAsync(await world.Support.Client.PostAsync($"/api/v1/cases/{c.Id}/services/{lodging}/accept", null));
        var risk = await AssessRiskAsync(world.Support.Client, c.Id, "ShelterPlacement", riskIdentified: false);
        await OkAsync(await world.Support.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/placements",
            new { proposalId = lodging, shelterId = shelter.GetProperty("id").GetGuid(), riskAssessmentId = risk }));
        // A meeting at the shelter with the address typed in as its description: the description is not kept.
        var meeting = await OkAsync(await world.Support.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/meetings", new
        {
            at = DateTime.UtcNow.AddDays(2), purpose = "Counselling", lawEnforcementPresent = false, venue = "Shelter",
            venueDescription = address, counsellorRequested = true, safetyCoordinatorInvited = false,
        }));
        Assert.Equal(JsonValueKind.Null, meeting.GetProperty("venueDescription").ValueKind);
        await OkAsync(await world.Unit.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/documents",
            new { title = "Interview", content = "Statement taken at the unit's office." }));

        // Everyone law enforcement or prosecution that could have a part in the case, with as much access as possible.
        var borderGuard = await world.MemberAsync(OrganisationType.BorderGuard, Roles.BorderGuard);
        await world.InviteAsync(c.Id, borderGuard.Organisation);
        await world.InviteAsync(c.Id, world.Prosecution.Organisation);
        await world.ConsentAsync(c.Id, "PersonalData", world.Prosecution.Organisation);
        await world.ConsentAsync(c.Id, "Statements", world.Prosecution.Organisation);
        await world.InviteAsync(c.Id, world.OtherUnit.Organisation);
        await world.ConsentAsync(c.Id, "PersonalData", world.OtherUnit.Organisation);
        await world.ConsentAsync(c.Id, "Statements", world.OtherUnit.Organisation);
        // A second support organisation works on the case too: not law enforcement, but not the shelter's either.
        var otherSupport = await world.MemberAsync(OrganisationType.VictimSupport, Roles.SupportWorker);
        await world.ProposeAsync(c.Id, "SVC-02", otherSupport.Organisation);

        var viewers = new (string Who, Member Member)[]
        {
            ("frontline officer (referrer)", world.Police),
            ("border guard (invited)", borderGuard),
            ("investigator of the owning unit", world.Unit),
            ("investigator of another unit (invited, consent to personal data and statements)", world.OtherUnit),
            ("prosecutor (invited, consent to personal data and statements)", world.Prosecution),
            ("coordinator (oversight)", world.Coordinator),
            ("another support organisation", otherSupport),
        };
        var owner = await DetailAsync(world.Unit.Client, c.Id);
        var placement = Assert.Single(owner.GetProperty("placements").EnumerateArray());
        // The owning unit is law enforcement: it reads the shelter as a code, never its name (V-01, issue 9 item 8).
        Assert.Matches("^SHELTER-[0-9A-F]{8}$", placement.GetProperty("shelter").GetString()!);
        Assert.Equal(JsonValueKind.Null, placement.GetProperty("address").ValueKind);
        var documents = owner.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(2, documents.Count); // the referral's statement and the interview

        var apiUrls = ApiGetUrls(app, c.Id, documents);
        var pageUrls = PageUrls(app, c);
        Assert.Contains(apiUrls, u => u.EndsWith("/timeline", StringComparison.Ordinal));
        Assert.Contains(pageUrls, u => u.StartsWith("/Referrals/View", StringComparison.Ordinal));
        var leaks = new List<string>();
        var pagesShown = 0;
        foreach (var (who, member) in viewers)
        {
            var answered = 0;
            foreach (var url in apiUrls)
            {
                var response = await member.Client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                answered += response.IsSuccessStatusCode ? 1 : 0;
                if (body.Contains(street, StringComparison.OrdinalIgnoreCase))
                {
                    leaks.Add($"{who}: GET {url} ({(int)response.StatusCode}) shows the shelter's address");
                }
            }
            // Not vacuous: every one of them reads the case itself.
            var detail = await member.Client.GetAsync($"/api/v1/cases/{c.Id}");
            Assert.True(detail.StatusCode == HttpStatusCode.OK, $"{who} cannot read the case: {(int)detail.StatusCode}");
            Assert.True(answered >= 3, $"{who}: only {answered} API answers");

            using var browser = await app.SignInToPagesAsync(member.User);
            foreach (var url in pageUrls)
            {
                var response = await browser.GetAsync(url);
                pagesShown += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
                if ((await response.Content.ReadAsStringAsync()).Contains(street, StringComparison.OrdinalIgnoreCase))
                {
                    leaks.Add($"{who}: page {url} ({(int)response.StatusCode}) shows the shelter's address");
                }
            }
        }
        // Not vacuous either: the unit reads the intake queue and the referral's statement.
        Assert.True(pagesShown >= 2, $"only {pagesShown} pages shown");
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));

        // Those with a view of the case's work see that there is a placement, just not where.
        foreach (var member in new[] { world.OtherUnit, world.Prosecution, borderGuard, world.Coordinator, otherSupport })
        {
            var seen = Assert.Single((await DetailAsync(member.Client, c.Id)).GetProperty("placements").EnumerateArray());
            Assert.Equal("flight shelter", seen.GetProperty("shelterType").GetString());
            Assert.Equal(JsonValueKind.Null, seen.GetProperty("address").ValueKind);
        }

        // Positive control: the shelter's own support worker does see the address, in the case and in its register.
        var own = Assert.Single((await DetailAsync(world.Support.Client, c.Id)).GetProperty("placements").EnumerateArray());
        Assert.Equal(address, own.GetProperty("address").GetString());
        var register = await OkAsync(await world.Support.Client.GetAsync("/api/v1/shelters"));
        Assert.Equal(address, Assert.Single(register.EnumerateArray()).GetProperty("address").GetString());
        Assert.Contains(street, await world.Support.Client.GetStringAsync($"/api/v1/cases/{c.Id}"), StringComparison.Ordinal);
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Shelters.AsNoTracking().SingleAsync(s => s.Name == shelterName);
            Assert.False(Contains(stored.AddressCipher, street), "the shelter's address is stored in plain text");
        });
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Support_services_are_answered_by_the_provider_and_a_placement_needs_accepted_lodging_a_risk_assessment_and_its_own_shelter(
        string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        var unit = world.Unit.Client;
        var support = world.Support.Client;
        Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid proposal, string decision, string? reason = null) =>
            client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/services/{proposal}/{decision}", new { reason });

        var notSupport = await ProblemAssert.IsProblemAsync(await unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/services",
            new { service = "SVC-02", providerOrganisationId = world.Prosecution.Organisation.Id }), HttpStatusCode.BadRequest);
        Assert.True(notSupport.GetProperty("errors").TryGetProperty("providerOrganisationId", out _));
        await ProblemAssert.IsProblemAsync(await unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/services",
            new { service = "SVC-99", providerOrganisationId = world.Support.Organisation.Id }), HttpStatusCode.BadRequest);

        var counselling = await world.ProposeAsync(c.Id, "SVC-02", world.Support.Organisation);
        await ProblemAssert.IsProblemAsync(await unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/services",
            new { service = "SVC-02", providerOrganisationId = world.Support.Organisation.Id }), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await DecideAsync(unit, counselling, "accept"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await DecideAsync(support, counselling, "decline"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await DecideAsync(support, counselling, "postpone"), HttpStatusCode.BadRequest);
        var declined = await OkAsync(await DecideAsync(support, counselling, "decline", "No Ruritanian-speaking counsellor"));
        Assert.Equal("Declined", declined.GetProperty("status").GetString());
        await ProblemAssert.IsProblemAsync(await DecideAsync(support, counselling, "accept"), HttpStatusCode.Conflict);

        var again = await world.ProposeAsync(c.Id, "SVC-02", world.Support.Organisation);
        Assert.Equal("Accepted", (await OkAsync(await DecideAsync(support, again, "accept"))).GetProperty("status").GetString());
        Assert.Equal("Completed", (await OkAsync(await DecideAsync(support, again, "complete"))).GetProperty("status").GetString());
        await ProblemAssert.IsProblemAsync(await DecideAsync(unit, again, "revoke", "Not needed"), HttpStatusCode.Conflict);
        var services = (await DetailAsync(unit, c.Id)).GetProperty("services").EnumerateArray().ToList();
        Assert.Equal(new[] { "Declined", "Completed" }, services.Select(s => s.GetProperty("status").GetString()));
        Assert.Equal("No Ruritanian-speaking counsellor", services[0].GetProperty("statusReason").GetString());

        // Lodging: only on the accepted SVC-01, after a risk assessment for the placement, in one of the provider's own shelters.
        var shelter = (await OkAsync(await support.PostAsJsonAsync("/api/v1/shelters",
            new { name = $"Shelter East-{world.Marker}", type = "CareShelter", address = "Somewhere 1" }))).GetProperty("id").GetGuid();
        var otherSupport = await world.MemberAsync(OrganisationType.VictimSupport, Roles.SupportWorker);
        var foreignShelter = (await OkAsync(await otherSupport.Client.PostAsJsonAsync("/api/v1/shelters",
            new { name = $"Shelter West-{world.Marker}", type = "CareShelter", address = "Elsewhere 2" }))).GetProperty("id").GetGuid();
        var lodging = await world.ProposeAsync(c.Id, "SVC-01", world.Support.Organisation);
        Task<HttpResponseMessage> PlaceAsync(Guid shelterId, Guid risk) =>
            support.PostAsJsonAsync($"/api/v1/cases/{c.Id}/placements", new { proposalId = lodging, shelterId, riskAssessmentId = risk });
        var forReturn = await AssessRiskAsync(support, c.Id, "Return", riskIdentified: false);

        await ProblemAssert.IsProblemAsync(await PlaceAsync(shelter, forReturn), HttpStatusCode.Conflict); // not accepted yet
        await OkAsync(await DecideAsync(support, lodging, "accept"));
        var noAssessment = await ProblemAssert.IsProblemAsync(await PlaceAsync(shelter, forReturn), HttpStatusCode.BadRequest);
        Assert.Contains("LE-D9", noAssessment.GetProperty("errors").GetProperty("riskAssessmentId")[0].GetString(), StringComparison.Ordinal);
        var risk = await AssessRiskAsync(support, c.Id, "ShelterPlacement", riskIdentified: false);
        var notOurs = await ProblemAssert.IsProblemAsync(await PlaceAsync(foreignShelter, risk), HttpStatusCode.BadRequest);
        Assert.True(notOurs.GetProperty("errors").TryGetProperty("shelterId", out _));
        await ProblemAssert.IsProblemAsync(await unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/placements",
            new { proposalId = lodging, shelterId = shelter, riskAssessmentId = risk }), HttpStatusCode.Forbidden);

        var placement = (await OkAsync(await PlaceAsync(shelter, risk))).GetProperty("id").GetGuid();
        await ProblemAssert.IsProblemAsync(await PlaceAsync(shelter, risk), HttpStatusCode.Conflict); // one current placement
        await ProblemAssert.IsProblemAsync(await unit.PostAsync($"/api/v1/cases/{c.Id}/placements/{placement}/end", null),
            HttpStatusCode.Forbidden);
        var ended = await OkAsync(await support.PostAsync($"/api/v1/cases/{c.Id}/placements/{placement}/end", null));
        Assert.NotEqual(JsonValueKind.Null, ended.GetProperty("endedAt").ValueKind);
        await ProblemAssert.IsProblemAsync(await support.PostAsync($"/api/v1/cases/{c.Id}/placements/{placement}/end", null),
            HttpStatusCode.Conflict);
        var timeline = await unit.GetStringAsync($"/api/v1/cases/{c.Id}/timeline");
        Assert.Contains("Placed in a care shelter run by " + world.Support.Organisation.Name, timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("Somewhere 1", timeline, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_administrator_changes_the_jurisdictions_rules_and_the_next_case_follows_them(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        using var admin = await app.SignInAsAsync(Roles.Administrator);

        var profile = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(
            await world.Unit.Client.GetStringAsync("/api/v1/jurisdiction"))!;
        Assert.Equal(30, profile["minimumReflectionDays"].GetInt32());
        var changed = profile.Where(p => p.Key != "zone").ToDictionary(p => p.Key, p => (object)p.Value, StringComparer.Ordinal);
        changed["minimumReflectionDays"] = 10;
        var refused = await ProblemAssert.IsProblemAsync(await admin.PutAsJsonAsync("/api/v1/jurisdiction", changed), HttpStatusCode.BadRequest);
        Assert.Contains("Council of Europe", refused.GetRawText(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(await world.Coordinator.Client.PutAsJsonAsync("/api/v1/jurisdiction", changed), HttpStatusCode.Forbidden);

        changed["minimumReflectionDays"] = 45;
        var saved = await OkAsync(await admin.PutAsJsonAsync("/api/v1/jurisdiction", changed));
        Assert.Equal(45, saved.GetProperty("minimumReflectionDays").GetInt32());
        Assert.Equal(45, (await OkAsync(await world.Unit.Client.GetAsync("/api/v1/jurisdiction"))).GetProperty("minimumReflectionDays").GetInt32());

        var c = await world.OpenAdultCaseAsync();
        await MoveAsync(world.Unit.Client, c.Id, "StartAssessment");
        var reflection = await MoveAsync(world.Unit.Client, c.Id, "ReasonableGroundsPositive", "Indicators confirmed");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")));
        Assert.Equal(today.AddDays(45).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            reflection.GetProperty("reflectionMinimumEndsOn").GetString());
    }

    /// <summary>Every GET route of the API about cases and shelters, with the case's ids filled in.</summary>
    internal static List<string> ApiGetUrls(AriadneAppFactory app, Guid caseId, IReadOnlyList<Guid> documents)
    {
        var urls = new List<string>();
        foreach (var route in Routes(app).Where(r => r.Methods.Contains("GET")).Select(r => r.Route)
                     .Where(r => r.StartsWith("/api/v1/cases", StringComparison.Ordinal) || r.StartsWith("/api/v1/shelters", StringComparison.Ordinal)))
        {
            var withCase = route.Replace("{id:guid}", caseId.ToString(), StringComparison.Ordinal);
            var filled = withCase.Contains("{documentId:guid}", StringComparison.Ordinal)
                ? documents.Select(d => withCase.Replace("{documentId:guid}", d.ToString(), StringComparison.Ordinal)).ToList()
                : [withCase];
            foreach (var url in filled)
            {
                Assert.False(url.Contains('{', StringComparison.Ordinal), $"{route}: a route parameter this test does not know how to fill");
                urls.Add(url);
            }
        }
        urls.Add("/api/v1/cases?closed=true");
        urls.Add("/api/v1/cases?scope=mine");
        return urls;
    }

    /// <summary>Every page under /Cases, /Referrals and /Support, with the case's and the referral's id.</summary>
    internal static List<string> PageUrls(AriadneAppFactory app, OpenedCase c) =>
        Routes(app).Where(r => r.IsPage).Select(r => r.Route)
            .Where(r => new[] { "/Cases", "/Referrals", "/Support" }.Any(p => r.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(r => new[] { r, $"{r}?id={c.Id}", $"{r}?id={c.ReferralId}", $"{r}?caseId={c.Id}" })
            .Distinct(StringComparer.Ordinal).ToList();

    private static IEnumerable<(string Route, IReadOnlyList<string> Methods, bool IsPage)> Routes(AriadneAppFactory app) =>
        app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => ("/" + (e.RoutePattern.RawText ?? "").Trim('/'),
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? (IReadOnlyList<string>)["GET"],
                e.Metadata.GetMetadata<PageActionDescriptor>() is not null));

    // ---------------------------------------------------------------- V-02: identity by consent only

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Another_organisation_sees_the_person_only_while_a_consent_to_share_personal_data_stands(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        var other = world.OtherUnit.Client;
        await world.InviteAsync(c.Id, world.OtherUnit.Organisation);

        await AssertDepersonalisedAsync(other, c);

        var consent = await world.ConsentAsync(c.Id, "PersonalData", world.OtherUnit.Organisation);
        var shared = await DetailAsync(other, c.Id);
        Assert.Equal("Personal", shared.GetProperty("case").GetProperty("view").GetString());
        var person = shared.GetProperty("case").GetProperty("person");
        Assert.Equal(c.PersonName, person.GetProperty("name").GetString());
        Assert.Equal(c.Nationality, person.GetProperty("nationality").GetString());
        Assert.Equal(30, person.GetProperty("approximateAge").GetInt32());
        var consents = shared.GetProperty("consents").EnumerateArray().ToList();
        Assert.True(Assert.Single(consents).GetProperty("active").GetBoolean());

        var withdrawn = await OkAsync(await world.Unit.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/consents/{consent}/withdraw",
            new { note = "The person changed her mind" }));
        Assert.NotEqual(JsonValueKind.Null, withdrawn.GetProperty("withdrawnAt").ValueKind);

        // The very next read has no identity again.
        await AssertDepersonalisedAsync(other, c);
        var again = await ProblemAssert.IsProblemAsync(await world.Unit.Client.PostAsJsonAsync(
            $"/api/v1/cases/{c.Id}/consents/{consent}/withdraw", new { note = "again" }), HttpStatusCode.Conflict);
        Assert.Contains("already withdrawn", again.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The owner still sees the person.
        Assert.Equal(c.PersonName, (await DetailAsync(world.Unit.Client, c.Id)).GetProperty("case").GetProperty("person")
            .GetProperty("name").GetString());
    }

    private static async Task AssertDepersonalisedAsync(HttpClient client, OpenedCase c)
    {
        var response = await client.GetAsync($"/api/v1/cases/{c.Id}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("case");
        Assert.Equal("Depersonalised", detail.GetProperty("view").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("person").ValueKind);
        Assert.Equal(c.Reference, detail.GetProperty("reference").GetString());
        Assert.NotEmpty(detail.GetProperty("exploitationForms").EnumerateArray());
        var timeline = await client.GetStringAsync($"/api/v1/cases/{c.Id}/timeline");
        Assert.NotEmpty(JsonDocument.Parse(timeline).RootElement.EnumerateArray());
        foreach (var text in new[] { body, timeline })
        {
            Assert.DoesNotContain(c.PersonName, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Testperson", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(c.Nationality, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    // ---------------------------------------------------------------- V-08: the referrer sees the status only

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_referrer_follows_the_stage_and_dates_of_what_it_referred_and_sees_nothing_of_the_work_on_the_case(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        await MoveAsync(world.Unit.Client, c.Id, "StartAssessment");
        await world.ProposeAsync(c.Id, "SVC-01", world.Support.Organisation);
        await world.InviteAsync(c.Id, world.Prosecution.Organisation);
        await world.ConsentAsync(c.Id, "PersonalData", world.OtherUnit.Organisation);
        await AssessRiskAsync(world.Unit.Client, c.Id, "ShelterPlacement", riskIdentified: false);
        await OkAsync(await world.Unit.Client.PutAsJsonAsync($"/api/v1/cases/{c.Id}/safety-coordinator", new { userId = world.Unit.User.Id }));
        await MoveAsync(world.Unit.Client, c.Id, "ReasonableGroundsPositive", "Indicators of labour exploitation confirmed");

        var detail = await DetailAsync(world.Police.Client, c.Id);
        var status = detail.GetProperty("case");
        Assert.Equal("StatusOnly", status.GetProperty("view").GetString());
        Assert.Equal("Reflection", status.GetProperty("stage").GetString());
        Assert.Equal("Positive", status.GetProperty("reasonableGrounds").GetString());
        Assert.NotEqual(JsonValueKind.Null, status.GetProperty("reflectionEndsOn").ValueKind);
        Assert.Equal(world.Unit.Organisation.Name, status.GetProperty("ownerOrganisation").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("ownerName").ValueKind);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("person").ValueKind);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("safetyCoordinatorName").ValueKind);
        Assert.Empty(status.GetProperty("exploitationForms").EnumerateArray());
        Assert.Empty(status.GetProperty("nextSteps").EnumerateArray());
        foreach (var part in new[] { "services", "placements", "consents", "riskAssessments", "meetings", "safetyPlan", "documents" })
        {
            Assert.Empty(detail.GetProperty(part).EnumerateArray());
        }

        // Its timeline is the same status: the stage changes, not who else works with the person or what they did.
        var timeline = await world.Police.Client.GetStringAsync($"/api/v1/cases/{c.Id}/timeline");
        var kinds = JsonDocument.Parse(timeline).RootElement.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(new[] { "opened", "StartAssessment", "ReasonableGroundsPositive" }, kinds);
        foreach (var hidden in new[]
                 {
                     world.Support.Organisation.Name, world.Prosecution.Organisation.Name, world.OtherUnit.Organisation.Name,
                     world.Unit.DisplayName, "SVC-01", "Risk assessment", "Consent", "Safety coordinator", "Indicators of labour",
                 })
        {
            Assert.DoesNotContain(hidden, timeline, StringComparison.OrdinalIgnoreCase);
        }
        // The owner's timeline has all of it.
        var full = await world.Unit.Client.GetStringAsync($"/api/v1/cases/{c.Id}/timeline");
        Assert.Contains(world.Support.Organisation.Name, full, StringComparison.Ordinal);
        Assert.Contains("Indicators of labour exploitation confirmed", full, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- reconsideration, outcomes, closing and reopening

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_referrer_or_a_support_organisation_asks_for_a_negative_decision_to_be_reconsidered_at_its_level(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        var unit = world.Unit.Client;
        await MoveAsync(unit, c.Id, "StartAssessment");
        var negative = await MoveAsync(unit, c.Id, "ReasonableGroundsNegative", "No indicator could be confirmed");
        Assert.Equal("NegativeDecision", negative.GetProperty("stage").GetString());
        Assert.Equal("Negative", negative.GetProperty("reasonableGrounds").GetString());
        Assert.DoesNotContain("RequestReconsideration", negative.GetProperty("nextSteps").EnumerateArray().Select(s => s.GetString()));

        // The unit that decided does not ask itself to think again.
        var byOwner = await ProblemAssert.IsProblemAsync(
            await TransitionAsync(unit, c.Id, "RequestReconsideration", "We were wrong"), HttpStatusCode.Forbidden);
        Assert.Contains("referring organisation", byOwner.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The referring police officer sees the negative decision and may ask for it to be reconsidered.
        var police = world.Police.Client;
        var seen = (await DetailAsync(police, c.Id)).GetProperty("case");
        Assert.Equal("StatusOnly", seen.GetProperty("view").GetString());
        Assert.Equal(new[] { "RequestReconsideration" }, seen.GetProperty("nextSteps").EnumerateArray().Select(s => s.GetString()));
        await ProblemAssert.IsProblemAsync(await TransitionAsync(police, c.Id, "RequestReconsideration"), HttpStatusCode.BadRequest);
        // Status only: asking for a reconsideration is all a referrer can do on the case.
        await ProblemAssert.IsProblemAsync(await TransitionAsync(police, c.Id, "Review", "Looked again"), HttpStatusCode.NotFound);
        var requested = await MoveAsync(police, c.Id, "RequestReconsideration", "The employer has since been arrested for trafficking");
        Assert.Equal("Reconsideration", requested.GetProperty("stage").GetString());
        Assert.Equal("StatusOnly", requested.GetProperty("view").GetString());
        var pending = (await DetailAsync(unit, c.Id)).GetProperty("case");
        Assert.Equal("Reconsidered decision", pending.GetProperty("nextDueWhat").GetString());
        Assert.Contains(JsonDocument.Parse(await unit.GetStringAsync($"/api/v1/cases/{c.Id}/timeline")).RootElement.EnumerateArray(),
            e => e.GetProperty("kind").GetString() == "RequestReconsideration"
                 && e.GetProperty("summary").GetString()!.Contains(world.Police.Organisation.Name, StringComparison.Ordinal)
                 && e.GetProperty("detail").GetString() == "The employer has since been arrested for trafficking");

        // The decision is taken again at the level that was negative.
        var wrongLevel = await ProblemAssert.IsProblemAsync(
            await TransitionAsync(unit, c.Id, "ConclusivePositive", "Established"), HttpStatusCode.Conflict);
        Assert.Contains("reasonable-grounds decision", wrongLevel.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Reflection", (await MoveAsync(unit, c.Id, "ReasonableGroundsPositive", "New evidence")).GetProperty("stage").GetString());

        // A negative conclusive decision is reconsidered at the request of a support organisation working with the person.
        await world.ProposeAsync(c.Id, "SVC-06", world.Support.Organisation);
        await MoveAsync(unit, c.Id, "ConclusiveNegative", "Not established", EarlyDecision);
        await MoveAsync(world.Support.Client, c.Id, "RequestReconsideration", "Her lawyer has new documents");
        var wrong = await ProblemAssert.IsProblemAsync(
            await TransitionAsync(unit, c.Id, "ReasonableGroundsPositive", "Again"), HttpStatusCode.Conflict);
        Assert.Contains("conclusive decision", wrong.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var recovery = await MoveAsync(unit, c.Id, "ConclusivePositive", "Established on the new documents", EarlyDecision);
        Assert.Equal("Recovery", recovery.GetProperty("stage").GetString());
        Assert.Equal("Positive", recovery.GetProperty("conclusive").GetString());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Outcomes_extensions_closing_and_reopening_through_the_api(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        var unit = world.Unit.Client;
        await MoveAsync(unit, c.Id, "StartAssessment");
        var reflection = await MoveAsync(unit, c.Id, "ReasonableGroundsPositive", "Indicators confirmed");
        var minimum = DateOnly.Parse(reflection.GetProperty("reflectionMinimumEndsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(minimum, DateOnly.Parse(reflection.GetProperty("reflectionEndsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        var extended = await OkAsync(await TransitionAsync(unit, c.Id, "ExtendReflection", "Still recovering", extensionDays: 14));
        Assert.Equal(minimum.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            extended.GetProperty("reflectionEndsOn").GetString());
        Assert.Equal(minimum.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            extended.GetProperty("reflectionMinimumEndsOn").GetString());
        var tooLong = await ProblemAssert.IsProblemAsync(
            await TransitionAsync(unit, c.Id, "ExtendReflection", "Long", extensionDays: 400), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("extensionDays", out _));
        // During the reflection period the case cannot be closed as if the outcomes were reached.
        var early = await ProblemAssert.IsProblemAsync(
            await TransitionAsync(unit, c.Id, "Close", "Done", closureReason: "OutcomesAchieved"), HttpStatusCode.BadRequest);
        Assert.True(early.GetProperty("errors").TryGetProperty("closureReason", out _));
        var unknownReason = await ProblemAssert.IsProblemAsync(
            await TransitionAsync(unit, c.Id, "Close", "Done", closureReason: "Bored"), HttpStatusCode.BadRequest);
        Assert.True(unknownReason.GetProperty("errors").TryGetProperty("closureReason", out _));

        await MoveAsync(unit, c.Id, "ConclusivePositive", "Established", EarlyDecision);
        var unknownOutcome = await ProblemAssert.IsProblemAsync(
            await TransitionAsync(unit, c.Id, "RecordOutcome", outcome: "OUT-99"), HttpStatusCode.BadRequest);
        Assert.True(unknownOutcome.GetProperty("errors").TryGetProperty("outcome", out _));
        var outcome = await OkAsync(await TransitionAsync(unit, c.Id, "RecordOutcome", outcome: "OUT-01"));
        Assert.Equal(new[] { "OUT-01" }, outcome.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("Case review", outcome.GetProperty("nextDueWhat").GetString());
        await ProblemAssert.IsProblemAsync(await TransitionAsync(unit, c.Id, "RecordOutcome", outcome: "OUT-01"), HttpStatusCode.Conflict);

        var closed = await OkAsync(await TransitionAsync(unit, c.Id, "Close", "Testified; settled with a work permit",
            closureReason: "OutcomesAchieved"));
        Assert.Equal("Closed", closed.GetProperty("stage").GetString());
        Assert.Equal("OutcomesAchieved", closed.GetProperty("closureReason").GetString());
        Assert.Equal(new[] { "Reopen" }, closed.GetProperty("nextSteps").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("nextDueAt").ValueKind);
        Assert.DoesNotContain((await OkAsync(await unit.GetAsync("/api/v1/cases"))).EnumerateArray(), r => r.GetProperty("id").GetGuid() == c.Id);
        Assert.Contains((await OkAsync(await unit.GetAsync("/api/v1/cases?closed=true"))).EnumerateArray(), r => r.GetProperty("id").GetGuid() == c.Id);
        var closedAgain = await ProblemAssert.IsProblemAsync(await TransitionAsync(unit, c.Id, "Review", "Checked"), HttpStatusCode.Conflict);
        Assert.Contains("reopen it first", closedAgain.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var reopened = await MoveAsync(unit, c.Id, "Reopen", "She asked for help again");
        Assert.Equal("Recovery", reopened.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("closureReason").ValueKind);
        Assert.Equal(new[] { "OUT-01" }, reopened.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));
        Assert.Contains((await OkAsync(await unit.GetAsync("/api/v1/cases"))).EnumerateArray(), r => r.GetProperty("id").GetGuid() == c.Id);
    }

    // ---------------------------------------------------------------- children

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_childs_case_cannot_leave_intake_without_a_guardian_and_the_guardianship_service_then_sees_it(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var appointing = await world.MemberAsync(OrganisationType.Guardianship, Roles.Guardian);
        var c = await world.OpenChildCaseAsync();

        var refused = await ProblemAssert.IsProblemAsync(await TransitionAsync(world.Unit.Client, c.Id, "StartAssessment"),
            HttpStatusCode.BadRequest);
        var error = Assert.Single(refused.GetProperty("errors").GetProperty("guardian").EnumerateArray()).GetString();
        Assert.Contains("guardian", error, StringComparison.Ordinal);
        var waiting = (await DetailAsync(world.Unit.Client, c.Id)).GetProperty("case");
        Assert.Equal("Intake", waiting.GetProperty("stage").GetString());
        Assert.Contains("guardian", waiting.GetProperty("nextDueWhat").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(waiting.GetProperty("child").GetBoolean());
        // A child's case waiting for its guardian is overdue at once.
        Assert.True(waiting.GetProperty("overdue").GetBoolean());
        // The guardianship service that will appoint the guardian was not notified: it does not see the case yet.
        Assert.Equal(HttpStatusCode.NotFound, (await appointing.Client.GetAsync($"/api/v1/cases/{c.Id}")).StatusCode);

        var appointed = await OkAsync(await world.Unit.Client.PutAsJsonAsync($"/api/v1/cases/{c.Id}/guardian",
            new { guardianshipOrganisationId = appointing.Organisation.Id, guardianName = "Jo Guardian" }));
        Assert.Equal(appointing.Organisation.Name, appointed.GetProperty("guardianOrganisation").GetString());
        Assert.Equal("Jo Guardian", appointed.GetProperty("guardianName").GetString());

        var moved = await MoveAsync(world.Unit.Client, c.Id, "StartAssessment");
        Assert.Equal("Assessment", moved.GetProperty("stage").GetString());

        foreach (var guardianship in new[] { appointing, world.Guardianship })
        {
            var queue = await OkAsync(await guardianship.Client.GetAsync("/api/v1/cases"));
            var row = Assert.Single(queue.EnumerateArray(), r => r.GetProperty("id").GetGuid() == c.Id);
            Assert.Equal("Guardian", row.GetProperty("part").GetString());
            Assert.True(row.GetProperty("child").GetBoolean());
            var seen = (await DetailAsync(guardianship.Client, c.Id)).GetProperty("case");
            Assert.Equal("Personal", seen.GetProperty("view").GetString());
            Assert.Equal(c.PersonName, seen.GetProperty("person").GetProperty("name").GetString());
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_childs_interview_consent_age_assessment_and_final_disposition_follow_the_child_procedure(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var unit = world.Unit.Client;
        var guardian = world.Guardianship.Client;
        var c = await world.OpenChildCaseAsync();
        async Task<List<Guid>> AwaitingGuardianAcknowledgementAsync() =>
            (await OkAsync(await world.Coordinator.Client.GetAsync("/api/v1/cases/dashboard"))).GetProperty("guardianNotAcknowledged")
            .EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ToList();

        // Consent for a child is the guardian's: none can be recorded before one is appointed.
        var noGuardian = await ProblemAssert.IsProblemAsync(await unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/consents", new
        {
            purpose = "PersonalData", recipientOrganisationId = world.Prosecution.Organisation.Id, documentVersion = "IS-en-1",
            rolesExplained = true, explainedToPerson = true,
        }), HttpStatusCode.Conflict);
        Assert.Contains("guardian", noGuardian.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var interviewEarly = await unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/child-interviews", Interview("ChildFriendlyInterviewRoom"));
        await ProblemAssert.IsProblemAsync(interviewEarly, HttpStatusCode.Conflict);

        await world.AppointGuardianAsync(c);
        Assert.Equal("Jo Guardian", (await DetailAsync(unit, c.Id)).GetProperty("case").GetProperty("guardianName").GetString());
        // Appointed by the unit: the guardianship service has not acknowledged yet, and everyone sees that.
        Assert.Equal(JsonValueKind.Null, (await DetailAsync(unit, c.Id)).GetProperty("case").GetProperty("guardianAcknowledgedAt").ValueKind);
        Assert.Contains(c.Id, await AwaitingGuardianAcknowledgementAsync());
        var acknowledged = await OkAsync(await guardian.PostAsync($"/api/v1/cases/{c.Id}/guardian/acknowledge", null));
        Assert.Equal(JsonValueKind.String, acknowledged.GetProperty("guardianAcknowledgedAt").ValueKind);
        Assert.DoesNotContain(c.Id, await AwaitingGuardianAcknowledgementAsync());
        await ProblemAssert.IsProblemAsync(await unit.PostAsync($"/api/v1/cases/{c.Id}/guardian/acknowledge", null), HttpStatusCode.Forbidden);

        // The first interview: never at police premises, only the child-specific fields, encrypted, read by the guardian.
        var atPolice = await ProblemAssert.IsProblemAsync(
            await unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/child-interviews", Interview("PolicePremises")), HttpStatusCode.BadRequest);
        Assert.Contains("CH-PR-16", atPolice.GetProperty("errors").GetProperty("venue")[0].GetString(), StringComparison.Ordinal);
        var interview = await OkAsync(await unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/child-interviews", Interview("ChildFriendlyInterviewRoom")));
        Assert.Equal("ChildFirstInterview", interview.GetProperty("kind").GetString());
        var read = await OkAsync(await guardian.GetAsync($"/api/v1/cases/{c.Id}/documents/{interview.GetProperty("id").GetGuid()}"));
        Assert.Contains("I want to go to school", read.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound,
            (await world.Prosecution.Client.GetAsync($"/api/v1/cases/{c.Id}/documents/{interview.GetProperty("id").GetGuid()}")).StatusCode);

        // The guardian gives consent for the child.
        await world.InviteAsync(c.Id, world.Prosecution.Organisation);
        await world.ConsentAsync(c.Id, "PersonalData", world.Prosecution.Organisation, by: guardian);
        var consents = (await DetailAsync(unit, c.Id)).GetProperty("consents").EnumerateArray().ToList();
        Assert.Equal("Guardian", Assert.Single(consents).GetProperty("givenBy").GetString());
        Assert.Equal("Personal", (await DetailAsync(world.Prosecution.Client, c.Id)).GetProperty("case").GetProperty("view").GetString());

        // An inconclusive age assessment keeps the presumption of minority; a date in the future is refused.
        var future = await ProblemAssert.IsProblemAsync(await unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/age-assessments",
            new { method = "PsychoSocial", result = "Adult", assessedOn = Day(3), assessedBy = "Dr A" }),
            HttpStatusCode.BadRequest);
        Assert.True(future.GetProperty("errors").TryGetProperty("assessedOn", out _));
        await OkAsync(await guardian.PostAsJsonAsync($"/api/v1/cases/{c.Id}/age-assessments",
            new { method = "PsychoSocial", result = "Inconclusive", assessedOn = Day(-1), assessedBy = "Dr A" }));
        var stillChild = (await DetailAsync(unit, c.Id)).GetProperty("case");
        Assert.Equal("PresumedMinor", stillChild.GetProperty("ageStatus").GetString());
        Assert.True(stillChild.GetProperty("child").GetBoolean());

        // A child's case closes only after the final disposition, made with the guardian and the Ministry of Interior.
        await world.MoveToRecoveryAsync(c);
        var undisposed = await ProblemAssert.IsProblemAsync(
            await TransitionAsync(unit, c.Id, "Close", "She left the shelter", closureReason: "PersonWithdrew"), HttpStatusCode.BadRequest);
        Assert.True(undisposed.GetProperty("errors").TryGetProperty("disposition", out _));
        var missingParty = await ProblemAssert.IsProblemAsync(await guardian.PutAsJsonAsync($"/api/v1/cases/{c.Id}/disposition",
            new { consultedParties = new[] { "Guardian", "Ngo" }, summary = "Stays in foster care" }), HttpStatusCode.BadRequest);
        Assert.True(missingParty.GetProperty("errors").TryGetProperty("consultedParties", out _));
        await OkAsync(await guardian.PutAsJsonAsync($"/api/v1/cases/{c.Id}/disposition",
            new { consultedParties = new[] { "Guardian", "Ngo", "MinistryOfInterior" }, summary = "Stays in foster care" }));
        var closed = await OkAsync(await TransitionAsync(unit, c.Id, "Close", "She left the shelter", closureReason: "PersonWithdrew"));
        Assert.Equal("Closed", closed.GetProperty("stage").GetString());

        // Once an assessment finds an adult, the guardianship service no longer sees the person.
        var other = await world.OpenChildCaseAsync();
        await world.AppointGuardianAsync(other);
        await OkAsync(await unit.PostAsJsonAsync($"/api/v1/cases/{other.Id}/age-assessments",
            new { method = "Combined", result = "Adult", assessedOn = Day(-1), assessedBy = "Dr B" }));
        var adult = (await DetailAsync(guardian, other.Id)).GetProperty("case");
        Assert.Equal("ConfirmedAdult", adult.GetProperty("ageStatus").GetString());
        Assert.Equal("Depersonalised", adult.GetProperty("view").GetString());
        Assert.Equal(JsonValueKind.Null, adult.GetProperty("person").ValueKind);
    }

    private static string Day(int fromToday) =>
        DateTime.UtcNow.AddDays(fromToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static object Interview(string venue) => new
    {
        heldAt = DateTime.UtcNow.AddHours(-2), venue, venueDescription = "Room 2", interviewerName = "Trained interviewer",
        guardianPresent = "Jo Guardian", nameUsed = "A.", ageStated = "14", nationality = "Ruritanian", languagesSpoken = "Ruritanian",
        familyAndSocialHistory = "Lived with an aunt", schooling = "Until age 11", spontaneousStatementsVerbatim = "I want to go to school.",
    };

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_safety_coordinator_is_a_police_officer_taking_part_and_keeps_the_safety_plan(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var unit = world.Unit.Client;
        var c = await world.OpenAdultCaseAsync();
        var borderGuard = await world.MemberAsync(OrganisationType.BorderGuard, Roles.BorderGuard);
        await world.InviteAsync(c.Id, borderGuard.Organisation);
        await world.InviteAsync(c.Id, world.Prosecution.Organisation);
        await world.ProposeAsync(c.Id, "SVC-02", world.Support.Organisation);
        Task<HttpResponseMessage> NameAsync(Guid userId) =>
            unit.PutAsJsonAsync($"/api/v1/cases/{c.Id}/safety-coordinator", new { userId });

        // Not a prosecutor, not a support worker, not an officer of an organisation outside the case.
        foreach (var candidate in new[] { world.Prosecution.User.Id, world.Support.User.Id, world.OtherUnit.User.Id })
        {
            var refused = await ProblemAssert.IsProblemAsync(await NameAsync(candidate), HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty("userId", out _));
        }
        var named = await OkAsync(await NameAsync(borderGuard.User.Id));
        Assert.Equal(borderGuard.DisplayName, named.GetProperty("safetyCoordinatorName").GetString());

        // The coordinator keeps the plan although another organisation owns the case; other participants do not.
        var added = await OkAsync(await borderGuard.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/safety-actions",
            new { description = "Escort to the hearing", dueOn = Day(5) }));
        var action = added.GetProperty("id").GetGuid();
        var done = await OkAsync(await borderGuard.Client.PutAsJsonAsync($"/api/v1/cases/{c.Id}/safety-actions/{action}", new { status = "Done" }));
        Assert.Equal("Done", done.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("doneAt").ValueKind);
        await ProblemAssert.IsProblemAsync(await world.Prosecution.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/safety-actions",
            new { description = "Not mine to add" }), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await world.Support.Client.PutAsJsonAsync($"/api/v1/cases/{c.Id}/safety-actions/{action}",
            new { status = "Cancelled" }), HttpStatusCode.Forbidden);

        var plan = Assert.Single((await DetailAsync(unit, c.Id)).GetProperty("safetyPlan").EnumerateArray());
        Assert.Equal("Escort to the hearing", plan.GetProperty("description").GetString());
        var coordinatorsPlan = Assert.Single((await DetailAsync(borderGuard.Client, c.Id)).GetProperty("safetyPlan").EnumerateArray());
        Assert.Equal("Done", coordinatorsPlan.GetProperty("status").GetString());
        Assert.Empty((await DetailAsync(world.Prosecution.Client, c.Id)).GetProperty("safetyPlan").EnumerateArray());

        // Law enforcement never meets the person at a shelter, whoever arranges the meeting.
        var byUnit = await ProblemAssert.IsProblemAsync(await unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/meetings", new
        {
            at = DateTime.UtcNow.AddDays(1), purpose = "Statement", lawEnforcementPresent = false, venue = "Shelter",
        }), HttpStatusCode.BadRequest);
        Assert.Contains("V-01", byUnit.GetProperty("errors").GetProperty("venue")[0].GetString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(await world.Support.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/meetings", new
        {
            at = DateTime.UtcNow.AddDays(1), purpose = "Statement", lawEnforcementPresent = true, venue = "Shelter",
        }), HttpStatusCode.BadRequest);
        var meeting = await OkAsync(await unit.PostAsJsonAsync($"/api/v1/cases/{c.Id}/meetings", new
        {
            at = DateTime.UtcNow.AddDays(1), purpose = "Statement", lawEnforcementPresent = false, venue = "SupportOrganisationOffice",
            venueDescription = "Meeting room B", counsellorRequested = true, safetyCoordinatorInvited = true,
        }));
        Assert.True(meeting.GetProperty("lawEnforcementPresent").GetBoolean());
        Assert.True(meeting.GetProperty("counsellorRequested").GetBoolean());
    }

    // ---------------------------------------------------------------- return

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_return_is_planned_only_on_a_risk_assessment_for_the_return_and_a_childs_return_is_blocked_by_a_risk(
        string database)
    {
        // The clock moves past the reflection period, during which no return is planned whatever was decided (L4).
        var clock = new FakeClock();
        await using var app = await AriadneAppFactory.IsolatedAsync(database, time: clock);
        using var world = await CaseWorld.CreateAsync(app);
        var unit = world.Unit.Client;
        var adult = await world.OpenAdultCaseAsync();
        await MoveAsync(unit, adult.Id, "StartAssessment");
        await MoveAsync(unit, adult.Id, "ReasonableGroundsPositive", "Indicators confirmed");
        Task<HttpResponseMessage> PlanAsync(Guid caseId, Guid assessment) =>
            unit.PutAsJsonAsync($"/api/v1/cases/{caseId}/return-plan", new { organiser = "RET-04", riskAssessmentId = assessment });

        var duringReflection = await ProblemAssert.IsProblemAsync(await PlanAsync(adult.Id, Guid.NewGuid()), HttpStatusCode.Conflict);
        Assert.Contains("reflection period", duringReflection.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await MoveAsync(unit, adult.Id, "ConclusivePositive", "Trafficking established", EarlyDecision);
        clock.Advance(TimeSpan.FromDays(32));
        await world.RenewAsync();
        unit = world.Unit.Client;
        var noAssessment = await ProblemAssert.IsProblemAsync(await PlanAsync(adult.Id, Guid.NewGuid()), HttpStatusCode.Conflict);
        Assert.Contains("risk assessment", noAssessment.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // An assessment for a shelter placement is not one for the return.
        var forShelter = await AssessRiskAsync(unit, adult.Id, "ShelterPlacement", riskIdentified: false);
        await ProblemAssert.IsProblemAsync(await PlanAsync(adult.Id, forShelter), HttpStatusCode.Conflict);
        Assert.Equal(JsonValueKind.Null, (await DetailAsync(unit, adult.Id)).GetProperty("case").GetProperty("returnOrganiser").ValueKind);

        var forReturn = await AssessRiskAsync(unit, adult.Id, "Return", riskIdentified: false);
        var planned = await OkAsync(await PlanAsync(adult.Id, forReturn));
        Assert.Equal("RET-04", planned.GetProperty("returnOrganiser").GetString());

        var child = await world.OpenChildCaseAsync();
        await world.AppointGuardianAsync(child);
        await world.MoveToRecoveryAsync(child);
        clock.Advance(TimeSpan.FromDays(32));
        await world.RenewAsync();
        unit = world.Unit.Client;
        var danger = await AssessRiskAsync(unit, child.Id, "Return", riskIdentified: true);
        var blocked = await ProblemAssert.IsProblemAsync(await PlanAsync(child.Id, danger), HttpStatusCode.Conflict);
        Assert.Contains("blocked", blocked.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("CH-PR-19", blocked.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await DetailAsync(unit, child.Id)).GetProperty("case").GetProperty("returnOrganiser").ValueKind);
        // The same child with no risk found may return (assessed a little later: the fake clock stands still otherwise).
        clock.Advance(TimeSpan.FromMinutes(5));
        var safe = await AssessRiskAsync(unit, child.Id, "Return", riskIdentified: false);
        Assert.Equal("RET-04", (await OkAsync(await PlanAsync(child.Id, safe))).GetProperty("returnOrganiser").GetString());
    }

    // ---------------------------------------------------------------- handovers

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_handover_stays_pending_on_the_coordinators_dashboard_until_the_receiver_accepts_and_then_owns_the_case(
        string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();

        var requested = await OkAsync(await world.Unit.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/handovers",
            new { toOrganisationId = world.OtherUnit.Organisation.Id, reason = "The person moved to the other unit's region" }));
        var handover = requested.GetProperty("id").GetGuid();
        Assert.Equal("Pending", requested.GetProperty("status").GetString());

        var pending = await PendingHandoversAsync(world.Coordinator.Client);
        var row = Assert.Single(pending, h => h.GetProperty("id").GetGuid() == handover);
        Assert.Equal(c.Id, row.GetProperty("caseId").GetGuid());
        Assert.Equal(world.Unit.Organisation.Name, row.GetProperty("from").GetString());
        Assert.Equal(world.OtherUnit.Organisation.Name, row.GetProperty("to").GetString());
        // Until accepted the case stays with the sender.
        Assert.Equal(world.Unit.Organisation.Name, (await DetailAsync(world.Unit.Client, c.Id)).GetProperty("case")
            .GetProperty("ownerOrganisation").GetString());
        var receiverView = (await DetailAsync(world.OtherUnit.Client, c.Id)).GetProperty("case");
        Assert.Equal("Depersonalised", receiverView.GetProperty("view").GetString());
        Assert.Contains((await OkAsync(await world.OtherUnit.Client.GetAsync("/api/v1/cases/handovers"))).EnumerateArray(),
            h => h.GetProperty("id").GetGuid() == handover);
        // The sender cannot accept its own handover.
        await ProblemAssert.IsProblemAsync(await world.Unit.Client.PostAsJsonAsync(
            $"/api/v1/cases/{c.Id}/handovers/{handover}/response", new { accept = true }), HttpStatusCode.Forbidden);

        var accepted = await OkAsync(await world.OtherUnit.Client.PostAsJsonAsync(
            $"/api/v1/cases/{c.Id}/handovers/{handover}/response", new { accept = true }));
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());

        Assert.DoesNotContain(await PendingHandoversAsync(world.Coordinator.Client), h => h.GetProperty("id").GetGuid() == handover);
        var owned = (await DetailAsync(world.OtherUnit.Client, c.Id)).GetProperty("case");
        Assert.Equal(world.OtherUnit.Organisation.Name, owned.GetProperty("ownerOrganisation").GetString());
        Assert.Equal(world.OtherUnit.DisplayName, owned.GetProperty("ownerName").GetString());
        Assert.Equal("Personal", owned.GetProperty("view").GetString());
        Assert.Equal(c.PersonName, owned.GetProperty("person").GetProperty("name").GetString());
        Assert.Equal("Assessment", (await MoveAsync(world.OtherUnit.Client, c.Id, "StartAssessment")).GetProperty("stage").GetString());
        // The former owner keeps a de-personalised view and no longer works the case.
        Assert.Equal("Depersonalised", (await DetailAsync(world.Unit.Client, c.Id)).GetProperty("case").GetProperty("view").GetString());
        await ProblemAssert.IsProblemAsync(await TransitionAsync(world.Unit.Client, c.Id, "Close", "Duplicate of another case", "Duplicate"),
            HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await world.Unit.Client.PutAsJsonAsync($"/api/v1/cases/{c.Id}/owner",
            new { userId = world.Unit.User.Id }), HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_organisation_that_declines_a_handover_keeps_the_part_it_had_in_the_case(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        var other = world.OtherUnit;
        await world.InviteAsync(c.Id, other.Organisation);
        await world.ConsentAsync(c.Id, "PersonalData", other.Organisation);
        Assert.Equal("Personal", (await DetailAsync(other.Client, c.Id)).GetProperty("case").GetProperty("view").GetString());

        var handover = (await OkAsync(await world.Unit.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/handovers",
            new { toOrganisationId = other.Organisation.Id, reason = "Closer to where she lives now" }))).GetProperty("id").GetGuid();
        var noReason = await ProblemAssert.IsProblemAsync(await other.Client.PostAsJsonAsync(
            $"/api/v1/cases/{c.Id}/handovers/{handover}/response", new { accept = false }), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        var declined = await OkAsync(await other.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/handovers/{handover}/response",
            new { accept = false, reason = "No capacity this month" }));
        Assert.Equal("Declined", declined.GetProperty("status").GetString());

        // Still invited, with the person's consent: declining to take the case over takes nothing away.
        var after = (await DetailAsync(other.Client, c.Id)).GetProperty("case");
        Assert.Equal("Personal", after.GetProperty("view").GetString());
        Assert.Equal(world.Unit.Organisation.Name, after.GetProperty("ownerOrganisation").GetString());
        Assert.Contains((await OkAsync(await other.Client.GetAsync("/api/v1/cases"))).EnumerateArray(),
            r => r.GetProperty("id").GetGuid() == c.Id && r.GetProperty("part").GetString() == "Invited");
        Assert.DoesNotContain(await PendingHandoversAsync(world.Coordinator.Client), h => h.GetProperty("id").GetGuid() == handover);

        // A receiver that had no part before has none after declining.
        var third = await world.MemberAsync(OrganisationType.AntiTraffickingUnit, Roles.Investigator);
        var second = (await OkAsync(await world.Unit.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/handovers",
            new { toOrganisationId = third.Organisation.Id, reason = "Specialised in domestic servitude" }))).GetProperty("id").GetGuid();
        Assert.Equal("Depersonalised", (await DetailAsync(third.Client, c.Id)).GetProperty("case").GetProperty("view").GetString());
        await OkAsync(await third.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/handovers/{second}/response",
            new { accept = false, reason = "Not our area" }));
        Assert.Equal(HttpStatusCode.NotFound, (await third.Client.GetAsync($"/api/v1/cases/{c.Id}")).StatusCode);

        // A support organisation that referred the person sees the status only; offered the case, it sees enough to
        // decide, and after declining it follows its referral again. Offered again, it accepts and owns the case.
        var shelter = await world.MemberAsync(OrganisationType.VictimSupport, Roles.SupportWorker);
        var referred = await world.OpenAdultCaseAsync(referrer: shelter);
        Assert.Equal("StatusOnly", (await DetailAsync(shelter.Client, referred.Id)).GetProperty("case").GetProperty("view").GetString());
        async Task<Guid> OfferAsync() => (await OkAsync(await world.Unit.Client.PostAsJsonAsync($"/api/v1/cases/{referred.Id}/handovers",
            new { toOrganisationId = shelter.Organisation.Id, reason = "Support-led case" }))).GetProperty("id").GetGuid();
        var offer = await OfferAsync();
        Assert.Equal("Depersonalised", (await DetailAsync(shelter.Client, referred.Id)).GetProperty("case").GetProperty("view").GetString());
        await OkAsync(await shelter.Client.PostAsJsonAsync($"/api/v1/cases/{referred.Id}/handovers/{offer}/response",
            new { accept = false, reason = "Not now" }));
        Assert.Equal("StatusOnly", (await DetailAsync(shelter.Client, referred.Id)).GetProperty("case").GetProperty("view").GetString());
        var again = await OfferAsync();
        await OkAsync(await shelter.Client.PostAsJsonAsync($"/api/v1/cases/{referred.Id}/handovers/{again}/response", new { accept = true }));
        var owned = (await DetailAsync(shelter.Client, referred.Id)).GetProperty("case");
        Assert.Equal("Personal", owned.GetProperty("view").GetString());
        Assert.Equal(shelter.Organisation.Name, owned.GetProperty("ownerOrganisation").GetString());
    }

    private static async Task<List<JsonElement>> PendingHandoversAsync(HttpClient coordinator) =>
        (await OkAsync(await coordinator.GetAsync("/api/v1/cases/dashboard"))).GetProperty("pendingHandovers").EnumerateArray().ToList();

    // ---------------------------------------------------------------- deadlines on the dashboard (the clock moves)

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Overdue_stale_and_ownerless_cases_appear_on_the_coordinators_dashboard_as_time_passes(string database)
    {
        var clock = new FakeClock();
        await using var app = await AriadneAppFactory.IsolatedAsync(database, time: clock);
        using var world = await CaseWorld.CreateAsync(app);
        var late = await world.OpenAdultCaseAsync();
        var busy = await world.OpenAdultCaseAsync();
        var ownerless = await world.OpenAdultCaseAsync();
        var unit = world.Unit;

        var fresh = (await DetailAsync(unit.Client, late.Id)).GetProperty("case");
        Assert.False(fresh.GetProperty("overdue").GetBoolean());
        Assert.False(fresh.GetProperty("stale").GetBoolean());
        Assert.Equal("Reasonable-grounds decision", fresh.GetProperty("nextDueWhat").GetString());
        var due = fresh.GetProperty("nextDueAt").GetDateTime();
        Assert.InRange(due, clock.UtcNow.AddDays(5), clock.UtcNow.AddDays(8));
        Assert.Equal(unit.DisplayName, fresh.GetProperty("ownerName").GetString());

        var unassigned = await OkAsync(await unit.Client.PutAsJsonAsync($"/api/v1/cases/{ownerless.Id}/owner", new { userId = (Guid?)null }));
        Assert.Equal(JsonValueKind.Null, unassigned.GetProperty("ownerName").ValueKind);
        var today = await DashboardAsync(world);
        Assert.Equal(new[] { ownerless.Id }, today.WithoutOwner);
        Assert.Empty(today.Overdue);
        Assert.Empty(today.Stale);

        // Eight days later every decision target (five working days) has passed.
        clock.Advance(TimeSpan.FromDays(8));
        await world.RenewAsync();
        Assert.True(clock.UtcNow > due);
        await MoveAsync(unit.Client, busy.Id, "StartAssessment");
        var overdue = (await DetailAsync(unit.Client, late.Id)).GetProperty("case");
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.False(overdue.GetProperty("stale").GetBoolean());
        var week = await DashboardAsync(world);
        Assert.Equal(new[] { late.Id, busy.Id, ownerless.Id }.Order(), week.Overdue.Order());
        Assert.Equal(new[] { ownerless.Id }, week.WithoutOwner);
        Assert.Empty(week.Stale);
        var queue = await OkAsync(await unit.Client.GetAsync("/api/v1/cases"));
        Assert.True(queue.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == late.Id).GetProperty("overdue").GetBoolean());

        // A month after the last activity a case is stale; the one worked on last week is not.
        clock.Advance(TimeSpan.FromDays(23));
        await world.RenewAsync();
        var month = await DashboardAsync(world);
        Assert.Equal(new[] { late.Id, ownerless.Id }.Order(), month.Stale.Order());
        Assert.True((await DetailAsync(unit.Client, late.Id)).GetProperty("case").GetProperty("stale").GetBoolean());
        Assert.False((await DetailAsync(unit.Client, busy.Id)).GetProperty("case").GetProperty("stale").GetBoolean());

        // Taking the decision clears the overdue mark; giving the case a worker clears "without owner".
        await MoveAsync(unit.Client, late.Id, "StartAssessment");
        await MoveAsync(unit.Client, late.Id, "ReasonableGroundsPositive", "Indicators confirmed");
        await OkAsync(await unit.Client.PutAsJsonAsync($"/api/v1/cases/{ownerless.Id}/owner", new { userId = unit.User.Id }));
        var after = await DashboardAsync(world);
        Assert.DoesNotContain(late.Id, after.Overdue);
        Assert.DoesNotContain(late.Id, after.Stale);
        Assert.Empty(after.WithoutOwner);
        var reflection = (await DetailAsync(unit.Client, late.Id)).GetProperty("case");
        Assert.False(reflection.GetProperty("overdue").GetBoolean());
        var brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.UtcNow, brussels)).AddDays(30),
            DateOnly.Parse(reflection.GetProperty("reflectionMinimumEndsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed record Dashboard(List<Guid> Overdue, List<Guid> WithoutOwner, List<Guid> Stale);

    private static async Task<Dashboard> DashboardAsync(CaseWorld world)
    {
        var body = await OkAsync(await world.Coordinator.Client.GetAsync("/api/v1/cases/dashboard"));
        List<Guid> Ids(string list) => body.GetProperty(list).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        return new Dashboard(Ids("overdueDecisions"), Ids("withoutOwner"), Ids("stale"));
    }

    // ---------------------------------------------------------------- refusals, isolation and audit

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Refusals_say_why_in_problem_details_and_a_case_outside_ones_part_does_not_exist(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        var unit = world.Unit.Client;

        var illegal = await ProblemAssert.IsProblemAsync(await TransitionAsync(unit, c.Id, "ConclusivePositive", "Reasons"),
            HttpStatusCode.Conflict);
        Assert.Equal("Not possible in the case's current state", illegal.GetProperty("title").GetString());
        Assert.Equal("Start the assessment before recording a decision.", illegal.GetProperty("detail").GetString());
        var unknownStep = await ProblemAssert.IsProblemAsync(await TransitionAsync(unit, c.Id, "Teleport"), HttpStatusCode.BadRequest);
        Assert.True(unknownStep.GetProperty("errors").TryGetProperty("trigger", out _));

        await MoveAsync(unit, c.Id, "StartAssessment");
        var tooEarly = await ProblemAssert.IsProblemAsync(await TransitionAsync(unit, c.Id, "ConclusivePositive", "Reasons"),
            HttpStatusCode.Conflict);
        Assert.Contains("conclusive decision follows a positive reasonable-grounds decision", tooEarly.GetProperty("detail").GetString(),
            StringComparison.Ordinal);
        var noReason = await ProblemAssert.IsProblemAsync(await TransitionAsync(unit, c.Id, "ReasonableGroundsPositive"), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        await world.ProposeAsync(c.Id, "SVC-02", world.Support.Organisation);
        var bySupport = await ProblemAssert.IsProblemAsync(
            await TransitionAsync(world.Support.Client, c.Id, "ReasonableGroundsPositive", "Looks like trafficking"), HttpStatusCode.Forbidden);
        Assert.Contains("competent authority", bySupport.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stays = (await DetailAsync(unit, c.Id)).GetProperty("case");
        Assert.Equal("Assessment", stays.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, stays.GetProperty("reasonableGrounds").ValueKind);

        // Unknown case, or a case the organisation has no part in: 404, the same answer, nothing disclosed.
        var stranger = await world.MemberAsync(OrganisationType.AntiTraffickingUnit, Roles.Investigator);
        foreach (var (client, id) in new[] { (unit, Guid.NewGuid()), (stranger.Client, c.Id) })
        {
            foreach (var response in new[]
                     {
                         await client.GetAsync($"/api/v1/cases/{id}"), await client.GetAsync($"/api/v1/cases/{id}/timeline"),
                         await TransitionAsync(client, id, "ReasonableGroundsPositive", "Reasons"),
                         await client.PutAsJsonAsync($"/api/v1/cases/{id}/owner", new { userId = (Guid?)null }),
                     })
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain(c.Reference, body, StringComparison.Ordinal);
                Assert.DoesNotContain(c.PersonName, body, StringComparison.Ordinal);
            }
        }
        Assert.DoesNotContain((await OkAsync(await stranger.Client.GetAsync("/api/v1/cases"))).EnumerateArray(),
            r => r.GetProperty("id").GetGuid() == c.Id);
        Assert.Equal("Assessment", (await DetailAsync(unit, c.Id)).GetProperty("case").GetProperty("stage").GetString());
        Assert.Equal(world.Unit.DisplayName, (await DetailAsync(unit, c.Id)).GetProperty("case").GetProperty("ownerName").GetString());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_read_of_a_case_is_audited_with_who_read_it_and_refused_reads_too(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        var stranger = await world.MemberAsync(OrganisationType.AntiTraffickingUnit, Roles.Investigator);
        var before = await app.AuditCountAsync(AuditActions.View, c.Id.ToString());

        await DetailAsync(world.Unit.Client, c.Id);
        Assert.Equal(before + 1, await app.AuditCountAsync(AuditActions.View, c.Id.ToString()));
        await OkAsync(await world.Unit.Client.GetAsync($"/api/v1/cases/{c.Id}/timeline"));
        Assert.Equal(before + 2, await app.AuditCountAsync(AuditActions.View, c.Id.ToString()));
        await DetailAsync(world.Coordinator.Client, c.Id);
        await DetailAsync(world.Police.Client, c.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/v1/cases/{c.Id}")).StatusCode);
        Assert.Equal(before + 5, await app.AuditCountAsync(AuditActions.View, c.Id.ToString()));

        await app.WithDbAsync(async db =>
        {
            var entries = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Action == AuditActions.View && e.TargetId == c.Id.ToString()).ToListAsync();
            Assert.All(entries, e => Assert.Equal("Case", e.TargetType));
            Assert.Equal(2, entries.Count(e => e.ActorUserId == world.Unit.User.Id && e.Outcome == AuditOutcome.Success
                                              && e.Details!.Contains("Personal view", StringComparison.Ordinal)));
            Assert.Single(entries, e => e.ActorUserId == world.Coordinator.User.Id && e.Outcome == AuditOutcome.Success
                                        && e.Details!.Contains("Depersonalised view", StringComparison.Ordinal));
            Assert.Single(entries, e => e.ActorUserId == world.Police.User.Id && e.Outcome == AuditOutcome.Success
                                        && e.Details!.Contains("StatusOnly view", StringComparison.Ordinal));
            var denied = Assert.Single(entries, e => e.ActorUserId == stranger.User.Id);
            Assert.Equal(AuditOutcome.Denied, denied.Outcome);
            Assert.Equal(stranger.Organisation.Id, denied.ActorOrganisationId);
            Assert.All(entries, e => Assert.DoesNotContain(c.PersonName, e.Details ?? "", StringComparison.Ordinal));
        });
    }

    // ---------------------------------------------------------------- statements

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_statement_is_encrypted_at_rest_and_read_only_by_the_owner_or_with_consent_and_every_attempt_is_audited(
        string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var c = await world.OpenAdultCaseAsync();
        var title = $"Second interview {world.Marker}";
        var content = $"She described the flat above the bakery where she was kept, code word {world.Marker}-Quokka.";
        var added = await OkAsync(await world.Unit.Client.PostAsJsonAsync($"/api/v1/cases/{c.Id}/documents", new { title, content }));
        var document = added.GetProperty("id").GetGuid();
        Assert.Equal(title, added.GetProperty("title").GetString());

        var read = await OkAsync(await world.Unit.Client.GetAsync($"/api/v1/cases/{c.Id}/documents/{document}"));
        Assert.Equal(content, read.GetProperty("content").GetString());
        Assert.Equal("Statement", read.GetProperty("kind").GetString());

        // Invited, even with consent to personal data, but without consent to statements: no such document.
        await world.InviteAsync(c.Id, world.OtherUnit.Organisation);
        await world.ConsentAsync(c.Id, "PersonalData", world.OtherUnit.Organisation);
        var refused = await world.OtherUnit.Client.GetAsync($"/api/v1/cases/{c.Id}/documents/{document}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("Quokka", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await DetailAsync(world.OtherUnit.Client, c.Id)).GetProperty("documents").EnumerateArray());
        Assert.Equal(1, await DocumentAuditAsync(app, document, world.OtherUnit.User.Id, AuditOutcome.Denied));
        Assert.Equal(1, await DocumentAuditAsync(app, document, world.Unit.User.Id, AuditOutcome.Success));

        // Not in plain text in its row, and (on SQLite) nowhere in the database files.
        await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Title\", \"ContentCipher\" FROM case_documents";
            await using var reader = await command.ExecuteReaderAsync();
            byte[]? cipher = null;
            while (await reader.ReadAsync())
            {
                if (reader.GetString(0) == title)
                {
                    cipher = (byte[])reader.GetValue(1);
                }
            }
            Assert.NotNull(cipher);
            Assert.True(cipher.Length > content.Length / 2, "no content stored at all");
            Assert.False(Contains(cipher, "Quokka"), "the statement is stored in plain text");
            Assert.False(Contains(cipher, Encoding.Unicode.GetBytes("Quokka")), "the statement is stored in plain UTF-16");
            Assert.False(Contains(cipher, Convert.ToBase64String(Encoding.UTF8.GetBytes(content))), "the statement is stored as Base64");
        });
        if (database == Databases.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                Assert.False(Contains(copy.ToArray(), $"{world.Marker}-Quokka"), $"the statement is readable in {Path.GetFileName(path)}");
            }
        }

        // With consent to statements the other unit reads it instead of asking the person to tell it again.
        await world.ConsentAsync(c.Id, "Statements", world.OtherUnit.Organisation);
        var shared = await OkAsync(await world.OtherUnit.Client.GetAsync($"/api/v1/cases/{c.Id}/documents/{document}"));
        Assert.Equal(content, shared.GetProperty("content").GetString());
        Assert.Equal(1, await DocumentAuditAsync(app, document, world.OtherUnit.User.Id, AuditOutcome.Success));
    }

    private static Task<int> DocumentAuditAsync(AriadneAppFactory app, Guid document, Guid actor, AuditOutcome outcome) =>
        app.WithScopeAsync(s => s.GetRequiredService<AriadneDbContext>().AuditEntries.CountAsync(e =>
            e.Action == AuditActions.View && e.TargetType == "CaseDocument" && e.TargetId == document.ToString()
            && e.ActorUserId == actor && e.Outcome == outcome));

    private static bool Contains(byte[] haystack, string text) => Contains(haystack, Encoding.UTF8.GetBytes(text));

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
