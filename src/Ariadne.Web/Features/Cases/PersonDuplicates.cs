using System.Runtime.CompilerServices;
using Ariadne.Matching.Names;
using Ariadne.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ariadne.Web.Features.Cases;

/// <summary>
/// The names of the people in every case, in the matching engine's name index (ADR 0012), so that the same person referred
/// by two agencies is found across scripts and spellings (Ana Popescu / Анa Попеску) when a case is opened or its person
/// recorded (issue 12 item 6). Case data only: victim-protection data is never put in the intelligence indexes, and this
/// index is never asked by an intelligence check.
/// </summary>
/// <remarks>
/// Built on first use from the database, kept current by <see cref="CasePersonIndexInterceptor"/> after every save on this
/// host, and rebuilt when older than <see cref="RebuildAfter"/> so that what other hosts saved reaches it. A hint that
/// arrives a few minutes late is acceptable for "possible duplicate"; the answer is always re-checked against the database
/// and the permission table before anything is shown.
/// </remarks>
public sealed class CasePersonIndex(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan RebuildAfter = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private NameIndex? _index;
    private DateTimeOffset _builtAt;

    public void Dispose()
    {
        _gate.Dispose();
        _index?.Dispose();
    }

    public async Task<NameIndex> GetAsync(AriadneDbContext db, CancellationToken ct = default)
    {
        if (_index is { } fresh && time.GetUtcNow() - _builtAt < RebuildAfter)
        {
            return fresh;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_index is { } built && time.GetUtcNow() - _builtAt < RebuildAfter)
            {
                return built;
            }
            var startedAt = time.GetUtcNow();
            var index = new NameIndex();
            var people = db.Cases.AsNoTracking().Where(c => c.PersonName != null)
                .Select(c => new { c.Id, c.PersonName, c.DateOfBirth, c.Nationality, c.Gender }).AsAsyncEnumerable();
            await foreach (var p in people.WithCancellation(ct))
            {
                index.Add(p.Id.ToString(), p.PersonName!, new NameEvidence(p.DateOfBirth, p.Nationality, p.Gender));
            }
            _index = index;
            _builtAt = startedAt;
            return index;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A case's person as saved: replaces what the index held for the case (nothing, when the name is gone).</summary>
    internal void Apply(Guid caseId, string? name, NameEvidence evidence)
    {
        if (_index is not { } index)
        {
            return;
        }
        index.Remove(caseId.ToString());
        if (!string.IsNullOrWhiteSpace(name))
        {
            index.Add(caseId.ToString(), name, evidence);
        }
    }
}

/// <summary>Hands every saved change of a case's person to <see cref="CasePersonIndex"/>, once the save has succeeded.</summary>
internal sealed class CasePersonIndexInterceptor(CasePersonIndex index) : SaveChangesInterceptor
{
    private static readonly string[] PersonFields =
        [nameof(Case.PersonName), nameof(Case.DateOfBirth), nameof(Case.Nationality), nameof(Case.Gender)];

    private readonly ConditionalWeakTable<DbContext, List<(Guid Id, string? Name, NameEvidence Evidence)>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Publish(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        // The interceptor runs before SaveChanges detects changes of its own.
        context.ChangeTracker.DetectChanges();
        var changed = context.ChangeTracker.Entries<Case>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted
                        || (e.State == EntityState.Modified && PersonFields.Any(f => e.Property(f).IsModified)))
            .Select(e => (e.Entity.Id, e.State == EntityState.Deleted ? null : e.Entity.PersonName,
                new NameEvidence(e.Entity.DateOfBirth, e.Entity.Nationality, e.Entity.Gender)))
            .ToList();
        if (changed.Count > 0)
        {
            _pending.AddOrUpdate(context, changed);
        }
    }

    private void Publish(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var changed))
        {
            return;
        }
        _pending.Remove(context);
        foreach (var (id, name, evidence) in changed)
        {
            index.Apply(id, name, evidence);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
