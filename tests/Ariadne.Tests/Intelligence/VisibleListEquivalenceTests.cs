using System.Security.Claims;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Intelligence;

/// <summary>
/// Issue 10 item 10: the list selects in SQL, by the stored audience, exactly the reports the one visibility rule
/// (<see cref="IntelligenceFacts.Visible"/> with <see cref="DisseminationPolicy"/>) lets a viewer see. Every grading of the policy's
/// table (each handling code with and without its conditions, 3x5x2 P and C, 4x4, drafts) × special handling (none, waiting,
/// cleared) × originators (home police unit of a force, EU unit, an organisation whose country is not stated, a non-EU
/// partner) × viewer kinds (the table's recipients in every role reach) is written through EF as the service writes, and the
/// SQL set must equal the set the rule allows, report for report.
/// </summary>
public sealed class VisibleListEquivalenceTests
{
    private sealed record Viewer(string Kind, Organisation Organisation, ClaimsPrincipal User);

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_sql_narrowed_set_equals_the_set_the_policy_allows_for_every_grading_originator_and_viewer(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        var settings = app.Services.GetRequiredService<IntelligenceSettings>().SpecialHandling;

        var force = await Org(app, OrganisationType.FrontlinePolice, "BE");
        var homeUnit = await Org(app, OrganisationType.FrontlinePolice, "BE", force.Id);
        var euUnit = await Org(app, OrganisationType.AntiTraffickingUnit, "DE");
        var unstated = await Org(app, OrganisationType.LabourInspectorate, Countries.NotStated, category: RecipientCategory.LawEnforcement);
        var partner = await Org(app, OrganisationType.ForeignLiaisonPartner, "UA", category: RecipientCategory.LawEnforcement);
        Organisation[] originators = [homeUnit, euUnit, unstated, partner];

        var viewers = new List<Viewer>
        {
            V("originating unit, officer", homeUnit, Roles.FrontlineOfficer),
            V("originating unit, investigator", homeUnit, Roles.Investigator),
            V("force itself, investigator", force, Roles.Investigator),
            V("force itself, supervisor", force, Roles.DisseminationSupervisor),
            V("force itself, frontline officer", force, Roles.FrontlineOfficer),
            V("same force unit, analyst", await Org(app, OrganisationType.AntiTraffickingUnit, "BE", force.Id), Roles.IntelligenceAnalyst),
            V("other force at home, investigator", await Org(app, OrganisationType.AntiTraffickingUnit, "be"), Roles.Investigator),
            V("other force at home, supervisor", await Org(app, OrganisationType.AntiTraffickingUnit, "BE"), Roles.DisseminationSupervisor),
            V("border guard at home, border guard", await Org(app, OrganisationType.BorderGuard, "BE"), Roles.BorderGuard),
            V("customs at home, financial investigator", await Org(app, OrganisationType.Customs, "BE"), Roles.FinancialInvestigator),
            V("EU police, analyst", await Org(app, OrganisationType.FrontlinePolice, "DE"), Roles.IntelligenceAnalyst),
            V("EU police in the EU unit's country, analyst", await Org(app, OrganisationType.FrontlinePolice, "DE"), Roles.IntelligenceAnalyst),
            V("prosecutor at home", await Org(app, OrganisationType.Prosecution, "BE"), Roles.Prosecutor),
            V("prosecutor in the EU", await Org(app, OrganisationType.Prosecution, "FR"), Roles.Prosecutor),
            V("support at home", await Org(app, OrganisationType.VictimSupport, "BE"), Roles.SupportWorker),
            V("support in the EU", await Org(app, OrganisationType.VictimSupport, "DE"), Roles.SupportWorker),
            V("support, country not stated", await Org(app, OrganisationType.VictimSupport, Countries.NotStated), Roles.SupportWorker),
            V("guardianship at home, support worker", await Org(app, OrganisationType.Guardianship, "BE"), Roles.SupportWorker),
            V("guardianship at home, guardian", await Org(app, OrganisationType.Guardianship, "BE"), Roles.Guardian),
            V("labour inspectorate as law enforcement, investigator",
                await Org(app, OrganisationType.LabourInspectorate, "BE", category: RecipientCategory.LawEnforcement), Roles.Investigator),
            V("labour inspectorate as non-prosecuting, support worker",
                await Org(app, OrganisationType.LabourInspectorate, "BE", category: RecipientCategory.NonProsecuting), Roles.SupportWorker),
            V("labour inspectorate without a category, analyst", await Org(app, OrganisationType.LabourInspectorate, "BE"), Roles.IntelligenceAnalyst),
            V("non-EU partner as law enforcement, analyst", partner, Roles.IntelligenceAnalyst),
            V("non-EU partner as prosecutor",
                await Org(app, OrganisationType.ForeignLiaisonPartner, "UA", category: RecipientCategory.Prosecuting), Roles.Prosecutor),
            V("non-EU partner as non-prosecuting",
                await Org(app, OrganisationType.ForeignLiaisonPartner, "NO", category: RecipientCategory.NonProsecuting), Roles.SupportWorker),
            V("partner without a category, analyst", await Org(app, OrganisationType.ForeignLiaisonPartner, "UA"), Roles.IntelligenceAnalyst),
            V("country not stated unit, investigator", unstated, Roles.Investigator),
            V("prosecution with a police category, prosecutor",
                await Org(app, OrganisationType.Prosecution, "BE", category: RecipientCategory.LawEnforcement), Roles.Prosecutor),
            V("administration, administrator", await Org(app, OrganisationType.Administration, "BE"), Roles.Administrator),
            V("coordinator, coordinator", await Org(app, OrganisationType.NationalReferralCoordinator, "BE"), Roles.Coordinator),
        };

        var written = 0;
        var cleared = 0;
        await app.WithDbAsync(async db =>
        {
            foreach (var originator in originators)
            {
                foreach (var (grading, status) in Gradings())
                {
                    foreach (var special in new[] { Special.None, Special.Waiting, Special.Cleared })
                    {
                        if (special != Special.None && grading is null)
                        {
                            continue;
                        }
                        var report = Report(originator, grading, status, special, ++written);
                        db.IntelligenceReports.Add(report);
                        if (special == Special.Cleared
                            && SpecialHandling.Status(settings, report.SpecialHandlingFacts(originator.EffectiveAgencyId)).Cleared)
                        {
                            cleared++;
                        }
                    }
                }
            }
            await db.SaveChangesAsync();
        });
        await app.WithDbAsync(AssertCountsKeptAsync);
        // Without cleared reports the table would not be covered.
        Assert.Equal(originators.Length * Gradings().Count(g => g.Grading is not null), cleared);

        var everyone = new HashSet<Guid>();
        await app.WithDbAsync(async db =>
        {
            var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id);
            var reports = await db.IntelligenceReports.AsNoTracking().ToListAsync();
            Assert.Equal(written, reports.Count);
            foreach (var viewer in viewers)
            {
                var expected = reports
                    .Where(r => IntelligenceAccess.Facts(viewer.User, new LoadedReport(r, organisations[r.OriginatorOrganisationId], viewer.Organisation),
                        settings).Visible)
                    .Select(r => r.Reference).Order(StringComparer.Ordinal).ToList();
                var selected = await db.IntelligenceReports.AsNoTracking()
                    .Where(IntelligenceAudience.VisibleTo<IntelligenceReport>(viewer.User, viewer.Organisation, organisations.Values))
                    .Select(r => r.Reference).ToListAsync();
                // The list's exact total comes from the counts the database keeps (migration 0013, ADR 0015), under the same predicate.
                var kept = await db.IntelligenceReportCounts.AsNoTracking()
                    .Where(IntelligenceAudience.VisibleTo<IntelligenceReportCount>(viewer.User, viewer.Organisation, organisations.Values))
                    .SumAsync(c => c.Count);
                Assert.True(expected.Count == kept, $"{viewer.Kind}: the policy allows {expected.Count} reports, the kept counts say {kept}");
                Assert.True(expected.SequenceEqual(selected.Order(StringComparer.Ordinal)),
                    $"{viewer.Kind}: the policy allows {expected.Count} reports, SQL selected {selected.Count}; " +
                    $"only by policy: {string.Join(", ", expected.Except(selected).Take(5))}; " +
                    $"only by SQL: {string.Join(", ", selected.Except(expected).Take(5))}");
                everyone.UnionWith(reports.Where(r => expected.Contains(r.Reference)).Select(r => r.Id));
            }
        });
        // The table is exercised in both directions: some viewers see reports beyond their unit, and some reports reach no one
        // beyond their unit.
        Assert.InRange(everyone.Count, 1, written - 1);

        static Viewer V(string kind, Organisation organisation, string role)
        {
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
                new Claim(AriadneClaims.OrganisationId, organisation.Id.ToString()),
                new Claim(AriadneClaims.OrganisationType, organisation.Type.ToString()),
                new Claim(ClaimTypes.Role, role),
            ], "test");
            return new Viewer(kind, organisation, new ClaimsPrincipal(identity));
        }
    }

    /// <summary>
    /// A report written before migration 0011 has no audience: it is in no list beyond its unit until the start-up refresh
    /// computes it, and then it is in exactly the lists the policy allows.
    /// </summary>
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_report_without_an_audience_is_backfilled_at_start_up_and_then_listed(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        var settings = app.Services.GetRequiredService<IntelligenceSettings>().SpecialHandling;
        var originator = await Org(app, OrganisationType.FrontlinePolice, "BE");
        var reader = await Org(app, OrganisationType.AntiTraffickingUnit, "BE");
        var grading = Grading.FiveByFiveByFive(FiveFiveFiveSource.MostlyReliable, FiveFiveFiveIntelligence.CannotBeJudged,
            FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu);
        var report = Report(originator, grading, ReportStatus.Submitted, Special.None, 1);
        await app.WithDbAsync(async db =>
        {
            db.IntelligenceReports.Add(report);
            await db.SaveChangesAsync();
            await db.IntelligenceReports.ExecuteUpdateAsync(u => u.SetProperty(r => r.Audience, (int?)null));
        });
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(AriadneClaims.OrganisationId, reader.Id.ToString()), new Claim(ClaimTypes.Role, Roles.Investigator)], "test"));

        async Task<int> ListedAsync() => await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<Ariadne.Web.Data.AriadneDbContext>();
            var organisations = await db.Organisations.AsNoTracking().ToListAsync();
            Assert.Equal(await db.IntelligenceReports.CountAsync(IntelligenceAudience.VisibleTo<IntelligenceReport>(user, reader, organisations)),
                await db.IntelligenceReportCounts.Where(IntelligenceAudience.VisibleTo<IntelligenceReportCount>(user, reader, organisations))
                    .SumAsync(c => c.Count));
            return await db.IntelligenceReports.CountAsync(IntelligenceAudience.VisibleTo<IntelligenceReport>(user, reader, organisations));
        });

        Assert.Equal(0, await ListedAsync());
        var refreshed = await app.WithScopeAsync(s =>
            IntelligenceAudience.RefreshAsync(s.GetRequiredService<Ariadne.Web.Data.AriadneDbContext>(), settings));
        Assert.Equal(1, refreshed);
        Assert.Equal(1, await ListedAsync());
    }

    /// <summary>The kept counts equal a count of the reports themselves, group by group (zero rows left by deletions aside).</summary>
    internal static async Task AssertCountsKeptAsync(Ariadne.Web.Data.AriadneDbContext db)
    {
        var actual = (await db.IntelligenceReports.AsNoTracking()
                .GroupBy(r => new { r.OriginatorOrganisationId, r.Status, Audience = r.Audience ?? 0 })
                .Select(g => new { g.Key.OriginatorOrganisationId, g.Key.Status, g.Key.Audience, Count = (long)g.Count() }).ToListAsync())
            .Select(g => $"{g.OriginatorOrganisationId} {g.Status} {g.Audience}: {g.Count}").Order(StringComparer.Ordinal).ToList();
        var kept = (await db.IntelligenceReportCounts.AsNoTracking().Where(c => c.Count != 0).ToListAsync())
            .Select(c => $"{c.OriginatorOrganisationId} {c.Status} {c.Audience}: {c.Count}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(actual, kept);
    }

    private enum Special
    {
        None,
        Waiting,
        Cleared,
    }

    /// <summary>Every grading of the policy's table, complete and incomplete, submitted; and drafts with and without a grading.</summary>
    private static IEnumerable<(Grading? Grading, ReportStatus Status)> Gradings()
    {
        foreach (var code in Enum.GetValues<FiveFiveFiveHandling>())
        {
            yield return (Grading.FiveByFiveByFive(FiveFiveFiveSource.MostlyReliable, FiveFiveFiveIntelligence.CannotBeJudged, code,
                code.RequiresConditions() ? "Not to be used in court" : null), ReportStatus.Submitted);
            if (code.RequiresConditions())
            {
                // Conditions missing: the grading does not name an audience.
                yield return (Grading.FiveByFiveByFive(FiveFiveFiveSource.MostlyReliable, FiveFiveFiveIntelligence.CannotBeJudged, code),
                    ReportStatus.Submitted);
            }
        }
        yield return (new Grading(GradingSystem.ThreeByFiveByTwo, Source3: ThreeFiveTwoSource.Reliable, Intelligence3: ThreeFiveTwoIntelligence.B,
            Handling3: ThreeFiveTwoHandling.P), ReportStatus.Submitted);
        yield return (new Grading(GradingSystem.ThreeByFiveByTwo, Source3: ThreeFiveTwoSource.Reliable, Intelligence3: ThreeFiveTwoIntelligence.B,
            Handling3: ThreeFiveTwoHandling.C, Conditions: "Only for the joint operation"), ReportStatus.Submitted);
        yield return (new Grading(GradingSystem.ThreeByFiveByTwo, Source3: ThreeFiveTwoSource.Reliable, Intelligence3: ThreeFiveTwoIntelligence.B,
            Handling3: ThreeFiveTwoHandling.C), ReportStatus.Submitted);
        yield return (new Grading(GradingSystem.FourByFour, SourceReliability4: 2, InformationValidity4: 3), ReportStatus.Submitted);
        yield return (null, ReportStatus.Draft);
        yield return (Grading.FiveByFiveByFive(FiveFiveFiveSource.MostlyReliable, FiveFiveFiveIntelligence.CannotBeJudged,
            FiveFiveFiveHandling.NonEuLawEnforcementWithoutAdequateSafeguards, "Conditions"), ReportStatus.Draft);
    }

    private static IntelligenceReport Report(Organisation originator, Grading? grading, ReportStatus status, Special special, int n)
    {
        var author = Guid.NewGuid();
        var report = new IntelligenceReport
        {
            Reference = $"EQ-{n:D5}", OriginatorOrganisationId = originator.Id, AuthorUserId = author, AuthorName = "Author",
            CreatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(n), Status = status,
            SubmittedAt = status == ReportStatus.Submitted ? new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc) : null,
        };
        report.SetGrading(grading is null ? null : grading with { SpecialHandling = special != Special.None });
        if (special == Special.Cleared)
        {
            report.RiskAssessment = "Risk to the source assessed as low.";
            report.RiskAssessedByUserId = Guid.NewGuid();
            (report.RiskApprovedByUserId, report.RiskApprovedByAgencyId, report.RiskApprovedByLevel) = (Guid.NewGuid(), originator.EffectiveAgencyId, 3);
            (report.DisseminationApprovedByUserId, report.DisseminationApprovedByAgencyId, report.DisseminationApprovedByLevel) =
                (Guid.NewGuid(), originator.EffectiveAgencyId, 3);
        }
        return report;
    }

    private static Task<Organisation> Org(AriadneAppFactory app, OrganisationType type, string country, Guid? agency = null,
        RecipientCategory? category = null) => IntelligenceWorld.OrganisationAsync(app, type, country, agency, category);
}
