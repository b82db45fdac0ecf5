using System.Data.Common;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Demo;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Demo;

/// <summary>
/// Issue 10 item 10: the demo's intelligence. Its size, every handling code in use, special handling approved and not, drafts;
/// planted networks whose identifiers, written differently by different agencies, share one normalised key across
/// organisations; text encrypted at rest; and what each demo user lists is exactly what the policy lets them see.
/// </summary>
public sealed class DemoIntelligenceSeedTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Demo_intelligence_plants_networks_across_organisations_and_every_user_lists_what_the_policy_allows(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
        var settings = app.Services.GetRequiredService<IntelligenceSettings>().SpecialHandling;

        List<IntelligenceReport> reports = [];
        Dictionary<Guid, Ariadne.Web.Features.Organisations.Organisation> organisations = [];
        await app.WithDbAsync(async db =>
        {
            reports = await db.IntelligenceReports.AsNoTracking().Include(r => r.Items).ToListAsync();
            organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        });
        Assert.Equal(DemoSeeder.DemoIntelligenceReports, reports.Count);

        // Every handling code of both systems in use; special handling cleared and waiting; drafts.
        Assert.Equal(Enum.GetValues<FiveFiveFiveHandling>().Order(),
            reports.Where(r => r.Handling5 is not null).Select(r => r.Handling5!.Value).Distinct().Order());
        Assert.Equal(Enum.GetValues<ThreeFiveTwoHandling>().Order(),
            reports.Where(r => r.Handling3 is not null).Select(r => r.Handling3!.Value).Distinct().Order());
        var special = reports.Where(r => r.SpecialHandling && r.Status == ReportStatus.Submitted)
            .Select(r => SpecialHandling.Status(settings, r.SpecialHandlingFacts(organisations[r.OriginatorOrganisationId].EffectiveAgencyId)).State)
            .ToList();
        Assert.Contains(SpecialHandlingState.Cleared, special);
        Assert.Contains(SpecialHandlingState.AwaitsRiskAssessment, special);
        Assert.Contains(SpecialHandlingState.AwaitsRiskAssessmentApproval, special);
        Assert.Contains(reports, r => r.Status == ReportStatus.Draft && r.Grading is null);
        Assert.Contains(reports, r => r.Status == ReportStatus.Draft && r.Grading is not null);
        Assert.True(reports.Select(r => r.OriginatorOrganisationId).Distinct().Count() >= 8);
        Assert.True(reports.Select(r => organisations[r.OriginatorOrganisationId].Country).Distinct().Count() >= 4);

        // The planted networks: one key, written differently, in reports of several organisations.
        var organisationsByKey = reports.SelectMany(r => r.Items.Where(i => i.NormalisedKey is not null)
                .Select(i => (Key: i.NormalisedKey!, r.OriginatorOrganisationId)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.OriginatorOrganisationId).Distinct().Count(), StringComparer.Ordinal);
        Assert.True(organisationsByKey.GetValueOrDefault("+40721555013") >= 3, "the RO-BG ring's phone");
        Assert.True(organisationsByKey.GetValueOrDefault("+37369123456") >= 3, "the labour gang's phone");
        Assert.True(organisationsByKey.GetValueOrDefault("+306971234567") >= 3, "the begging network's phone");
        Assert.True(organisationsByKey.GetValueOrDefault("+32470998877") >= 3, "the advert network's phone");
        Assert.True(organisationsByKey.GetValueOrDefault("RO49AAAA1B31007593840000") >= 2, "the ring's IBAN");
        Assert.True(organisationsByKey.GetValueOrDefault("BE71096123456769") >= 2, "the gang's IBAN");
        Assert.True(organisationsByKey.GetValueOrDefault("RO:CT12ABC") >= 2, "the ring's van");
        Assert.True(organisationsByKey.GetValueOrDefault("bookings.luna@example.org") >= 2, "the adverts' e-mail");
        // Names across scripts are planted for the matching engine; the text of every variant is there.
        var names = reports.SelectMany(r => r.Items).Where(i => i.Kind == IntelligenceItemKind.Person).Select(i => i.Value).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Иван Димитров", "Ivan Dimitrov", "Ivan Dimitrow", "محمد العلمي", "Mohammed El Alami",
            "Muhammad Alami", "Γεώργιος Παπαδόπουλος", "Georgios Papadopoulos" }, names);
        // A report of unrelated background shares no key with any other report.
        Assert.Contains(organisationsByKey, k => k.Value == 1);

        // Encrypted at rest: the stored item values are not the names.
        await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM intelligence_items WHERE \"Value\" LIKE '%Dimitrov%' OR \"Details\" LIKE '%1984%'";
            Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        });

        // Each demo user lists exactly the reports the policy lets them see: the frontline officer their unit's, the analyst far more.
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var userName in new[] { "demo-frontline", "demo-analyst", "demo-atu", "demo-supervisor", "demo-ngo", "demo-prosecutor", "demo-ro",
                     "demo-md", "demo-guardian" })
        {
            var (principal, viewer) = await PrincipalAsync(app, userName);
            var expected = reports.Where(r => IntelligenceAccess.Facts(principal,
                    new LoadedReport(r, organisations[r.OriginatorOrganisationId], organisations[viewer]), settings).Visible)
                .Select(r => r.Id).ToHashSet();
            using var client = await app.SignInAsync(new TestUser(Guid.Empty, userName, DemoSeeder.Password, Guid.Empty, []));
            var listed = new HashSet<Guid>();
            for (var page = 1; ; page++)
            {
                var response = await client.GetAsync($"/api/v1/intelligence?page={page}&pageSize=200");
                if (userName == "demo-guardian")
                {
                    // Guardians have no intelligence at all (§1.3 "—").
                    Assert.False(response.IsSuccessStatusCode);
                    break;
                }
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
                Assert.Equal(expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    response.Headers.GetValues("X-Total-Count").Single());
                var rows = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
                listed.UnionWith(rows);
                if (rows.Count < 200)
                {
                    break;
                }
            }
            Assert.True(expected.SetEquals(listed), $"{userName}: the policy allows {expected.Count}, the list shows {listed.Count}");
            totals[userName] = listed.Count;
            if (userName == "demo-frontline")
            {
                Assert.All(listed, id => Assert.Equal(viewer, reports.Single(r => r.Id == id).OriginatorOrganisationId));
            }
        }
        Assert.True(totals["demo-analyst"] > totals["demo-frontline"] && totals["demo-frontline"] > 0, string.Join(", ", totals));
        Assert.True(totals["demo-ngo"] > 0, "a support worker sees the reports coded for non-prosecuting organisations at home");
        Assert.True(totals["demo-md"] > 0 && totals["demo-md"] < totals["demo-analyst"], string.Join(", ", totals));
    }

    private static async Task<(ClaimsPrincipal Principal, Guid Organisation)> PrincipalAsync(AriadneAppFactory app, string userName) =>
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AriadneDbContext>();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync();
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(AriadneClaims.OrganisationId, user.OrganisationId.ToString()),
                 .. roles.Select(r => new Claim(ClaimTypes.Role, r!))], "test");
            return (new ClaimsPrincipal(identity), user.OrganisationId);
        });
}
