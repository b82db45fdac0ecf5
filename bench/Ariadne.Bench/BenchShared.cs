using Ariadne.Web.Features.Audit;
using Npgsql;

namespace Ariadne.Bench;

/// <summary>The audit actor of every benchmark: writes go through the real audit trail, attributed to "bench".</summary>
internal sealed class BenchActor : IAuditActor
{
    public Guid? UserId => null;
    public string? Name => "bench";
    public Guid? OrganisationId => null;
    public string? IpAddress => null;
}

/// <summary>Statements on the PostgreSQL server outside a database context (creating and dropping a benchmark's database).</summary>
internal static class BenchDatabase
{
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
