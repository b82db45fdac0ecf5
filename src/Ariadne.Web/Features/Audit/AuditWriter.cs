using System.Threading.Channels;
using Ariadne.Web.Data;

namespace Ariadne.Web.Features.Audit;

/// <summary>
/// Group commit for audit entries that stand alone (the record of a read, a search, a refusal): one writer
/// takes every entry waiting, chains them and inserts them in one transaction, then releases each request
/// that waited (issue #9 item 17). Before, each audited read took the chain's write lock for a transaction of
/// its own, so reads queued behind one another. A request still returns only once its entry is committed:
/// a read that could not be recorded fails instead of passing unrecorded.
/// Entries that describe a change are not sent here: they are chained in the change's own transaction
/// (<see cref="AuditTrail"/>), so the change and its record commit together or not at all.
/// </summary>
public sealed class AuditWriter : IAsyncDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly AuditChain _chain;
    private readonly ILogger<AuditWriter> _logger;

    public AuditWriter(IServiceScopeFactory scopes, AuditChain chain, ILogger<AuditWriter> logger)
    {
        _scopes = scopes;
        _chain = chain;
        _logger = logger;
        _loop = new Lazy<Task>(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Bounds one transaction; more waiting entries go into the next one straight after.</summary>
    public const int MaxBatch = 500;

    private sealed record Append(IReadOnlyList<AuditEntry> Entries, TaskCompletionSource Done);

    private readonly Channel<Append> _queue = Channel.CreateUnbounded<Append>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _loop;

    /// <summary>Completes when the entries are committed, chained after every entry committed before them.</summary>
    public Task AppendAsync(IReadOnlyList<AuditEntry> entries)
    {
        _ = _loop.Value;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Append(entries, done)))
        {
            throw new ObjectDisposedException(nameof(AuditWriter), "The application is stopping; the audit writer is closed.");
        }
        return done.Task;
    }

    private Task Start()
    {
        // Not on the first caller's execution context: the loop must not carry that request's HttpContext along.
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(() => RunAsync(_queue.Reader));
        }
    }

    private async Task RunAsync(ChannelReader<Append> reader)
    {
        var batch = new List<Append>();
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            var count = 0;
            while (count < MaxBatch && reader.TryRead(out var append))
            {
                batch.Add(append);
                count += append.Entries.Count;
            }
            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<Append> batch)
    {
        try
        {
            await InsertAsync(batch.SelectMany(a => a.Entries).ToList());
            batch.ForEach(a => a.Done.TrySetResult());
        }
        catch (Exception e)
        {
            if (batch.Count == 1)
            {
                batch[0].Done.TrySetException(e);
                return;
            }
            // One request's bad entry must not fail the others that happened to share its transaction.
            _logger.LogWarning(e, "An audit batch of {Count} requests failed; writing them one by one", batch.Count);
            foreach (var append in batch)
            {
                try
                {
                    await InsertAsync(append.Entries);
                    append.Done.TrySetResult();
                }
                catch (Exception single)
                {
                    append.Done.TrySetException(single);
                }
            }
        }
    }

    private async Task InsertAsync(IReadOnlyList<AuditEntry> entries)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AriadneDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await AuditTrail.ChainAsync(db, _chain, entries, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop.IsValueCreated)
        {
            await _loop.Value.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
