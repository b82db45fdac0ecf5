namespace Ariadne.Tests.Infrastructure;

/// <summary>
/// A clock the test moves by hand (Microsoft.Extensions.TimeProvider.Testing is not available here). Only the
/// wall clock is faked: timers and timestamps keep running on real time, so the host's background work is unaffected.
/// </summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    /// <summary>Starts at the real current time, so what other code stamps with the real clock is not in the clock's future.</summary>
    public FakeClock() : this(DateTimeOffset.UtcNow)
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    /// <summary>Moves the clock forward; time never runs backwards.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _utcTicks, by.Ticks);
    }
}
