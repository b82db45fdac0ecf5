using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Screenings;
using Ariadne.Web.Features.Support;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Tests.Statistics;

/// <summary>
/// Small, known data for the statistics tests: its own region (so the shared database's other data stays out) and the
/// year 2011 (for the month-only anonymous counts, which have no region). Counts are small on purpose: disclosure control
/// has something to hide.
/// </summary>
public sealed class StatisticsWorld
{
    public const int Year = 2011;
    public required string Region { get; init; }
    public required Organisation Station { get; init; }
    public required Organisation Unit { get; init; }
    public required Organisation Support { get; init; }
    public required List<Screening> Screenings { get; init; }
    public required List<Case> Cases { get; init; }
    public required List<CaseOutcome> Outcomes { get; init; }
    public required List<ServiceProposal> Services { get; init; }
    public required List<AnonymousNotification> Declined { get; init; }

    public static DateTime Utc(int month, int day, int hour = 12) => new(Year, month, day, hour, 0, 0, DateTimeKind.Utc);

    public static async Task<StatisticsWorld> CreateAsync(AriadneAppFactory app)
    {
        var region = "Stats region " + Guid.NewGuid().ToString("N")[..8];
        var station = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
        var unit = await app.CreateOrganisationAsync(OrganisationType.AntiTraffickingUnit);
        var support = await app.CreateOrganisationAsync(OrganisationType.VictimSupport);
        var random = new Random(13);
        string[] channels = ["ENC-01", "ENC-02", "ENC-05"];
        var screenings = new List<Screening>();
        for (var i = 0; i < 40; i++)
        {
            var completed = i % 9 != 0;
            screenings.Add(new Screening
            {
                OrganisationId = station.Id, OfficerName = "Stats officer", CatalogueVersion = "test",
                Status = completed ? ScreeningStatus.Completed : ScreeningStatus.Draft,
                CreatedAt = Utc(1, 1), UpdatedAt = Utc(1, 1),
                // Months 1..6, and one on the boundary: 31 December 2010 23:30 UTC is 1 January 2011 in Brussels.
                CompletedAt = !completed ? null : i == 1 ? new DateTime(2010, 12, 31, 23, 30, 0, DateTimeKind.Utc)
                    : i == 2 ? new DateTime(2010, 12, 31, 22, 30, 0, DateTimeKind.Utc) : Utc(1 + random.Next(6), 1 + random.Next(27)),
                IntakeChannel = i % 7 == 0 ? null : channels[random.Next(channels.Length)],
                Gender = (Gender)random.Next(4), ApproximateAge = i % 5 == 0 ? null : 14 + random.Next(50),
                PresumedVictim = random.Next(3) > 0,
            });
        }
        var cases = new List<Case>();
        string[] forms = ["SEX", "LAB", "SEX LAB", "", "CRIM"];
        string?[] genders = ["Female", "Male", null];
        string?[] nationalities = ["RO", "NG", "VN", null];
        for (var i = 0; i < 30; i++)
        {
            // Every tenth case outside the year, on either side, so that a figure ignoring the period counts too many.
            var opened = i % 10 == 9 ? Utc(1 + random.Next(10), 1 + random.Next(27), 9).AddYears(i % 20 == 9 ? -1 : 1)
                : Utc(1 + random.Next(10), 1 + random.Next(27), 9);
            var decided = random.Next(4) > 0;
            cases.Add(new Case
            {
                Reference = "ST-" + Guid.NewGuid().ToString("N")[..10], OpenedByName = "Stats", OwnerOrganisationId = unit.Id,
                OpenedAt = opened, StageChangedAt = opened, LastActivityAt = opened, DecisionTargetAt = opened.AddDays(7),
                Stage = (CaseStage)random.Next(Enum.GetValues<CaseStage>().Length),
                ExploitationForms = forms[random.Next(forms.Length)], Gender = genders[random.Next(genders.Length)],
                Nationality = nationalities[random.Next(nationalities.Length)], ApproximateAge = random.Next(4) == 0 ? null : 12 + random.Next(50),
                AgeStatus = (AgeStatus)random.Next(4), GuardianOrganisationId = random.Next(2) == 0 ? null : support.Id,
                ReasonableGrounds = decided ? (random.Next(3) > 0 ? DecisionResult.Positive : DecisionResult.Negative) : null,
                ReasonableGroundsAt = decided ? opened.AddDays(random.Next(40)).AddHours(random.Next(20)) : null,
                Conclusive = decided && random.Next(2) == 0 ? DecisionResult.Positive : null,
                ReflectionStartedAt = random.Next(2) == 0 ? opened.AddDays(3) : null,
            });
            if (cases[^1].Conclusive is not null)
            {
                cases[^1].ConclusiveAt = cases[^1].ReasonableGroundsAt!.Value.AddDays(20);
            }
        }
        var outcomes = cases.Where((c, i) => i % 3 == 0)
            .Select((c, i) => new CaseOutcome { CaseId = c.Id, Code = i % 2 == 0 ? "OUT-01" : "OUT-04", RecordedAt = c.OpenedAt.AddDays(30), RecordedByName = "Stats" })
            .ToList();
        string[] serviceCodes = ["SVC-01", "SVC-02", "SVC-03"];
        var services = cases.Take(20).Select((c, i) => new ServiceProposal
        {
            CaseId = c.Id, ServiceCode = serviceCodes[i % 3], ProviderOrganisationId = support.Id, ProposedByOrganisationId = unit.Id,
            ProposedByName = "Stats", ProposedAt = c.OpenedAt.AddDays(1), Status = (ServiceStatus)(i % 5),
        }).ToList();
        string[] types = [nameof(OrganisationType.FrontlinePolice), nameof(OrganisationType.BorderGuard), nameof(OrganisationType.LabourInspectorate)];
        var declined = Enumerable.Range(0, 17).Select(i => new AnonymousNotification
        {
            Month = $"{Year}-{1 + i % 4:00}", ReportingOrganisationType = types[i % 3], AgeGroup = "Adult", Gender = "Female", Forms = "SEX",
            IndicatorCategories = "GEN",
        }).ToList();

        await app.WithDbAsync(async db =>
        {
            Guid[] ids = [station.Id, unit.Id, support.Id];
            await db.Organisations.Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(u => u.SetProperty(o => o.Area, region));
            db.Screenings.AddRange(screenings);
            db.Cases.AddRange(cases);
            db.AddRange(outcomes);
            db.ServiceProposals.AddRange(services);
            db.AnonymousNotifications.AddRange(declined);
            await db.SaveChangesAsync();
        });
        return new StatisticsWorld
        {
            Region = region, Station = station, Unit = unit, Support = support, Screenings = screenings, Cases = cases, Outcomes = outcomes,
            Services = services, Declined = declined,
        };
    }
}
