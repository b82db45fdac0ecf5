using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;

namespace Ariadne.Tests.Organisations;

public sealed class OrganisationIsolationTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_organisation_administrator_gets_nothing_of_another_organisation(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var ownOrganisation = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
        var otherOrganisation = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
        var colleague = await app.CreateUserAsync(ownOrganisation, Roles.FrontlineOfficer);
        var stranger = await app.CreateUserAsync(otherOrganisation, Roles.FrontlineOfficer);
        using var admin = await app.SignInAsync(await app.CreateUserAsync(ownOrganisation, Roles.OrganisationAdministrator));

        var ownList = await admin.GetAsync($"/api/v1/organisations/{ownOrganisation.Id}/users");
        Assert.Equal(HttpStatusCode.OK, ownList.StatusCode);
        Assert.Contains(colleague.UserName, await ownList.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var otherList = await admin.GetAsync($"/api/v1/organisations/{otherOrganisation.Id}/users");
        Assert.Equal(HttpStatusCode.Forbidden, otherList.StatusCode);
        Assert.DoesNotContain(stranger.UserName, await otherList.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var otherUser = await admin.GetAsync($"/api/v1/users/{stranger.Id}");
        Assert.Equal(HttpStatusCode.NotFound, otherUser.StatusCode);
        Assert.DoesNotContain(stranger.UserName, await otherUser.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var change = await admin.PutAsJsonAsync($"/api/v1/users/{stranger.Id}", new { isActive = false });
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync(stranger.UserName, stranger.Password)).StatusCode);

        var create = await admin.PostAsJsonAsync($"/api/v1/organisations/{otherOrganisation.Id}/users",
            new { userName = "planted-" + Guid.NewGuid().ToString("N")[..8], displayName = "Planted", password = "long enough password", roles = new[] { Roles.FrontlineOfficer } });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_system_administrator_manages_any_organisation_and_every_view_is_audited(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var shelter = await app.CreateOrganisationAsync(OrganisationType.VictimSupport);
        var worker = await app.CreateUserAsync(shelter, Roles.SupportWorker);
        using var admin = await app.SignInAsAsync(Roles.Administrator);

        var response = await admin.GetAsync($"/api/v1/users/{worker.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await app.AuditCountAsync(AuditActions.View, worker.Id.ToString()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Roles_must_fit_the_type_of_organisation(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var shelter = await app.CreateOrganisationAsync(OrganisationType.VictimSupport);
        using var shelterAdmin = await app.SignInAsync(await app.CreateUserAsync(shelter, Roles.OrganisationAdministrator));

        var response = await shelterAdmin.PostAsJsonAsync($"/api/v1/organisations/{shelter.Id}/users", new
        {
            userName = "x-" + Guid.NewGuid().ToString("N")[..10],
            displayName = "Would-be investigator",
            password = "long enough password",
            roles = new[] { Roles.Investigator },
        });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("roles")[0].GetString();
        Assert.Contains("Anti-trafficking investigator", message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_organisation_administrator_creates_an_account_that_can_sign_in(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var guardianship = await app.CreateOrganisationAsync(OrganisationType.Guardianship);
        using var admin = await app.SignInAsync(await app.CreateUserAsync(guardianship, Roles.OrganisationAdministrator));
        var userName = "g-" + Guid.NewGuid().ToString("N")[..10];

        var response = await admin.PostAsJsonAsync($"/api/v1/organisations/{guardianship.Id}/users", new
        {
            userName, displayName = "Greta New", email = "greta@example.invalid", password = "a long pass phrase", roles = new[] { Roles.Guardian },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(guardianship.Id, created.GetProperty("organisationId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync(userName, "a long pass phrase")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_too_short_password_is_refused_with_a_readable_reason_and_nothing_is_created(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var unit = await app.CreateOrganisationAsync(OrganisationType.BorderGuard);
        using var admin = await app.SignInAsync(await app.CreateUserAsync(unit, Roles.OrganisationAdministrator));
        var userName = "short-" + Guid.NewGuid().ToString("N")[..8];

        var response = await admin.PostAsJsonAsync($"/api/v1/organisations/{unit.Id}/users",
            new { userName, displayName = "Short", password = "short", roles = new[] { Roles.BorderGuard } });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("12", problem.GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
        var list = await admin.GetStringAsync($"/api/v1/organisations/{unit.Id}/users");
        Assert.DoesNotContain(userName, list, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Only_system_administrators_create_organisations(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var coordinator = await app.SignInAsAsync(Roles.Coordinator);
        using var admin = await app.SignInAsAsync(Roles.Administrator);
        var request = new { name = "Unit " + Guid.NewGuid().ToString("N")[..8], type = "BorderGuard", area = "North" };

        await ProblemAssert.IsProblemAsync(await coordinator.PostAsJsonAsync("/api/v1/organisations", request), HttpStatusCode.Forbidden);
        var created = await admin.PostAsJsonAsync("/api/v1/organisations", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var duplicate = await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/v1/organisations", request),
            HttpStatusCode.BadRequest);
        Assert.Contains("already exists", duplicate.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        var badType = await ProblemAssert.IsProblemAsync(
            await admin.PostAsJsonAsync("/api/v1/organisations", new { name = "Some unit", type = "Bakery" }), HttpStatusCode.BadRequest);
        Assert.Contains("BorderGuard", badType.GetProperty("errors").GetProperty("type")[0].GetString(), StringComparison.Ordinal);
    }
}
