using System.Net;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Security;

namespace Ariadne.Tests.Checks;

/// <summary>
/// Which roles may check is configured per host ("Checks:Roles"); the menu asks the same question as the API
/// (CheckRules.MayCheck), so nobody sees a link the service refuses, nor misses one it allows.
/// </summary>
public sealed class CheckMenuTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_menu_offers_checks_exactly_to_the_roles_this_host_lets_check(string database)
    {
        // Analysts check by default; this host lets only investigators check.
        await using var app = await AriadneAppFactory.IsolatedAsync(database, new Dictionary<string, string?>
        {
            ["Checks:Roles:0"] = Roles.Investigator,
        });
        await CheckWorld.WaitReadyAsync(app);

        foreach (var (role, mayCheck) in new[] { (Roles.Investigator, true), (Roles.IntelligenceAnalyst, false), (Roles.SupportWorker, false) })
        {
            var user = await app.CreateUserWithRoleAsync(role);
            using var pages = await app.SignInToPagesAsync(user);
            using var api = await app.SignInAsync(user);

            var home = await (await pages.GetAsync("/")).Content.ReadAsStringAsync();
            var (status, _, raw) = await CheckWorld.CheckAsync(api, CheckWorld.Phone(CheckWorld.NewPhone().International));

            Assert.Equal(mayCheck, home.Contains("href=\"/Checks\"", StringComparison.Ordinal));
            Assert.True(mayCheck ? status == HttpStatusCode.OK : status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                $"{role}: {(int)status} {raw}");
        }
    }
}
