namespace Ariadne.Web.Features.Audit;

/// <summary>
/// One link of the append-only, hash-chained audit trail. Entries are never updated or deleted by the
/// application; the database refuses it too (triggers), and <see cref="AuditVerifier"/> detects it if
/// someone with direct access does it anyway.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Gap-free position in the chain, starting at 1. A missing number is a removed entry.</summary>
    public long Sequence { get; set; }
    public DateTime OccurredAt { get; set; }
    public Guid? ActorUserId { get; set; }
    public string? ActorName { get; set; }
    public Guid? ActorOrganisationId { get; set; }
    public required string Action { get; set; }
    public AuditOutcome Outcome { get; set; } = AuditOutcome.Success;
    public string? TargetType { get; set; }
    public string? TargetId { get; set; }
    /// <summary>Why the user accessed the data, where the UI asked for a reason.</summary>
    public string? Reason { get; set; }
    /// <summary>What, without personal data: field names changed, filters used, counts.</summary>
    public string? Details { get; set; }
    public string? IpAddress { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

public enum AuditOutcome
{
    Success,
    Failure,
    Denied,
}

/// <summary>The action names used in the trail, so that filters and tests speak the same words.</summary>
public static class AuditActions
{
    public const string SignIn = "auth.sign-in";
    public const string SignOut = "auth.sign-out";
    public const string TokenIssued = "auth.token";
    public const string TwoFactorEnabled = "auth.two-factor.enabled";
    public const string TwoFactorDisabled = "auth.two-factor.disabled";
    public const string Create = "data.create";
    public const string Update = "data.update";
    public const string Delete = "data.delete";
    public const string View = "record.view";
    public const string Search = "search";
    public const string Export = "export";
    public const string Verify = "audit.verify";
    /// <summary>A request refused by policy (API 403, a page's "not allowed").</summary>
    public const string AccessDenied = "access.denied";
}
