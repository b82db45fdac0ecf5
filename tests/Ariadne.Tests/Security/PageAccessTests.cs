using System.Net;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Screenings;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Tests.Security;

/// <summary>The pages × every role × own/other organisation, through the real cookie sign-in.</summary>
public sealed class PageAccessTests
{
    private enum Access
    {
        Allowed,
        Refused,
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_page_against_every_role(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var otherOrganisation = await app.CreateOrganisationAsync(OrganisationType.BorderGuard);
        var stranger = await app.CreateUserAsync(otherOrganisation, Roles.BorderGuard);
        var strangerScreening = await ScreeningOfAsync(app, otherOrganisation, stranger);
        var strangerUnit = await app.CreateOrganisationAsync(OrganisationType.AntiTraffickingUnit);
        var strangerReferral = await ReferralAsync(app, await ScreeningOfAsync(app, otherOrganisation, stranger), strangerUnit, stranger);
        var strangerCase = await CaseOfAsync(app, strangerUnit);
        var strangerReport = await ReportOfAsync(app, otherOrganisation, stranger);
        var failures = new List<string>();

        foreach (var role in Roles.All)
        {
            var type = role == Roles.OrganisationAdministrator
                ? OrganisationType.FrontlinePolice
                : OrganisationTypes.All.First(t => t.AssignableRoles().Contains(role));
            var organisation = await app.CreateOrganisationAsync(type);
            var colleague = await app.CreateUserAsync(organisation, type.AssignableRoles()[0]);
            using var client = await app.SignInToPagesAsync(await app.CreateUserAsync(organisation, role));
            var admin = role == Roles.Administrator;
            var screener = Policies.ScreeningRoles.Contains(role);
            var intake = Policies.IntakeRoles.Contains(role);
            var ownScreening = await ScreeningOfAsync(app, organisation, colleague);
            var accountManager = admin || role == Roles.OrganisationAdministrator;
            var caseWorker = Policies.CaseRoles.Contains(role);
            var coordinator = role == Roles.Coordinator;
            var intelligence = Ariadne.Web.Features.Intelligence.IntelligencePermissions.ApiRoles.Contains(role);
            var ownReport = await ReportOfAsync(app, organisation, colleague);

            var pages = new (string Url, Access Expected)[]
            {
                ("/", Access.Allowed),
                ("/Organisations", Access.Allowed),
                ("/Accounts/Security", Access.Allowed),
                ("/Organisations/Edit", admin ? Access.Allowed : Access.Refused),
                ($"/Organisations/Edit?id={otherOrganisation.Id}", admin ? Access.Allowed : Access.Refused),
                ("/Accounts/Users", accountManager ? Access.Allowed : Access.Refused),
                ($"/Accounts/Users?organisationId={otherOrganisation.Id}", admin ? Access.Allowed : Access.Refused),
                ($"/Accounts/Users/Edit?id={colleague.Id}", accountManager ? Access.Allowed : Access.Refused),
                ($"/Accounts/Users/Edit?id={stranger.Id}", admin ? Access.Allowed : Access.Refused),
                ("/Audit", admin || role == Roles.Coordinator ? Access.Allowed : Access.Refused),
                ("/Screenings", screener ? Access.Allowed : Access.Refused),
                ($"/Screenings/Edit?id={ownScreening.Id}", screener ? Access.Allowed : Access.Refused),
                ($"/Screenings/Guidance?id={ownScreening.Id}", screener ? Access.Allowed : Access.Refused),
                ($"/Screenings/Statement?id={ownScreening.Id}", screener ? Access.Allowed : Access.Refused),
                ($"/Screenings/Edit?id={strangerScreening.Id}", Access.Refused),
                ($"/Screenings/Guidance?id={strangerScreening.Id}", Access.Refused),
                ($"/Screenings/Statement?id={strangerScreening.Id}", Access.Refused),
                ("/InformationSheets/Print?language=ar", screener ? Access.Allowed : Access.Refused),
                ("/Referrals", intake ? Access.Allowed : Access.Refused),
                ("/Referrals/Sent", screener ? Access.Allowed : Access.Refused),
                ($"/Referrals/View?id={strangerReferral.Id}", Access.Refused),
                ("/Cases", caseWorker ? Access.Allowed : Access.Refused),
                ("/Cases?scope=organisation", caseWorker ? Access.Allowed : Access.Refused),
                ("/Cases/Dashboard", coordinator ? Access.Allowed : Access.Refused),
                ("/Statistics", Ariadne.Web.Features.Statistics.StatisticsPermissions.ReaderRoles.Contains(role) ? Access.Allowed : Access.Refused),
                ("/Statistics/Annual?year=2026", Ariadne.Web.Features.Statistics.StatisticsPermissions.ReaderRoles.Contains(role) ? Access.Allowed : Access.Refused),
                // The national coordinator oversees every case (de-personalised); nobody else sees a case they have no part in.
                ($"/Cases/View?id={strangerCase.Id}", coordinator ? Access.Allowed : Access.Refused),
                ($"/Cases/Document?id={strangerCase.Id}&documentId={Guid.NewGuid()}", Access.Refused),
                ("/Intelligence", intelligence ? Access.Allowed : Access.Refused),
                // Its own unit's report, coded "only within originating agency/force"; another organisation's is not found.
                ($"/Intelligence/View?id={ownReport}", intelligence ? Access.Allowed : Access.Refused),
                ($"/Intelligence/View?id={strangerReport}", Access.Refused),
                ("/Exchange", role is Roles.Coordinator or Roles.Investigator or Roles.Guardian ? Access.Allowed : Access.Refused),
                ("/Exchange/CtdcImport", coordinator ? Access.Allowed : Access.Refused),
                ("/Exchange/Intelligence", intelligence ? Access.Allowed : Access.Refused),
            };
            foreach (var (url, expected) in pages)
            {
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                var refused = response.StatusCode == HttpStatusCode.NotFound
                              || (response.StatusCode == HttpStatusCode.Redirect
                                  && new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath == "/Accounts/AccessDenied");
                var actual = response.StatusCode == HttpStatusCode.OK ? Access.Allowed : refused ? Access.Refused : (Access?)null;
                if (actual != expected)
                {
                    failures.Add($"{role} GET {url}: {(int)response.StatusCode} {response.Headers.Location}, expected {expected}");
                }
                if (expected == Access.Refused && (body.Contains(stranger.UserName, StringComparison.Ordinal)
                                                   || body.Contains("Page Matrix Person", StringComparison.Ordinal)))
                {
                    failures.Add($"{role} GET {url}: refused page still shows another organisation's account");
                }
                if (url.StartsWith("/Cases/View", StringComparison.Ordinal) && body.Contains("Page Matrix Person", StringComparison.Ordinal))
                {
                    failures.Add($"{role} GET {url}: the identity of a person in a case the organisation has no part in is shown");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static async Task<Guid> ReportOfAsync(AriadneAppFactory app, Organisation organisation, TestUser author)
    {
        var report = new Ariadne.Web.Features.Intelligence.IntelligenceReport
        {
            Reference = "INT-PG-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), OriginatorOrganisationId = organisation.Id,
            AuthorUserId = author.Id, AuthorName = "Page Matrix", CreatedAt = DateTime.UtcNow, SubmittedAt = DateTime.UtcNow,
            Status = Ariadne.Web.Features.Intelligence.ReportStatus.Submitted, FreeText = "Page Matrix Person",
        };
        report.SetGrading(Ariadne.Web.Features.Intelligence.Grading.FiveByFiveByFive(Ariadne.Web.Features.Intelligence.FiveFiveFiveSource.Untested,
            Ariadne.Web.Features.Intelligence.FiveFiveFiveIntelligence.CannotBeJudged,
            Ariadne.Web.Features.Intelligence.FiveFiveFiveHandling.OnlyWithinOriginatingAgency));
        await app.WithDbAsync(async db =>
        {
            db.IntelligenceReports.Add(report);
            await db.SaveChangesAsync();
        });
        return report.Id;
    }

    private static async Task<Screening> ScreeningOfAsync(AriadneAppFactory app, Organisation organisation, TestUser officer)
    {
        var screening = new Screening
        {
            OrganisationId = organisation.Id, OfficerUserId = officer.Id, OfficerName = officer.UserName, CatalogueVersion = "1",
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, NameKind = NameKind.Name, PersonName = "Page Matrix Person",
        };
        await app.WithDbAsync(async db =>
        {
            db.Screenings.Add(screening);
            await db.SaveChangesAsync();
        });
        return screening;
    }

    private static async Task<Case> CaseOfAsync(AriadneAppFactory app, Organisation owner)
    {
        var now = DateTime.UtcNow;
        var c = new Case
        {
            Reference = "C-TEST-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), OpenedAt = now, OpenedByName = "Page Matrix",
            StageChangedAt = now, OwnerOrganisationId = owner.Id, LastActivityAt = now, DecisionTargetAt = now.AddDays(7),
            PersonName = "Page Matrix Person",
        };
        c.Participants.Add(new CaseParticipant { CaseId = c.Id, OrganisationId = owner.Id, Kind = ParticipantKind.Owner, AddedAt = now });
        await app.WithDbAsync(async db =>
        {
            db.Cases.Add(c);
            await db.SaveChangesAsync();
        });
        return c;
    }

    private static async Task<Referral> ReferralAsync(AriadneAppFactory app, Screening screening, Organisation to, TestUser officer)
    {
        var referral = new Referral
        {
            Reference = "R-TEST-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), ScreeningId = screening.Id,
            FromOrganisationId = screening.OrganisationId, ToOrganisationId = to.Id, ReferredByUserId = officer.Id,
            ReferredByName = officer.UserName, ReferredAt = DateTime.UtcNow, StatementText = "== Referral ==\nPage Matrix Person",
        };
        await app.WithDbAsync(async db =>
        {
            // Changed as read from the database: a detached copy attached with Update would carry no version (ADR 0008).
            screening.Status = ScreeningStatus.Referred;
            (await db.Screenings.SingleAsync(s => s.Id == screening.Id)).Status = ScreeningStatus.Referred;
            db.Referrals.Add(referral);
            await db.SaveChangesAsync();
        });
        return referral;
    }
}
