using System.Security.Claims;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Consent;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Safety;
using Ariadne.Web.Features.Screenings;
using Ariadne.Web.Features.Support;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Demo;

/// <summary>
/// Demo shelters and National Referral Mechanism cases, made through the real services so that every rule
/// (guards, deadlines, participation, encryption, audit) applies to them as to typed-in cases. Work "done ten
/// days ago" runs on services whose clock is set back ten days (<see cref="ShiftedTimeProvider"/>): the
/// timestamps, deadlines and staleness then come out of the same code as in real use.
/// </summary>
internal sealed partial class DemoSeeder
{
    private const string Unit = "National Anti-Trafficking Unit";
    private const string SouthernUnit = "Southern Anti-Trafficking Unit";
    private const string SupportOrganisation = "Safe Harbour Shelter";
    private const string ProsecutionOffice = "Public Prosecution — Trafficking Desk";
    private const string ShelterA = "Harbour House 1";
    private const string ShelterB = "Harbour House 2";

    /// <summary>Two shelters with invented addresses; only Safe Harbour's own members ever see them (V-01).</summary>
    private async Task SeedSheltersAsync()
    {
        var ngo = await PrincipalAsync("demo-ngo");
        var desk = At(0);
        Must(await desk.Support.AddShelterAsync(ngo, new ShelterRequest(ShelterA, nameof(ShelterType.CareShelter),
            "12 Example Lane, Demotown 1000 (invented address)")), "shelter 1");
        Must(await desk.Support.AddShelterAsync(ngo, new ShelterRequest(ShelterB, nameof(ShelterType.FlightShelter),
            "4 Nowhere Court, Fictiville 2000 (invented address)")), "shelter 2");
    }

    /// <summary>
    /// One or more cases in every stage, each with the people and work a case worker would expect, so the work
    /// queues and the coordinator's dashboard (overdue, no named owner, stale, pending handover) show something
    /// real on first start. All in one transaction: a failed seed leaves nothing half done and runs again next start.
    /// </summary>
    private async Task SeedCasesAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var unit = await db.Organisations.SingleAsync(o => o.Name == Unit, ct);
        var southern = await db.Organisations.SingleAsync(o => o.Name == SouthernUnit, ct);
        var support = await db.Organisations.SingleAsync(o => o.Name == SupportOrganisation, ct);
        var prosecution = await db.Organisations.SingleAsync(o => o.Name == ProsecutionOffice, ct);
        var atu = await PrincipalAsync("demo-atu");
        var ngo = await PrincipalAsync("demo-ngo");
        var safety = await PrincipalAsync("demo-safety");

        // Intake: an adult, opened this morning.
        await OpenAsync(At(0.2), unit, "demo-frontline-2", new ScreeningRequest(
            IntakeChannel: "ENC-02", Place: "Fishing trawler at quay 7, Harbour District", ColleaguePresent: "Officer T. Example",
            NameKind: "Name", PersonName: "Ivo Demo", ApproximateAge: 34, Gender: "Male", Nationality: "Invented-land", Language: "Serbian",
            InterpreterNeeded: true,
            Indicators: [new("LAB-01", "Not allowed off the boat in port"), new("LAB-02", "Owes the skipper for his 'recruitment fee'"),
                new("CTE-04", "Skipper keeps the crew's passports")],
            Statement: "Port inspection of the trawler. Mr Demo said he has not been paid for four months and may not leave the boat.",
            PresumedVictim: true));

        // Intake: a presumed child, waiting for a guardian (nothing moves before one is recorded).
        await OpenAsync(At(0.05), unit, "demo-border", new ScreeningRequest(
            IntakeChannel: "ENC-02", Place: "Eastern crossing, car lane 1", ColleaguePresent: "Guard E. Sample",
            NameKind: "Name", PersonName: "Kira Demo", ApproximateAge: 16, SuspectedMinor: true, Gender: "Female", Language: "Ukrainian",
            Accompanied: true, CompanionSeemsToControl: true, SeparatedFromCompanion: true,
            CompanionDescription: "Man in his thirties, said he was her cousin; invented car plate DEMO-123",
            Indicators: [new("BOR-06", "The man answered every question for her"), new("CHS-01", "Said she was 18, looked much younger")],
            Statement: "Secondary check. The girl said a 'modelling job' was waiting for her in the capital.",
            PresumedVictim: true));

        // Assessment.
        var assessment = await OpenAsync(At(3), unit, "demo-labour", Labour("Marek Demo", 41, "Male",
            "Greenhouse row 5, North Farm Road", "Sleeps in the boiler room; the gang master keeps his bank card."));
        await MoveAsync(At(2), atu, assessment, CaseTrigger.StartAssessment);

        // Reflection and recovery period, with the work that goes with it.
        await SeedReflectionAsync(unit, support, prosecution, atu, ngo, safety);

        // Reflection, stale: the period was extended long ago and nobody has recorded anything since.
        var stale = await OpenAsync(At(50), unit, "demo-border", Sexual("Yana Demo", 24, "Coach station, Eastern crossing"));
        await MoveAsync(At(50), atu, stale, CaseTrigger.StartAssessment);
        await MoveAsync(At(46), atu, stale, CaseTrigger.ReasonableGroundsPositive,
            "Consistent account, corroborated by the border check; indicators of sexual exploitation and debt bondage.");
        await MoveAsync(At(45), atu, stale, new TransitionRequest(CaseTrigger.ExtendReflection,
            "In hospital for several weeks; needs the time to recover before deciding on co-operation.", ExtensionDays: 60));

        // Negative reasonable-grounds decision, awaiting review or closure.
        var negative = await OpenAsync(At(20), unit, "demo-frontline-2", new ScreeningRequest(
            IntakeChannel: "ENC-02", Place: "Market square, Harbour District", ColleaguePresent: "Officer T. Example",
            NameKind: "Name", PersonName: "Pavel Demo", ApproximateAge: 30, Gender: "Male", Language: "Romanian",
            Indicators: [new("GEN-07", "No money on him"), new("GEN-05", null)],
            Statement: "Found begging near the market; said he came alone and sends money home.", PresumedVictim: false));
        await MoveAsync(At(19), atu, negative, CaseTrigger.StartAssessment);
        await MoveAsync(At(14), atu, negative, CaseTrigger.ReasonableGroundsNegative,
            "No sign of control or exploitation found after two interviews with an interpreter; he travels and works on his own account.");

        // Reconsideration asked for by the support organisation, with new information.
        var reconsidered = await OpenAsync(At(18), unit, "demo-labour", Domestic("Rosa Demo", 38));
        await MoveAsync(At(17), atu, reconsidered, CaseTrigger.StartAssessment);
        var legal = Must(await At(16).Support.ProposeAsync(atu, reconsidered.Id,
            new ProposeServiceRequest("SVC-06", support.Id, "Lawyer for the residence question")), "legal assistance");
        Must(await At(16).Support.DecideAsync(ngo, reconsidered.Id, legal.Id, SupportWork.Decision.Accept, null), "accept legal assistance");
        await MoveAsync(At(10), atu, reconsidered, CaseTrigger.ReasonableGroundsNegative,
            "The employer's family says she was a paid au pair free to leave; no document shows otherwise.");
        await MoveAsync(At(3), ngo, reconsidered, CaseTrigger.RequestReconsideration,
            "New information: she has since shown us messages in which the employer threatens to report her to immigration if she leaves.");

        // Assistance and recovery, with two outcomes recorded.
        var recovery = await OpenAsync(At(60), unit, "demo-frontline", Sexual("Olga Demo", 29, "Flat above the Demo Bar, 3 Example Road"));
        await MoveAsync(At(60), atu, recovery, CaseTrigger.StartAssessment);
        await MoveAsync(At(57), atu, recovery, CaseTrigger.ReasonableGroundsPositive,
            "Controlled through debt and threats against her family; account consistent with the evidence at the flat.");
        await MoveAsync(At(30), atu, recovery, new TransitionRequest(CaseTrigger.ConclusivePositive,
            "The investigation confirmed recruitment by deception and exploitation in prostitution.",
            EarlyDecisionReason: "She asked for the decision now so that her residence permit can be applied for; the period runs on."));
        await MoveAsync(At(25), atu, recovery, new TransitionRequest(CaseTrigger.RecordOutcome, OutcomeCode: "OUT-01"));
        await MoveAsync(At(6), atu, recovery, new TransitionRequest(CaseTrigger.RecordOutcome, OutcomeCode: "OUT-02"));

        // Closed: outcomes achieved.
        var closed = await OpenAsync(At(120), unit, "demo-border", Sexual("Nadia Demo", 33, "Motel car park, Eastern crossing"));
        await MoveAsync(At(120), atu, closed, CaseTrigger.StartAssessment);
        await MoveAsync(At(115), atu, closed, CaseTrigger.ReasonableGroundsPositive, "Indicators of sexual exploitation confirmed in interview.");
        await MoveAsync(At(80), atu, closed, CaseTrigger.ConclusivePositive, "Trafficking confirmed by the investigation.");
        await MoveAsync(At(60), atu, closed, new TransitionRequest(CaseTrigger.RecordOutcome, OutcomeCode: "OUT-03"));
        await MoveAsync(At(10), atu, closed, new TransitionRequest(CaseTrigger.Close,
            "Completed the reintegration programme; has her own flat and work. Support ended by agreement.", CaseClosureReason.OutcomesAchieved));

        // Assessment, handed over to the southern unit, which has not accepted yet.
        var handedOver = await OpenAsync(At(4), unit, "demo-labour", Labour("Jonas Demo", 45, "Male",
            "Building site, Example Avenue", "Lives in a container on the site; works seven days a week for food."));
        await MoveAsync(At(4), atu, handedOver, CaseTrigger.StartAssessment);
        Must(await At(1).Cases.RequestHandoverAsync(atu, handedOver.Id, southern.Id,
            "He has moved to his sister in the South Region; the southern unit can meet him in person."), "handover");

        // Assessment, left with the team: no named case worker.
        var ownerless = await OpenAsync(At(2), unit, "demo-frontline", Labour("Amir Demo", 19, "Male",
            "Car wash, Mill Street", "Works twelve hours a day; the owner pays 'later'."));
        await MoveAsync(At(2), atu, ownerless, CaseTrigger.StartAssessment);
        Must(await At(1).Cases.AssignAsync(atu, ownerless.Id, null), "left with the team");

        // Assessment, overdue: the reasonable-grounds decision was due days ago.
        var overdue = await OpenAsync(At(12), unit, "demo-frontline-2", Domestic("Beata Demo", 50));
        await MoveAsync(At(10), atu, overdue, CaseTrigger.StartAssessment);

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// The fullest demo case: positive reasonable-grounds decision, consent to share with the shelter, board and
    /// lodging accepted, a placement after a risk assessment, a statement, a safety coordinator and a safety action.
    /// </summary>
    private async Task SeedReflectionAsync(Organisation unit, Organisation support,
        Organisation prosecution, ClaimsPrincipal atu, ClaimsPrincipal ngo, ClaimsPrincipal safety)
    {
        var c = await OpenAsync(At(12), unit, "demo-frontline", Sexual("Daria Demo", 26, "Flat 2, 40 Example Street, Riverside"));
        await MoveAsync(At(12), atu, c, CaseTrigger.StartAssessment);
        Must(await At(11).Safety.AddDocumentAsync(atu, c.Id, new DocumentRequest("Statement of Ms Demo, with an interpreter",
            "Invented statement for the demo. Ms Demo describes being recruited for hotel work abroad, being told she owed " +
            "3,000 for the journey, and being made to work in a flat every night to pay it off. She describes the man who " +
            "kept her phone and passport.")), "statement");
        await MoveAsync(At(9), atu, c, CaseTrigger.ReasonableGroundsPositive,
            "Consistent account; passport found with the suspect; indicators of sexual exploitation and debt bondage.");
        foreach (var purpose in new[] { ConsentPurpose.PersonalData, ConsentPurpose.Statements })
        {
            Must(await At(9).Consent.RecordAsync(atu, c.Id, new ConsentRequest(purpose.ToString(), support.Id,
                "Information sheet v1 (Romanian)", RolesExplained: true, ExplainedToPerson: true)), "consent");
        }
        var lodging = Must(await At(9).Support.ProposeAsync(atu, c.Id,
            new ProposeServiceRequest(SupportWork.Lodging, support.Id, "Needs a place tonight, away from the Riverside area")), "SVC-01");
        Must(await At(9).Support.ProposeAsync(atu, c.Id,
            new ProposeServiceRequest("SVC-02", support.Id, "Counselling in Romanian if possible")), "SVC-02");
        Must(await At(8).Support.DecideAsync(ngo, c.Id, lodging.Id, SupportWork.Decision.Accept, null), "accept SVC-01");
        var risk = Must(await At(8).Safety.AssessRiskAsync(ngo, c.Id, new RiskAssessmentRequest(nameof(RiskPurpose.ShelterPlacement),
            nameof(RiskLevel.Medium), nameof(RiskLevel.Medium), nameof(RiskLevel.High), RiskIdentified: true,
            "The suspect knows her Riverside contacts: place her outside Riverside, no visitors for now, new phone.",
            "Tess Teamlead (shelter coordinator, invented)")), "risk assessment");
        var shelter = await db.Shelters.AsNoTracking().SingleAsync(s => s.OrganisationId == support.Id && s.Name == ShelterA);
        Must(await At(8).Support.PlaceAsync(ngo, c.Id, new PlacementRequest(lodging.Id, shelter.Id, risk.Id)), "placement");
        var coordinator = safety.UserId() ?? throw new InvalidOperationException("demo-safety has no id.");
        Must(await At(7).Safety.AssignSafetyCoordinatorAsync(atu, c.Id, coordinator), "safety coordinator");
        var desk = At(2);
        Must(await desk.Safety.AddSafetyActionAsync(safety, c.Id, new SafetyActionRequest(
            "New phone and number for Ms Demo; the old phone goes to the investigators as evidence.",
            desk.Cases.Profile.LocalDate(desk.Cases.Now).AddDays(3))), "safety action");
        Must(await At(1).Cases.InviteAsync(atu, c.Id, prosecution.Id), "invite the prosecution");
    }

    /// <summary>A frontline officer screens and refers the person; the unit opens the case (R-ACT-08, L2).</summary>
    private async Task<Case> OpenAsync(Desk desk, Organisation unit, string officerName, ScreeningRequest request)
    {
        var officer = await PrincipalAsync(officerName);
        var atu = await PrincipalAsync("demo-atu");
        var screening = desk.Screenings.Start(officer);
        Must(desk.Screenings.Update(screening, request with { EncounteredAt = desk.Clock.GetUtcNow().AddHours(-3) }), "screening");
        desk.Screenings.MarkActionDone(screening, MandatoryActions.AlertUnit, officer);
        await db.SaveChangesAsync();
        var (outcome, errors) = await desk.Referrals.ReferAsync(screening,
            new ReferralRequest(unit.Id, request.SuspectedMinor == true ? null : ReferralService.ConsentGiven), officer);
        Must(errors, "referral");
        var referral = outcome!.Referrals.Single(r => r.Kind == nameof(ReferralKind.SpecialisedUnit));
        return Must(await desk.Cases.OpenFromReferralAsync(atu, referral.Id), "open case");
    }

    private Task MoveAsync(Desk desk, ClaimsPrincipal user, Case c, CaseTrigger trigger, string? reason = null) =>
        MoveAsync(desk, user, c, new TransitionRequest(trigger, reason));

    private static async Task MoveAsync(Desk desk, ClaimsPrincipal user, Case c, TransitionRequest request) =>
        Must(await desk.Cases.TransitionAsync(user, c.Id, request), request.Trigger.ToString());

    private static ScreeningRequest Sexual(string name, int age, string place) => new(
        IntakeChannel: "ENC-05", Place: place, ColleaguePresent: "Officer M. Example (female)", NameKind: "Name", PersonName: name,
        ApproximateAge: age, Gender: "Female", Nationality: "Invented-land", Language: "Romanian", InterpreterNeeded: true,
        Indicators: [new("GEN-06", "Passport held by 'the boss'"), new("SEX-02", "Hands over all her earnings"),
            new("SEX-06", "Family at home threatened"), new("CTE-01", "Travel debt that keeps growing")],
        Statement: "Invented encounter for the demo: a neighbour reported women coming and going at night.",
        PresumedVictim: true);

    private static ScreeningRequest Labour(string name, int age, string gender, string place, string statement) => new(
        IntakeChannel: "ENC-02", Place: place, ColleaguePresent: "Inspector K. Example", NameKind: "Name", PersonName: name,
        ApproximateAge: age, Gender: gender, Nationality: "Invented-land", Language: "Polish", InterpreterNeeded: true,
        Indicators: [new("LAB-02", null), new("LAB-04", null), new("LAB-07", null), new("GEN-06", "Employer holds his ID card")],
        Statement: "Invented encounter for the demo. " + statement, PresumedVictim: true);

    private static ScreeningRequest Domestic(string name, int age) => new(
        IntakeChannel: "ENC-05", Place: "Private house, 9 Example Hill", ColleaguePresent: "Inspector K. Example", NameKind: "Name",
        PersonName: name, ApproximateAge: age, Gender: "Female", Nationality: "Invented-land", Language: "Tagalog", InterpreterNeeded: true,
        Indicators: [new("DOM-01", null), new("DOM-02", "Works from 6 in the morning to midnight"), new("DOM-06", "Paid nothing for a year"),
            new("GEN-02", "Never leaves the house alone")],
        Statement: "Invented encounter for the demo: a neighbour called the hotline about a housekeeper who is never seen outside.",
        PresumedVictim: true);

    private static T Must<T>(CaseResult<T> result, string step) =>
        result.Error is { } e ? throw new InvalidOperationException($"Demo seed, {step}: {e.Message}") : result.Value!;

    private static void Must(Dictionary<string, string[]> errors, string step)
    {
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Demo seed, {step}: " + string.Join(" ", errors.Values.SelectMany(v => v)));
        }
    }

    /// <summary>The real services as they would have worked <paramref name="daysAgo"/> days ago.</summary>
    private Desk At(double daysAgo) => new(services, daysAgo <= 0 ? time : new ShiftedTimeProvider(time, TimeSpan.FromDays(daysAgo)));

    /// <summary>The case services built from the request scope, with their clock replaced.</summary>
    private sealed class Desk(IServiceProvider services, TimeProvider clock)
    {
        public TimeProvider Clock { get; } = clock;
        public ScreeningService Screenings { get; } = ActivatorUtilities.CreateInstance<ScreeningService>(services, clock);
        public ReferralService Referrals => ActivatorUtilities.CreateInstance<ReferralService>(services, Screenings, Clock);
        public CaseService Cases { get; } = ActivatorUtilities.CreateInstance<CaseService>(services, clock);
        public SupportWork Support => ActivatorUtilities.CreateInstance<SupportWork>(services, Cases);
        public ConsentWork Consent => ActivatorUtilities.CreateInstance<ConsentWork>(services, Cases);
        public SafetyWork Safety => ActivatorUtilities.CreateInstance<SafetyWork>(services, Cases);
    }
}

/// <summary>A clock set back by a fixed span: the demo seeds past work through services that read the time.</summary>
internal sealed class ShiftedTimeProvider(TimeProvider inner, TimeSpan back) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() - back;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;
}
