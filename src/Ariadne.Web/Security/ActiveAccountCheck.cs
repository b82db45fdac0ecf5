using System.Collections.Concurrent;
using System.Security.Claims;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ariadne.Web.Security;

/// <summary>
/// Re-checks that the account behind a cookie or token still exists, is active, is not locked out and has the
/// same security stamp. Disabling an account or changing its roles therefore takes effect at the next request
/// on this host, not when a token expires.
/// </summary>
/// <remarks>
/// A positive answer is remembered for <see cref="AccountStatusCache.Window"/> (default one second): the check
/// was one database read on every request, a quarter of an audited read's cost (issue #9 item 17). Any save
/// that touches an account forgets it here at once, so on one host nothing changes; another host serving the
/// same database sees a disabled account within the window (ASP.NET Identity's own validator waits 30 minutes).
/// </remarks>
internal static class ActiveAccountCheck
{
    public static IApplicationBuilder UseActiveAccountCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && !await IsStillValidAsync(context))
            {
                if (!context.Request.IsApi())
                {
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            await next();
        });

    private static async Task<bool> IsStillValidAsync(HttpContext context)
    {
        var cache = context.RequestServices.GetRequiredService<AccountStatusCache>();
        var identity = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.User.FindFirstValue(identity.UserIdClaimType);
        var stamp = context.User.FindFirstValue(identity.SecurityStampClaimType);
        if (!Guid.TryParse(userId, out var id) || stamp is null)
        {
            return false;
        }
        if (cache.IsKnownValid(id, stamp))
        {
            return true;
        }
        var db = context.RequestServices.GetRequiredService<AriadneDbContext>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new State(u.IsActive, u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd))
            .FirstOrDefaultAsync(context.RequestAborted);
        // The same conditions as SignInManager.ValidateSecurityStampAsync + CanSignInAsync + IsLockedOutAsync,
        // in one read that tracks nothing.
        var valid = account is not null
                    && account.IsActive
                    && string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal)
                    && !(account.LockoutEnabled && account.LockoutEnd is { } end && end > now);
        if (valid)
        {
            cache.RememberValid(id, stamp);
        }
        return valid;
    }

    private sealed record State(bool IsActive, string? SecurityStamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd);

    // Not EF.CompileAsyncQuery: a compiled query is bound to one model, and one process may serve SQLite and
    // PostgreSQL models (the tests do); EF's query cache already skips recompiling this shape.
}

/// <summary>Accounts recently found valid, by id and security stamp; forgotten as soon as an account is saved.</summary>
public sealed class AccountStatusCache(TimeProvider time, TimeSpan window)
{
    private readonly ConcurrentDictionary<Guid, (string Stamp, DateTimeOffset Until)> _valid = new();

    public TimeSpan Window => window;

    public static AccountStatusCache FromConfiguration(IConfiguration configuration, TimeProvider time) =>
        new(time, TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue("Security:AccountRecheckMilliseconds", 1000), 0, 60_000)));

    public bool IsKnownValid(Guid id, string stamp) =>
        _valid.TryGetValue(id, out var known) && string.Equals(known.Stamp, stamp, StringComparison.Ordinal)
                                            && known.Until > time.GetUtcNow();

    public void RememberValid(Guid id, string stamp)
    {
        if (window > TimeSpan.Zero)
        {
            _valid[id] = (stamp, time.GetUtcNow() + window);
        }
    }

    public void Forget(Guid id) => _valid.TryRemove(id, out _);

    /// <summary>Forgets every account a save is about to change, before the save, and again after it.</summary>
    internal sealed class SaveInterceptor(AccountStatusCache cache) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            ForgetChanged(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            ForgetChanged(eventData.Context);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            ForgetChanged(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            ForgetChanged(eventData.Context);
            return result;
        }

        // After the save too: a request that read the account between "saving" and "saved" must not keep the old
        // state for the whole window. Entries are Unchanged once saved, so the ids are read from every tracked account.
        private void ForgetChanged(DbContext? context)
        {
            if (context is null)
            {
                return;
            }
            foreach (var entry in context.ChangeTracker.Entries<ApplicationUser>())
            {
                cache.Forget(entry.Entity.Id);
            }
        }
    }
}

/// <summary>A disabled account is not allowed to sign in, whatever its password.</summary>
internal sealed class AriadneSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) => user.IsActive && await base.CanSignInAsync(user);
}
