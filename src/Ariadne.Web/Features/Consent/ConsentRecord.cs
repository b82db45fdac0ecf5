namespace Ariadne.Web.Features.Consent;

/// <summary>
/// The person's written agreement that one organisation may receive one kind of personal data (V-02..V-04),
/// given after being told what sharing means, against a named version of the information sheet or MoU whose
/// roles were shown. Withdrawable at any time; a withdrawn record grants nothing from that moment.
/// For a child, the guardian gives it, with the child's views heard (OQ-08, CH-P3).
/// </summary>
public sealed class ConsentRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public ConsentPurpose Purpose { get; set; }
    public Guid RecipientOrganisationId { get; set; }
    /// <summary>The information sheet or MoU version the acknowledgement slip was attached to.</summary>
    public required string DocumentVersion { get; set; }
    /// <summary>V-04: the roles and responsibilities in the agreement were shown to the person.</summary>
    public bool RolesExplained { get; set; }
    public ConsentGiver GivenBy { get; set; }
    public DateTime GivenAt { get; set; }
    public required string RecordedByName { get; set; }
    public Guid RecordedByOrganisationId { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnByName { get; set; }
    public string? WithdrawalNote { get; set; }

    public bool IsActive => WithdrawnAt is null;
}

public enum ConsentPurpose
{
    /// <summary>Identity and contact details: name, nationality, language, date of birth.</summary>
    PersonalData,
    /// <summary>Statements and documents recorded on the case, so the person does not retell their story.</summary>
    Statements,
}

public enum ConsentGiver
{
    Person,
    /// <summary>For a child: the guardian, having heard the child.</summary>
    Guardian,
}
