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
                builder.UseSqlite(ConnectionString);
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(ConnectionString);
                break;
        }
    }
}
