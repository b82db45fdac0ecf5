using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;

namespace Ariadne.Tests.Intelligence;

/// <summary>Issue 10 item 4: what organisations and accounts gain for the dissemination policy, through the administration API.</summary>
public sealed class IntelligenceDirectoryTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Organisations_take_a_country_an_agency_and_a_category_only_where_their_type_allows_one(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var admin = await app.SignInAsAsync(Roles.Administrator);
        string Name() => "Dir " + Guid.NewGuid().ToString("N")[..12];

        var force = await admin.PostAsJsonAsync("/api/v1/organisations", new { name = Name(), type = "FrontlinePolice", country = "be" });
        Assert.Equal(HttpStatusCode.Created, force.StatusCode);
        var forceBody = await force.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("BE", forceBody.GetProperty("country").GetString());
        var forceId = forceBody.GetProperty("id").GetGuid();

        var unit = await admin.PostAsJsonAsync("/api/v1/organisations", new { name = Name(), type = "Customs", country = "BE", agencyId = forceId });
        Assert.Equal(HttpStatusCode.Created, unit.StatusCode);
        var unitId = (await unit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // One level only: a unit of a unit is refused, as are a country that is no ISO code and a category the type cannot have.
        var nested = await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/v1/organisations",
            new { name = Name(), type = "BorderGuard", country = "BE", agencyId = unitId }), HttpStatusCode.BadRequest);
        Assert.True(nested.GetProperty("errors").TryGetProperty("agencyId", out _));
        var country = await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/v1/organisations",
            new { name = Name(), type = "BorderGuard", country = "Belgium" }), HttpStatusCode.BadRequest);
        Assert.True(country.GetProperty("errors").TryGetProperty("country", out _));
        // A shelter registered as law enforcement would open police intelligence to it (V-18).
        var shelter = await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/v1/organisations",
            new { name = Name(), type = "VictimSupport", country = "BE", intelligenceCategory = "LawEnforcement" }), HttpStatusCode.BadRequest);
        Assert.True(shelter.GetProperty("errors").TryGetProperty("intelligenceCategory", out _));

        var partner = await admin.PostAsJsonAsync("/api/v1/organisations",
            new { name = Name(), type = "ForeignLiaisonPartner", country = "UA", intelligenceCategory = "Prosecuting" });
        Assert.Equal(HttpStatusCode.Created, partner.StatusCode);
        Assert.Equal("Prosecuting", (await partner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("intelligenceCategory").GetString());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_new_roles_fit_law_enforcement_only_and_an_authority_level_belongs_to_a_supervisor(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var admin = await app.SignInAsAsync(Roles.Administrator);
        var police = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
        var shelter = await app.CreateOrganisationAsync(OrganisationType.VictimSupport);
        object Account(string role, int? level) => new
        {
            userName = "d-" + Guid.NewGuid().ToString("N")[..12], displayName = "Dir", password = "directory password 1", roles = new[] { role },
            authorityLevel = level,
        };

        var supervisor = await admin.PostAsJsonAsync($"/api/v1/organisations/{police.Id}/users", Account(Roles.DisseminationSupervisor, 2));
        Assert.Equal(HttpStatusCode.Created, supervisor.StatusCode);
        Assert.Equal(2, (await supervisor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorityLevel").GetInt32());
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync($"/api/v1/organisations/{police.Id}/users",
            Account(Roles.IntelligenceAnalyst, 2)), HttpStatusCode.BadRequest);
        foreach (var role in new[] { Roles.IntelligenceAnalyst, Roles.DisseminationSupervisor, Roles.FinancialInvestigator })
        {
            await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync($"/api/v1/organisations/{shelter.Id}/users", Account(role, null)),
                HttpStatusCode.BadRequest);
        }
        // A foreign partner holds no case or screening role.
        Assert.DoesNotContain(Roles.FrontlineOfficer, OrganisationType.ForeignLiaisonPartner.AssignableRoles());
        Assert.DoesNotContain(Roles.Investigator, OrganisationType.ForeignLiaisonPartner.AssignableRoles());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_foreign_partner_cannot_be_brought_into_a_case(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await Cases.CaseWorld.CreateAsync(app);
        var opened = await world.OpenAdultCaseAsync();
        var partner = await IntelligenceWorld.OrganisationAsync(app, OrganisationType.ForeignLiaisonPartner, "UA", null,
            Ariadne.Web.Features.Intelligence.RecipientCategory.LawEnforcement);

        var refused = await world.Unit.Client.PostAsJsonAsync($"/api/v1/cases/{opened.Id}/participants", new { organisationId = partner.Id });

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("organisationId", out _));
    }
}
