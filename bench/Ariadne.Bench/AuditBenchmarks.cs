using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Bench;

/// <summary>What the audit chain costs: hashing one entry, writing one chained entry, verifying a trail.</summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from it.</remarks>
[MemoryDiagnoser]
public class AuditBenchmarks
{
    private readonly AuditChain _chain = new(new byte[32]);
    private string _folder = "";
    private DbContextOptions<AriadneDbContext> _options = null!;
    private AuditEntry _entry = null!;

    [Params(10_000)]
    public int TrailLength { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "ariadne-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var builder = new DbContextOptionsBuilder<AriadneDbContext>();
        new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "bench.db")}", _folder).Apply(builder);
        _options = builder.Options;
        await using var db = NewContext(out var trail);
        await SchemaMigrator.MigrateAsync(db, DatabaseProvider.Sqlite);
        for (var i = 0; i < TrailLength; i += 500)
        {
            for (var j = 0; j < 500; j++)
            {
                trail.Record(db, AuditActions.View, "Case", Guid.NewGuid().ToString(), details: "bench");
            }
            await db.SaveChangesAsync();
        }
        _entry = new AuditEntry
        {
            Sequence = 42, Action = AuditActions.View, ActorName = "demo-atu", ActorUserId = Guid.NewGuid(),
            ActorOrganisationId = Guid.NewGuid(), OccurredAt = DateTime.UtcNow, TargetType = "Case",
            TargetId = Guid.NewGuid().ToString(), Details = "bench", PreviousHash = new string('a', 64),
        };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "hash one entry (HMAC-SHA256)")]
    public string HashOneEntry() => _chain.ComputeHash(_entry);

    [Benchmark(Description = "record one chained entry (SQLite, own transaction)")]
    public async Task RecordOneEntryAsync()
    {
        await using var db = NewContext(out var trail);
        await trail.RecordAsync(db, AuditActions.Search, "AuditTrail", details: "bench");
    }

    [Benchmark(Description = "verify the whole trail (SQLite)")]
    public async Task<bool> VerifyTrailAsync()
    {
        await using var db = NewContext(out _);
        return (await new AuditVerifier(_chain).VerifyAsync(db)).IsIntact;
    }

    private AriadneDbContext NewContext(out AuditTrail trail)
    {
        trail = new AuditTrail(new BenchActor(), _chain, TimeProvider.System);
        return new AriadneDbContext(_options, trail, new ExpectedVersions());
    }
}
