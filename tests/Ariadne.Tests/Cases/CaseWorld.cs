using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Cases;

/// <summary>One member of one organisation, signed in to the API with a real token.</summary>
public sealed class Member(Organisation organisation, TestUser user, HttpClient client) : IDisposable
{
    public Organisation Organisation { get; } = organisation;
    public TestUser User { get; } = user;
    public HttpClient Client { get; private set; } = client;
    public string DisplayName => "Test " + User.UserName;

    /// <summary>Signs in again: after the clock moved, the old token may have expired.</summary>
    public async Task RenewAsync(AriadneAppFactory app)
    {
        var fresh = await app.SignInAsync(User);
        Client.Dispose();
        Client = fresh;
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>A case opened through the API, with what identifies the person (to look for in answers).</summary>
public sealed record OpenedCase(Guid Id, string Reference, Guid ReferralId, string PersonName, string Nationality, bool Child);

/// <summary>
/// The organisations of the referral mechanism, each with one member signed in, and cases opened the way they
/// are in practice: a frontline officer screens and refers, the unit opens the case from the referral.
/// Everything goes through the API; nothing is written to the database directly.
/// </summary>
public sealed class CaseWorld : IDisposable
{
    private readonly List<Member> _members = [];

    private CaseWorld(AriadneAppFactory app) => App = app;

    public AriadneAppFactory App { get; }
    public string Marker { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>Frontline police: screens and refers.</summary>
    public Member Police { get; private set; } = null!;
    /// <summary>The specialised anti-trafficking unit that receives the referral and owns the case.</summary>
    public Member Unit { get; private set; } = null!;
    /// <summary>A victim-support organisation that runs a shelter.</summary>
    public Member Support { get; private set; } = null!;
    /// <summary>The guardianship service notified of a child.</summary>
    public Member Guardianship { get; private set; } = null!;
    public Member Prosecution { get; private set; } = null!;
    public Member Coordinator { get; private set; } = null!;
    /// <summary>Another specialised unit (another region): invited, or receiving a handover.</summary>
    public Member OtherUnit { get; private set; } = null!;

    public static async Task<CaseWorld> CreateAsync(AriadneAppFactory app)
    {
        var world = new CaseWorld(app);
        world.Police = await world.MemberAsync(OrganisationType.FrontlinePolice, Roles.FrontlineOfficer);
        world.Unit = await world.MemberAsync(OrganisationType.AntiTraffickingUnit, Roles.Investigator);
        world.Support = await world.MemberAsync(OrganisationType.VictimSupport, Roles.SupportWorker);
        world.Guardianship = await world.MemberAsync(OrganisationType.Guardianship, Roles.Guardian);
        world.Prosecution = await world.MemberAsync(OrganisationType.Prosecution, Roles.Prosecutor);
        world.Coordinator = await world.MemberAsync(OrganisationType.NationalReferralCoordinator, Roles.Coordinator);
        world.OtherUnit = await world.MemberAsync(OrganisationType.AntiTraffickingUnit, Roles.Investigator);
        return world;
    }

    /// <summary>A new organisation of that type with one signed-in member holding the role.</summary>
    public async Task<Member> MemberAsync(OrganisationType type, string role)
    {
        var organisation = await App.CreateOrganisationAsync(type);
        var user = await App.CreateUserAsync(organisation, role);
        var member = new Member(organisation, user, await App.SignInAsync(user));
        _members.Add(member);
        return member;
    }

    /// <summary>Every member signs in again (after the fake clock moved on).</summary>
    public async Task RenewAsync()
    {
        foreach (var member in _members)
        {
            await member.RenewAsync(App);
        }
    }

    /// <summary>An adult referred, with consent, by <see cref="Police"/> or by another screening organisation.</summary>
    public Task<OpenedCase> OpenAdultCaseAsync(Member? referrer = null) => OpenAsync(child: false, referrer ?? Police);

    /// <summary>A presumed child, referred to the unit and, whatever the consent, to <see cref="Guardianship"/>.</summary>
    public Task<OpenedCase> OpenChildCaseAsync() => OpenAsync(child: true, Police);

    /// <summary>
    /// An adult referred as a suspect (R-TR-01): the officer found signs of an offence and did not (yet) presume a victim.
    /// </summary>
    public Task<OpenedCase> OpenSuspectCaseAsync() => OpenAsync(child: false, Police, suspect: true);

    private async Task<OpenedCase> OpenAsync(bool child, Member referrer, bool suspect = false)
    {
        var referral = await ReferAsync(child, referrer, suspect);
        var opened = await OkAsync(await Unit.Client.PostAsJsonAsync("/api/v1/cases", new { referralId = referral.ReferralId }));
        Assert.Equal("Intake", opened.GetProperty("stage").GetString());
        Assert.Equal(child, opened.GetProperty("child").GetBoolean());
        return new OpenedCase(opened.GetProperty("id").GetGuid(), opened.GetProperty("reference").GetString()!, referral.ReferralId,
            referral.PersonName, referral.Nationality, child);
    }

    /// <summary>A screening referred to <see cref="Unit"/> (and a child's to <see cref="Guardianship"/>), with no case opened yet.</summary>
    public async Task<(Guid ReferralId, string Reference, string PersonName, string Nationality)> ReferAsync(bool child, Member? referrer = null,
        bool suspect = false)
    {
        referrer ??= Police;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var name = $"Amina Testperson-{suffix}";
        var nationality = $"Ruritanian-{suffix}";
        var officer = referrer.Client;
        var created = await OkAsync(await officer.PostAsJsonAsync("/api/v1/screenings", new { }));
        var screeningId = created.GetProperty("id").GetGuid();
        await OkAsync(await officer.PutAsJsonAsync($"/api/v1/screenings/{screeningId}", new
        {
            intakeChannel = "ENC-02",
            place = "Lorry park",
            encounteredAt = App.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(-3),
            colleaguePresent = "Officer Second",
            nameKind = "Name",
            personName = name,
            approximateAge = child ? 14 : 30,
            suspectedMinor = child,
            gender = "Female",
            nationality,
            indicators = (child ? new[] { "CHS-02" } : ["GEN-09", "LAB-01", "LAB-04"]).Select(id => new { id }).ToArray(),
            statement = "Found working in a kitchen with no papers; afraid to talk.",
            presumedVictim = !suspect,
            offenderFlag = suspect,
            suspectedOffence = suspect ? "Working without a permit, false papers" : null,
        }));
        var referred = await OkAsync(await officer.PostAsJsonAsync($"/api/v1/screenings/{screeningId}/referral", child
            ? new { unitId = Unit.Organisation.Id, consent = (string?)null, guardianshipServiceId = (Guid?)Guardianship.Organisation.Id }
            : new { unitId = Unit.Organisation.Id, consent = (string?)ReferralService.ConsentGiven, guardianshipServiceId = (Guid?)null }));
        Assert.Equal("Referred", referred.GetProperty("result").GetString());
        var unitReferral = referred.GetProperty("referrals").EnumerateArray()
            .Single(r => r.GetProperty("kind").GetString() == nameof(ReferralKind.SpecialisedUnit));
        return (unitReferral.GetProperty("id").GetGuid(), unitReferral.GetProperty("reference").GetString()!, name, nationality);
    }

    // ---------------------------------------------------------------- steps on a case, each asserted to succeed

    public static async Task<JsonElement> DetailAsync(HttpClient client, Guid caseId) =>
        await OkAsync(await client.GetAsync($"/api/v1/cases/{caseId}"));

    public static Task<HttpResponseMessage> TransitionAsync(HttpClient client, Guid caseId, string trigger, string? reason = null,
        string? closureReason = null, int? extensionDays = null, string? outcome = null, string? earlyDecisionReason = null) =>
        client.PostAsJsonAsync($"/api/v1/cases/{caseId}/transitions",
            new { trigger, reason, closureReason, extensionDays, outcome, earlyDecisionReason });

    public static async Task<JsonElement> MoveAsync(HttpClient client, Guid caseId, string trigger, string? reason = null,
        string? earlyDecisionReason = null) =>
        await OkAsync(await TransitionAsync(client, caseId, trigger, reason, earlyDecisionReason: earlyDecisionReason));

    /// <summary>The reason given for a conclusive decision taken while the reflection period still runs (L4).</summary>
    public const string EarlyDecision = "The person asked for the decision now; the period runs on.";

    /// <summary>
    /// Assessment, a positive reasonable-grounds decision, a positive conclusive decision taken early (the reflection
    /// period still runs): the case is in recovery.
    /// </summary>
    public async Task MoveToRecoveryAsync(OpenedCase c)
    {
        await MoveAsync(Unit.Client, c.Id, "StartAssessment");
        await MoveAsync(Unit.Client, c.Id, "ReasonableGroundsPositive", "Indicators of labour exploitation confirmed");
        var recovery = await MoveAsync(Unit.Client, c.Id, "ConclusivePositive", "Trafficking established", EarlyDecision);
        Assert.Equal("Recovery", recovery.GetProperty("stage").GetString());
    }

    public async Task AppointGuardianAsync(OpenedCase c, Organisation? service = null) =>
        await OkAsync(await Unit.Client.PutAsJsonAsync($"/api/v1/cases/{c.Id}/guardian",
            new { guardianshipOrganisationId = (service ?? Guardianship.Organisation).Id, guardianName = "Jo Guardian" }));

    public async Task InviteAsync(Guid caseId, Organisation organisation) =>
        await OkAsync(await Unit.Client.PostAsJsonAsync($"/api/v1/cases/{caseId}/participants", new { organisationId = organisation.Id }));

    public async Task<Guid> ConsentAsync(Guid caseId, string purpose, Organisation recipient, HttpClient? by = null) =>
        (await OkAsync(await (by ?? Unit.Client).PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", new
        {
            purpose, recipientOrganisationId = recipient.Id, documentVersion = "IS-en-2026-1", rolesExplained = true, explainedToPerson = true,
        }))).GetProperty("id").GetGuid();

    public async Task<Guid> ProposeAsync(Guid caseId, string service, Organisation provider) =>
        (await OkAsync(await Unit.Client.PostAsJsonAsync($"/api/v1/cases/{caseId}/services",
            new { service, providerOrganisationId = provider.Id, note = "Proposed in a test" }))).GetProperty("id").GetGuid();

    public static async Task<Guid> AssessRiskAsync(HttpClient client, Guid caseId, string purpose, bool riskIdentified) =>
        (await OkAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/risk-assessments", new
        {
            purpose,
            threatToPerson = riskIdentified ? "High" : "Low",
            threatToFamily = riskIdentified ? "High" : "Low",
            reTrafficking = riskIdentified ? "Medium" : "Low",
            riskIdentified,
            summary = riskIdentified ? "The recruiters know the family's address." : "No threat found.",
            reviewer = "Senior officer Review",
        }))).GetProperty("id").GetGuid();

    /// <summary>Reads a success answer, failing with the status and body otherwise.</summary>
    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public void Dispose()
    {
        foreach (var member in _members)
        {
            member.Dispose();
        }
    }
}
