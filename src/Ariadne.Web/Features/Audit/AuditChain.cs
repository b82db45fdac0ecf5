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

    /// <summary>The seal of a checkpoint (<see cref="AuditCheckpoint"/>): only the key holder can write a believable one.</summary>
    public string CheckpointMac(AuditHead head) => Convert.ToHexStringLower(HMACSHA256.HashData(key,
        Encoding.UTF8.GetBytes(string.Join('\u001f', "checkpoint", head.Sequence.ToString(CultureInfo.InvariantCulture), head.Hash))));

    /// <summary>PostgreSQL keeps microseconds; truncating first makes the hashed instant survive a round trip.</summary>
    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    /// <summary>Where the key file is (<c>Audit:ChainKeyPath</c>, by default in the data folder).</summary>
    public static string KeyPath(IConfiguration configuration, string dataDirectory) =>
        configuration["Audit:ChainKeyPath"] is { Length: > 0 } p
            ? Path.GetFullPath(p)
            : Path.Combine(dataDirectory, "audit-chain.key");

    /// <summary>
    /// Loads the chain key from configuration (<c>Audit:ChainKey</c>, base64) or from a key file, creating
    /// the file with owner-only permissions on first start. Outside demo mode a key file inside the data
    /// folder is refused: whoever holds that folder (a backup, a copied volume) would hold the database and
    /// the key together and could rewrite history with valid hashes (issue #9 item 11).
    /// </summary>
    public static AuditChain FromConfiguration(IConfiguration configuration, string dataDirectory, bool demo = true)
    {
        var configured = configuration["Audit:ChainKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new AuditChain(Convert.FromBase64String(configured));
        }

        var path = KeyPath(configuration, dataDirectory);
        var data = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory)) + Path.DirectorySeparatorChar;
        if (!demo && path.StartsWith(data, StringComparison.Ordinal))
        {
            throw new UnsafeConfigurationException(
                $"Ariadne will not start: the audit chain key {path} is inside the data folder {data}. Whoever holds "
                + "that folder could rewrite the audit trail with valid hashes. Keep the key elsewhere: set "
                + "Audit:ChainKeyPath to a file outside the data folder (for example /etc/ariadne/audit-chain.key, "
                + "readable only by the service account; it is created on first start), or pass the key itself as "
                + "Audit:ChainKey (base64 of 32 random bytes, e.g. the environment variable Audit__ChainKey from a "
                + "secret store). Only demo mode (--demo) keeps the key beside the data.");
        }
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

/// <summary>A setting that would make Ariadne unsafe to run: start-up stops with this message.</summary>
public sealed class UnsafeConfigurationException(string message) : InvalidOperationException(message);
