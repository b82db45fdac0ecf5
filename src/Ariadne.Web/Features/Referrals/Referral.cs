using Ariadne.Web.Features.Screenings;

namespace Ariadne.Web.Features.Referrals;

/// <summary>
/// A screening handed to a receiving organisation in one submission (R-ACT-08): the specialised unit, and for
/// a child also the guardianship service. The written statement is fixed at the moment of referral, so the
/// unit reads exactly what was sent.
/// </summary>
public sealed class Referral
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>A short reference to quote on the phone, never containing personal data.</summary>
    public required string Reference { get; set; }
    public Guid ScreeningId { get; set; }
    public Screening? Screening { get; set; }
    public ReferralKind Kind { get; set; }
    public Guid FromOrganisationId { get; set; }
    public Guid ToOrganisationId { get; set; }
    public Guid ReferredByUserId { get; set; }
    public required string ReferredByName { get; set; }
    public DateTime ReferredAt { get; set; }
    public ReferralConsent Consent { get; set; }
    public ReferralStatus Status { get; set; } = ReferralStatus.Sent;
    public DateTime? AcknowledgedAt { get; set; }
    public string? AcknowledgedByName { get; set; }
    /// <summary>Copied from the screening so that the intake queue can sort without opening the statement.</summary>
    public bool PresumedVictim { get; set; }
    public bool PresumedMinor { get; set; }
    public bool ImmediateDanger { get; set; }
    public bool OffenderFlag { get; set; }
    public required string StatementText { get; set; }
}

public enum ReferralKind
{
    SpecialisedUnit,
    /// <summary>The guardianship service is told about a child at once (R-ACT-05, CH-PR-02, CH-PR-04).</summary>
    Guardianship,
    /// <summary>An adult declined, but the danger is such that the unit is alerted, without the person's identity (R-ACT-01, R-LEG-04).</summary>
    DeclinedReferralAlert,
}

public enum ReferralConsent
{
    /// <summary>The adult agreed to be referred, after being told what it means (V-03).</summary>
    Given,
    /// <summary>Children are referred regardless of consent (§4).</summary>
    NotRequiredForChild,
    /// <summary>The adult declined: only a de-personalised alert was sent (<see cref="ReferralKind.DeclinedReferralAlert"/>).</summary>
    Refused,
}

public enum ReferralStatus
{
    Sent,
    Acknowledged,
}

/// <summary>
/// An adult declined referral: the encounter is still counted for national statistics, with no field that
/// could identify the person, the officer or the screening (there is deliberately no link back).
/// </summary>
public sealed class AnonymousNotification : Ariadne.Web.Features.Audit.IUnlinkable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The month only: a day and a district together can point at one person.</summary>
    public required string Month { get; set; }
    public required string ReportingOrganisationType { get; set; }
    public string? IntakeChannel { get; set; }
    public required string AgeGroup { get; set; }
    public required string Gender { get; set; }
    /// <summary>Forms of exploitation the ticked indicators point to, as EXP codes separated by spaces.</summary>
    public required string Forms { get; set; }
    /// <summary>Indicator categories ticked, as codes separated by spaces.</summary>
    public required string IndicatorCategories { get; set; }
    public int IndicatorCount { get; set; }
    public bool PresumedVictim { get; set; }
}
