using System.Globalization;
using System.Threading.RateLimiting;

namespace Ariadne.Web.Features.Accounts;

/// <summary>
/// Slows down password guessing without locking out an office (issue 9, item 14). Only attempts count (a posted
/// password, a posted two-factor code, a token request), never page loads; each is counted against the account
/// tried and against the address it came from. The account ceiling stops guessing at one account; the address
/// ceiling, much higher, stops spraying many accounts from one place while a police station whose colleagues all
/// sign in at the start of a shift, behind one NAT address, stays under it. Identity's lockout still applies on top.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const int DefaultPerAccountPerMinute = 10;
    public const int DefaultPerAddressPerMinute = 100;

    private readonly PartitionedRateLimiter<string> _byAccount;
    private readonly PartitionedRateLimiter<string> _byAddress;

    public SignInThrottle(int perAccountPerMinute, int perAddressPerMinute)
    {
        _byAccount = Limiter(perAccountPerMinute);
        _byAddress = Limiter(perAddressPerMinute);
    }

    public static SignInThrottle FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Security:SignInRateLimit");
        return new SignInThrottle(section.GetValue("PerAccountPerMinute", DefaultPerAccountPerMinute),
            section.GetValue("PerAddressPerMinute", DefaultPerAddressPerMinute));
    }

    /// <summary>Counts one attempt; null when it may go ahead, otherwise how long to wait.</summary>
    public TimeSpan? TryAttempt(HttpContext http, string? account)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var byAddress = _byAddress.AttemptAcquire(address);
        if (!byAddress.IsAcquired)
        {
            return RetryAfter(byAddress);
        }
        var key = (account ?? "").Trim().ToUpperInvariant();
        if (key.Length == 0)
        {
            return null;
        }
        using var byAccount = _byAccount.AttemptAcquire(key);
        return byAccount.IsAcquired ? null : RetryAfter(byAccount);
    }

    /// <summary>What a person reads on the sign-in page and in the API's problem details.</summary>
    public static string Message(TimeSpan retryAfter) =>
        $"Too many sign-in attempts. Try again in {Seconds(retryAfter)} s (the count starts again every minute).";

    /// <summary>429 with Retry-After; a page still renders itself with the message (a page answers with a page).</summary>
    public static void Refuse(HttpResponse response, TimeSpan retryAfter)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Seconds(retryAfter);
    }

    public static string Seconds(TimeSpan retryAfter) =>
        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);

    private static PartitionedRateLimiter<string> Limiter(int permitsPerMinute) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permitsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }),
            StringComparer.Ordinal);

    public void Dispose()
    {
        _byAccount.Dispose();
        _byAddress.Dispose();
    }
}
