using System.Globalization;
using System.Text;
using Ariadne.Web.Features.Shared.Csv;
using Ariadne.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Audit;

/// <summary>The filters of the audit trail browser, shared by its page, its API and its export.</summary>
public sealed record AuditFilter(DateOnly? From, DateOnly? To, string? Action, string? Actor, Guid? OrganisationId,
    string? Target)
{
    /// <summary>Longer than any stored action, actor name or target id: such a filter is refused, not run (issue 9, item 12).</summary>
    public const int MaxText = 200;

    /// <summary>Readable errors by query parameter; empty when the filter can be run.</summary>
    public Dictionary<string, string[]> Problems()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, value) in new[] { ("action", Action), ("actor", Actor), ("target", Target) })
        {
            if (value?.Length > MaxText)
            {
                errors[field] = [$"The {field} filter is too long: at most {MaxText} characters."];
            }
        }
        return errors;
    }

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (Problems().Count > 0)
        {
            return entries.Where(e => false); // nothing stored can match it
        }
        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.OccurredAt >= start);
        }
        // The last day there is (9999-12-31) has no day after it: it means "no end".
        if (To is { } to && to < DateOnly.MaxValue)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.OccurredAt < end);
        }
        if (!string.IsNullOrWhiteSpace(Action))
        {
            var action = Action.Trim();
            entries = entries.Where(e => e.Action.StartsWith(action));
        }
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim();
            entries = entries.Where(e => e.ActorName == actor);
        }
        if (OrganisationId is { } organisationId)
        {
            entries = entries.Where(e => e.ActorOrganisationId == organisationId);
        }
        if (!string.IsNullOrWhiteSpace(Target))
        {
            var target = Target.Trim();
            entries = entries.Where(e => e.TargetId == target);
        }
        return entries;
    }

    /// <summary>How the filter is written into the trail when someone searches or exports it.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (From is { } f) parts.Add("from=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (To is { } t) parts.Add("to=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(Action)) parts.Add("action=" + Action.Trim());
        if (!string.IsNullOrWhiteSpace(Actor)) parts.Add("actor=" + Actor.Trim());
        if (OrganisationId is { } o) parts.Add("organisation=" + o);
        if (!string.IsNullOrWhiteSpace(Target)) parts.Add("target=" + Target.Trim());
        return parts.Count == 0 ? "no filter" : string.Join("; ", parts);
    }
}

/// <summary>Writes audit entries as CSV, neutralising cells that a spreadsheet would run as formulas.</summary>
public static class AuditCsv
{
    private static readonly string[] Header =
    [
        "sequence", "occurred_at_utc", "actor", "actor_user_id", "actor_organisation_id", "action", "outcome",
        "target_type", "target_id", "reason", "details", "ip_address", "hash",
    ];

    public static string Write(IEnumerable<AuditEntry> entries) =>
        CsvWriter.ToText(entries.Select(e => (IEnumerable<string?>)new[]
        {
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            e.ActorName, e.ActorUserId?.ToString(), e.ActorOrganisationId?.ToString(), e.Action, e.Outcome.ToString(),
            e.TargetType, e.TargetId, e.Reason, e.Details, e.IpAddress, e.Hash,
        }).Prepend(Header));

    public static string Cell(string? value) => CsvWriter.Cell(value);
}

/// <summary>The export of the trail, shared by the audit page and the API: reason required, export recorded.</summary>
public static class AuditExport
{
    public const int MaxRows = 100_000;
    /// <summary>The audit entry's reason column holds 1000 characters: a longer reason is refused, never cut or failed on.</summary>
    public const int MaxReason = 1000;

    public const string ReasonRequired = "Say why you export the audit trail (5 to 1000 characters): the reason is recorded.";

    public static bool IsReasonValid(string? reason) => reason?.Trim().Length is >= 5 and <= MaxReason;

    public static async Task<byte[]> CreateCsvAsync(AriadneDbContext db, AuditTrail audit, AuditFilter filter, string reason)
    {
        var entries = await filter.Apply(db.AuditEntries.AsNoTracking()).OrderBy(e => e.Sequence).Take(MaxRows).ToListAsync();
        await audit.RecordAsync(db, AuditActions.Export, "AuditTrail", reason: reason, details: $"{filter.Describe()}; rows: {entries.Count}");
        return Encoding.UTF8.GetBytes(AuditCsv.Write(entries));
    }
}
