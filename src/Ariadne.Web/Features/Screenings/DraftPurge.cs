using Ariadne.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Screenings;

/// <summary>
/// How long an unfinished screening is kept. Drafts hold personal data typed in a hurry; one nobody came back
/// to is deleted rather than left lying around ("Identification:DraftRetentionHours", default 72).
/// </summary>
public sealed record DraftRetention(TimeSpan Period)
{
    public static DraftRetention FromConfiguration(IConfiguration configuration)
    {
        var hours = configuration.GetValue("Identification:DraftRetentionHours", 72);
        if (hours < 1)
        {
            throw new InvalidOperationException("Identification:DraftRetentionHours must be at least 1.");
        }
        return new DraftRetention(TimeSpan.FromHours(hours));
    }
}

/// <summary>Deletes drafts untouched for longer than the retention period; every deletion is in the audit trail.</summary>
public sealed class DraftPurge(AriadneDbContext db, DraftRetention retention, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - retention.Period;
        var stale = await db.Screenings
            .Include(s => s.Indicators).Include(s => s.Actions).Include(s => s.InformationSheets)
            .Where(s => s.Status == ScreeningStatus.Draft && s.UpdatedAt < cutoff)
            .ToListAsync(ct);
        if (stale.Count > 0)
        {
            db.Screenings.RemoveRange(stale);
            await db.SaveChangesAsync(ct);
        }
        return stale.Count;
    }
}

public sealed partial class DraftPurgeService(IServiceScopeFactory scopes, ILogger<DraftPurgeService> logger, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // First run an hour after start: the database initialiser has long finished by then.
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var removed = await scope.ServiceProvider.GetRequiredService<DraftPurge>().RunAsync(stoppingToken);
                if (removed > 0)
                {
                    LogPurged(logger, removed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed purge must not stop the host; the next tick tries again.
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} screening drafts past their retention period")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draft purge failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
