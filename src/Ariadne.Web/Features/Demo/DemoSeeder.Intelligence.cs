using System.Security.Claims;
using System.Text.Json;
using Ariadne.Web.Features.Accounts;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Demo;

/// <summary>
/// Demo intelligence (issue 10 item 10): a few hundred invented reports from police, border, labour inspection, customs and
/// foreign liaison partners in several countries, in which four networks are planted — a Romanian–Bulgarian sexual
/// exploitation ring, a labour exploitation gang in agriculture and construction behind a recruitment agency, a forced
/// begging and pickpocketing network, an online-advertisement network — sharing phones, addresses, vehicles, documents,
/// IBANs and messaging handles written the way different agencies write them, and names across scripts; the rest is
/// unrelated background. Every handling code of every grading system in use appears; some reports are under special
/// handling (some approved, some not), some are drafts. Made through <see cref="IntelligenceService"/> like typed-in reports
/// (normalised keys, encryption, audit), with a fixed seed: the same content on every demo start.
/// </summary>
internal sealed partial class DemoSeeder
{
    public const int DemoIntelligenceReports = 300;
    private const string Customs = "Customs — Airport Freight Office";
    private const string RomanianPolice = "Romanian Police — Anti-Trafficking Brigade Constanța";
    private const string BulgarianBorder = "Bulgarian Border Police — Liaison Office";
    private const string MoldovanPolice = "Moldovan Police — Liaison Officer";

    /// <summary>Organisations the intelligence demo adds: customs at home, and liaison partners abroad (EU and not).</summary>
    private static readonly (string Name, OrganisationType Type, string Area, string Phone, string? Country, RecipientCategory? Category)[]
        IntelligenceOrganisations =
        [
            (Customs, OrganisationType.Customs, "Airport", "+00 100 000 901", null, null),
            (RomanianPolice, OrganisationType.ForeignLiaisonPartner, "Constanța", "+40 241 000 000", "RO", RecipientCategory.LawEnforcement),
            (BulgarianBorder, OrganisationType.ForeignLiaisonPartner, "Sofia", "+359 2 000 0000", "BG", RecipientCategory.LawEnforcement),
            (MoldovanPolice, OrganisationType.ForeignLiaisonPartner, "Chișinău", "+373 22 000 000", "MD", RecipientCategory.LawEnforcement),
        ];

    /// <summary>
    /// Sign-ins for intelligence work abroad and at customs (password <see cref="Password"/>); the analyst and the supervisor who
    /// approves special handling are in <see cref="Accounts"/>, in Riverside Police's intelligence bureau.
    /// </summary>
    public static IReadOnlyList<(string UserName, string DisplayName, string Organisation, string[] Roles, int? AuthorityLevel)> IntelligenceAccounts { get; } =
    [
        ("demo-customs", "Cas Customs", Customs, [Roles.FinancialInvestigator], null),
        ("demo-ro", "Radu Liaison", RomanianPolice, [Roles.IntelligenceAnalyst], null),
        ("demo-bg", "Boyana Liaison", BulgarianBorder, [Roles.IntelligenceAnalyst], null),
        ("demo-md", "Mihai Liaison", MoldovanPolice, [Roles.IntelligenceAnalyst], null),
    ];

    private async Task SeedIntelligenceDirectoryAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (name, type, area, phone, country, category) in IntelligenceOrganisations)
        {
            if (!await db.Organisations.AnyAsync(o => o.Name == name, ct))
            {
                db.Organisations.Add(new Organisation
                {
                    Name = name, Type = type, Area = area, Phone = phone, CreatedAt = now, Country = country ?? DemoCountry,
                    IntelligenceCategory = category,
                });
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var (userName, displayName, organisationName, roles, level) in IntelligenceAccounts)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }
            var organisation = await db.Organisations.SingleAsync(o => o.Name == organisationName, ct);
            var user = new ApplicationUser
            {
                UserName = userName, DisplayName = displayName, Email = $"{userName}@demo.invalid", OrganisationId = organisation.Id,
                CreatedAt = now, AuthorityLevel = level,
            };
            Check(await users.CreateAsync(user, Password), userName);
            Check(await users.AddToRolesAsync(user, roles), userName);
        }
    }

    /// <summary>One identifier as each kind of author writes it: the same thing, typed differently.</summary>
    private sealed record Written(IntelligenceItemKind Kind, string? SubKind, string? Role, string[] Forms, string? Country = null,
        object? Details = null);

    private sealed record Network(string Name, string[] Exploitation, string[] Authors, string[] Tactics, string Story, Written[] Identifiers,
        int Reports);

    private static readonly Network[] Networks =
    [
        new("ring RO-BG", ["EXP-SEX"], ["demo-ro", "demo-bg", "demo-frontline", "demo-frontline-2", "demo-atu", "demo-analyst", "demo-border"],
            ["TAC-A01", "TAC-A03", "TAC-A06"],
            "Women recruited in Constanța and Varna with offers of work in hotels, moved by car through the eastern crossing and placed in flats.",
            [
                new(IntelligenceItemKind.Communication, "phone", "suspect", ["0040 721 555 013", "+40-721-555-013", "+40 721 555 013", "0721 555 013"]),
                new(IntelligenceItemKind.Person, "individual", "suspect", ["Иван Димитров", "Ivan Dimitrov", "Ivan Dimitrow", "DIMITROV Ivan"],
                    Details: new { gender = "male", dateOfBirth = "1984-03-11" }),
                new(IntelligenceItemKind.Vehicle, null, null, ["СА 1234 ВК", "CA 1234 BK", "CA1234BK"], "BG",
                    new { make = "Audi", model = "A6", colour = "black" }),
                new(IntelligenceItemKind.Vehicle, null, null, ["CT-12-ABC", "CT 12 ABC"], "RO", new { make = "Ford", model = "Transit", colour = "white" }),
                new(IntelligenceItemKind.Address, null, "exploitation", ["14 Canal Road, flat 3", "Canal Road 14 / 3"]),
                new(IntelligenceItemKind.Financial, "iban", null, ["RO49 AAAA 1B31 0075 9384 0000", "RO49AAAA1B31007593840000"]),
                new(IntelligenceItemKind.Communication, "telegram", null, ["@dimi_ro", "dimi_ro"]),
                new(IntelligenceItemKind.Document, "passport", "suspect", ["380112233", "380 112 233"], "BG"),
            ], 70),
        new("labour gang", ["EXP-LAB"], ["demo-labour", "demo-atu-south", "demo-customs", "demo-md", "demo-frontline", "demo-analyst"],
            ["TAC-A02", "TAC-A04", "TAC-A07"],
            "Workers from Moldova and Morocco recruited by a staffing agency for greenhouses and building sites, charged for transport and housing.",
            [
                new(IntelligenceItemKind.Person, "business", "suspect", ["AgroStaff Recruitment SRL", "Agro Staff Recruitment", "AGROSTAFF SRL"],
                    Details: new { registration = "J13/2231/2019" }),
                new(IntelligenceItemKind.Person, "individual", "suspect", ["محمد العلمي", "Mohammed El Alami", "Muhammad Alami"],
                    Details: new { gender = "male" }),
                new(IntelligenceItemKind.Communication, "phone", "suspect", ["+373 69 123 456", "00373 69 123 456", "+373-69-123-456"]),
                new(IntelligenceItemKind.Address, null, "exploitation", ["Packing shed, North Farm Road 4", "North Farm Rd. 4"]),
                new(IntelligenceItemKind.Vehicle, null, null, ["1-XYZ-987", "1XYZ987"], "BE", new { make = "Mercedes", model = "Sprinter", colour = "grey" }),
                new(IntelligenceItemKind.Financial, "iban", null, ["BE71 0961 2345 6769", "BE71096123456769"]),
                new(IntelligenceItemKind.Communication, "whatsapp", null, ["agrostaff.jobs", "@agrostaff.jobs"]),
            ], 60),
        new("begging network", ["EXP-BEG", "EXP-CRIM"], ["demo-frontline", "demo-frontline-2", "demo-atu", "demo-bg", "demo-border"],
            ["TAC-A05", "TAC-A08"],
            "Children and disabled adults placed at junctions and stations to beg and pick pockets, collected each evening by a van.",
            [
                new(IntelligenceItemKind.Person, "individual", "suspect", ["Γεώργιος Παπαδόπουλος", "Georgios Papadopoulos", "Giorgos Papadopoulos"],
                    Details: new { gender = "male" }),
                new(IntelligenceItemKind.Communication, "phone", "suspect", ["+30 697 123 4567", "0030 697 123 4567"]),
                new(IntelligenceItemKind.Vehicle, null, null, ["IKH-4521", "IKH 4521"], "GR", new { make = "Fiat", model = "Ducato", colour = "blue" }),
                new(IntelligenceItemKind.Document, "id-card", "victim", ["AK 123456", "AK123456"], "GR"),
                new(IntelligenceItemKind.Address, null, "exploitation", ["Central station, north exit", "Central Station N exit"]),
            ], 45),
        new("online adverts", ["EXP-SEX"], ["demo-analyst", "demo-atu", "demo-customs", "demo-ro", "demo-frontline-2"],
            ["TAC-A09", "TAC-A10"],
            "Escort advertisements on classifieds sites, the same photos under different names, bookings by messaging, payments by card.",
            [
                new(IntelligenceItemKind.Communication, "website", null, ["escort-ads.example/profile/4471", "ESCORT-ADS.EXAMPLE/PROFILE/4471"]),
                new(IntelligenceItemKind.Communication, "email", null, ["bookings.luna@example.org", "Bookings.Luna@example.org"]),
                new(IntelligenceItemKind.Communication, "whatsapp", null, ["+32 470 99 88 77", "+32 470 99 88 77"]),
                new(IntelligenceItemKind.Communication, "phone", "suspect", ["+32 470 99 88 77", "0032 470 99 88 77"]),
                new(IntelligenceItemKind.Financial, "iban", null, ["BG80 BNBG 9661 1020 3456 78", "BG80BNBG96611020345678"]),
            ], 45),
    ];

    private static readonly string[] BackgroundAuthors =
        ["demo-frontline", "demo-frontline-2", "demo-border", "demo-labour", "demo-atu", "demo-atu-south", "demo-customs", "demo-ro", "demo-bg",
         "demo-md", "demo-analyst"];

    /// <summary>Every handling code of the systems in use, cycled through the reports.</summary>
    private Grading[] DemoGradings()
    {
        var gradings = new List<Grading>();
        foreach (var code in Enum.GetValues<FiveFiveFiveHandling>())
        {
            gradings.Add(Grading.FiveByFiveByFive(FiveFiveFiveSource.MostlyReliable, FiveFiveFiveIntelligence.KnownPersonallyToSourceButNotToOfficer,
                code, code.RequiresConditions() ? "Not to be used in court; do not contact the suspects." : null));
        }
        // The code reaching law enforcement and prosecution at home and in the EU is the everyday one: twice in the cycle.
        gradings.Add(Grading.FiveByFiveByFive(FiveFiveFiveSource.AlwaysReliable, FiveFiveFiveIntelligence.NotKnownPersonallyToSourceButCorroborated,
            FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu));
        gradings.Add(new Grading(GradingSystem.ThreeByFiveByTwo, Source3: ThreeFiveTwoSource.Reliable, Intelligence3: ThreeFiveTwoIntelligence.B,
            Handling3: ThreeFiveTwoHandling.P));
        gradings.Add(new Grading(GradingSystem.ThreeByFiveByTwo, Source3: ThreeFiveTwoSource.Untested, Intelligence3: ThreeFiveTwoIntelligence.C,
            Handling3: ThreeFiveTwoHandling.C, Conditions: "For the joint investigation team only."));
        if (services.GetRequiredService<IntelligenceSettings>().FourByFour is { } labels && labels.Problems().Count == 0)
        {
            gradings.Add(new Grading(GradingSystem.FourByFour, SourceReliability4: 2, InformationValidity4: 2));
        }
        return [.. gradings];
    }

    /// <summary>
    /// The reports, through the service as their authors, spread over the last 180 days. In one transaction: a failed seed leaves
    /// nothing half done and runs again at the next start.
    /// </summary>
    private async Task SeedIntelligenceAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var random = new Random(20261203);
        var gradings = DemoGradings();
        var plan = new List<(Network? Network, int Index)>();
        foreach (var network in Networks)
        {
            plan.AddRange(Enumerable.Range(0, network.Reports).Select(i => ((Network?)network, i)));
        }
        plan.AddRange(Enumerable.Range(0, DemoIntelligenceReports - plan.Count).Select(i => ((Network?)null, i)));
        // Interleaved by a fixed shuffle, so the newest page shows all networks and background.
        var order = plan.OrderBy(_ => random.Next()).ToList();
        var special = new List<Guid>();
        for (var n = 0; n < order.Count; n++)
        {
            var (network, index) = order[n];
            var authorName = network is null ? BackgroundAuthors[index % BackgroundAuthors.Length] : network.Authors[index % network.Authors.Length];
            var author = await PrincipalAsync(authorName);
            var country = await CountryOfAsync(author);
            var grading = gradings[n % gradings.Length];
            // Special handling on reports of the intelligence bureau, whose supervisor approves some (EVAL-S3..S5), and on a few others.
            var underSpecialHandling = authorName == "demo-analyst" ? index % 3 == 0 : n % 41 == 0;
            var draft = n % 29 == 5;
            var request = new CreateReportRequest(
                ExploitationTypes: network?.Exploitation ?? [BackgroundForms[random.Next(BackgroundForms.Length)]],
                SourceType: $"SRC-{random.Next(1, 13):D2}",
                SourceOfficer: null, SourceContact: null,
                ModusOperandiTags: network?.Tactics ?? [$"TAC-A{random.Next(1, 11):D2}"],
                ModusOperandi: network?.Story,
                FreeText: network is null ? Background(random, index) : $"{network.Story} Report {index + 1} on this network (invented).",
                LinkedReference: null,
                Items: network is null ? BackgroundItems(random, index, country) : NetworkItems(network, index, authorName, country, random),
                Grading: draft && n % 2 == 0 ? null : grading with { SpecialHandling = underSpecialHandling },
                Submit: !draft);
            var desk = ActivatorUtilities.CreateInstance<IntelligenceService>(services,
                new ShiftedTimeProvider(time, TimeSpan.FromHours(4 + (order.Count - n) * 14.0)));
            var created = await desk.CreateAsync(author, request);
            if (created.Error is { } error)
            {
                throw new InvalidOperationException($"Demo seed, intelligence report {n}: {error.Message}");
            }
            if (underSpecialHandling && !draft && authorName == "demo-analyst")
            {
                special.Add(created.Value!.Id);
            }
            // Each save looks at every tracked entity: without this the 300th report costs 300 times the first.
            db.ChangeTracker.Clear();
        }
        // Of the intelligence bureau's special-handling reports: a third cleared, a third with the risk assessment only, a third waiting.
        var service = ActivatorUtilities.CreateInstance<IntelligenceService>(services, time);
        // The risk assessment is the originating unit's (EVAL-S4): the analyst's own; the bureau's supervisor approves it.
        var assessor = await PrincipalAsync("demo-analyst");
        var supervisor = await PrincipalAsync("demo-supervisor");
        for (var i = 0; i < special.Count; i++)
        {
            if (i % 3 == 2)
            {
                continue;
            }
            Must(await service.RecordRiskAssessmentAsync(assessor, special[i],
                new RiskAssessmentRequest("Source could be identified from the details; shared only within the code, details withheld.")), "risk assessment");
            if (i % 3 == 0)
            {
                Must(await service.ApproveAsync(supervisor, special[i], dissemination: false), "approve the risk assessment");
                Must(await service.ApproveAsync(supervisor, special[i], dissemination: true), "approve dissemination");
            }
        }
        await transaction.CommitAsync(ct);
    }

    private static void Must<T>(IntelligenceResult<T> result, string step)
    {
        if (result.Error is { } e)
        {
            throw new InvalidOperationException($"Demo seed, {step}: {e.Message}");
        }
    }

    private static readonly string[] BackgroundForms = ["EXP-SEX", "EXP-LAB", "EXP-DOM", "EXP-CRIM", "EXP-BEG", "EXP-MAR"];

    private async Task<string> CountryOfAsync(ClaimsPrincipal author)
    {
        var id = author.OrganisationId();
        return await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Country).SingleAsync();
    }

    /// <summary>Three to six of the network's identifiers, each in the form this author would write it.</summary>
    private static List<ItemRequest> NetworkItems(Network network, int index, string authorName, string country, Random random)
    {
        var items = new List<ItemRequest>();
        var count = Math.Min(network.Identifiers.Length, 3 + random.Next(4));
        // The first identifier is in every report of the network (its hub); the others rotate.
        var chosen = new[] { network.Identifiers[0] }
            .Concat(network.Identifiers.Skip(1).OrderBy(_ => random.Next()).Take(count - 1));
        foreach (var written in chosen)
        {
            items.Add(new ItemRequest(written.Kind.ToString(), written.SubKind, written.Role, FormFor(written, authorName, country, index),
                written.Country, written.Details is null ? null : JsonSerializer.SerializeToElement(written.Details)));
        }
        items.Add(new ItemRequest(nameof(IntelligenceItemKind.Location), null, index % 2 == 0 ? "origin" : "destination", null,
            network.Name.Contains("RO", StringComparison.Ordinal) ? (index % 2 == 0 ? "RO" : "BG") : country, null));
        return items;
    }

    /// <summary>
    /// How an author writes an identifier: a Romanian unit writes the national form of a Romanian phone ("0721…"), a Bulgarian one
    /// types the plate in Cyrillic and the name in its own script; others write one of the international forms.
    /// </summary>
    private static string FormFor(Written written, string authorName, string country, int index)
    {
        var forms = written.Forms;
        return (authorName, written.Kind) switch
        {
            ("demo-ro", IntelligenceItemKind.Communication) when written.SubKind == "phone" && forms.Length > 3 => forms[3],
            ("demo-bg", IntelligenceItemKind.Vehicle or IntelligenceItemKind.Person) => forms[0],
            _ when country == "BG" => forms[0],
            _ => forms[(index + authorName.Length) % Math.Min(forms.Length, 3)],
        };
    }

    private static readonly string[] Places = ["car wash", "nail bar", "night shop", "warehouse", "hotel", "restaurant kitchen", "farm", "building site"];

    private static string Background(Random random, int index) =>
        $"Routine observation at a {Places[random.Next(Places.Length)]}: workers seen leaving at night in a minibus (background report {index + 1}, invented).";

    /// <summary>Identifiers that belong to no network: unique per report, so they never link reports.</summary>
    private static List<ItemRequest> BackgroundItems(Random random, int index, string country) =>
    [
        new(nameof(IntelligenceItemKind.Communication), "phone", "other", $"+32 470 {100000 + index * 37 % 899999:D6}", null, null),
        new(nameof(IntelligenceItemKind.Vehicle), null, null, $"2-B{(char)('A' + index % 26)}{(char)('A' + random.Next(26))}-{100 + index:D3}", "BE",
            JsonSerializer.SerializeToElement(new { make = "Volkswagen", colour = "silver" })),
        new(nameof(IntelligenceItemKind.Location), null, "exploitation", null, country, null),
    ];
}
