namespace Ariadne.Web.Features.Screenings;

/// <summary>
/// One frontline encounter with a person who may have been trafficked: who met whom, where, what was seen,
/// and the officer's own words. It starts as a draft saved on every change, so that typed work survives a
/// dropped connection or an expired session.
/// </summary>
public sealed class Screening
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid OfficerUserId { get; set; }
    public required string OfficerName { get; set; }
    public ScreeningStatus Status { get; set; } = ScreeningStatus.Draft;
    /// <summary>The indicator catalogue version the screening was made with; it is always shown in that wording.</summary>
    public required string CatalogueVersion { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    // Encounter (§3.3)
    public string? IntakeChannel { get; set; }
    public string? Place { get; set; }
    public DateTime? EncounteredAt { get; set; }
    /// <summary>The colleague present: victims are always spoken to in pairs (HNT-05).</summary>
    public string? ColleaguePresent { get; set; }

    // The person
    public NameKind NameKind { get; set; } = NameKind.Unknown;
    public string? PersonName { get; set; }
    public int? ApproximateAge { get; set; }
    /// <summary>Reasons to believe the person is a child: treated as a child until an age assessment says otherwise (CH-AGE-01).</summary>
    public bool SuspectedMinor { get; set; }
    /// <summary>A parent or legal guardian is with the child; otherwise the child is unaccompanied (R-ACT-05).</summary>
    public bool WithParentOrGuardian { get; set; }
    public Gender Gender { get; set; } = Gender.Unknown;
    public string? Nationality { get; set; }
    public string? Language { get; set; }
    public bool InterpreterNeeded { get; set; }

    // Companion and danger (FC-03, FC-04, R-ACT-12)
    public bool Accompanied { get; set; }
    public bool CompanionSeemsToControl { get; set; }
    public bool SeparatedFromCompanion { get; set; }
    public string? CompanionDescription { get; set; }
    public bool ImmediateDanger { get; set; }
    public string? DangerDetails { get; set; }

    /// <summary>The officer's first-contact statement in their own words (R-ACT-08, R-ACT-11).</summary>
    public string? Statement { get; set; }

    // Flags (R-IND-03, R-IND-07)
    public bool PresumedVictim { get; set; }
    public DateTime? PresumedVictimDeclaredAt { get; set; }
    public bool OffenderFlag { get; set; }
    public string? SuspectedOffence { get; set; }

    public List<ScreeningIndicator> Indicators { get; set; } = [];
    public List<ScreeningAction> Actions { get; set; } = [];
    public List<InformationSheetGiven> InformationSheets { get; set; } = [];

    /// <summary>A child until an age assessment says otherwise: a stated age is not enough to lift the presumption.</summary>
    public bool IsPresumedMinor(int ageOfMajority) => IsPresumedMinor(SuspectedMinor, ApproximateAge, ageOfMajority);

    public static bool IsPresumedMinor(bool suspectedMinor, int? approximateAge, int ageOfMajority) =>
        suspectedMinor || approximateAge < ageOfMajority;

    /// <summary>Once referred, the case belongs to the receiving unit; the referring organisation keeps only the status.</summary>
    public bool IsHandedOver => Status == ScreeningStatus.Referred;
}

public enum ScreeningStatus
{
    Draft,
    Completed,
    /// <summary>An adult declined referral; counted anonymously. Not a closure: the person may change their mind (FC-07).</summary>
    ReferralDeclined,
    Referred,
}

public enum NameKind
{
    Unknown,
    Name,
    Alias,
}

public enum Gender
{
    Unknown,
    Female,
    Male,
    Other,
}

public sealed class ScreeningIndicator
{
    public Guid ScreeningId { get; set; }
    public required string IndicatorId { get; set; }
    /// <summary>What the officer saw; for border indicators, the inconsistency observed (R-IND-04).</summary>
    public string? Note { get; set; }
}

/// <summary>A mandatory action (R-ACT-01..05) ticked off, with when and by whom.</summary>
public sealed class ScreeningAction
{
    public Guid ScreeningId { get; set; }
    public required string ActionId { get; set; }
    public DateTime DoneAt { get; set; }
    public Guid DoneByUserId { get; set; }
    public required string DoneByName { get; set; }
}

/// <summary>Evidence that the person was informed in a language they understand (INF-06, INF-07).</summary>
public sealed class InformationSheetGiven
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ScreeningId { get; set; }
    public required string Language { get; set; }
    public required string SheetVersion { get; set; }
    public DateTime GivenAt { get; set; }
    public Guid GivenByUserId { get; set; }
    public required string GivenByName { get; set; }
}
