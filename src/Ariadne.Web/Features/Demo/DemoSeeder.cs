using Ariadne.Web.Data;
using Ariadne.Web.Features.Accounts;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Demo;

/// <summary>
/// Demo organisations and sign-ins (password <see cref="Password"/>), one per kind of user, plus a second
/// police unit so that "another organisation" can be tried. Idempotent: an existing demo database is kept.
/// </summary>
internal sealed class DemoSeeder(AriadneDbContext db, UserManager<ApplicationUser> users, TimeProvider time)
{
    public const string Password = "ariadne-demo";

    public static IReadOnlyList<(string UserName, string DisplayName, string Organisation, string[] Roles)> Accounts { get; } =
    [
        ("demo-admin", "Alex Admin", "Ariadne system administration", [Roles.Administrator]),
        ("demo-frontline", "Frida Frontline", "Riverside Police — Patrol Unit", [Roles.FrontlineOfficer]),
        ("demo-border", "Boris Border", "Border Guard — Eastern Crossing", [Roles.BorderGuard]),
        ("demo-labour", "Lena Labour", "Labour Inspectorate — North Region", [Roles.LabourInspector]),
        ("demo-atu", "Ari Investigator", "National Anti-Trafficking Unit", [Roles.Investigator, Roles.OrganisationAdministrator]),
        ("demo-ngo", "Nora Support", "Safe Harbour Shelter", [Roles.SupportWorker, Roles.OrganisationAdministrator]),
        ("demo-guardian", "Greta Guardian", "Child Guardianship Service", [Roles.Guardian]),
        ("demo-coordinator", "Cora Coordinator", "National Referral Coordinator", [Roles.Coordinator]),
        ("demo-prosecutor", "Paul Prosecutor", "Public Prosecution — Trafficking Desk", [Roles.Prosecutor]),
        ("demo-frontline-2", "Hugo Harbour", "Harbour Police — Port Unit", [Roles.FrontlineOfficer, Roles.OrganisationAdministrator]),
    ];

    private static readonly (string Name, OrganisationType Type, string Area, string Phone)[] Organisations =
    [
        ("Ariadne system administration", OrganisationType.Administration, "National", "+00 100 000 000"),
        ("Riverside Police — Patrol Unit", OrganisationType.FrontlinePolice, "Riverside District", "+00 100 000 101"),
        ("Harbour Police — Port Unit", OrganisationType.FrontlinePolice, "Harbour District", "+00 100 000 102"),
        ("Border Guard — Eastern Crossing", OrganisationType.BorderGuard, "Eastern border", "+00 100 000 201"),
        ("Labour Inspectorate — North Region", OrganisationType.LabourInspectorate, "North Region", "+00 100 000 301"),
        ("National Anti-Trafficking Unit", OrganisationType.AntiTraffickingUnit, "National", "+00 100 000 401"),
        ("Safe Harbour Shelter", OrganisationType.VictimSupport, "National", "+00 100 000 501"),
        ("Child Guardianship Service", OrganisationType.Guardianship, "National", "+00 100 000 601"),
        ("National Referral Coordinator", OrganisationType.NationalReferralCoordinator, "National", "+00 100 000 701"),
        ("Public Prosecution — Trafficking Desk", OrganisationType.Prosecution, "National", "+00 100 000 801"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (name, type, area, phone) in Organisations)
        {
            if (!await db.Organisations.AnyAsync(o => o.Name == name, ct))
            {
                db.Organisations.Add(new Organisation { Name = name, Type = type, Area = area, Phone = phone, CreatedAt = now });
            }
        }
        await db.SaveChangesAsync(ct);

        foreach (var (userName, displayName, organisationName, roles) in Accounts)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }
            var organisation = await db.Organisations.SingleAsync(o => o.Name == organisationName, ct);
            var user = new ApplicationUser
            {
                UserName = userName,
                DisplayName = displayName,
                Email = $"{userName}@demo.invalid",
                OrganisationId = organisation.Id,
                CreatedAt = now,
            };
            Check(await users.CreateAsync(user, Password), userName);
            Check(await users.AddToRolesAsync(user, roles), userName);
        }
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Demo account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
