using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Security;

namespace Ariadne.Tests.Security;

/// <summary>
/// The remembered "account still valid" answer (issue #9 item 17): it only ever saves a read within its window,
/// for the same security stamp, and is gone as soon as the account is saved.
/// </summary>
public sealed class AccountStatusCacheTests
{
    private static readonly Guid Account = Guid.NewGuid();

    [Fact]
    public void A_valid_account_is_remembered_for_its_stamp_within_the_window_only()
    {
        var clock = new FakeClock();
        var cache = new AccountStatusCache(clock, TimeSpan.FromSeconds(1));
        Assert.False(cache.IsKnownValid(Account, "stamp-1"));

        cache.RememberValid(Account, "stamp-1");
        Assert.True(cache.IsKnownValid(Account, "stamp-1"));
        Assert.False(cache.IsKnownValid(Account, "stamp-2"));
        Assert.False(cache.IsKnownValid(Guid.NewGuid(), "stamp-1"));

        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.True(cache.IsKnownValid(Account, "stamp-1"));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(cache.IsKnownValid(Account, "stamp-1"));
    }

    [Fact]
    public void Forgetting_an_account_asks_the_database_again_at_once()
    {
        var cache = new AccountStatusCache(new FakeClock(), TimeSpan.FromMinutes(1));
        cache.RememberValid(Account, "stamp-1");
        cache.Forget(Account);
        Assert.False(cache.IsKnownValid(Account, "stamp-1"));
    }

    [Fact]
    public void A_zero_window_remembers_nothing()
    {
        var cache = new AccountStatusCache(new FakeClock(), TimeSpan.Zero);
        cache.RememberValid(Account, "stamp-1");
        Assert.False(cache.IsKnownValid(Account, "stamp-1"));
    }
}
