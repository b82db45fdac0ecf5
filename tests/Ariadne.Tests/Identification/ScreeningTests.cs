using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Screenings;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Identification;

/// <summary>
/// Screening a person against the indicators, the guidance it gives, and referral, through the API as an
/// officer uses it. The shared database holds other tests' data too: every check filters by ids made here.
/// </summary>
public sealed class ScreeningTests
{
    private const string PersonName = "Maria Testperson";

    // ---------------------------------------------------------------- assessment and guidance

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_person_can_be_presumed_a_victim_with_no_indicator_and_no_indicator_never_reads_as_not_a_victim(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var screener = await ScreenerAsync(app);
        var client = screener.Client;
        var id = Id(await CreateAsync(client, new { place = "Central station" }));

        var presumed = await PutAsync(client, id, new { place = "Central station", presumedVictim = true });
        Assert.Equal("PresumedVictim", Assessment(presumed).GetProperty("outcome").GetString());
        Assert.True(Assessment(presumed).GetProperty("actionsRequired").GetBoolean());
        Assert.Equal(0, Assessment(presumed).GetProperty("indicatorCount").GetInt32());
        Assert.True(presumed.GetProperty("details").GetProperty("presumedVictim").GetBoolean());
        Assert.NotNull(Advice(presumed, "non-punishment"));
        Assert.Null(Advice(presumed, "doubt"));

        var nothing = await PutAsync(client, id, new { place = "Central station" });
        Assert.Equal("NoIndicatorsRecorded", Assessment(nothing).GetProperty("outcome").GetString());
        Assert.Equal("None", Assessment(nothing).GetProperty("alert").GetString());
        Assert.False(Assessment(nothing).GetProperty("actionsRequired").GetBoolean());
        Assert.NotNull(Advice(nothing, "doubt"));

        var some = await PutAsync(client, id, new { place = "Central station", indicators = Ticks("GEN-09") });
        Assert.Equal("IndicatorsPresentAssessFurther", Assessment(some).GetProperty("outcome").GetString());
        Assert.Null(Advice(some, "doubt"));

        // Read back as stored: the last state, again through the check on the outcome text.
        var stored = await GetAsync(client, id);
        Assert.Equal("IndicatorsPresentAssessFurther", Assessment(stored).GetProperty("outcome").GetString());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Indicators_across_two_groups_and_at_least_three_raise_the_alarm_and_fewer_ask_for_attention(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var screener = await ScreenerAsync(app);
        var client = screener.Client;
        var id = Id(await CreateAsync(client));

        async Task<JsonElement> TickAsync(params string[] ids) =>
            Assessment(await PutAsync(client, id, new { approximateAge = 30, indicators = Ticks(ids) }));

        var one = await TickAsync("GEN-01");
        Assert.Equal("Attention", one.GetProperty("alert").GetString());
        Assert.Equal(1, one.GetProperty("indicatorCount").GetInt32());
        Assert.False(one.GetProperty("actionsRequired").GetBoolean());

        var alarm = await TickAsync("GEN-01", "GEN-03", "LAB-01");
        Assert.Equal("Alarm", alarm.GetProperty("alert").GetString());
        Assert.Equal(3, alarm.GetProperty("indicatorCount").GetInt32());
        Assert.Equal(2, alarm.GetProperty("groupCount").GetInt32());
        Assert.True(alarm.GetProperty("actionsRequired").GetBoolean());
        var categories = alarm.GetProperty("byCategory").EnumerateArray()
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("indicators").GetArrayLength(), StringComparer.Ordinal);
        Assert.Equal(new Dictionary<string, int>(StringComparer.Ordinal) { ["GEN"] = 2, ["LAB"] = 1 }, categories);

        // Both thresholds must be met: three in one group, or two across groups, stay at "attention".
        Assert.Equal("Attention", (await TickAsync("GEN-01", "GEN-02", "GEN-03")).GetProperty("alert").GetString());
        Assert.Equal("Attention", (await TickAsync("GEN-01", "LAB-01")).GetProperty("alert").GetString());
        Assert.Equal("None", (await TickAsync()).GetProperty("alert").GetString());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_unaccompanied_child_with_one_indicator_needs_the_guardian_referral_at_once_and_an_adult_does_not(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var screener = await ScreenerAsync(app);
        var (officer, client) = (screener.User, screener.Client);
        var id = Id(await CreateAsync(client));

        var child = await PutAsync(client, id, new { suspectedMinor = true, withParentOrGuardian = false, indicators = Ticks("GEN-09") });
        var assessment = Assessment(child);
        Assert.True(assessment.GetProperty("presumedMinor").GetBoolean());
        Assert.True(assessment.GetProperty("unaccompanied").GetBoolean());
        Assert.Equal("Attention", assessment.GetProperty("alert").GetString());
        Assert.True(assessment.GetProperty("actionsRequired").GetBoolean(), "a child with any sign is acted on without waiting for an alarm");
        Assert.True(Action(child, MandatoryActions.GuardianReferral)?.GetProperty("immediate").GetBoolean());
        Assert.True(Action(child, MandatoryActions.AlertUnit)?.GetProperty("immediate").GetBoolean());
        Assert.False(Action(child, MandatoryActions.TreatAsVictimOfCrime)?.GetProperty("immediate").GetBoolean());
        Assert.True(Advice(child, "child")?.GetProperty("urgent").GetBoolean());

        // Ticking the guardian referral off records when and by whom.
        var done = await ReadScreeningAsync(await client.PostAsync($"/api/v1/screenings/{id}/actions/{MandatoryActions.GuardianReferral}", null));
        var step = Action(done, MandatoryActions.GuardianReferral)!.Value;
        Assert.NotEqual(JsonValueKind.Null, step.GetProperty("doneAt").ValueKind);
        Assert.Equal("Test " + officer.UserName, step.GetProperty("doneBy").GetString());
        var unknown = await ProblemAssert.IsProblemAsync(await client.PostAsync($"/api/v1/screenings/{id}/actions/R-ACT-99", null),
            HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("actionId", out _));

        var byAge = await PutAsync(client, id, new { approximateAge = 16, indicators = Ticks("GEN-09") });
        Assert.True(Assessment(byAge).GetProperty("presumedMinor").GetBoolean());
        Assert.NotNull(Action(byAge, MandatoryActions.GuardianReferral));

        var withParent = await PutAsync(client, id, new { suspectedMinor = true, withParentOrGuardian = true, indicators = Ticks("GEN-09") });
        Assert.True(Assessment(withParent).GetProperty("presumedMinor").GetBoolean());
        Assert.False(Assessment(withParent).GetProperty("unaccompanied").GetBoolean());
        Assert.Null(Action(withParent, MandatoryActions.GuardianReferral));

        var adult = await PutAsync(client, id, new { approximateAge = 30, indicators = Ticks("GEN-09") });
        Assert.False(Assessment(adult).GetProperty("presumedMinor").GetBoolean());
        Assert.False(Assessment(adult).GetProperty("actionsRequired").GetBoolean());
        Assert.Null(Action(adult, MandatoryActions.GuardianReferral));
        Assert.NotNull(Action(adult, MandatoryActions.AlertUnit));
        Assert.Null(Advice(adult, "child"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_companion_means_speaking_to_the_person_alone(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var screener = await ScreenerAsync(app);
        var client = screener.Client;
        var id = Id(await CreateAsync(client));

        var alone = await PutAsync(client, id, new { accompanied = false });
        Assert.Null(Advice(alone, "speak-alone"));

        var accompanied = await PutAsync(client, id, new { accompanied = true });
        Assert.False(Advice(accompanied, "speak-alone")?.GetProperty("urgent").GetBoolean());

        var controlled = await PutAsync(client, id, new { accompanied = true, companionSeemsToControl = true, companionDescription = "Tall man, grey coat" });
        Assert.True(Advice(controlled, "speak-alone")?.GetProperty("urgent").GetBoolean());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Immediate_danger_gives_the_emergency_number_of_the_configured_jurisdiction(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database,
            new Dictionary<string, string?> { ["Jurisdiction:EmergencyNumber"] = "999" });
        using var screener = await ScreenerAsync(app);
        var client = screener.Client;
        var id = Id(await CreateAsync(client));

        var calm = await PutAsync(client, id, new { immediateDanger = false });
        Assert.Null(Advice(calm, "emergency"));

        var danger = await PutAsync(client, id, new { immediateDanger = true, dangerDetails = "The driver is armed" });
        var emergency = Advice(danger, "emergency");
        Assert.NotNull(emergency);
        Assert.Contains("999", emergency.Value.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("112", emergency.Value.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True(emergency.Value.GetProperty("urgent").GetBoolean());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_offender_can_also_be_a_presumed_victim_and_non_punishment_becomes_urgent(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var screener = await ScreenerAsync(app);
        var client = screener.Client;
        var id = Id(await CreateAsync(client));

        var victimOnly = await PutAsync(client, id, new { presumedVictim = true, indicators = Ticks("GEN-08") });
        Assert.False(Advice(victimOnly, "non-punishment")?.GetProperty("urgent").GetBoolean());

        var both = await PutAsync(client, id, new
        {
            presumedVictim = true, offenderFlag = true, suspectedOffence = "Use of a false passport", indicators = Ticks("GEN-08"),
        });
        var details = both.GetProperty("details");
        Assert.True(details.GetProperty("presumedVictim").GetBoolean());
        Assert.True(details.GetProperty("offenderFlag").GetBoolean());
        Assert.Equal("Use of a false passport", details.GetProperty("suspectedOffence").GetString());
        Assert.Equal("PresumedVictim", Assessment(both).GetProperty("outcome").GetString());
        Assert.True(Advice(both, "non-punishment")?.GetProperty("urgent").GetBoolean());

        var stored = (await GetAsync(client, id)).GetProperty("details");
        Assert.True(stored.GetProperty("presumedVictim").GetBoolean() && stored.GetProperty("offenderFlag").GetBoolean());
    }

    // ---------------------------------------------------------------- validation

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Bad_input_is_refused_naming_the_field_and_the_saved_screening_is_unchanged(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var screener = await ScreenerAsync(app);
        var client = screener.Client;
        var id = Id(await CreateAsync(client, new { place = "Harbour", approximateAge = 30, intakeChannel = "ENC-02" }));

        var badAge = await ProblemAssert.IsProblemAsync(
            await client.PutAsJsonAsync($"/api/v1/screenings/{id}", new { place = "Elsewhere", approximateAge = 300, intakeChannel = "ENC-02" }),
            HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "approximateAge" }, badAge.GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var badChannel = await ProblemAssert.IsProblemAsync(
            await client.PutAsJsonAsync($"/api/v1/screenings/{id}", new { place = "Elsewhere", approximateAge = 31, intakeChannel = "ENC-99" }),
            HttpStatusCode.BadRequest);
        Assert.Equal(new[] { "intakeChannel" }, badChannel.GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var details = (await GetAsync(client, id)).GetProperty("details");
        Assert.Equal(30, details.GetProperty("approximateAge").GetInt32());
        Assert.Equal("ENC-02", details.GetProperty("intakeChannel").GetString());
        Assert.Equal("Harbour", details.GetProperty("place").GetString());

        // A new screening with a bad field is not created at all.
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/v1/screenings")).GetArrayLength();
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/api/v1/screenings", new { place = "Quay", approximateAge = -1 }),
            HttpStatusCode.BadRequest);
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/v1/screenings")).GetArrayLength());
    }

    // ---------------------------------------------------------------- information sheets

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Giving_an_information_sheet_is_recorded_with_its_version_and_giver(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var screener = await ScreenerAsync(app);
        var (officer, client) = (screener.User, screener.Client);
        var id = Id(await CreateAsync(client));
        var arabic = await client.GetFromJsonAsync<JsonElement>("/api/v1/information-sheets/ar");

        var given = await ReadScreeningAsync(await client.PostAsJsonAsync($"/api/v1/screenings/{id}/information-sheets", new { language = "ar" }));

        var record = Assert.Single(given.GetProperty("informationSheetsGiven").EnumerateArray());
        Assert.Equal("ar", record.GetProperty("language").GetString());
        Assert.Equal(arabic.GetProperty("version").GetString(), record.GetProperty("version").GetString());
        Assert.Equal("Test " + officer.UserName, record.GetProperty("givenBy").GetString());
        var stored = Assert.Single((await GetAsync(client, id)).GetProperty("informationSheetsGiven").EnumerateArray());
        Assert.Equal("ar", stored.GetProperty("language").GetString());

        var unknown = await ProblemAssert.IsProblemAsync(
            await client.PostAsJsonAsync($"/api/v1/screenings/{id}/information-sheets", new { language = "xx" }), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("language", out _));
        Assert.Single((await GetAsync(client, id)).GetProperty("informationSheetsGiven").EnumerateArray());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_information_sheets_come_in_several_languages_including_a_right_to_left_one(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var screener = await ScreenerAsync(app);
        var client = screener.Client;

        var sheets = (await client.GetFromJsonAsync<JsonElement>("/api/v1/information-sheets")).EnumerateArray().ToList();

        Assert.True(sheets.Count >= 6, $"only {sheets.Count} languages");
        var english = Assert.Single(sheets, s => s.GetProperty("language").GetString() == "en");
        Assert.Equal("Reviewed", english.GetProperty("reviewStatus").GetString());
        Assert.Contains(sheets, s => s.GetProperty("direction").GetString() == "rtl");
        Assert.All(sheets, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("reviewStatus").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("version").GetString()));
            Assert.Contains(s.GetProperty("direction").GetString(), new[] { "ltr", "rtl" });
        });
        var arabic = await client.GetFromJsonAsync<JsonElement>("/api/v1/information-sheets/ar");
        Assert.Equal("rtl", arabic.GetProperty("direction").GetString());
        Assert.True(arabic.GetProperty("sections").GetArrayLength() > 0);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/information-sheets/xx")).StatusCode);
    }

    // ---------------------------------------------------------------- organisation isolation and audit

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Another_organisation_cannot_read_or_change_a_screening_and_the_attempt_is_audited(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var ownerScreener = await ScreenerAsync(app);
        var owner = ownerScreener.Client;
        using var strangerScreener = await ScreenerAsync(app);
        var (stranger, strangerClient) = (strangerScreener.User, strangerScreener.Client);
        var id = Id(await CreateAsync(owner, new { place = "Safe house on Elm street", indicators = Ticks("GEN-01") }));

        var read = await strangerClient.GetAsync($"/api/v1/screenings/{id}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain("Elm street", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.PutAsJsonAsync($"/api/v1/screenings/{id}", new { place = "Overwritten" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.PostAsync($"/api/v1/screenings/{id}/complete", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.PostAsync($"/api/v1/screenings/{id}/actions/R-ACT-01", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await strangerClient.PostAsJsonAsync($"/api/v1/screenings/{id}/information-sheets", new { language = "en" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await strangerClient.PostAsJsonAsync($"/api/v1/screenings/{id}/referral", new { consent = "Refused" })).StatusCode);
        var list = await strangerClient.GetFromJsonAsync<JsonElement>("/api/v1/screenings");
        Assert.DoesNotContain(list.EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);

        var details = await GetAsync(owner, id);
        Assert.Equal("Safe house on Elm street", details.GetProperty("details").GetProperty("place").GetString());
        Assert.Equal("Draft", details.GetProperty("status").GetString());
        Assert.Empty(details.GetProperty("informationSheetsGiven").EnumerateArray());
        Assert.All(Assessment(details).GetProperty("actions").EnumerateArray(),
            a => Assert.Equal(JsonValueKind.Null, a.GetProperty("doneAt").ValueKind));

        var denied = await CountAuditAsync(app, AuditActions.View, id, stranger.Id, AuditOutcome.Denied);
        Assert.Equal(1, denied);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Reading_a_screening_writes_a_view_entry_for_it_to_the_audit_trail(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var screener = await ScreenerAsync(app);
        var (officer, client) = (screener.User, screener.Client);
        var id = Id(await CreateAsync(client, new { place = "Market square" }));
        Assert.Equal(0, await app.AuditCountAsync(AuditActions.View, id.ToString()));

        await GetAsync(client, id);

        Assert.Equal(1, await app.AuditCountAsync(AuditActions.View, id.ToString()));
        Assert.Equal(1, await CountAuditAsync(app, AuditActions.View, id, officer.Id, AuditOutcome.Success));
        var entry = await app.WithScopeAsync(s => s.GetRequiredService<AriadneDbContext>().AuditEntries
            .SingleAsync(e => e.Action == AuditActions.View && e.TargetId == id.ToString()));
        Assert.Equal(ScreeningService.AuditType, entry.TargetType);
        Assert.Equal(officer.OrganisationId, entry.ActorOrganisationId);
        Assert.DoesNotContain("Market square", entry.Details ?? "", StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- referral

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_adult_who_refuses_is_counted_anonymously_and_nothing_identifying_is_kept_with_the_count(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var screener = await ScreenerAsync(app);
        var (organisation, officer, client) = (screener.Organisation, screener.User, screener.Client);
        var unit = await app.CreateOrganisationAsync(OrganisationType.AntiTraffickingUnit);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var place = $"Lorry park {marker}";
        var statement = $"She said her passport was taken on arrival ({marker}).";
        var nationality = $"Atlantean-{marker}";
        var id = Id(await CreateAsync(client));
        await PutAsync(client, id, Encounter(place, statement, nationality, approximateAge: 30, indicators: ["GEN-06", "LAB-02"]));
        var completed = await ReadScreeningAsync(await client.PostAsync($"/api/v1/screenings/{id}/complete", null));
        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        var before = await AnonymousIdsAsync(app);

        var response = await client.PostAsJsonAsync($"/api/v1/screenings/{id}/referral", new { unitId = unit.Id, consent = ReferralService.ConsentRefused });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("CountedAnonymously", outcome.GetProperty("result").GetString());
        Assert.Empty(outcome.GetProperty("referrals").EnumerateArray());
        await app.WithDbAsync(async db =>
        {
            Assert.False(await db.Referrals.AnyAsync(r => r.ScreeningId == id));
            Assert.False(await db.Referrals.AnyAsync(r => r.ToOrganisationId == unit.Id));
        });

        var added = (await AnonymousIdsAsync(app)).Except(before).ToList();
        var countId = Assert.Single(added);
        var count = await app.WithScopeAsync(s => s.GetRequiredService<AriadneDbContext>().AnonymousNotifications.AsNoTracking()
            .SingleAsync(n => n.Id == countId));
        Assert.Matches(@"^\d{4}-\d{2}$", count.Month);
        Assert.Equal("Adult", count.AgeGroup);
        Assert.Equal("ENC-02", count.IntakeChannel);
        Assert.Equal("Female", count.Gender);
        Assert.Equal(nameof(OrganisationType.FrontlinePolice), count.ReportingOrganisationType);
        Assert.Equal(2, count.IndicatorCount);
        Assert.Equal(new[] { "GEN", "LAB" }, count.IndicatorCategories.Split(' ').Order(StringComparer.Ordinal));

        var everything = string.Join(" | ", typeof(AnonymousNotification).GetProperties()
            .Select(p => Convert.ToString(p.GetValue(count), CultureInfo.InvariantCulture)));
        foreach (var secret in new[]
                 {
                     PersonName, "Maria", "Testperson", place, marker, statement, nationality, id.ToString(), id.ToString("N"),
                     officer.Id.ToString(), officer.UserName, organisation.Id.ToString(), organisation.Name,
                 })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
        }

        // The creation is audited, but not under the count's id: the trail cannot join the count to the officer.
        await app.WithDbAsync(async db =>
        {
            var key = countId.ToString();
            Assert.False(await db.AuditEntries.AnyAsync(a => a.TargetId == key));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.TargetType == nameof(AnonymousNotification) && a.TargetId == null));
        });

        var kept = await GetAsync(client, id);
        Assert.Equal("ReferralDeclined", kept.GetProperty("status").GetString());
        Assert.Equal(PersonName, kept.GetProperty("details").GetProperty("personName").GetString());
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/screenings");
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);

        // The same refusal sent again (a second click, a retried request) does not count the encounter twice.
        var again = await client.PostAsJsonAsync($"/api/v1/screenings/{id}/referral", new { unitId = unit.Id, consent = ReferralService.ConsentRefused });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("CountedAnonymously", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString());
        Assert.Equal(added, (await AnonymousIdsAsync(app)).Except(before).ToList());

        // Refusing is not a closure: the person may still agree later (FC-07).
        var agreed = await client.PostAsJsonAsync($"/api/v1/screenings/{id}/referral", new { unitId = unit.Id, consent = ReferralService.ConsentGiven });
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.Equal("Referred", (await agreed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/screenings/{id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_child_is_referred_to_the_unit_and_the_guardianship_service_whatever_the_consent(string database)
    {
        // An app of its own: which guardianship service serves the area must not depend on other tests' data.
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        using var screener = await ScreenerAsync(app);
        var (officer, client) = (screener.User, screener.Client);
        var unit = await app.CreateOrganisationAsync(OrganisationType.AntiTraffickingUnit);
        using var investigator = await app.SignInAsync(await app.CreateUserAsync(unit, Roles.Investigator));
        var id = Id(await CreateAsync(client));
        await PutAsync(client, id, Encounter("Underpass", "Begging under an adult's watch.", null, approximateAge: 14,
            indicators: ["CHS-02"], suspectedMinor: true));

        // No guardianship service registered yet: nothing is sent, and a child's "refusal" is no way out.
        var refused = await ProblemAssert.IsProblemAsync(
            await client.PostAsJsonAsync($"/api/v1/screenings/{id}/referral", new { unitId = unit.Id, consent = ReferralService.ConsentRefused }),
            HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("guardianshipServiceId", out _));
        Assert.False(refused.GetProperty("errors").TryGetProperty("consent", out _));
        Assert.Equal("Draft", (await GetAsync(client, id)).GetProperty("status").GetString());
        await app.WithDbAsync(async db => Assert.Equal(0, await db.AnonymousNotifications.CountAsync()));

        var guardianship = await app.CreateOrganisationAsync(OrganisationType.Guardianship);
        await app.WithDbAsync(async db =>
        {
            var g = await db.Organisations.SingleAsync(o => o.Id == guardianship.Id);
            g.Area = AreaContacts.National;
            await db.SaveChangesAsync();
        });
        using var guardian = await app.SignInAsync(await app.CreateUserAsync(guardianship, Roles.Guardian));

        var response = await client.PostAsJsonAsync($"/api/v1/screenings/{id}/referral", new { unitId = unit.Id, consent = (string?)null });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Referred", outcome.GetProperty("result").GetString());
        var sent = outcome.GetProperty("referrals").EnumerateArray()
            .ToDictionary(r => r.GetProperty("kind").GetString()!, r => r.GetProperty("toOrganisation").GetString(), StringComparer.Ordinal);
        Assert.Equal(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [nameof(ReferralKind.SpecialisedUnit)] = unit.Name,
            [nameof(ReferralKind.Guardianship)] = guardianship.Name,
        }, sent);
        await app.WithDbAsync(async db =>
        {
            var rows = await db.Referrals.Where(r => r.ScreeningId == id).ToListAsync();
            Assert.Equal(2, rows.Count);
            Assert.All(rows, r => Assert.Equal(ReferralConsent.NotRequiredForChild, r.Consent));
            Assert.All(rows, r => Assert.True(r.PresumedMinor));
            Assert.Equal(0, await db.AnonymousNotifications.CountAsync());
        });

        var guardianQueue = (await guardian.GetFromJsonAsync<JsonElement>("/api/v1/referrals/incoming")).EnumerateArray().ToList();
        var forGuardian = Assert.Single(guardianQueue);
        Assert.Equal(nameof(ReferralKind.Guardianship), forGuardian.GetProperty("kind").GetString());
        Assert.Equal(nameof(ReferralConsent.NotRequiredForChild), forGuardian.GetProperty("consent").GetString());
        Assert.True(forGuardian.GetProperty("presumedMinor").GetBoolean());
        Assert.Equal("Test " + officer.UserName, forGuardian.GetProperty("referredBy").GetString());
        var statement = await guardian.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/incoming/{forGuardian.GetProperty("id").GetGuid()}");
        Assert.Contains("PRESUMED CHILD, UNACCOMPANIED", statement.GetProperty("statement").GetString(), StringComparison.Ordinal);

        var unitQueue = (await investigator.GetFromJsonAsync<JsonElement>("/api/v1/referrals/incoming")).EnumerateArray().ToList();
        Assert.Equal(nameof(ReferralKind.SpecialisedUnit), Assert.Single(unitQueue).GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/screenings/{id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task After_referral_the_case_is_the_units_and_the_referrer_sees_only_its_status(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var screener = await ScreenerAsync(app);
        var (officer, client) = (screener.User, screener.Client);
        var unit = await app.CreateOrganisationAsync(OrganisationType.AntiTraffickingUnit);
        var investigatorUser = await app.CreateUserAsync(unit, Roles.Investigator);
        using var investigator = await app.SignInAsync(investigatorUser);
        var otherUnit = await app.CreateOrganisationAsync(OrganisationType.AntiTraffickingUnit);
        using var otherInvestigator = await app.SignInAsync(await app.CreateUserAsync(otherUnit, Roles.Investigator));
        var statement = $"I found her working in the back kitchen, no papers, afraid to talk ({Guid.NewGuid():N}).";
        var id = Id(await CreateAsync(client));
        await PutAsync(client, id, Encounter("Restaurant kitchen", statement, "Moldovan", approximateAge: 30,
            indicators: ["GEN-09", "LAB-01", "LAB-04"]));

        // An adult's answer must be recorded before anything is sent.
        var noConsent = await ProblemAssert.IsProblemAsync(
            await client.PostAsJsonAsync($"/api/v1/screenings/{id}/referral", new { unitId = unit.Id }), HttpStatusCode.BadRequest);
        Assert.True(noConsent.GetProperty("errors").TryGetProperty("consent", out _));
        // Only a specialised unit receives a referral.
        var notAUnit = await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync($"/api/v1/screenings/{id}/referral",
            new { unitId = screener.Organisation.Id, consent = ReferralService.ConsentGiven }), HttpStatusCode.BadRequest);
        Assert.True(notAUnit.GetProperty("errors").TryGetProperty("unitId", out _));
        Assert.Equal("Draft", (await GetAsync(client, id)).GetProperty("status").GetString());

        var response = await client.PostAsJsonAsync($"/api/v1/screenings/{id}/referral", new { unitId = unit.Id, consent = ReferralService.ConsentGiven });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Referred", outcome.GetProperty("result").GetString());
        var referral = Assert.Single(outcome.GetProperty("referrals").EnumerateArray());
        Assert.Equal(nameof(ReferralKind.SpecialisedUnit), referral.GetProperty("kind").GetString());
        Assert.Equal(unit.Name, referral.GetProperty("toOrganisation").GetString());
        var referralId = referral.GetProperty("id").GetGuid();

        // The referring officer no longer reads the case ...
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/screenings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/screenings/{id}", new { place = "Changed" })).StatusCode);
        Assert.DoesNotContain((await client.GetFromJsonAsync<JsonElement>("/api/v1/screenings")).EnumerateArray(),
            s => s.GetProperty("id").GetGuid() == id);
        // ... only the status of what was sent.
        var sentList = await client.GetStringAsync("/api/v1/referrals/sent");
        var sent = JsonDocument.Parse(sentList).RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == referralId);
        Assert.Equal("Sent", sent.GetProperty("status").GetString());
        foreach (var body in new[] { sentList, await client.GetStringAsync($"/api/v1/referrals/sent/{referralId}") })
        {
            Assert.DoesNotContain(PersonName, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(statement, body, StringComparison.Ordinal);
            Assert.DoesNotContain("back kitchen", body, StringComparison.Ordinal);
        }

        // The unit reads the whole statement, and only that unit.
        var queue = await investigator.GetFromJsonAsync<JsonElement>("/api/v1/referrals/incoming");
        Assert.Contains(queue.EnumerateArray(), r => r.GetProperty("id").GetGuid() == referralId);
        var received = await investigator.GetAsync($"/api/v1/referrals/incoming/{referralId}");
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        var text = (await received.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statement").GetString();
        Assert.Contains(PersonName, text, StringComparison.Ordinal);
        Assert.Contains(statement, text, StringComparison.Ordinal);
        Assert.Contains("Test " + officer.UserName, text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherInvestigator.GetAsync($"/api/v1/referrals/incoming/{referralId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherInvestigator.PostAsync($"/api/v1/referrals/incoming/{referralId}/acknowledge", null)).StatusCode);
        Assert.Equal("Sent", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/sent/{referralId}")).GetProperty("status").GetString());

        var acknowledged = await investigator.PostAsync($"/api/v1/referrals/incoming/{referralId}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var ack = await acknowledged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Acknowledged", ack.GetProperty("status").GetString());
        Assert.Equal("Test " + investigatorUser.UserName, ack.GetProperty("acknowledgedBy").GetString());

        var seen = await client.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/sent/{referralId}");
        Assert.Equal("Acknowledged", seen.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, seen.GetProperty("acknowledgedAt").ValueKind);
    }

    // ---------------------------------------------------------------- retention

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Drafts_nobody_came_back_to_are_purged_and_completed_screenings_are_kept(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var screener = await ScreenerAsync(app);
        var client = screener.Client;
        var stale = Id(await CreateAsync(client, new { place = "Forgotten", indicators = Ticks("GEN-01", "LAB-01") }));
        await ReadScreeningAsync(await client.PostAsync($"/api/v1/screenings/{stale}/actions/R-ACT-01", null));
        await ReadScreeningAsync(await client.PostAsJsonAsync($"/api/v1/screenings/{stale}/information-sheets", new { language = "en" }));
        var completed = Id(await CreateAsync(client, Encounter("Bus depot", "Statement", null, approximateAge: 40, indicators: ["GEN-01"])));
        await ReadScreeningAsync(await client.PostAsync($"/api/v1/screenings/{completed}/complete", null));
        var recent = Id(await CreateAsync(client, new { place = "Just now" }));
        var longAgo = DateTime.UtcNow.AddDays(-30);
        await app.WithDbAsync(db => db.Screenings.Where(s => s.Id == stale || s.Id == completed)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.UpdatedAt, longAgo)));

        var removed = await app.WithScopeAsync(s => s.GetRequiredService<DraftPurge>().RunAsync());

        Assert.True(removed >= 1, $"{removed} drafts removed");
        await app.WithDbAsync(async db =>
        {
            Assert.False(await db.Screenings.AnyAsync(s => s.Id == stale));
            Assert.False(await db.Set<ScreeningIndicator>().AnyAsync(i => i.ScreeningId == stale));
            Assert.False(await db.Set<ScreeningAction>().AnyAsync(a => a.ScreeningId == stale));
            Assert.False(await db.Set<InformationSheetGiven>().AnyAsync(i => i.ScreeningId == stale));
            Assert.True(await db.Screenings.AnyAsync(s => s.Id == completed));
            Assert.True(await db.Screenings.AnyAsync(s => s.Id == recent));
        });
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/screenings/{stale}")).StatusCode);
        Assert.Equal("Completed", (await GetAsync(client, completed)).GetProperty("status").GetString());
        Assert.Equal(1, await app.AuditCountAsync(AuditActions.Delete, stale.ToString()));
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>A frontline officer of a new police unit, signed in to the API.</summary>
    private sealed record Screener(Organisation Organisation, TestUser User, HttpClient Client) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private static async Task<Screener> ScreenerAsync(AriadneAppFactory app)
    {
        var organisation = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
        var user = await app.CreateUserAsync(organisation, Roles.FrontlineOfficer);
        return new Screener(organisation, user, await app.SignInAsync(user));
    }

    /// <summary>A complete encounter, ready to be completed and referred.</summary>
    private static object Encounter(string place, string statement, string? nationality, int approximateAge, string[] indicators,
        bool suspectedMinor = false) => new
    {
        intakeChannel = "ENC-02",
        place,
        encounteredAt = DateTimeOffset.UtcNow.AddHours(-3),
        colleaguePresent = "Officer Second",
        nameKind = "Name",
        personName = PersonName,
        approximateAge,
        suspectedMinor,
        gender = "Female",
        nationality,
        indicators = Ticks(indicators),
        statement,
    };

    private static object[] Ticks(params string[] ids) => ids.Select(id => (object)new { id }).ToArray();

    private static Guid Id(JsonElement screening) => screening.GetProperty("id").GetGuid();

    private static JsonElement Assessment(JsonElement screening) => screening.GetProperty("assessment");

    private static JsonElement? Advice(JsonElement screening, string key) =>
        Find(Assessment(screening).GetProperty("advice"), "key", key);

    private static JsonElement? Action(JsonElement screening, string id) =>
        Find(Assessment(screening).GetProperty("actions"), "id", id);

    private static JsonElement? Find(JsonElement array, string property, string value)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (item.GetProperty(property).GetString() == value)
            {
                return item;
            }
        }
        return null;
    }

    private static async Task<JsonElement> CreateAsync(HttpClient client, object? body = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/screenings", body ?? new { });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadScreeningAsync(response);
    }

    private static async Task<JsonElement> PutAsync(HttpClient client, Guid id, object body) =>
        await ReadScreeningAsync(await client.PutAsJsonAsync($"/api/v1/screenings/{id}", body));

    private static async Task<JsonElement> GetAsync(HttpClient client, Guid id) =>
        await ReadScreeningAsync(await client.GetAsync($"/api/v1/screenings/{id}"));

    /// <summary>Reads a screening answer; whatever it says, it never says "not a victim" (R-IND-01).</summary>
    private static async Task<JsonElement> ReadScreeningAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        var screening = JsonDocument.Parse(body).RootElement;
        var outcome = Assessment(screening);
        Assert.Contains(outcome.GetProperty("outcome").GetString(),
            new[] { "NoIndicatorsRecorded", "IndicatorsPresentAssessFurther", "PresumedVictim" });
        Assert.DoesNotContain("not a victim", outcome.GetProperty("outcomeText").GetString(), StringComparison.OrdinalIgnoreCase);
        return screening;
    }

    private static Task<int> CountAuditAsync(AriadneAppFactory app, string action, Guid target, Guid actor, AuditOutcome outcome) =>
        app.WithScopeAsync(s => s.GetRequiredService<AriadneDbContext>().AuditEntries
            .CountAsync(e => e.Action == action && e.TargetId == target.ToString() && e.ActorUserId == actor && e.Outcome == outcome));

    private static Task<List<Guid>> AnonymousIdsAsync(AriadneAppFactory app) =>
        app.WithScopeAsync(s => s.GetRequiredService<AriadneDbContext>().AnonymousNotifications
            .Select(n => n.Id).ToListAsync());
}
