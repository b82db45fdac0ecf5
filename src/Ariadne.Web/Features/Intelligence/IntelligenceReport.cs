namespace Ariadne.Web.Features.Intelligence;

public enum ReportStatus
{
    /// <summary>Being written: seen by its originating unit only, no grading needed yet.</summary>
    Draft,
    /// <summary>Graded by its author and submitted (R-EVAL-03); from here the dissemination policy decides who sees it.</summary>
    Submitted,
}

/// <summary>
/// A report in the key-data format (§5.4, KD-01..12). Structured items (KD-02..09) are <see cref="IntelligenceItem"/> rows;
/// the grading is the author's, stored by enum names; a case or screening is linked by its reference only, never joined.
/// </summary>
public sealed class IntelligenceReport : IAudienceRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>INT-2026-000123: readable on a phone call between agencies.</summary>
    public required string Reference { get; set; }
    public Guid OriginatorOrganisationId { get; set; }
    public Guid AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public ReportStatus Status { get; set; }

    // The author's grading (§5.5): one system; the others' columns stay empty.
    public GradingSystem? GradingSystem { get; set; }
    public FiveFiveFiveSource? Source5 { get; set; }
    public FiveFiveFiveIntelligence? Intelligence5 { get; set; }
    public FiveFiveFiveHandling? Handling5 { get; set; }
    public ThreeFiveTwoSource? Source3 { get; set; }
    public ThreeFiveTwoIntelligence? Intelligence3 { get; set; }
    public ThreeFiveTwoHandling? Handling3 { get; set; }
    public int? SourceReliability4 { get; set; }
    public int? InformationValidity4 { get; set; }
    /// <summary>The originator's conditions of dissemination, shown to every recipient with the report.</summary>
    public string? Conditions { get; set; }
    public bool SpecialHandling { get; set; }
    /// <summary>
    /// Who beyond the originating unit the policy lets see it, as <see cref="IntelligenceAudience"/> bits; kept by
    /// <see cref="IntelligenceAudienceInterceptor"/> on every write. Null: not computed yet (no one beyond the unit sees it).
    /// </summary>
    public int? Audience { get; set; }

    /// <summary>KD-01: catalogue forms of exploitation (EXP-…) and forced criminality, comma-separated codes.</summary>
    public string ExploitationTypes { get; set; } = "";
    /// <summary>SRC-01..12 (§5.3). A registered informant's identity is never stored, only that the source is one.</summary>
    public string? SourceType { get; set; }
    /// <summary>KD-12: the officer or unit that is the source, with contact details.</summary>
    public string? SourceOfficer { get; set; }
    public string? SourceContact { get; set; }
    /// <summary>KD-10: TAC-A01..A10, comma-separated.</summary>
    public string ModusOperandiTags { get; set; } = "";
    /// <summary>KD-10 in words (encrypted at rest).</summary>
    public string? ModusOperandi { get; set; }
    /// <summary>KD-11 (encrypted at rest).</summary>
    public string? FreeText { get; set; }
    /// <summary>A case or screening reference, by reference only: intelligence never appears inside a case.</summary>
    public string? LinkedReference { get; set; }

    // Special handling (EVAL-S3..S5): the risk assessment and the two approvals, with the approver's agency and level at the time.
    public string? RiskAssessment { get; set; }
    public Guid? RiskAssessedByUserId { get; set; }
    public DateTime? RiskAssessedAt { get; set; }
    public Guid? RiskApprovedByUserId { get; set; }
    public Guid? RiskApprovedByAgencyId { get; set; }
    public int? RiskApprovedByLevel { get; set; }
    public DateTime? RiskApprovedAt { get; set; }
    public Guid? DisseminationApprovedByUserId { get; set; }
    public Guid? DisseminationApprovedByAgencyId { get; set; }
    public int? DisseminationApprovedByLevel { get; set; }
    public DateTime? DisseminationApprovedAt { get; set; }

    public List<IntelligenceItem> Items { get; set; } = [];

    public Grading? Grading => GradingSystem is { } system
        ? new Grading(system, Source5, Intelligence5, Handling5, Source3, Intelligence3, Handling3, SourceReliability4, InformationValidity4,
            Conditions, SpecialHandling)
        : null;

    public void SetGrading(Grading? grading)
    {
        GradingSystem = grading?.System;
        Source5 = grading?.Source5;
        Intelligence5 = grading?.Intelligence5;
        Handling5 = grading?.Handling5;
        Source3 = grading?.Source3;
        Intelligence3 = grading?.Intelligence3;
        Handling3 = grading?.Handling3;
        SourceReliability4 = grading?.SourceReliability4;
        InformationValidity4 = grading?.InformationValidity4;
        Conditions = grading?.ConditionsText();
        SpecialHandling = grading?.SpecialHandling ?? false;
    }

    public SpecialHandlingFacts SpecialHandlingFacts(Guid originatingAgencyId) => new(AuthorUserId, originatingAgencyId,
        RiskAssessedByUserId is { } assessor
            ? new RiskAssessmentFacts(assessor, !string.IsNullOrWhiteSpace(RiskAssessment),
                RiskApprovedByUserId is { } r ? new Approver(r, RiskApprovedByAgencyId ?? Guid.Empty, RiskApprovedByLevel) : null)
            : null,
        DisseminationApprovedByUserId is { } d ? new Approver(d, DisseminationApprovedByAgencyId ?? Guid.Empty, DisseminationApprovedByLevel) : null);
}

/// <summary>The kinds of structured key data (KD-02..09).</summary>
public enum IntelligenceItemKind
{
    /// <summary>KD-02: a country or place with its role (origin, transit, destination, exploitation).</summary>
    Location,
    /// <summary>KD-03: a person (suspect, victim, witness, other) or a business; names, aliases, dob… in the details.</summary>
    Person,
    /// <summary>KD-04.</summary>
    Address,
    /// <summary>KD-05: plate with its registration country, make and colour in the details; boats too.</summary>
    Vehicle,
    /// <summary>KD-06: phone, e-mail, messaging handle with platform (sub-kind), website, advertisement.</summary>
    Communication,
    /// <summary>KD-07: type (sub-kind), issuing country, number, name on it.</summary>
    Document,
    /// <summary>KD-08: a route leg with dates and means of travel.</summary>
    Route,
    /// <summary>KD-09: IBAN/account, transfer reference, card, amount and currency.</summary>
    Financial,
}

/// <summary>
/// One structured item of a report: as entered (encrypted) and its normalised key for checks, its country, and the structured
/// sub-fields as JSON (encrypted: names, dates of birth, descriptions are personal data).
/// </summary>
public sealed class IntelligenceItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReportId { get; set; }
    public IntelligenceItemKind Kind { get; set; }
    /// <summary>Phone/e-mail/platform for communications, the document type, a person's "individual"/"business".</summary>
    public string? SubKind { get; set; }
    /// <summary>Suspect/victim/witness/other for a person; origin/transit/destination/exploitation for a place.</summary>
    public string? Role { get; set; }
    public string? Value { get; set; }
    public string? NormalisedKey { get; set; }
    public string? Country { get; set; }
    public string? Details { get; set; }
}

/// <summary>The receiving analyst's own evaluation, kept beside the author's, which stays as it was (R-EVAL-03).</summary>
public sealed class AnalystEvaluation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReportId { get; set; }
    public Guid AnalystUserId { get; set; }
    public string AnalystName { get; set; } = "";
    public Guid OrganisationId { get; set; }
    public DateTime RecordedAt { get; set; }
    public GradingSystem GradingSystem { get; set; }
    public FiveFiveFiveSource? Source5 { get; set; }
    public FiveFiveFiveIntelligence? Intelligence5 { get; set; }
    public ThreeFiveTwoSource? Source3 { get; set; }
    public ThreeFiveTwoIntelligence? Intelligence3 { get; set; }
    public int? SourceReliability4 { get; set; }
    public int? InformationValidity4 { get; set; }
    /// <summary>Encrypted at rest.</summary>
    public string? Comment { get; set; }
}

/// <summary>
/// A report sent to another organisation by someone who may read it (issue 10 item 7): who, to whom, when, why, under which
/// code and on whose approval; only where the originator's handling code lets it go. The recipient finds it among the reports
/// sent to it; it would see the report anyway under the code, the sending is what draws its attention and is accounted for.
/// </summary>
public sealed class IntelligenceDissemination
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReportId { get; set; }
    public Guid FromOrganisationId { get; set; }
    public Guid ToOrganisationId { get; set; }
    public Guid SentByUserId { get; set; }
    public string SentByName { get; set; } = "";
    public DateTime SentAt { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>The handling code as it was when sent (<see cref="IntelligenceService.HandlingOf"/>).</summary>
    public string Handling { get; set; } = "";
    /// <summary>The supervisor whose special-handling approval let it go, if it needed one.</summary>
    public Guid? ApprovedByUserId { get; set; }
}

/// <summary>One change of a report's handling: who, from what, to what, why, and whether it widened the audience.</summary>
public sealed class HandlingChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReportId { get; set; }
    public Guid ChangedByUserId { get; set; }
    public string ChangedByName { get; set; } = "";
    public DateTime ChangedAt { get; set; }
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public string Reason { get; set; } = "";
    public bool Widens { get; set; }
}
