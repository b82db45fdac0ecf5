using System.Security.Claims;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Accounts;
using Ariadne.Web.Features.Jurisdiction;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Screenings;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Demo;

/// <summary>
/// Demo organisations and sign-ins (password <see cref="Password"/>), one per kind of user, plus a second
/// police unit and a second specialised unit so that "another organisation" can be tried, then screenings,
/// referrals, shelters and cases in every stage (DemoSeeder.Cases.cs). Idempotent: each part is seeded only
/// when it is missing, so an existing demo database is kept.
/// </summary>
internal sealed partial class DemoSeeder(
    AriadneDbContext db,
    UserManager<ApplicationUser> users,
    IUserClaimsPrincipalFactory<ApplicationUser> principals,
    IServiceProvider services,
    ScreeningService screenings,
    ReferralService referrals,
    TimeProvider time,
    ILogger<DemoSeeder> logger,
    JurisdictionProfile profile)
{
    public const string Password = "ariadne-demo";

    /// <summary>
    /// The demo's organisations are in one country: the jurisdiction's when it states one, else Belgium (the demo's time
    /// zone). Left "not stated", the dissemination policy would send every intelligence report back to its originator.
    /// </summary>
    private string DemoCountry => profile.Country == Countries.NotStated ? "BE" : profile.Country;

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
        ("demo-safety", "Sam Safety", "National Anti-Trafficking Unit", [Roles.Investigator]),
        ("demo-atu-south", "Sven Southward", "Southern Anti-Trafficking Unit", [Roles.Investigator, Roles.OrganisationAdministrator]),
        ("demo-analyst", "Ines Analyst", IntelligenceBureau, [Roles.IntelligenceAnalyst]),
        ("demo-supervisor", "Sofia Supervisor", IntelligenceBureau, [Roles.DisseminationSupervisor]),
    ];

    /// <summary>Riverside Police's intelligence bureau: a unit of the same force as the patrol unit, so one "originating agency".</summary>
    private const string IntelligenceBureau = "Riverside Police — Intelligence Bureau";
    private const string RiversidePatrol = "Riverside Police — Patrol Unit";

    /// <summary>The demo supervisor's authority level: enough for the default special-handling levels (1) and a raised one.</summary>
    public const int SupervisorAuthorityLevel = 2;

    private static readonly (string Name, OrganisationType Type, string Area, string Phone)[] Organisations =
    [
        ("Ariadne system administration", OrganisationType.Administration, "National", "+00 100 000 000"),
        ("Riverside Police — Patrol Unit", OrganisationType.FrontlinePolice, "Riverside District", "+00 100 000 101"),
        (IntelligenceBureau, OrganisationType.FrontlinePolice, "Riverside District", "+00 100 000 103"),
        ("Harbour Police — Port Unit", OrganisationType.FrontlinePolice, "Harbour District", "+00 100 000 102"),
        ("Border Guard — Eastern Crossing", OrganisationType.BorderGuard, "Eastern border", "+00 100 000 201"),
        ("Labour Inspectorate — North Region", OrganisationType.LabourInspectorate, "North Region", "+00 100 000 301"),
        ("National Anti-Trafficking Unit", OrganisationType.AntiTraffickingUnit, "National", "+00 100 000 401"),
        ("Southern Anti-Trafficking Unit", OrganisationType.AntiTraffickingUnit, "South Region", "+00 100 000 402"),
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
            var existing = await db.Organisations.FirstOrDefaultAsync(o => o.Name == name, ct);
            if (existing is null)
            {
                db.Organisations.Add(new Organisation { Name = name, Type = type, Area = area, Phone = phone, CreatedAt = now, Country = DemoCountry });
            }
            else if (existing.Country == Countries.NotStated)
            {
                // A demo folder made before organisations had a country.
                existing.Country = DemoCountry;
            }
        }
        await db.SaveChangesAsync(ct);
        var bureau = await db.Organisations.SingleAsync(o => o.Name == IntelligenceBureau, ct);
        if (bureau.AgencyId is null)
        {
            bureau.AgencyId = (await db.Organisations.SingleAsync(o => o.Name == RiversidePatrol, ct)).Id;
            await db.SaveChangesAsync(ct);
        }

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
                AuthorityLevel = roles.Contains(Roles.DisseminationSupervisor) ? SupervisorAuthorityLevel : null,
            };
            Check(await users.CreateAsync(user, Password), userName);
            Check(await users.AddToRolesAsync(user, roles), userName);
        }
        if (!await db.Screenings.AnyAsync(ct) && !await db.Referrals.AnyAsync(ct))
        {
            await SeedScreeningsAsync();
        }
        var support = await db.Organisations.SingleAsync(o => o.Name == SupportOrganisation, ct);
        if (!await db.Shelters.AnyAsync(s => s.OrganisationId == support.Id, ct))
        {
            await SeedSheltersAsync();
        }
        if (!await db.Cases.AnyAsync(ct))
        {
            await SeedCasesAsync(ct);
            logger.LogInformation("Demo data: seeded {Cases} cases through the case services, {Shelters} shelters",
                await db.Cases.CountAsync(ct), await db.Shelters.CountAsync(ct));
        }
        await SeedIntelligenceDirectoryAsync(ct);
        if (!await db.IntelligenceReports.AnyAsync(ct))
        {
            var started = time.GetTimestamp();
            await SeedIntelligenceAsync(ct);
            logger.LogInformation("Demo data: seeded {Reports} intelligence reports through the intelligence service in {Elapsed}",
                await db.IntelligenceReports.CountAsync(ct), time.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// Invented encounters so that every screen has something real on first start: a draft, an adult referred
    /// with consent, an unaccompanied child referred to the unit and the guardianship service, and an adult
    /// who declined (counted anonymously).
    /// </summary>
    private async Task SeedScreeningsAsync()
    {
        var now = time.GetUtcNow();
        var unit = await db.Organisations.SingleAsync(o => o.Name == "National Anti-Trafficking Unit");
        var frontline = await PrincipalAsync("demo-frontline");
        var border = await PrincipalAsync("demo-border");
        var labour = await PrincipalAsync("demo-labour");

        var draft = screenings.Start(frontline);
        screenings.Update(draft, new ScreeningRequest(
            IntakeChannel: "ENC-02", Place: "Riverside car wash, Mill Street", EncounteredAt: now.AddHours(-2),
            ColleaguePresent: "Officer J. Lind", NameKind: "Alias", PersonName: "\"Sasha\"", ApproximateAge: 24,
            Gender: "Male", Language: "Russian", InterpreterNeeded: true, Accompanied: true, CompanionSeemsToControl: true,
            CompanionDescription: "Man in his forties who answered all questions; grey van",
            Indicators: [new("GEN-06", "Says the manager keeps his passport"), new("LAB-07", null)],
            Statement: "Routine check of the car wash. The worker avoided eye contact and looked to the manager before answering."));

        var adult = screenings.Start(frontline);
        screenings.Update(adult, new ScreeningRequest(
            IntakeChannel: "ENC-05", Place: "Flat above the Lotus nail bar, 14 Canal Road", EncounteredAt: now.AddDays(-1),
            ColleaguePresent: "Officer M. Stein (female)", NameKind: "Name", PersonName: "Elena Demo", ApproximateAge: 27,
            Gender: "Female", Nationality: "Invented-land", Language: "Romanian", InterpreterNeeded: true,
            ImmediateDanger: false,
            Indicators: [new("GEN-01", null), new("GEN-06", "Passport held by 'the boss'"), new("SEX-02", "Gives all earnings to a man she calls her boyfriend"),
                new("SEX-06", "Says her family at home will be hurt if she leaves"), new("CTE-01", "Owes 'travel money' that keeps growing")],
            Statement: "A neighbour reported women coming and going at night. Ms Demo spoke to us alone with an interpreter on the phone. " +
                       "She said she came for a job in a nail bar, was told she owed 4,000 for the journey and now works in the flat every night.",
            PresumedVictim: true));
        screenings.MarkActionDone(adult, MandatoryActions.AlertUnit, frontline);
        screenings.RecordSheetGiven(adult, "ro", frontline);
        await db.SaveChangesAsync();
        await referrals.ReferAsync(adult, new ReferralRequest(unit.Id, ReferralService.ConsentGiven), frontline);

        var child = screenings.Start(border);
        screenings.Update(child, new ScreeningRequest(
            IntakeChannel: "ENC-02", Place: "Eastern crossing, coach lane 3", EncounteredAt: now.AddHours(-5),
            ColleaguePresent: "Guard P. Novak", NameKind: "Name", PersonName: "Mira Demo", ApproximateAge: 15, SuspectedMinor: true,
            Gender: "Female", Language: "Bulgarian", Accompanied: true, CompanionSeemsToControl: true, SeparatedFromCompanion: true,
            CompanionDescription: "Driver of the coach, said he was her uncle; no document shows it",
            Indicators: [new("BOR-06", "Driver answered for all passengers"), new("BOR-10", "Says she does not know the other girls"),
                new("CHS-01", "Said she was 19, ID card says 15")],
            Statement: "Secondary check after the driver handed over all passports together. The girl said she was going to work in a hotel.",
            PresumedVictim: true));
        await db.SaveChangesAsync();
        await referrals.ReferAsync(child, new ReferralRequest(unit.Id, null), border);

        var declined = screenings.Start(labour);
        screenings.Update(declined, new ScreeningRequest(
            IntakeChannel: "ENC-02", Place: "Greenhouse, North Farm Road", EncounteredAt: now.AddDays(-3),
            ColleaguePresent: "Inspector K. Aalto", NameKind: "Unknown", ApproximateAge: 35, Gender: "Male",
            Indicators: [new("LAB-02", null), new("LAB-04", null), new("LAB-07", null)],
            Statement: "Worker sleeps in the packing shed; said he owes the recruiter. Did not want to be referred."));
        await db.SaveChangesAsync();
        await referrals.ReferAsync(declined, new ReferralRequest(null, ReferralService.ConsentRefused), labour);
        await db.SaveChangesAsync();
    }

    /// <summary>The demo user as signed in: the same claims (organisation, its type, roles) a real sign-in gives.</summary>
    private async Task<ClaimsPrincipal> PrincipalAsync(string userName)
    {
        if (_principals.TryGetValue(userName, out var known))
        {
            return known;
        }
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"Demo account {userName} is missing.");
        var principal = await principals.CreateAsync(user);
        _principals[userName] = principal;
        return principal;
    }

    private readonly Dictionary<string, ClaimsPrincipal> _principals = new(StringComparer.Ordinal);

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Demo account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
