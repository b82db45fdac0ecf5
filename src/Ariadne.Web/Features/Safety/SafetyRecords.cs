namespace Ariadne.Web.Features.Safety;

/// <summary>
/// A structured risk assessment (L3, L10, LE-D9, CH-PR-19): threats to the person and to family or loved ones
/// (ACT-18), the risk of re-trafficking, the outcome and who reviewed it. "Risk identified" is the positive
/// outcome that blocks a child's return.
/// </summary>
public sealed class RiskAssessment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public RiskPurpose Purpose { get; set; }
    public RiskLevel ThreatToPerson { get; set; }
    public RiskLevel ThreatToFamily { get; set; }
    public RiskLevel ReTrafficking { get; set; }
    public bool RiskIdentified { get; set; }
    /// <summary>
    /// Recorded by the child's guardianship service: such a finding of risk stands until a later review with the
    /// guardian finds otherwise, whatever the case owner records since (CH-PR-19).
    /// </summary>
    public bool WithGuardian { get; set; }
    public required string Summary { get; set; }
    public required string ReviewerName { get; set; }
    public DateTime AssessedAt { get; set; }
    public required string AssessedByName { get; set; }
    public Guid OrganisationId { get; set; }
}

public enum RiskPurpose
{
    ShelterPlacement,
    Return,
    Review,
}

public enum RiskLevel
{
    Low,
    Medium,
    High,
}

/// <summary>An action in the safety coordinator's safety plan (R-SC-02), with status and dates.</summary>
public sealed class SafetyAction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public required string Description { get; set; }
    public SafetyActionStatus Status { get; set; } = SafetyActionStatus.Planned;
    public DateOnly? DueOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DoneAt { get; set; }
    public required string RecordedByName { get; set; }
}

public enum SafetyActionStatus
{
    Planned,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>
/// A meeting, interview or hearing with the person. Law enforcement never meets the person at a shelter (V-01);
/// a child is not interviewed at police premises or the place of exploitation (CH-PR-16). The counsellor and
/// safety coordinator flags come from LE-D5 and R-SC-03.
/// </summary>
public sealed class CaseMeeting
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public DateTime At { get; set; }
    public required string Purpose { get; set; }
    public bool LawEnforcementPresent { get; set; }
    public Children.VenueType Venue { get; set; }
    public string? VenueDescription { get; set; }
    public bool CounsellorRequested { get; set; }
    public bool SafetyCoordinatorInvited { get; set; }
    public required string ArrangedByName { get; set; }
    public Guid ArrangedByOrganisationId { get; set; }
}

/// <summary>
/// A statement or document recorded once on the case and shared by consent instead of retold (§6.6).
/// The content is encrypted at rest; every view is audited.
/// </summary>
public sealed class CaseDocument
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public DocumentKind Kind { get; set; }
    public required string Title { get; set; }
    public required byte[] ContentCipher { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedByName { get; set; }
    public Guid RecordedByOrganisationId { get; set; }
}

public enum DocumentKind
{
    /// <summary>The first-contact written statement that came with the referral.</summary>
    ReferralStatement,
    Statement,
    ChildFirstInterview,
    Document,
}
