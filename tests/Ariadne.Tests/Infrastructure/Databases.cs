namespace Ariadne.Tests.Infrastructure;

/// <summary>
/// The databases every integration test runs on: SQLite always, PostgreSQL when ARIADNE_TEST_POSTGRES
/// holds a server connection string (./test.sh always provides one). The provider shows in each test's
/// name, so the output shows both runs.
/// </summary>
public static class Databases
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static string? PostgresServer => Environment.GetEnvironmentVariable("ARIADNE_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (PostgresServer is not null)
            {
                data.Add(Postgres);
            }
            return data;
        }
    }
}
