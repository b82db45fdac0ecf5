using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Tests.Intelligence;

/// <summary>
/// Organisations around one originating police unit (country BE, an EU member, unit of force F) and a signed-in user in each:
/// the recipient kinds of the dissemination table.
/// </summary>
internal sealed class IntelligenceWorld : IDisposable
{
    public required AriadneAppFactory App { get; init; }
    public required Organisation Force { get; init; }
    public required Organisation Originator { get; init; }
    public required Member Author { get; init; }
    /// <summary>Another unit of the same force.</summary>
    public required Member SameForce { get; init; }
    /// <summary>Police of another force at home.</summary>
    public required Member OtherForce { get; init; }
    public required Member EuPolice { get; init; }
    public required Member NonEuPolice { get; init; }
    public required Member Prosecutor { get; init; }
    public required Member Support { get; init; }

    public sealed record Member(TestUser User, Organisation Organisation, HttpClient Client);

    public static async Task<IntelligenceWorld> CreateAsync(AriadneAppFactory app)
    {
        var force = await OrganisationAsync(app, OrganisationType.FrontlinePolice, "BE");
        var originator = await OrganisationAsync(app, OrganisationType.FrontlinePolice, "BE", force.Id);
        return new IntelligenceWorld
        {
            App = app,
            Force = force,
            Originator = originator,
            Author = await MemberAsync(app, originator, Roles.FrontlineOfficer),
            SameForce = await MemberAsync(app, await OrganisationAsync(app, OrganisationType.AntiTraffickingUnit, "BE", force.Id), Roles.Investigator),
            OtherForce = await MemberAsync(app, await OrganisationAsync(app, OrganisationType.AntiTraffickingUnit, "BE"), Roles.Investigator),
            EuPolice = await MemberAsync(app, await OrganisationAsync(app, OrganisationType.FrontlinePolice, "DE"), Roles.IntelligenceAnalyst),
            NonEuPolice = await MemberAsync(app, await OrganisationAsync(app, OrganisationType.ForeignLiaisonPartner, "UA", null,
                RecipientCategory.LawEnforcement), Roles.IntelligenceAnalyst),
            Prosecutor = await MemberAsync(app, await OrganisationAsync(app, OrganisationType.Prosecution, "BE"), Roles.Prosecutor),
            Support = await MemberAsync(app, await OrganisationAsync(app, OrganisationType.VictimSupport, "BE"), Roles.SupportWorker),
        };
    }

    public IEnumerable<(string Kind, Member Member)> Recipients =>
    [
        ("police same force", SameForce), ("police other force", OtherForce), ("police EU", EuPolice), ("police non-EU", NonEuPolice),
        ("prosecutor", Prosecutor), ("support org", Support),
    ];

    public static async Task<Organisation> OrganisationAsync(AriadneAppFactory app, OrganisationType type, string country, Guid? agency = null,
        RecipientCategory? category = null)
    {
        var created = await app.CreateOrganisationAsync(type);
        await app.WithDbAsync(async db =>
        {
            var o = await db.Organisations.SingleAsync(x => x.Id == created.Id);
            o.Country = country;
            o.AgencyId = agency;
            o.IntelligenceCategory = category;
            await db.SaveChangesAsync();
        });
        created.Country = country;
        created.AgencyId = agency;
        created.IntelligenceCategory = category;
        return created;
    }

    public static async Task<Member> MemberAsync(AriadneAppFactory app, Organisation organisation, string role, int? authorityLevel = null)
    {
        var user = await app.CreateUserAsync(organisation, role);
        if (authorityLevel is not null)
        {
            await app.WithDbAsync(async db =>
            {
                var u = await db.Users.SingleAsync(x => x.Id == user.Id);
                u.AuthorityLevel = authorityLevel;
                await db.SaveChangesAsync();
            });
        }
        return new Member(user, organisation, await app.SignInAsync(user));
    }

    /// <summary>A submitted report graded 5x5x5 with the given handling code, as the author's API call.</summary>
    public async Task<JsonElement> SubmitAsync(FiveFiveFiveHandling handling, bool special = false, string? freeText = null,
        string exploitation = "EXP-LAB", Member? author = null)
    {
        var response = await (author ?? Author).Client.PostAsJsonAsync("/api/v1/intelligence", new
        {
            exploitationTypes = new[] { exploitation },
            sourceType = "SRC-01",
            freeText = freeText ?? "Seen at the car wash",
            modusOperandiTags = new[] { "TAC-A06" },
            items = new object[]
            {
                new { kind = "Communication", subKind = "phone", value = "+32 470 12 34 56" },
                new { kind = "Vehicle", value = "1-ABC-234", country = "BE", details = new { make = "Volvo", colour = "grey" } },
                new { kind = "Person", role = "suspect", details = new { names = new[] { "Ivan P." }, gender = "male" } },
            },
            grading = new
            {
                system = "FiveByFiveByFive", source5 = "MostlyReliable", intelligence5 = "KnownPersonallyToSourceButNotToOfficer",
                handling5 = handling.ToString(), conditions = handling.RequiresConditions() ? "Not to be used in court" : null,
                specialHandling = special,
            },
            submit = true,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public void Dispose()
    {
        foreach (var m in new[] { Author, SameForce, OtherForce, EuPolice, NonEuPolice, Prosecutor, Support })
        {
            m.Client.Dispose();
        }
    }
}
