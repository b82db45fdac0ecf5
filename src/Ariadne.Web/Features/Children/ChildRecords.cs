namespace Ariadne.Web.Features.Children;

/// <summary>An age assessment (CH-AGE-04); only a recorded result moves a presumed minor to adult.</summary>
public sealed class AgeAssessment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public AgeAssessmentMethod Method { get; set; }
    public AgeAssessmentResult Result { get; set; }
    public DateOnly AssessedOn { get; set; }
    public required string AssessedByName { get; set; }
    public DateTime RecordedAt { get; set; }
}

public enum AgeAssessmentMethod
{
    PsychoSocial,
    BoneXRay,
    Dental,
    Combined,
}

public enum AgeAssessmentResult
{
    Minor,
    Adult,
    /// <summary>The presumption of minority stays (CH-AGE-01).</summary>
    Inconclusive,
}

/// <summary>Where an interview is held; the kind decides what is allowed (CH-PR-16, V-01).</summary>
public enum VenueType
{
    PolicePremises,
    PlaceOfExploitation,
    Shelter,
    SupportOrganisationOffice,
    ChildFriendlyInterviewRoom,
    Court,
    GuardianshipService,
    Other,
}

/// <summary>
/// A child's first interview (CH-PR-14/15). The type itself has only biographical and social-history fields
/// and the child's spontaneous statements word for word: there is nowhere to write questions about the
/// trafficking experience. Stored encrypted as a case document.
/// </summary>
public sealed record ChildFirstInterview(
    DateTime HeldAt,
    VenueType Venue,
    string VenueDescription,
    string InterviewerName,
    string GuardianPresent,
    string? NameUsed,
    string? AgeStated,
    string? Nationality,
    string? LanguagesSpoken,
    string? FamilyAndSocialHistory,
    string? Schooling,
    string? SpontaneousStatementsVerbatim);

/// <summary>CH-PR-17: the parties consulted before a child's final disposition.</summary>
public static class ConsultedParties
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Guardian"] = "The guardian",
        ["SocialServices"] = "Social services",
        ["Ngo"] = "Support organisation (NGO)",
        ["MinistryOfInterior"] = "Ministry of Interior",
        ["Embassy"] = "Embassy of the child's country of origin",
    };

    /// <summary>The guardian, social services or an NGO, and the Ministry of Interior are always consulted; the embassy "possibly".</summary>
    public static readonly IReadOnlyList<string> Required = ["Guardian", "MinistryOfInterior"];
}
