using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Checks;
using Ariadne.Web.Features.Consent;
using Ariadne.Web.Features.Indicators;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Safety;
using Ariadne.Web.Features.Screenings;
using Ariadne.Web.Features.Support;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Security;

/// <summary>
/// Every API endpoint of the route table × every role × own and other organisation, plus anonymous.
/// The expected access is written out here, in one table: an endpoint added without a row fails.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private enum Subject
    {
        None,
        Organisation,
        User,
        /// <summary>A draft screening of the target organisation, made by one of its screeners.</summary>
        Screening,
        /// <summary>A screening of its own for the referral row: referring hands it over, so it is used once.</summary>
        ScreeningToRefer,
        /// <summary>A referral sent by the target organisation.</summary>
        SentReferral,
        /// <summary>A referral received by the target organisation (own), or by another unit (other).</summary>
        IncomingReferral,
        /// <summary>
        /// A case in which the target organisation has the part its type has in practice: a unit owns it, a police
        /// organisation, border guard or labour inspectorate referred it, a support organisation runs its shelter
        /// placement, a guardianship service is the (presumed) child's guardian, the prosecution was invited. The
        /// coordinator has no part and sees every case through oversight. Its services, placement, consent, safety
        /// action and statement fill the other route parameters.
        /// </summary>
        Case,
        /// <summary>A case another unit owns and is handing over to the target organisation (when it is one that can own cases).</summary>
        CaseHandedOver,
        /// <summary>
        /// A submitted intelligence report of the target organisation, by its first member, coded "only within originating
        /// agency/force" and under special handling: its unit sees it, nobody outside does.
        /// </summary>
        Intelligence,
        /// <summary>A draft sanitised version of that report, written by the same member: its unit's analysts and supervisors see it.</summary>
        Sanitised,
        /// <summary>An intelligence check asked by the target organisation's first member for a case: only its asker re-runs it.</summary>
        Check,
    }

    /// <summary>Records that belong to the target organisation: another organisation's must stay invisible (404).</summary>
    private sealed record Records(Guid Screening, Guid ScreeningToRefer, Guid SentReferral, Guid IncomingReferral, Guid Unit, Guid Support,
        CaseRecords Case, Guid Intelligence, Guid Sanitised, Guid Check);

    private sealed record CaseRecords(Guid Case, Guid Proposal, Guid Placement, Guid Consent, Guid SafetyAction, Guid Document,
        Guid RiskAssessment, Guid HandedOverCase, Guid Handover);

    private sealed record Target(Organisation Organisation, TestUser Member, Records Records);

    private sealed record Rule(string Method, string Route, Subject Subject, Func<string, bool, bool> Allowed,
        Func<Target, object>? Body = null, string Query = "");

    private static bool Everyone(string role, bool own) => true;
    private static bool AdministratorOnly(string role, bool own) => role == Roles.Administrator;
    private static bool AuditReaders(string role, bool own) => role is Roles.Administrator or Roles.Coordinator;
    private static bool AccountManagers(string role, bool own) =>
        role == Roles.Administrator || (role == Roles.OrganisationAdministrator && own);
    private static bool Screeners(string role, bool own) => Policies.ScreeningRoles.Contains(role);
    private static bool OwnScreeners(string role, bool own) => own && Policies.ScreeningRoles.Contains(role);
    private static bool Intake(string role, bool own) => Policies.IntakeRoles.Contains(role);
    private static bool OwnIntake(string role, bool own) => own && Policies.IntakeRoles.Contains(role);

    // Cases: the Cases policy lets every case role in; then the organisation's part in the case decides (see Subject.Case),
    // and an organisation without a part gets 404. The role fixes the organisation's type here, so it fixes the part.
    private static bool CaseWorkers(string role, bool own) => Policies.CaseRoles.Contains(role);
    private static bool CaseReaders(string role, bool own) => Policies.CaseRoles.Contains(role) && (own || role == Roles.Coordinator);
    private static bool CaseOwner(string role, bool own) => own && role == Roles.Investigator;
    // Issue 12 item 6: the owner looks for the same person in other cases; the coordinator oversees every case.
    private static bool CaseOwnerOrCoordinator(string role, bool own) => CaseOwner(role, own) || role == Roles.Coordinator;
    private static bool CaseOwnerOrGuardian(string role, bool own) => own && role is Roles.Investigator or Roles.Guardian;
    private static bool CaseOwnerSupportOrGuardian(string role, bool own) =>
        own && role is Roles.Investigator or Roles.SupportWorker or Roles.Guardian;
    private static bool ChildsGuardian(string role, bool own) => own && role == Roles.Guardian;
    private static bool ServiceProvider(string role, bool own) => own && role == Roles.SupportWorker;
    private static bool HandoverReceiver(string role, bool own) =>
        own && role is Roles.Investigator or Roles.SupportWorker or Roles.Guardian or Roles.Coordinator;
    private static bool Coordinators(string role, bool own) => role == Roles.Coordinator;
    private static bool ShelterKeepers(string role, bool own) => role == Roles.SupportWorker;

    // Intelligence (issue 10): the roles of §1.3 reach the API; the report of the target organisation is seen by its own unit only.
    private static bool IntelligenceUsers(string role, bool own) => IntelligencePermissions.ApiRoles.Contains(role);
    private static bool IntelligenceWriters(string role, bool own) =>
        role is Roles.FrontlineOfficer or Roles.BorderGuard or Roles.LabourInspector or Roles.Investigator or Roles.IntelligenceAnalyst
            or Roles.DisseminationSupervisor or Roles.FinancialInvestigator;
    private static bool OwnIntelligenceUsers(string role, bool own) => own && IntelligenceUsers(role, own);
    private static bool OwnIntelligenceWriters(string role, bool own) => own && IntelligenceWriters(role, own);
    private static bool OwnEvaluators(string role, bool own) => own && role is Roles.IntelligenceAnalyst or Roles.Investigator;
    private static bool OwnSupervisors(string role, bool own) => own && role == Roles.DisseminationSupervisor;
    private static bool OwnAnalysts(string role, bool own) =>
        own && role is Roles.Investigator or Roles.IntelligenceAnalyst or Roles.DisseminationSupervisor or Roles.FinancialInvestigator;
    private static bool ThematicReaders(string role, bool own) => SanitisedPermissions.ReaderRoles.Contains(role);
    // Exchange (issue 13): HTCDS for the coordinator and the roles that own or guard cases; CTDC for the coordinator; FtM/MISP for the
    // intelligence roles, each report then decided by the dissemination policy (here: already in the recipient's organisation, 400).
    private static bool CaseExporters(string role, bool own) => role is Roles.Coordinator or Roles.Investigator or Roles.Guardian;
    // Statistics (issue 13): the coordinator, and the analysts and supervisors for the thematic section; no organisation data.
    private static bool StatisticsReaders(string role, bool own) => role is Roles.Coordinator or Roles.IntelligenceAnalyst or Roles.DisseminationSupervisor;
    // Checks (issue 12): the configured checking roles; a stored check is re-run by its asker only, approved by the originator only.
    private static bool Checkers(string role, bool own) => CheckRules.DefaultRoles.Contains(role);
    private static bool Nobody(string role, bool own) => false;
    private static bool Supervisors(string role, bool own) => role == Roles.DisseminationSupervisor;
    private static bool Analysts(string role, bool own) => role is Roles.DisseminationSupervisor or Roles.IntelligenceAnalyst;

    private static object ScreeningBody() => new
    {
        intakeChannel = "ENC-02", place = "Matrix place", encounteredAt = DateTimeOffset.UtcNow.AddHours(-1),
        statement = "Matrix statement", indicators = new[] { new { id = "GEN-01" } },
    };

    private static readonly Rule[] Expected =
    [
        new("GET", "/api/v1/auth/me", Subject.None, Everyone),
        new("GET", "/api/v1/organisations", Subject.None, Everyone),
        new("GET", "/api/v1/organisations/{id:guid}", Subject.Organisation, Everyone),
        new("POST", "/api/v1/organisations", Subject.None, AdministratorOnly,
            _ => new { name = "Matrix " + Guid.NewGuid().ToString("N")[..10], type = "BorderGuard" }),
        new("PUT", "/api/v1/organisations/{id:guid}", Subject.Organisation, AdministratorOnly,
            t => new { name = t.Organisation.Name, type = t.Organisation.Type.ToString(), area = "Matrix area" }),
        new("GET", "/api/v1/organisations/{organisationId:guid}/users", Subject.Organisation, AccountManagers),
        new("POST", "/api/v1/organisations/{organisationId:guid}/users", Subject.Organisation, AccountManagers,
            t => new
            {
                userName = "m-" + Guid.NewGuid().ToString("N")[..12], displayName = "Matrix", password = "matrix password 1",
                roles = new[] { t.Organisation.Type.AssignableRoles()[0] },
            }),
        new("GET", "/api/v1/users/{id:guid}", Subject.User, AccountManagers),
        new("PUT", "/api/v1/users/{id:guid}", Subject.User, AccountManagers, _ => new { displayName = "Matrix renamed" }),
        new("POST", "/api/v1/users/{id:guid}/unlock", Subject.User, AccountManagers),
        new("POST", "/api/v1/users/{id:guid}/reset-two-factor", Subject.User, AccountManagers),
        new("GET", "/api/v1/audit", Subject.None, AuditReaders, Query: "?pageSize=5"),
        new("GET", "/api/v1/audit/export", Subject.None, AuditReaders, Query: "?reason=Authorization%20matrix%20check&from=2999-01-01"),
        new("POST", "/api/v1/audit/verify", Subject.None, AdministratorOnly),
        new("GET", "/api/v1/indicators", Subject.None, Everyone),
        new("GET", "/api/v1/information-sheets", Subject.None, Screeners),
        new("GET", "/api/v1/information-sheets/{language}", Subject.None, Screeners),
        new("GET", "/api/v1/screenings", Subject.None, Screeners),
        new("POST", "/api/v1/screenings", Subject.None, Screeners, _ => ScreeningBody()),
        new("GET", "/api/v1/screenings/{id:guid}", Subject.Screening, OwnScreeners),
        new("PUT", "/api/v1/screenings/{id:guid}", Subject.Screening, OwnScreeners, _ => ScreeningBody()),
        new("POST", "/api/v1/screenings/{id:guid}/complete", Subject.Screening, OwnScreeners),
        new("POST", "/api/v1/screenings/{id:guid}/actions/{actionId}", Subject.Screening, OwnScreeners),
        new("POST", "/api/v1/screenings/{id:guid}/information-sheets", Subject.Screening, OwnScreeners, _ => new { language = "en" }),
        new("POST", "/api/v1/screenings/{id:guid}/referral", Subject.ScreeningToRefer, OwnScreeners,
            t => new { unitId = t.Records.Unit, consent = ReferralService.ConsentGiven }),
        new("GET", "/api/v1/referrals/sent", Subject.None, Screeners),
        new("GET", "/api/v1/referrals/sent/{id:guid}", Subject.SentReferral, OwnScreeners),
        new("GET", "/api/v1/referrals/incoming", Subject.None, Intake),
        new("GET", "/api/v1/referrals/incoming/{id:guid}", Subject.IncomingReferral, OwnIntake),
        new("POST", "/api/v1/referrals/incoming/{id:guid}/acknowledge", Subject.IncomingReferral, OwnIntake),

        new("GET", "/api/v1/cases", Subject.None, CaseWorkers),
        new("POST", "/api/v1/cases", Subject.None, CaseWorkers, t => new { referralId = t.Records.IncomingReferral }),
        new("GET", "/api/v1/cases/dashboard", Subject.None, Coordinators),
        new("GET", "/api/v1/cases/handovers", Subject.None, CaseWorkers),
        new("GET", "/api/v1/cases/{id:guid}", Subject.Case, CaseReaders),
        new("GET", "/api/v1/cases/{id:guid}/timeline", Subject.Case, CaseReaders),
        new("GET", "/api/v1/cases/{id:guid}/duplicates", Subject.Case, CaseOwnerOrCoordinator),
        new("POST", "/api/v1/cases/{id:guid}/transitions", Subject.Case, CaseOwner, _ => new { trigger = "StartAssessment" }),
        new("PUT", "/api/v1/cases/{id:guid}/owner", Subject.Case, CaseOwner, t => new { userId = t.Member.Id }),
        // Only the owner hands over; the coordinator oversees but does not take cases over (issue 9 item 6).
        new("POST", "/api/v1/cases/{id:guid}/handovers", Subject.Case, CaseOwner,
            t => new { toOrganisationId = t.Records.Unit, reason = "Matrix handover" }),
        new("POST", "/api/v1/cases/{id:guid}/handovers/{handoverId:guid}/response", Subject.CaseHandedOver, HandoverReceiver,
            _ => new { accept = false, reason = "Matrix decline" }),
        new("POST", "/api/v1/cases/{id:guid}/participants", Subject.Case, CaseOwner, t => new { organisationId = t.Records.Unit }),
        new("POST", "/api/v1/cases/{id:guid}/status-changes", Subject.Case, CaseOwner, _ => new { presumedVictim = true, reason = "" }),
        new("POST", "/api/v1/cases/{id:guid}/services", Subject.Case, CaseOwner,
            t => new { service = "SVC-02", providerOrganisationId = t.Records.Support }),
        new("POST", "/api/v1/cases/{id:guid}/services/{serviceId:guid}/{decision}", Subject.Case, ServiceProvider,
            _ => new { reason = "Matrix" }),
        new("POST", "/api/v1/cases/{id:guid}/placements", Subject.Case, ServiceProvider,
            t => new { proposalId = t.Records.Case.Proposal, shelterId = Guid.NewGuid(), riskAssessmentId = t.Records.Case.RiskAssessment }),
        new("POST", "/api/v1/cases/{id:guid}/placements/{placementId:guid}/end", Subject.Case, ServiceProvider),
        new("POST", "/api/v1/cases/{id:guid}/consents", Subject.Case, CaseOwnerOrGuardian, t => new
        {
            purpose = "Statements", recipientOrganisationId = t.Records.Support, documentVersion = "MX-1", rolesExplained = true,
            explainedToPerson = true,
        }),
        new("POST", "/api/v1/cases/{id:guid}/consents/{consentId:guid}/withdraw", Subject.Case, CaseOwnerOrGuardian,
            _ => new { note = "Matrix" }),
        new("PUT", "/api/v1/cases/{id:guid}/guardian", Subject.Case, CaseOwnerOrGuardian,
            t => new { guardianshipOrganisationId = t.Organisation.Id, guardianName = "Matrix guardian" }),
        new("POST", "/api/v1/cases/{id:guid}/guardian/acknowledge", Subject.Case, ChildsGuardian),
        new("POST", "/api/v1/cases/{id:guid}/age-assessments", Subject.Case, CaseOwnerOrGuardian, _ => new { method = "Matrix" }),
        new("POST", "/api/v1/cases/{id:guid}/child-interviews", Subject.Case, CaseOwnerOrGuardian, _ => new
        {
            heldAt = DateTime.UtcNow.AddHours(-1), venue = "PolicePremises", venueDescription = "Matrix", interviewerName = "Matrix",
            guardianPresent = "Matrix",
        }),
        new("PUT", "/api/v1/cases/{id:guid}/disposition", Subject.Case, CaseOwnerOrGuardian,
            _ => new { consultedParties = new[] { "Matrix" }, summary = "Matrix" }),
        new("POST", "/api/v1/cases/{id:guid}/risk-assessments", Subject.Case, CaseOwnerSupportOrGuardian, _ => new { purpose = "Matrix" }),
        new("PUT", "/api/v1/cases/{id:guid}/return-plan", Subject.Case, CaseOwner,
            t => new { organiser = "RET-04", riskAssessmentId = t.Records.Case.RiskAssessment }),
        new("PUT", "/api/v1/cases/{id:guid}/safety-coordinator", Subject.Case, CaseOwner, t => new { userId = t.Member.Id }),
        new("POST", "/api/v1/cases/{id:guid}/safety-actions", Subject.Case, CaseOwner, _ => new { description = "Matrix action" }),
        new("PUT", "/api/v1/cases/{id:guid}/safety-actions/{actionId:guid}", Subject.Case, CaseOwner, _ => new { status = "Done" }),
        new("POST", "/api/v1/cases/{id:guid}/meetings", Subject.Case, CaseOwnerSupportOrGuardian, _ => new { venue = "Matrix" }),
        new("POST", "/api/v1/cases/{id:guid}/documents", Subject.Case, CaseOwnerOrGuardian, _ => new { title = "", content = "" }),
        new("GET", "/api/v1/cases/{id:guid}/documents/{documentId:guid}", Subject.Case, CaseOwnerOrGuardian),
        new("GET", "/api/v1/shelters", Subject.None, ShelterKeepers),
        new("POST", "/api/v1/shelters", Subject.None, ShelterKeepers,
            _ => new { name = "Matrix " + Guid.NewGuid().ToString("N")[..10], type = "FlightShelter", address = "Matrix address" }),
        new("GET", "/api/v1/intelligence", Subject.None, IntelligenceUsers),
        // Prosecutors and support workers read within the handling code but write nothing: 403.
        new("POST", "/api/v1/intelligence", Subject.None, IntelligenceWriters, _ => new { freeText = "Matrix draft" }),
        new("GET", "/api/v1/intelligence/filters", Subject.None, IntelligenceUsers),
        new("GET", "/api/v1/intelligence/{id:guid}", Subject.Intelligence, OwnIntelligenceUsers),
        new("GET", "/api/v1/intelligence/{id:guid}/export", Subject.Intelligence, OwnIntelligenceUsers),
        // Already submitted: 409 (a submitted report is not rewritten) for whoever may see it.
        new("PUT", "/api/v1/intelligence/{id:guid}", Subject.Intelligence, OwnIntelligenceUsers, _ => new { freeText = "Matrix rewrite" }),
        // Already submitted: 409 for whoever may see it, which is what "allowed" checks (not 401/403/404).
        new("POST", "/api/v1/intelligence/{id:guid}/submit", Subject.Intelligence, OwnIntelligenceUsers),
        new("POST", "/api/v1/intelligence/{id:guid}/evaluations", Subject.Intelligence, OwnEvaluators,
            _ => new { system = "FiveByFiveByFive", source5 = "Untested", intelligence5 = "CannotBeJudged" }),
        new("POST", "/api/v1/intelligence/{id:guid}/handling", Subject.Intelligence, OwnSupervisors,
            _ => new { handling5 = "NoFurtherDisseminationReferToOriginator", reason = "Matrix" }),
        new("PUT", "/api/v1/intelligence/{id:guid}/risk-assessment", Subject.Intelligence, OwnIntelligenceWriters, _ => new { text = "Matrix risk" }),
        new("POST", "/api/v1/intelligence/{id:guid}/risk-assessment/approval", Subject.Intelligence, OwnSupervisors),
        new("POST", "/api/v1/intelligence/{id:guid}/dissemination-approval", Subject.Intelligence, OwnSupervisors),
        new("GET", "/api/v1/intelligence/{id:guid}/access-log", Subject.Intelligence, OwnIntelligenceUsers),
        new("POST", "/api/v1/intelligence/{id:guid}/sanitised", Subject.Intelligence, OwnAnalysts, _ => new { }),
        new("POST", "/api/v1/intelligence/{id:guid}/disseminations", Subject.Intelligence, OwnAnalysts,
            t => new { organisationId = t.Organisation.Id, reason = "Matrix" }),
        new("GET", "/api/v1/intelligence/received", Subject.None, IntelligenceUsers),
        new("GET", "/api/v1/intelligence/sanitised", Subject.None, ThematicReaders),
        new("GET", "/api/v1/intelligence/sanitised/{id:guid}", Subject.Sanitised, OwnAnalysts),
        new("PUT", "/api/v1/intelligence/sanitised/{id:guid}", Subject.Sanitised, OwnAnalysts, _ => new { summary = "Matrix thematic summary" }),
        new("POST", "/api/v1/intelligence/sanitised/{id:guid}/release", Subject.Sanitised, OwnSupervisors),
        new("POST", "/api/v1/exchange/htcds", Subject.None, CaseExporters, _ => new { format = "csv" }),
        new("POST", "/api/v1/exchange/ctdc/export", Subject.None, Coordinators, _ => new { k = 11 }),
        // The body is JSON, not a CTDC file: 400 with the header's problems for the coordinator.
        new("POST", "/api/v1/exchange/ctdc/imports", Subject.None, Coordinators, _ => new { file = "not csv" }),
        // Any id: an import that is not the caller's is "waiting", like one that does not exist.
        new("GET", "/api/v1/exchange/ctdc/imports/{id:guid}/progress", Subject.Organisation, Coordinators),
        new("GET", "/api/v1/exchange/ctdc/reference/{variable}", Subject.None, Coordinators),
        new("POST", "/api/v1/exchange/intelligence/ftm", Subject.None, IntelligenceUsers,
            t => new { reportIds = new[] { t.Records.Intelligence }, recipientOrganisationId = t.Organisation.Id, reason = "Matrix" }),
        new("POST", "/api/v1/exchange/intelligence/misp", Subject.None, IntelligenceUsers,
            t => new { reportIds = new[] { t.Records.Intelligence }, recipientOrganisationId = t.Organisation.Id, reason = "Matrix" }),
        new("GET", "/api/v1/statistics", Subject.None, StatisticsReaders),
        new("GET", "/api/v1/statistics/figures/{id}", Subject.None, StatisticsReaders, Query: "?from=2999-01-01&to=2999-01-02"),
        new("GET", "/api/v1/statistics/figures/{id}/csv", Subject.None, StatisticsReaders, Query: "?from=2999-01-01&to=2999-01-02"),
        new("POST", "/api/v1/checks", Subject.None, Checkers, _ => new
        {
            identifiers = new[] { new { kind = "phone", value = "+32 470 00 00 00" } }, purpose = "Matrix", caseReference = "C-MX",
            acknowledgeWarning = true,
        }),
        new("GET", "/api/v1/checks", Subject.None, IntelligenceUsers),
        new("POST", "/api/v1/checks/{id:guid}/run", Subject.Check, Nobody),
        new("GET", "/api/v1/checks/approvals", Subject.None, IntelligenceUsers),
        new("POST", "/api/v1/checks/{id:guid}/approval", Subject.Check, Nobody),
        new("GET", "/api/v1/checks/on-our-material", Subject.None, IntelligenceUsers),
        new("GET", "/api/v1/checks/review", Subject.None, Supervisors),
        new("GET", "/api/v1/checks/new-links", Subject.None, Checkers),
        new("POST", "/api/v1/checks/cross-reference/run", Subject.None, Analysts),
        new("GET", "/api/v1/links", Subject.None, Checkers, Query: "?entity=Phone:%2B32470000000"),
        new("GET", "/api/v1/jurisdiction", Subject.None, Everyone),
        // An invalid profile (a reflection period below the Convention's 30 days): refused, so the shared app keeps its rules.
        new("PUT", "/api/v1/jurisdiction", Subject.None, AdministratorOnly, _ => new { name = "Matrix", minimumReflectionDays = 10 }),
    ];

    /// <summary>Endpoints anyone may call: checked separately, they answer without a token.</summary>
    private static readonly string[] Public = ["POST /api/v1/auth/token"];

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_api_endpoint_has_a_row_and_states_its_policy(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var endpoints = ApiEndpoints(app);

        var documented = Expected.Select(r => $"{r.Method} {r.Route}").Concat(Public).ToHashSet(StringComparer.Ordinal);
        var missing = endpoints.Keys.Where(k => !documented.Contains(k)).ToList();
        var stale = documented.Where(k => !endpoints.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a row in the authorization matrix: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Matrix rows for endpoints that no longer exist: " + string.Join(", ", stale));

        foreach (var (key, endpoint) in endpoints)
        {
            var isPublic = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var hasPolicy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy));
            Assert.True(isPublic ? Public.Contains(key) : hasPolicy, $"{key} must state a policy (or be listed as public)");
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_endpoint_against_every_role_in_own_and_other_organisation(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var unit = await app.CreateOrganisationAsync(OrganisationType.AntiTraffickingUnit);
        var otherUnit = await app.CreateOrganisationAsync(OrganisationType.AntiTraffickingUnit);
        var otherOrganisation = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
        var otherMember = await app.CreateUserAsync(otherOrganisation, Roles.FrontlineOfficer);
        var support = await app.CreateOrganisationAsync(OrganisationType.VictimSupport);
        // The other organisation's referral went to another unit: an investigator of the own unit must not see it.
        var other = await TargetAsync(app, otherOrganisation, otherMember, otherUnit, receivedBy: otherUnit,
            sender: (otherOrganisation, otherMember), support);
        var failures = new List<string>();
        var checkedCount = 0;

        using (var anonymous = app.CreateClient())
        {
            foreach (var rule in Expected)
            {
                var response = await SendAsync(anonymous, rule, other);
                if (response.StatusCode != HttpStatusCode.Unauthorized
                    || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"anonymous {rule.Method} {rule.Route}: {(int)response.StatusCode}, expected 401 problem");
                }
                checkedCount++;
            }
            var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { });
            if (token.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"anonymous POST /api/v1/auth/token with no credentials: {(int)token.StatusCode}, expected 400");
            }
        }

        foreach (var role in Roles.All)
        {
            var type = role == Roles.OrganisationAdministrator
                ? OrganisationType.FrontlinePolice
                : OrganisationTypes.All.First(t => t.AssignableRoles().Contains(role));
            var ownOrganisation = await app.CreateOrganisationAsync(type);
            var own = await TargetAsync(app, ownOrganisation, await app.CreateUserAsync(ownOrganisation, type.AssignableRoles()[0]),
                unit, receivedBy: ownOrganisation, sender: (otherOrganisation, otherMember), support);
            using var client = await app.SignInAsync(await app.CreateUserAsync(ownOrganisation, role));

            foreach (var rule in Expected)
            {
                foreach (var (target, isOwn) in rule.Subject == Subject.None ? [(own, true)] : new[] { (own, true), (other, false) })
                {
                    var response = await SendAsync(client, rule, target);
                    var status = (int)response.StatusCode;
                    var allowed = rule.Allowed(role, isOwn);
                    // A role that may use the record in its own organisation is refused another's as if it did not exist.
                    var hidden = !allowed && IsRecord(rule.Subject) && rule.Allowed(role, true);
                    var ok = allowed
                        ? status is not (401 or 403 or 404) && status < 500
                        : hidden ? status == 404 : status is 403 or 404;
                    if (!ok)
                    {
                        failures.Add($"{role} {(isOwn ? "own" : "other")} {rule.Method} {rule.Route}: {status}, expected {(allowed ? "allowed" : hidden ? "404" : "403/404")}" +
                                     (status >= 400 ? " " + await response.Content.ReadAsStringAsync() : ""));
                    }
                    checkedCount++;
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCount} checks failed:\n" + string.Join('\n', failures));
        Assert.True(checkedCount >= Expected.Length * (Roles.All.Count + 1), $"only {checkedCount} checks ran");
    }

    private static bool IsRecord(Subject subject) =>
        subject is Subject.Screening or Subject.ScreeningToRefer or Subject.SentReferral or Subject.IncomingReferral or Subject.Case
            or Subject.CaseHandedOver or Subject.Intelligence or Subject.Sanitised or Subject.Check;

    /// <summary>
    /// The target organisation with its records, written straight to the database (the API for them is what is
    /// under test): a draft screening, one to refer, a referral it sent to <paramref name="unit"/> and one
    /// received by <paramref name="receivedBy"/> from <paramref name="sender"/>, and its case (<see cref="Subject.Case"/>).
    /// </summary>
    private static async Task<Target> TargetAsync(AriadneAppFactory app, Organisation organisation, TestUser member,
        Organisation unit, Organisation receivedBy, (Organisation Organisation, TestUser Officer) sender, Organisation support)
    {
        var version = app.Services.GetRequiredService<IndicatorCatalogue>().Current.Version;
        var now = DateTime.UtcNow;
        Screening NewScreening(Organisation owner, TestUser officer, ScreeningStatus status) => new()
        {
            OrganisationId = owner.Id, OfficerUserId = officer.Id, OfficerName = "Matrix officer", CatalogueVersion = version,
            Status = status, CreatedAt = now, UpdatedAt = now, IntakeChannel = "ENC-02", Place = "Matrix place",
            EncounteredAt = now.AddHours(-1), Statement = "Matrix statement",
        };
        Referral NewReferral(Screening screening, Organisation to) => new()
        {
            Reference = "R-MX-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(), ScreeningId = screening.Id,
            FromOrganisationId = screening.OrganisationId, ToOrganisationId = to.Id, ReferredByUserId = screening.OfficerUserId,
            ReferredByName = screening.OfficerName, ReferredAt = now, Consent = ReferralConsent.Given, StatementText = "Matrix statement",
        };

        var draft = NewScreening(organisation, member, ScreeningStatus.Draft);
        var toRefer = NewScreening(organisation, member, ScreeningStatus.Draft);
        var sentScreening = NewScreening(organisation, member, ScreeningStatus.Referred);
        var receivedScreening = NewScreening(sender.Organisation, sender.Officer, ScreeningStatus.Referred);
        var sent = NewReferral(sentScreening, unit);
        var received = NewReferral(receivedScreening, receivedBy);
        await app.WithDbAsync(async db =>
        {
            db.Screenings.AddRange(draft, toRefer, sentScreening, receivedScreening);
            db.Referrals.AddRange(sent, received);
            await db.SaveChangesAsync();
        });
        var intelligence = new IntelligenceReport
        {
            Reference = "INT-MX-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), OriginatorOrganisationId = organisation.Id,
            AuthorUserId = member.Id, AuthorName = "Matrix", CreatedAt = now, SubmittedAt = now, Status = ReportStatus.Submitted,
            FreeText = "Matrix intelligence",
        };
        intelligence.SetGrading(Grading.FiveByFiveByFive(FiveFiveFiveSource.MostlyReliable, FiveFiveFiveIntelligence.CannotBeJudged,
            FiveFiveFiveHandling.OnlyWithinOriginatingAgency, specialHandling: true));
        var sanitised = new SanitisedVersion
        {
            Reference = "THM-MX-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), SourceReportId = intelligence.Id,
            OriginatorOrganisationId = organisation.Id, AuthorUserId = member.Id, AuthorName = "Matrix", AuthorOrganisationId = organisation.Id,
            CreatedAt = now, Status = SanitisedStatus.Draft, Title = "Matrix theme", Summary = "Matrix thematic summary", Period = "2026-12",
        };
        var check = new IntelligenceCheck
        {
            AskedByUserId = member.Id, AskedByName = "Matrix", OrganisationId = organisation.Id, AskedAt = now, Purpose = "Matrix",
            ForCaseReference = "C-MX", Handling = "none (made for a case)", Query = "{}", Status = CheckStatus.Answered,
        };
        await app.WithDbAsync(async db =>
        {
            db.IntelligenceReports.Add(intelligence);
            await db.SaveChangesAsync();
            db.SanitisedVersions.Add(sanitised);
            db.IntelligenceChecks.Add(check);
            await db.SaveChangesAsync();
        });
        return new Target(organisation, member, new Records(draft.Id, toRefer.Id, sent.Id, received.Id, unit.Id, support.Id,
            await CaseOfAsync(app, organisation, unit, support), intelligence.Id, sanitised.Id, check.Id));
    }

    /// <summary>The target organisation's case (<see cref="Subject.Case"/>) and one handed over to it, written straight to the database.</summary>
    private static async Task<CaseRecords> CaseOfAsync(AriadneAppFactory app, Organisation organisation, Organisation unit, Organisation support)
    {
        var protector = app.Services.GetRequiredService<CaseProtector>();
        var now = DateTime.UtcNow;
        var type = organisation.Type;
        Case NewCase(Guid owner) => new()
        {
            Reference = "C-MX-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), OpenedAt = now, OpenedByName = "Matrix",
            StageChangedAt = now, OwnerOrganisationId = owner, OwnerName = "Matrix", LastActivityAt = now, DecisionTargetAt = now.AddDays(7),
            NextDueAt = now.AddDays(7), NextDueWhat = "Reasonable-grounds decision", PersonName = "Matrix Person", ExploitationForms = "EXP-LAB",
            Participants = [new CaseParticipant { OrganisationId = owner, Kind = ParticipantKind.Owner, AddedAt = now }],
        };
        var owner = type == OrganisationType.AntiTraffickingUnit ? organisation.Id : unit.Id;
        var provider = type == OrganisationType.VictimSupport ? organisation.Id : support.Id;
        var c = NewCase(owner);
        ParticipantKind? part = type switch
        {
            OrganisationType.FrontlinePolice or OrganisationType.BorderGuard or OrganisationType.LabourInspectorate => ParticipantKind.Referrer,
            OrganisationType.VictimSupport => ParticipantKind.Support,
            OrganisationType.Guardianship => ParticipantKind.Guardian,
            OrganisationType.Prosecution => ParticipantKind.Invited,
            OrganisationType.AntiTraffickingUnit or OrganisationType.NationalReferralCoordinator or OrganisationType.Administration => null,
            _ => throw new ArgumentOutOfRangeException(nameof(organisation), type, null),
        };
        if (part is { } kind)
        {
            c.Participants.Add(new CaseParticipant { OrganisationId = organisation.Id, Kind = kind, AddedAt = now });
        }
        if (provider != organisation.Id)
        {
            c.Participants.Add(new CaseParticipant { OrganisationId = provider, Kind = ParticipantKind.Support, AddedAt = now });
        }
        if (type == OrganisationType.Guardianship)
        {
            c.AgeStatus = AgeStatus.PresumedMinor;
            c.GuardianOrganisationId = organisation.Id;
            c.GuardianName = "Matrix guardian";
            c.GuardianAppointedAt = now;
        }
        var proposal = new ServiceProposal
        {
            CaseId = c.Id, ServiceCode = SupportWork.Lodging, ProviderOrganisationId = provider, ProposedByOrganisationId = owner,
            ProposedByName = "Matrix", ProposedAt = now,
        };
        var risk = new RiskAssessment
        {
            CaseId = c.Id, Purpose = RiskPurpose.ShelterPlacement, Summary = "Matrix", ReviewerName = "Matrix", AssessedAt = now,
            AssessedByName = "Matrix", OrganisationId = provider,
        };
        var shelter = new Shelter
        {
            OrganisationId = provider, Name = "Matrix shelter " + Guid.NewGuid().ToString("N")[..10], Type = ShelterType.FlightShelter,
            AddressCipher = protector.ProtectAddress("Matrix address"),
        };
        var placement = new ShelterPlacement
        {
            CaseId = c.Id, ShelterId = shelter.Id, ProposalId = proposal.Id, RiskAssessmentId = risk.Id, StartedAt = now, PlacedByName = "Matrix",
        };
        var consent = new ConsentRecord
        {
            CaseId = c.Id, Purpose = ConsentPurpose.PersonalData, RecipientOrganisationId = support.Id, DocumentVersion = "MX-1",
            RolesExplained = true, GivenAt = now, RecordedByName = "Matrix", RecordedByOrganisationId = owner,
            GivenBy = c.IsChild ? ConsentGiver.Guardian : ConsentGiver.Person,
        };
        var action = new SafetyAction { CaseId = c.Id, Description = "Matrix action", CreatedAt = now, RecordedByName = "Matrix" };
        var document = new CaseDocument
        {
            CaseId = c.Id, Kind = DocumentKind.Statement, Title = "Matrix statement", ContentCipher = protector.ProtectDocument("Matrix statement"),
            RecordedAt = now, RecordedByName = "Matrix", RecordedByOrganisationId = owner,
        };
        // A handover to the organisation is possible only to one that can own cases; otherwise there is none to answer.
        var handedOver = c;
        CaseHandover? handover = null;
        if (CaseService.CanOwnCases(type))
        {
            handedOver = NewCase(unit.Id);
            handedOver.Participants.Add(new CaseParticipant { OrganisationId = organisation.Id, Kind = ParticipantKind.HandoverReceiver, AddedAt = now });
            handover = new CaseHandover
            {
                CaseId = handedOver.Id, FromOrganisationId = unit.Id, ToOrganisationId = organisation.Id, Reason = "Matrix", RequestedAt = now,
                RequestedByName = "Matrix",
            };
        }
        await app.WithDbAsync(async db =>
        {
            db.Cases.Add(c);
            if (handover is not null)
            {
                db.Cases.Add(handedOver);
                db.Handovers.Add(handover);
            }
            db.ServiceProposals.Add(proposal);
            db.RiskAssessments.Add(risk);
            db.Shelters.Add(shelter);
            db.Placements.Add(placement);
            db.Consents.Add(consent);
            db.SafetyActions.Add(action);
            db.CaseDocuments.Add(document);
            await db.SaveChangesAsync();
        });
        return new CaseRecords(c.Id, proposal.Id, placement.Id, consent.Id, action.Id, document.Id, risk.Id, handedOver.Id,
            handover?.Id ?? Guid.NewGuid());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Rule rule, Target target)
    {
        var path = RouteParameter().Replace(rule.Route, parameter => parameter.Value switch
        {
            "{language}" => "en",
            "{variable}" => "gender",
            // A thematic figure: every statistics role may open it (the sections' table is tested on its own).
            "{id}" when rule.Route.StartsWith("/api/v1/statistics/", StringComparison.Ordinal) => "thematic-by-form",
            "{actionId}" => MandatoryActions.AlertUnit,
            "{decision}" => "accept",
            "{serviceId:guid}" => target.Records.Case.Proposal.ToString(),
            "{placementId:guid}" => target.Records.Case.Placement.ToString(),
            "{consentId:guid}" => target.Records.Case.Consent.ToString(),
            "{actionId:guid}" => target.Records.Case.SafetyAction.ToString(),
            "{documentId:guid}" => target.Records.Case.Document.ToString(),
            "{handoverId:guid}" => target.Records.Case.Handover.ToString(),
            _ => (rule.Subject switch
            {
                Subject.Organisation => target.Organisation.Id,
                Subject.User => target.Member.Id,
                Subject.Screening => target.Records.Screening,
                Subject.ScreeningToRefer => target.Records.ScreeningToRefer,
                Subject.SentReferral => target.Records.SentReferral,
                Subject.IncomingReferral => target.Records.IncomingReferral,
                Subject.Case => target.Records.Case.Case,
                Subject.CaseHandedOver => target.Records.Case.HandedOverCase,
                Subject.Intelligence => target.Records.Intelligence,
                Subject.Sanitised => target.Records.Sanitised,
                Subject.Check => target.Records.Check,
                Subject.None => throw new InvalidOperationException($"{rule.Route} has a parameter but no subject"),
                _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Subject, null),
            }).ToString(),
        }) + rule.Query;
        var request = new HttpRequestMessage(new HttpMethod(rule.Method), path);
        if (rule.Body is not null)
        {
            request.Content = JsonContent.Create(rule.Body(target));
        }
        return client.SendAsync(request);
    }

    private static Dictionary<string, RouteEndpoint> ApiEndpoints(AriadneAppFactory app)
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var result = new Dictionary<string, RouteEndpoint>(StringComparer.Ordinal);
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (!route.StartsWith("/api/", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
            {
                result[$"{method} {route}"] = endpoint;
            }
        }
        return result;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
