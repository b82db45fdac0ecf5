using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Data;

/// <summary>
/// What every request's database context gets without paying for it again (issue #9 item 17): SQLite's own busy
/// wait on every connection the context opens, and options built once for the host instead of once per request.
/// </summary>
public sealed class ConnectionSettingsTests
{
    [Fact]
    public async Task Every_SQLite_connection_a_context_opens_waits_for_the_write_lock_instead_of_failing()
    {
        var app = await AriadneAppFactory.SharedAsync(Databases.Sqlite);
        for (var request = 0; request < 3; request++)
        {
            // A new scope per round: a pooled connection handed to a new context must still carry the setting.
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AriadneDbContext>();
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA busy_timeout";
                Assert.Equal(10_000L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Two_requests_share_one_set_of_context_options(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();

        Assert.Same(first.ServiceProvider.GetRequiredService<DbContextOptions<AriadneDbContext>>(),
            second.ServiceProvider.GetRequiredService<DbContextOptions<AriadneDbContext>>());
    }
}
