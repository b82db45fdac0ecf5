using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database Ariadne uses: <c>Database:Provider</c> (Sqlite by default, Postgres in production) and
/// <c>ConnectionStrings:Ariadne</c>; for SQLite without a connection string, a file under
/// <c>Database:DataDirectory</c> (default <c>./data</c>).
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public static DatabaseOptions FromConfiguration(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration["Database:DataDirectory"] is { Length: > 0 } d ? d : "data");
        var providerName = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerName)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException(
                    $"Database:Provider '{providerName}' is not supported: use Sqlite or Postgres.");
        var connectionString = configuration.GetConnectionString("Ariadne");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Ariadne is not set.");
            }
            var file = configuration["Database:SqliteFile"] is { Length: > 0 } f ? f : "ariadne.db";
            connectionString = $"Data Source={Path.Combine(dataDirectory, file)}";
        }
        return new(provider, connectionString, dataDirectory);
    }

    public void Apply(DbContextOptionsBuilder builder)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqliteFile = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
                if (Path.GetDirectoryName(Path.GetFullPath(sqliteFile)) is { } folder)
                {
                    Directory.CreateDirectory(folder);
                }
                builder.UseSqlite(ConnectionString).AddInterceptors(SqliteBusyTimeout.Instance);
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(ConnectionString);
                break;
        }
    }
}

/// <summary>
/// Lets SQLite itself wait for the write lock (up to 10 s, in steps of a few milliseconds) instead of failing
/// at once and leaving Microsoft.Data.Sqlite to retry after 150 ms sleeps, which made concurrent writers queue
/// in 150 ms steps (issue #9 item 17). The database runs in WAL mode (set by the migrator), so readers never
/// wait for the writer.
/// </summary>
internal sealed class SqliteBusyTimeout : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();
    private const int Milliseconds = 10_000;

    // Set through the C API rather than a PRAGMA statement: a connection is opened for every query, and parsing
    // and running a statement each time cost as much as a small query (issue #9 item 17).
    public override void ConnectionOpened(System.Data.Common.DbConnection connection,
        Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection,
        Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(System.Data.Common.DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, Milliseconds);
        }
    }
}
