using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Indicators;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Screenings;
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
    }

    /// <summary>Records that belong to the target organisation: another organisation's must stay invisible (404).</summary>
    private sealed record Records(Guid Screening, Guid ScreeningToRefer, Guid SentReferral, Guid IncomingReferral, Guid Unit);

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
        // The other organisation's referral went to another unit: an investigator of the own unit must not see it.
        var other = await TargetAsync(app, otherOrganisation, otherMember, otherUnit, receivedBy: otherUnit,
            sender: (otherOrganisation, otherMember));
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
                unit, receivedBy: ownOrganisation, sender: (otherOrganisation, otherMember));
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
        subject is Subject.Screening or Subject.ScreeningToRefer or Subject.SentReferral or Subject.IncomingReferral;

    /// <summary>
    /// The target organisation with its records, written straight to the database (the API for them is what is
    /// under test): a draft screening, one to refer, a referral it sent to <paramref name="unit"/> and one
    /// received by <paramref name="receivedBy"/> from <paramref name="sender"/>.
    /// </summary>
    private static async Task<Target> TargetAsync(AriadneAppFactory app, Organisation organisation, TestUser member,
        Organisation unit, Organisation receivedBy, (Organisation Organisation, TestUser Officer) sender)
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
        return new Target(organisation, member, new Records(draft.Id, toRefer.Id, sent.Id, received.Id, unit.Id));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Rule rule, Target target)
    {
        var path = RouteParameter().Replace(rule.Route, parameter => parameter.Value switch
        {
            "{language}" => "en",
            "{actionId}" => MandatoryActions.AlertUnit,
            _ => (rule.Subject switch
            {
                Subject.Organisation => target.Organisation.Id,
                Subject.User => target.Member.Id,
                Subject.Screening => target.Records.Screening,
                Subject.ScreeningToRefer => target.Records.ScreeningToRefer,
                Subject.SentReferral => target.Records.SentReferral,
                Subject.IncomingReferral => target.Records.IncomingReferral,
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
