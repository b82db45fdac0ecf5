using System.Diagnostics;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Jurisdiction;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Screenings;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Demo;

/// <summary>
/// Data at the scale of a national mechanism (issue #9 item 16), for measuring pages and benchmarks:
/// <c>demo seed --cases 100000 --screenings 1000000</c>. Rows are inserted in large batches with prepared INSERTs
/// built from the EF model (<see cref="BulkInsert"/>; not the HTTP API, not the change tracker), each batch one
/// transaction, audited as one summary entry per kind of row.
/// The distributions follow what an NRM sees: most screenings end without a referral, most cases are closed,
/// a sixth are children, the national unit owns the largest share, the busiest police units refer the most.
/// Every name is invented from syllables; a fixed seed makes runs repeatable.
/// </summary>
internal sealed class NationalSeed(AriadneDbContext db, AuditTrail audit, JurisdictionProfile profile, TimeProvider time)
{
    private const int Batch = 20_000;
    private static readonly string[] Syllables = ["ra", "lo", "vi", "na", "ke", "su", "mi", "ta", "do", "ri", "an", "el", "os", "um", "ba", "zo", "te", "ly"];
    private static readonly string[] Nationalities = ["Ruritanian", "Freedonian", "Borduria", "Syldavian", "Latverian", "Genovian", "Elbonian"];
    private static readonly string[] Places = ["Lorry park", "Car wash", "Nail bar", "Building site", "Farm", "Port", "Railway station", "Restaurant kitchen", "Private flat"];
    private static readonly (CaseStage Stage, double Share)[] Stages =
    [
        (CaseStage.Closed, 0.55), (CaseStage.Recovery, 0.15), (CaseStage.Reflection, 0.10), (CaseStage.Assessment, 0.08),
        (CaseStage.Intake, 0.05), (CaseStage.NegativeDecision, 0.05), (CaseStage.Reconsideration, 0.02),
    ];

    public sealed record Report(int Organisations, int Screenings, int Referrals, int Cases, TimeSpan Took);

    public async Task<Report> RunAsync(int cases, int screenings, TextWriter output, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        screenings = Math.Max(screenings, cases);
        var random = new Random(9);
        var now = time.GetUtcNow().UtcDateTime;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        audit.BulkImport = true; // the organisations below are saved through the context: one summary entry

        var existing = await db.Organisations.AsNoTracking().ToListAsync(ct);
        var added = new List<Organisation>();
        Organisation Add(string name, OrganisationType type, string area)
        {
            var o = new Organisation { Name = name, Type = type, Area = area, CreatedAt = now.AddYears(-4) };
            added.Add(o);
            return o;
        }
        var regions = Enumerable.Range(1, 12).Select(i => $"Region {i}").ToArray();
        for (var i = 1; i <= 40; i++)
        {
            Add($"Seeded Police Unit {i:D2}", OrganisationType.FrontlinePolice, regions[i % regions.Length]);
        }
        for (var i = 1; i <= 8; i++)
        {
            Add($"Seeded Border Post {i:D2}", OrganisationType.BorderGuard, regions[i % regions.Length]);
            Add($"Seeded Labour Inspectorate {i:D2}", OrganisationType.LabourInspectorate, regions[i % regions.Length]);
        }
        foreach (var region in regions)
        {
            Add($"Seeded Anti-Trafficking Unit {region}", OrganisationType.AntiTraffickingUnit, region);
        }
        await SaveAsync(added, ct);
        var all = existing.Concat(added).ToList();
        var frontline = all.Where(o => o.Type is OrganisationType.FrontlinePolice or OrganisationType.BorderGuard or OrganisationType.LabourInspectorate).ToList();
        var units = all.Where(o => o.Type == OrganisationType.AntiTraffickingUnit).ToList();
        // The national unit (the demo's, when present) owns about a third; regional units share the rest.
        var national = units.FirstOrDefault(u => u.Name == "National Anti-Trafficking Unit") ?? units[0];

        var referred = 0;
        var opened = 0;
        await using var bulk = new BulkInsert(db);
        for (var start = 0; start < screenings; start += Batch)
        {
            var rows = new SeedBatch();
            for (var i = start; i < Math.Min(screenings, start + Batch); i++)
            {
                // Busier units screen more: a skewed pick (squared uniform) over the frontline organisations.
                var from = frontline[(int)(Math.Pow(random.NextDouble(), 2) * frontline.Count)];
                var created = now.AddMinutes(-Math.Pow(random.NextDouble(), 1.5) * 3 * 365 * 24 * 60);
                var child = random.NextDouble() < 0.16;
                var withCase = i < cases;
                var screening = new Screening
                {
                    OrganisationId = from.Id, OfficerUserId = Guid.Empty, OfficerName = "Officer " + Name(random),
                    CatalogueVersion = "seed", CreatedAt = created, UpdatedAt = created.AddMinutes(20),
                    Status = withCase ? ScreeningStatus.Referred : random.NextDouble() < 0.8 ? ScreeningStatus.Completed : ScreeningStatus.Draft,
                    IntakeChannel = $"ENC-0{random.Next(1, 7)}", Place = Places[random.Next(Places.Length)], EncounteredAt = created.AddHours(-2),
                    NameKind = NameKind.Name, PersonName = Name(random) + " " + Name(random), ApproximateAge = child ? random.Next(12, 18) : random.Next(18, 55),
                    SuspectedMinor = child, Gender = random.NextDouble() < 0.6 ? Gender.Female : Gender.Male,
                    Nationality = Nationalities[random.Next(Nationalities.Length)], PresumedVictim = withCase,
                };
                screening.CompletedAt = screening.Status == ScreeningStatus.Draft ? null : screening.UpdatedAt;
                rows.Screenings.Add(screening);
                if (!withCase)
                {
                    continue;
                }
                var unit = random.NextDouble() < 0.35 ? national : units[random.Next(units.Count)];
                var referral = new Referral
                {
                    Reference = $"R-S{i:D7}", ScreeningId = screening.Id, Kind = ReferralKind.SpecialisedUnit, FromOrganisationId = from.Id,
                    ToOrganisationId = unit.Id, ReferredByName = screening.OfficerName, ReferredAt = screening.UpdatedAt,
                    Consent = ReferralConsent.Given, Status = ReferralStatus.Acknowledged, AcknowledgedAt = screening.UpdatedAt.AddHours(4),
                    AcknowledgedByName = "Seeded case worker", PresumedVictim = true, PresumedMinor = child,
                    StatementText = "Seeded referral (invented data for measurements).",
                };
                rows.Referrals.Add(referral);
                rows.Cases.Add(NewCase(i, screening, referral, unit, child, random, now));
                referred++;
                opened++;
            }
            await InsertAsync(bulk, rows, ct);
            if ((start / Batch) % 5 == 0)
            {
                await output.WriteLineAsync($"  {Math.Min(screenings, start + Batch):N0} screenings, {opened:N0} cases ({clock.Elapsed.TotalSeconds:0} s)");
            }
        }
        audit.BulkImport = false;
        return new Report(added.Count, screenings, referred, opened, clock.Elapsed);
    }

    private Case NewCase(int i, Screening screening, Referral referral, Organisation unit, bool child, Random random, DateTime now)
    {
        var openedAt = referral.AcknowledgedAt!.Value;
        var stage = Pick(random.NextDouble());
        // Recent cases are still early in the procedure; old ones are mostly closed.
        var age = (now - openedAt).TotalDays;
        if (age < 30 && stage is CaseStage.Closed or CaseStage.Recovery)
        {
            stage = CaseStage.Assessment;
        }
        var changed = openedAt.AddDays(Math.Min(age, random.Next(1, 200)));
        var c = new Case
        {
            Reference = $"C-S{i:D7}", ReferralId = referral.Id, ReferringOrganisationId = referral.FromOrganisationId, OpenedAt = openedAt,
            OpenedByName = "Seeded case worker", Stage = stage, StageChangedAt = changed, OwnerOrganisationId = unit.Id,
            OwnerName = random.NextDouble() < 0.9 ? "Seeded case worker" : null, LastActivityAt = changed,
            DecisionTargetAt = CaseDeadlines.DecisionTarget(openedAt, profile), PersonName = screening.PersonName,
            Gender = screening.Gender.ToString(), Nationality = screening.Nationality, ApproximateAge = screening.ApproximateAge,
            AgeStatus = child ? AgeStatus.PresumedMinor : AgeStatus.Unknown, ExploitationForms = random.NextDouble() < 0.5 ? "SEX" : "LAB",
        };
        if (stage is CaseStage.Reflection or CaseStage.Recovery or CaseStage.Closed)
        {
            c.ReasonableGrounds = DecisionResult.Positive;
            c.ReasonableGroundsAt = openedAt.AddDays(5);
            c.ReflectionStartedAt = c.ReasonableGroundsAt;
            c.ReflectionMinimumEndsOn = DateOnly.FromDateTime(c.ReflectionStartedAt.Value.AddDays(profile.MinimumReflectionDays));
            c.ReflectionEndsOn = c.ReflectionMinimumEndsOn;
        }
        if (stage is CaseStage.Recovery or CaseStage.Closed)
        {
            c.Conclusive = DecisionResult.Positive;
            c.ConclusiveAt = changed;
        }
        if (stage is CaseStage.NegativeDecision or CaseStage.Reconsideration)
        {
            c.ReasonableGrounds = DecisionResult.Negative;
            c.ReasonableGroundsAt = changed;
            c.NegativeDecisionLevel = DecisionLevel.ReasonableGrounds;
        }
        if (stage == CaseStage.Closed)
        {
            c.StageBeforeClosure = CaseStage.Recovery;
            c.ClosedAt = changed;
            c.ClosureReason = CaseClosureReason.OutcomesAchieved;
        }
        var due = CaseDeadlines.NextDue(c, profile);
        c.NextDueAt = due?.At;
        c.NextDueWhat = due?.What;
        c.Participants.Add(new CaseParticipant { CaseId = c.Id, OrganisationId = unit.Id, Kind = ParticipantKind.Owner, AddedAt = openedAt });
        if (referral.FromOrganisationId != unit.Id)
        {
            c.Participants.Add(new CaseParticipant { CaseId = c.Id, OrganisationId = referral.FromOrganisationId, Kind = ParticipantKind.Referrer, AddedAt = openedAt });
        }
        return c;
    }

    private static CaseStage Pick(double x)
    {
        foreach (var (stage, share) in Stages)
        {
            if (x < share)
            {
                return stage;
            }
            x -= share;
        }
        return CaseStage.Closed;
    }

    private static string Name(Random random)
    {
        var n = string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Syllables[random.Next(Syllables.Length)]));
        return char.ToUpperInvariant(n[0]) + n[1..];
    }

    private async Task SaveAsync(IEnumerable<object> rows, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>One batch in one transaction, parents before children; then one audit entry per kind of row, on the chain.</summary>
    private async Task InsertAsync(BulkInsert bulk, SeedBatch rows, CancellationToken ct)
    {
        var participants = rows.Cases.SelectMany(c => c.Participants).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await bulk.InsertAsync(rows.Screenings, ct);
            await bulk.InsertAsync(rows.Referrals, ct);
            await bulk.InsertAsync(rows.Cases, ct);
            await bulk.InsertAsync(participants, ct);
            await transaction.CommitAsync(ct);
        }
        audit.BulkImport = false;
        foreach (var (kind, count) in new[]
                 {
                     (nameof(Screening), rows.Screenings.Count), (nameof(Referral), rows.Referrals.Count), (nameof(Case), rows.Cases.Count),
                     (nameof(CaseParticipant), participants.Count),
                 }.Where(k => k.Item2 > 0))
        {
            await audit.RecordAsync(db, AuditActions.Create, kind, details: $"bulk import: {count} rows", cancellationToken: ct);
        }
        db.ChangeTracker.Clear();
    }

    private sealed class SeedBatch
    {
        public List<Screening> Screenings { get; } = new(Batch);
        public List<Referral> Referrals { get; } = [];
        public List<Case> Cases { get; } = [];
    }
}
