using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ariadne.Web.Features.Audit;

/// <summary>
/// Computes the keyed hash that links each audit entry to the one before it (ADR 0004). The key lives
/// outside the database, so someone who can edit the table cannot recompute a valid chain.
/// </summary>
public sealed class AuditChain(byte[] key)
{
    public const string Genesis = "genesis";

    public string ComputeHash(AuditEntry entry)
    {
        var canonical = string.Join('\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            // Ticks, not a formatted date: both providers give back the same instant, with different Kinds.
            entry.OccurredAt.Ticks.ToString(CultureInfo.InvariantCulture),
            entry.ActorUserId?.ToString() ?? "",
            entry.ActorName ?? "",
            entry.ActorOrganisationId?.ToString() ?? "",
            entry.Action,
            entry.Outcome.ToString(),
            entry.TargetType ?? "",
            entry.TargetId ?? "",
            entry.Reason ?? "",
            entry.Details ?? "",
            entry.IpAddress ?? "",
            entry.PreviousHash);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>PostgreSQL keeps microseconds; truncating first makes the hashed instant survive a round trip.</summary>
    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    /// <summary>
    /// Loads the chain key from configuration (<c>Audit:ChainKey</c>, base64) or from a key file, creating
    /// the file with owner-only permissions on first start.
    /// </summary>
    public static AuditChain FromConfiguration(IConfiguration configuration, string dataDirectory)
    {
        var configured = configuration["Audit:ChainKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new AuditChain(Convert.FromBase64String(configured));
        }

        var path = configuration["Audit:ChainKeyPath"] is { Length: > 0 } p
            ? Path.GetFullPath(p)
            : Path.Combine(dataDirectory, "audit-chain.key");
        if (File.Exists(path))
        {
            return new AuditChain(Convert.FromBase64String(File.ReadAllText(path).Trim()));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(path, Encoding.ASCII, options))
        {
            writer.Write(Convert.ToBase64String(key));
        }
        return new AuditChain(key);
    }
}
