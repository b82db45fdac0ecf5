namespace Ariadne.Web.Features.Cases;

/// <summary>
/// One change of the person's status on a case (R-TR-01): the presumed-victim and suspected-offender flags as they
/// stand from <see cref="EffectiveAt"/> on, why, and who recorded it. The first row is written when the case is
/// opened, with the flags set on the screening (R-IND-07); the rows are never changed or deleted, so what was
/// recorded while the person was a suspect stays linked to the case and can be told apart.
/// </summary>
public sealed class CaseStatusChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    /// <summary>When the change took effect (during questioning, say), which may be before it was recorded.</summary>
    public DateTime EffectiveAt { get; set; }
    public DateTime RecordedAt { get; set; }
    public bool PresumedVictim { get; set; }
    public bool SuspectedOffender { get; set; }
    /// <summary>What a person typed: shown only to viewers who see personal data.</summary>
    public required string Reason { get; set; }
    public required string RecordedByName { get; set; }
    public Guid? RecordedByOrganisationId { get; set; }
}

/// <summary>The person's procedural role as the two flags make it.</summary>
public enum ProceduralRole
{
    /// <summary>Neither flag: the case follows the person's situation without a presumption either way.</summary>
    NotFlagged,
    /// <summary>Suspected of an offence, not (yet) presumed a victim.</summary>
    Suspect,
    PresumedVictim,
    /// <summary>R-IND-07, R-LEG-01/03: presumed a victim and also suspected of an offence; the victim's protection comes first.</summary>
    PresumedVictimAlsoSuspected,
}

/// <summary>A requested change of status, as typed (API and page alike).</summary>
public sealed record StatusChangeRequest(bool? PresumedVictim, bool? SuspectedOffender, string? Reason, DateTime? EffectiveAt = null);

/// <summary>
/// The rules for the person's status (R-TR-01, R-LEG-01/03, R-SYS-01): every change says why; removing the
/// presumed-victim flag, which takes protection away, is named as such; a change takes effect when it happened, not in
/// the future and not before the last one. Pure functions, unit-tested without a host.
/// </summary>
public static class PersonStatus
{
    public const int MaxReasonLength = 2000;

    public static ProceduralRole Role(bool presumedVictim, bool suspectedOffender) => (presumedVictim, suspectedOffender) switch
    {
        (true, true) => ProceduralRole.PresumedVictimAlsoSuspected,
        (true, false) => ProceduralRole.PresumedVictim,
        (false, true) => ProceduralRole.Suspect,
        (false, false) => ProceduralRole.NotFlagged,
    };

    /// <summary>Why the change cannot be recorded (the field to point at and the words), or null when it can.</summary>
    public static (string Field, string Message)? Refusal(bool presumedVictim, bool suspectedOffender, StatusChangeRequest request,
        DateTime? lastEffectiveAt, DateTime nowUtc)
    {
        var toVictim = request.PresumedVictim ?? presumedVictim;
        var toOffender = request.SuspectedOffender ?? suspectedOffender;
        if (toVictim == presumedVictim && toOffender == suspectedOffender)
        {
            return ("presumedVictim", "Nothing changes: set the presumed-victim or the suspected-offender flag to what it should become.");
        }
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return ("reason", presumedVictim && !toVictim
                ? "Removing the presumed-victim flag takes the person's protection away (R-SYS-01): say why."
                : "Say why the status changes, for example what was learned during questioning (R-TR-01).");
        }
        if (request.Reason.Length > MaxReasonLength)
        {
            return ("reason", $"Write the reason in at most {MaxReasonLength} characters.");
        }
        if (request.EffectiveAt is { } at)
        {
            if (at > nowUtc.AddMinutes(5))
            {
                return ("effectiveAt", "A change of status is recorded once it happened, not in advance.");
            }
            if (lastEffectiveAt is { } last && at < last)
            {
                return ("effectiveAt", "The change cannot take effect before the last recorded change of status.");
            }
        }
        return null;
    }

    /// <summary>What the timeline says: composed from codes only, never from typed text.</summary>
    public static string Summary(ProceduralRole from, ProceduralRole to) => $"Status changed: {Words(from)} → {Words(to)}";

    public static string Words(ProceduralRole role) => role switch
    {
        ProceduralRole.NotFlagged => "no flag",
        ProceduralRole.Suspect => "suspect",
        ProceduralRole.PresumedVictim => "presumed victim",
        ProceduralRole.PresumedVictimAlsoSuspected => "presumed victim, also suspected offender",
    };

    /// <summary>
    /// Whether the person was a suspect (suspected, not presumed a victim) at a moment, from the case's status history
    /// (any order). Before the first row, the first row's flags hold: they came from the screening.
    /// </summary>
    public static bool WasSuspectAt(IReadOnlyCollection<CaseStatusChange> history, DateTime at)
    {
        var ordered = history.OrderBy(h => h.EffectiveAt).ThenBy(h => h.RecordedAt).ToList();
        if (ordered.Count == 0)
        {
            return false;
        }
        var standing = ordered.LastOrDefault(h => h.EffectiveAt <= at) ?? ordered[0];
        return Role(standing.PresumedVictim, standing.SuspectedOffender) == ProceduralRole.Suspect;
    }
}
