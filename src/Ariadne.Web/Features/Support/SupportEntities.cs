namespace Ariadne.Web.Features.Support;

/// <summary>
/// A support service (SVC-01..07) or delivery channel (DLV-01..03) the case owner proposes to a support
/// organisation. The organisation accepts, declines with a reason, later completes it; the proposer may revoke.
/// </summary>
public sealed class ServiceProposal
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public required string ServiceCode { get; set; }
    public Guid ProviderOrganisationId { get; set; }
    public Guid ProposedByOrganisationId { get; set; }
    public required string ProposedByName { get; set; }
    public DateTime ProposedAt { get; set; }
    public string? Note { get; set; }
    public ServiceStatus Status { get; set; } = ServiceStatus.Proposed;
    public DateTime? RespondedAt { get; set; }
    public string? RespondedByName { get; set; }
    /// <summary>Why it was declined or revoked.</summary>
    public string? StatusReason { get; set; }
    public DateTime? CompletedAt { get; set; }
}

public enum ServiceStatus
{
    Proposed,
    Accepted,
    Declined,
    Completed,
    Revoked,
}

/// <summary>
/// A shelter run by a support organisation. Its address is confidential (V-01): stored encrypted, decrypted
/// only for members of the organisation that runs it, and never sent to any other organisation.
/// </summary>
public sealed class Shelter
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    /// <summary>A name that does not give away where it is ("Shelter North-2"), shown to other participants.</summary>
    public required string Name { get; set; }
    public ShelterType Type { get; set; }
    public required byte[] AddressCipher { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>SVC-01's five kinds of board and lodging; local names may differ.</summary>
public enum ShelterType
{
    FlightShelter,
    CareShelter,
    AutonomyHouse,
    FamilyPlacement,
    NonResidential,
}

/// <summary>The person placed in a shelter, after a risk assessment (L3, LE-D9) and on an accepted SVC-01.</summary>
public sealed class ShelterPlacement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid ShelterId { get; set; }
    public Guid ProposalId { get; set; }
    public Guid RiskAssessmentId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public required string PlacedByName { get; set; }
}
