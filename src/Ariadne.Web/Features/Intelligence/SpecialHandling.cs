namespace Ariadne.Web.Features.Intelligence;

/// <summary>
/// The authority levels the adopting agency configures for special handling (EVAL-S3, EVAL-S5): the level a supervisor needs
/// to approve dissemination of a report under special handling, and the level needed to approve its risk assessment. Levels
/// are the agency's own ranks numbered from 1 upwards; a holder of a higher level may do what a lower level may.
/// </summary>
public sealed record SpecialHandlingSettings(int DisseminationApprovalLevel, int RiskAssessmentApprovalLevel)
{
    public static SpecialHandlingSettings Default { get; } = new(1, 1);

    public IReadOnlyList<string> Problems() =>
    [
        .. DisseminationApprovalLevel < 1 ? ["The authority level to approve dissemination must be 1 or more."] : Array.Empty<string>(),
        .. RiskAssessmentApprovalLevel < 1 ? ["The authority level to approve a risk assessment must be 1 or more."] : Array.Empty<string>(),
    ];
}

/// <summary>Someone approving: their user, their agency or force, and their authority level (null: they hold none).</summary>
public sealed record Approver(Guid UserId, Guid AgencyId, int? AuthorityLevel);

/// <summary>The risk assessment of a report under special handling (EVAL-S4), and who approved it (EVAL-S5).</summary>
public sealed record RiskAssessmentFacts(Guid AssessedBy, bool HasText, Approver? ApprovedBy);

/// <summary>What special handling depends on, taken from the report at the moment of the question.</summary>
public sealed record SpecialHandlingFacts(Guid AuthorUserId, Guid OriginatingAgencyId, RiskAssessmentFacts? RiskAssessment,
    Approver? DisseminationApprovedBy);

public enum SpecialHandlingState
{
    /// <summary>No risk assessment recorded yet.</summary>
    AwaitsRiskAssessment,
    /// <summary>Recorded, but not approved by someone at the required level.</summary>
    AwaitsRiskAssessmentApproval,
    /// <summary>Risk assessment approved; no supervisor at the required level has approved dissemination.</summary>
    AwaitsDisseminationApproval,
    /// <summary>The report may go beyond the originating unit, within its handling code.</summary>
    Cleared,
}

public sealed record SpecialHandlingStatus(SpecialHandlingState State, string Detail)
{
    public bool Cleared => State == SpecialHandlingState.Cleared;
}

/// <summary>
/// Special handling (EVAL-S1, S3–S5, V-14, V-18) as pure functions: a report flagged for special handling stays in its
/// originating unit until a risk assessment is recorded, that assessment is approved at its own authority level, and a
/// supervisor at the configured level approves dissemination. The approvers must belong to the originating agency and may
/// not approve their own work: the point is a second pair of eyes against corruption and inadvertence (V-18, V-19).
/// The lead's pages ask <see cref="MayApproveRiskAssessment"/> and <see cref="MayApproveDissemination"/> to decide whether to
/// offer the button, and the service asks the same before recording, so both agree.
/// </summary>
public static class SpecialHandling
{
    /// <summary>Why this person may not approve the risk assessment now, or null when they may.</summary>
    public static string? MayApproveRiskAssessment(SpecialHandlingSettings settings, SpecialHandlingFacts facts, Approver approver)
    {
        if (facts.RiskAssessment is not { HasText: true } assessment)
        {
            return "There is no risk assessment to approve yet.";
        }
        return ApproverRefusal(approver, facts, settings.RiskAssessmentApprovalLevel, "approve the risk assessment")
               ?? (approver.UserId == assessment.AssessedBy ? "Whoever wrote the risk assessment cannot approve it." : null);
    }

    /// <summary>Why this person may not approve dissemination now, or null when they may.</summary>
    public static string? MayApproveDissemination(SpecialHandlingSettings settings, SpecialHandlingFacts facts, Approver approver)
    {
        var risk = RiskState(settings, facts);
        if (risk is not null)
        {
            return risk.Detail;
        }
        return ApproverRefusal(approver, facts, settings.DisseminationApprovalLevel, "approve dissemination");
    }

    /// <summary>Where the report stands; <see cref="SpecialHandlingStatus.Cleared"/> is what <see cref="DisseminationPolicy.Decide"/> takes.</summary>
    public static SpecialHandlingStatus Status(SpecialHandlingSettings settings, SpecialHandlingFacts facts)
    {
        if (RiskState(settings, facts) is { } waiting)
        {
            return waiting;
        }
        // A stored approval is checked again against today's settings: raising the level withdraws approvals below it.
        return facts.DisseminationApprovedBy is { } approval
               && ApproverRefusal(approval, facts, settings.DisseminationApprovalLevel, "approve dissemination") is null
            ? new(SpecialHandlingState.Cleared, "Approved for dissemination within the handling code.")
            : new(SpecialHandlingState.AwaitsDisseminationApproval,
                $"A supervisor of the originating agency at authority level {settings.DisseminationApprovalLevel} or above must approve dissemination.");
    }

    private static SpecialHandlingStatus? RiskState(SpecialHandlingSettings settings, SpecialHandlingFacts facts)
    {
        if (facts.RiskAssessment is not { HasText: true } assessment)
        {
            return new(SpecialHandlingState.AwaitsRiskAssessment, "Record the risk assessment first (EVAL-S4).");
        }
        var approved = assessment.ApprovedBy is { } by
                       && by.UserId != assessment.AssessedBy
                       && ApproverRefusal(by, facts, settings.RiskAssessmentApprovalLevel, "approve the risk assessment") is null;
        return approved
            ? null
            : new(SpecialHandlingState.AwaitsRiskAssessmentApproval,
                $"The risk assessment needs approval at authority level {settings.RiskAssessmentApprovalLevel} or above, by someone other than its author (EVAL-S5).");
    }

    internal static string? ApproverRefusal(Approver approver, SpecialHandlingFacts facts, int level, string what)
    {
        if (approver.AgencyId == Guid.Empty || approver.AgencyId != facts.OriginatingAgencyId)
        {
            return $"Only a supervisor of the originating agency may {what}.";
        }
        if (approver.UserId == facts.AuthorUserId)
        {
            return $"The report's author cannot {what} for their own report.";
        }
        // A level below 1 is a configuration error; it never lowers the bar below the lowest real level.
        var required = Math.Max(1, level);
        return approver.AuthorityLevel is { } held && held >= required
            ? null
            : $"To {what} needs authority level {required} or above.";
    }
}
