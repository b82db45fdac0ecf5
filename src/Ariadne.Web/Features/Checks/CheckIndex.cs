using System.Text.Json;
using Ariadne.Matching.Index;
using Ariadne.Matching.Names;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Intelligence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ariadne.Web.Features.Checks;

/// <summary>
/// The host's copy of the cross-referencing engine's indexes (issue 11 item 4): exact identifiers and person names of every
/// intelligence report, keyed by report id. The database stays the source of truth; this is a cache of it, built at start-up by
/// <see cref="CheckIndexLoader"/> and kept fresh by applying the <see cref="IntelligenceChange"/> rows after the last one seen.
/// Nothing here decides who may see what: a hit is a report id, and the check asks the dissemination policy about each one.
/// </summary>
public sealed class CheckIndex(ILogger<CheckIndex> logger, TimeProvider time, CheckSettings settings) : IDisposable
{
    private readonly SemaphoreSlim _apply = new(1, 1);
    // Sequences below the highest applied that were not seen yet: a transaction that took its number earlier may commit later
    // (PostgreSQL hands out identities before commit). Re-read until seen or until the gap is older than any transaction lives.
    private readonly Dictionary<long, DateTime> _gaps = [];
    private volatile bool _ready;
    private long _applied;

    public IdentifierIndex Identifiers { get; } = new();
    public NameIndex Names { get; } = new();

    /// <summary>True once the whole database has been loaded; checks are refused (503) before.</summary>
    public bool IsReady => _ready;

    /// <summary>The last change applied (every change up to it, except gaps still awaited).</summary>
    public long ChangeSequence => Interlocked.Read(ref _applied);

    public void Dispose()
    {
        Identifiers.Dispose();
        Names.Dispose();
        _apply.Dispose();
    }

    /// <summary>Loads every report's identifiers and names. The change sequence is read first, so a write during the load is
    /// applied again afterwards (applying a report is idempotent: it replaces what the index held for it).</summary>
    public async Task LoadAsync(AriadneDbContext db, CancellationToken ct)
    {
        await _apply.WaitAsync(ct);
        try
        {
            var top = await db.IntelligenceChanges.MaxAsync(c => (long?)c.Sequence, ct) ?? 0;
            var reports = 0;
            Guid? current = null;
            var items = new List<IndexedItem>();
            await foreach (var item in ItemsQuery(db.IntelligenceItems.OrderBy(i => i.ReportId)).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (current is { } id && id != item.ReportId)
                {
                    Apply(id, items, top);
                    items.Clear();
                    reports++;
                }
                current = item.ReportId;
                items.Add(item);
            }
            if (current is { } last)
            {
                Apply(last, items, top);
                reports++;
            }
            Interlocked.Exchange(ref _applied, top);
            Identifiers.AdvanceTo(top);
            _ready = true;
            logger.LogInformation("Check index loaded: {Reports} reports, {Values} identifier values, {Names} names, change {Sequence}",
                reports, Identifiers.ValueCount, Names.Count, top);
        }
        finally
        {
            _apply.Release();
        }
    }

    /// <summary>
    /// Applies the changes written since the last call (by this host or any other on the same database). Called by the poller
    /// and before every check, so a check sees every report committed before it began.
    /// </summary>
    /// <returns>How many reports were re-indexed.</returns>
    public async Task<int> CatchUpAsync(AriadneDbContext db, CancellationToken ct = default)
    {
        if (!_ready)
        {
            return 0;
        }
        await _apply.WaitAsync(ct);
        try
        {
            // Batch after batch until the feed is drained: a check must not answer from the first 5,000 changes of a bulk load.
            var total = 0;
            while (await ApplyBatchAsync(db, ct) is var (reports, full))
            {
                total += reports;
                if (!full)
                {
                    break;
                }
            }
            return total;
        }
        finally
        {
            _apply.Release();
        }
    }

    /// <summary>One batch of the feed; null when there was nothing to apply, else the reports re-indexed and whether the batch was full.</summary>
    private async Task<(int Reports, bool Full)?> ApplyBatchAsync(AriadneDbContext db, CancellationToken ct)
    {
        var applied = Interlocked.Read(ref _applied);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var stale in _gaps.Where(g => now - g.Value > settings.GapTimeout).Select(g => g.Key).ToList())
        {
            _gaps.Remove(stale);
        }
        var gaps = _gaps.Keys.ToList();
        var changes = await db.IntelligenceChanges.AsNoTracking()
            .Where(c => c.Sequence > applied || gaps.Contains(c.Sequence))
            .OrderBy(c => c.Sequence).Take(settings.BatchSize).ToListAsync(ct);
        if (changes.Count == 0)
        {
            return null;
        }
        foreach (var change in changes)
        {
            _gaps.Remove(change.Sequence);
        }
        var highest = Math.Max(applied, changes[^1].Sequence);
        var seen = changes.Select(c => c.Sequence).ToHashSet();
        for (var s = applied + 1; s < highest; s++)
        {
            if (!seen.Contains(s))
            {
                _gaps.TryAdd(s, now);
            }
        }
        var ids = changes.Select(c => c.ReportId).Distinct().ToList();
        foreach (var chunk in ids.Chunk(500))
        {
            var items = await ItemsQuery(db.IntelligenceItems.Where(i => chunk.Contains(i.ReportId))).ToListAsync(ct);
            var existing = await db.IntelligenceReports.AsNoTracking().Where(r => chunk.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
            var byReport = items.GroupBy(i => i.ReportId).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var id in chunk)
            {
                if (existing.Contains(id))
                {
                    Apply(id, byReport.GetValueOrDefault(id) ?? [], highest);
                }
                else
                {
                    Identifiers.Remove(id);
                    Names.Remove(id.ToString("N"));
                }
            }
        }
        Interlocked.Exchange(ref _applied, highest);
        Identifiers.AdvanceTo(highest);
        return (ids.Count, changes.Count == settings.BatchSize);
    }

    internal sealed record IndexedItem(Guid ReportId, IntelligenceItemKind Kind, string? SubKind, string? Value, string? Country,
        string? NormalisedKey, string? Details);

    // The value as entered and the details are encrypted at rest; decrypting them is most of a start-up's load (2 M reports:
    // 12 M values). They are read only where the index needs them: a person's names and evidence, and a financial item whose
    // kind (IBAN, card, transfer) the value decides because its sub-kind does not (CheckKeys.IndexKind); every other identifier
    // is indexed by its key alone. A sub-kind written otherwise ("IBAN") is decrypted: more work, the same kind.
    private static IQueryable<IndexedItem> ItemsQuery(IQueryable<IntelligenceItem> items) => items.AsNoTracking()
        .Where(i => i.NormalisedKey != null || i.Kind == IntelligenceItemKind.Person)
        .Select(i => new IndexedItem(i.ReportId, i.Kind, i.SubKind,
            i.Kind == IntelligenceItemKind.Person
            || (i.Kind == IntelligenceItemKind.Financial && (i.SubKind == null || !CheckKeys.FinancialSubKindsDecidingKind.Contains(i.SubKind)))
                ? i.Value : null,
            i.Country, i.NormalisedKey, i.Kind == IntelligenceItemKind.Person ? i.Details : null));

    private void Apply(Guid reportId, List<IndexedItem> items, long sequence)
    {
        var values = new List<IdentifierValue>();
        var entity = reportId.ToString("N");
        Names.Remove(entity);
        foreach (var item in items)
        {
            if (item.Kind == IntelligenceItemKind.Person)
            {
                var evidence = Evidence(item.Details);
                foreach (var name in NamesOf(item))
                {
                    Names.Add(entity, name, evidence);
                }
            }
            else if (item.NormalisedKey is { } key && CheckKeys.IndexKind(item.Kind, item.SubKind, item.Value, item.Country) is { } kind)
            {
                values.Add(new IdentifierValue(kind, key));
            }
        }
        if (values.Count > 0)
        {
            Identifiers.Add(reportId, values, sequence);
        }
        else
        {
            Identifiers.Remove(reportId);
        }
    }

    /// <summary>The item's name and the aliases its details list ("aliases" or "names": a string or an array of strings).</summary>
    internal static IEnumerable<string> NamesOf(IndexedItem item)
    {
        if (!string.IsNullOrWhiteSpace(item.Value))
        {
            yield return item.Value;
        }
        if (Parse(item.Details) is not { } details)
        {
            yield break;
        }
        foreach (var property in new[] { "aliases", "names", "alias" })
        {
            if (!details.TryGetProperty(property, out var value))
            {
                continue;
            }
            if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } one)
            {
                yield return one;
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                foreach (var element in value.EnumerateArray())
                {
                    if (element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } alias)
                    {
                        yield return alias;
                    }
                }
            }
        }
    }

    internal static NameEvidence? Evidence(string? json)
    {
        if (Parse(json) is not { } details)
        {
            return null;
        }
        DateOnly? dob = details.TryGetProperty("dateOfBirth", out var d) && d.ValueKind == JsonValueKind.String
                        && DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", out var parsed) ? parsed : null;
        var nationality = details.TryGetProperty("nationality", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var gender = details.TryGetProperty("gender", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null;
        return dob is null && nationality is null && gender is null ? null : new NameEvidence(dob, nationality, gender);
    }

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>How the index keeps fresh; "Checks:Index:*" in configuration.</summary>
public sealed record CheckSettings(TimeSpan PollInterval, TimeSpan GapTimeout, int BatchSize, IReadOnlySet<string> CheckRoles,
    int WorkingHoursStart, int WorkingHoursEnd, TimeSpan NightlyInterval)
{
    public static CheckSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Checks");
        var roles = section.GetSection("Roles").Get<string[]>() ?? CheckRules.DefaultRoles;
        return new(
            TimeSpan.FromMilliseconds(section.GetValue("Index:PollMilliseconds", 2000)),
            TimeSpan.FromSeconds(section.GetValue("Index:GapTimeoutSeconds", 120)),
            section.GetValue("Index:BatchSize", 5000),
            roles.ToHashSet(StringComparer.Ordinal),
            section.GetValue("WorkingHours:StartHourUtc", 7),
            section.GetValue("WorkingHours:EndHourUtc", 19),
            TimeSpan.FromHours(section.GetValue("Nightly:IntervalHours", 24.0)));
    }
}

/// <summary>Loads the index once the schema is migrated (registered after the initialiser), then polls the change table.</summary>
internal sealed class CheckIndexLoader(CheckIndex index, IServiceScopeFactory scopes, CheckSettings settings, ILogger<CheckIndexLoader> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && !index.IsReady)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await index.LoadAsync(scope.ServiceProvider.GetRequiredService<AriadneDbContext>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Loading the check index failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
        using var timer = new PeriodicTimer(settings.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await index.CatchUpAsync(scope.ServiceProvider.GetRequiredService<AriadneDbContext>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database blip: the next tick tries again; checks meanwhile catch up themselves or fail visibly.
                logger.LogWarning(e, "Applying intelligence changes to the check index failed");
            }
        }
    }
}

/// <summary>"ready" only once the index is loaded: a load balancer sends no checks to a host that would answer from half an index.</summary>
internal sealed class CheckIndexHealthCheck(CheckIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.IsReady
            ? HealthCheckResult.Healthy($"check index loaded to change {index.ChangeSequence}")
            : HealthCheckResult.Unhealthy("check index loading"));
}
