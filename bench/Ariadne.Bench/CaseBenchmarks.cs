using System.Security.Claims;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Jurisdiction;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Bench;

/// <summary>
/// What "no case lost" costs at national scale: the coordinator's dashboard and an organisation's work queue
/// over many open cases (SQLite), and one lifecycle decision (pure C#).
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from it.</remarks>
[MemoryDiagnoser]
public class CaseBenchmarks
{
    private readonly AuditChain _chain = new(new byte[32]);
    private readonly JurisdictionProfile _profile = new();
    private string _folder = "";
    private DbContextOptions<AriadneDbContext> _options = null!;
    private ClaimsPrincipal _worker = null!;

    [Params(10_000)]
    public int OpenCases { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "ariadne-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var builder = new DbContextOptionsBuilder<AriadneDbContext>();
        new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "bench.db")}", _folder).Apply(builder);
        _options = builder.Options;
        await using var db = new AriadneDbContext(_options, new AuditTrail(new BenchActor(), _chain, TimeProvider.System), new ExpectedVersions());
        await SchemaMigrator.MigrateAsync(db, DatabaseProvider.Sqlite);
        // Twenty units share the cases, as a country's regional units would.
        var units = Enumerable.Range(0, 20).Select(i => new Organisation { Name = $"Unit {i}", Type = OrganisationType.AntiTraffickingUnit }).ToList();
        db.Organisations.AddRange(units);
        await db.SaveChangesAsync();
        var now = DateTime.UtcNow;
        var stages = new[] { CaseStage.Intake, CaseStage.Assessment, CaseStage.Reflection, CaseStage.Recovery, CaseStage.NegativeDecision };
        for (var i = 0; i < OpenCases; i++)
        {
            var owner = units[i % units.Count].Id;
            var opened = now.AddDays(-(i % 90));
            var c = new Case
            {
                Reference = $"C-BENCH-{i:D6}", OpenedAt = opened, OpenedByName = "bench", StageChangedAt = opened, Stage = stages[i % stages.Length],
                OwnerOrganisationId = owner, OwnerUserId = i % 7 == 0 ? null : Guid.NewGuid(), OwnerName = "bench",
                LastActivityAt = opened, DecisionTargetAt = CaseDeadlines.DecisionTarget(opened, _profile),
            };
            c.NextDueAt = c.DecisionTargetAt;
            c.Participants.Add(new CaseParticipant { CaseId = c.Id, OrganisationId = owner, Kind = ParticipantKind.Owner, AddedAt = opened });
            db.Cases.Add(c);
            if (i % 1000 == 999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        _worker = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Role, Roles.Investigator),
            new Claim(AriadneClaims.OrganisationId, units[3].Id.ToString()),
            new Claim(AriadneClaims.OrganisationType, nameof(OrganisationType.AntiTraffickingUnit)),
        ], "bench"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "coordinator dashboard (overdue, ownerless, stale, handovers)")]
    public async Task<int> DashboardAsync()
    {
        await using var db = NewContext(out var cases);
        var d = await cases.DashboardAsync();
        return d.OverdueDecisions.Count + d.WithoutOwner.Count + d.Stale.Count;
    }

    [Benchmark(Description = "one unit's work queue")]
    public async Task<int> QueueAsync()
    {
        await using var db = NewContext(out var cases);
        return (await cases.QueueAsync(_worker, QueueScope.Organisation)).Count;
    }

    [Benchmark(Description = "one lifecycle decision (pure)")]
    public bool Decide() => CaseLifecycle.Decide(new CaseFacts(CaseStage.Reflection), new CaseActor(true, true, false),
        new TransitionRequest(CaseTrigger.ExtendReflection, "bench", ExtensionDays: 10)).Allowed;

    private AriadneDbContext NewContext(out CaseService cases)
    {
        var trail = new AuditTrail(new BenchActor(), _chain, TimeProvider.System);
        var db = new AriadneDbContext(_options, trail, new ExpectedVersions());
        // The dashboard and queues never open a screening nor ask the permission table of one case: neither service is needed here.
        cases = new CaseService(db, trail, null!, new CaseProtector(DataProtectionProvider.Create("ariadne-bench")), _profile, TimeProvider.System,
            null!);
        return db;
    }
}
