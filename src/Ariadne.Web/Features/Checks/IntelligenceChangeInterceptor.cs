using Ariadne.Web.Features.Intelligence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ariadne.Web.Features.Checks;

/// <summary>
/// Writes an <see cref="IntelligenceChange"/> row for every report whose row or items are added, changed or deleted, in the same
/// save (so the same transaction) as the write itself: a report is never saved without its change being numbered, whichever
/// code path saves it, and a rolled-back write leaves no change behind. Bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> bypass
/// interceptors; the only one on reports (the audience refresh at start-up) changes no value the index holds.
/// </summary>
internal sealed class IntelligenceChangeInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        context.ChangeTracker.DetectChanges();
        var changed = new HashSet<Guid>();
        foreach (var entry in context.ChangeTracker.Entries<IntelligenceReport>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                changed.Add(entry.Entity.Id);
            }
        }
        foreach (var entry in context.ChangeTracker.Entries<IntelligenceItem>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                changed.Add(entry.Entity.ReportId);
            }
        }
        if (changed.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var reportId in changed)
        {
            context.Add(new IntelligenceChange { ReportId = reportId, ChangedAt = now });
        }
    }
}
