namespace Ariadne.Web.Security;

/// <summary>
/// The roles a user can hold. A role says what someone does; the organisation they belong to says whose
/// data they work on. Role names are stable identifiers stored in the database.
/// </summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string OrganisationAdministrator = "OrganisationAdministrator";
    public const string FrontlineOfficer = "FrontlineOfficer";
    public const string BorderGuard = "BorderGuard";
    public const string LabourInspector = "LabourInspector";
    public const string Investigator = "Investigator";
    public const string SupportWorker = "SupportWorker";
    public const string Guardian = "Guardian";
    public const string Coordinator = "Coordinator";
    public const string Prosecutor = "Prosecutor";

    public static IReadOnlyList<string> All { get; } =
    [
        Administrator, OrganisationAdministrator, FrontlineOfficer, BorderGuard, LabourInspector, Investigator,
        SupportWorker, Guardian, Coordinator, Prosecutor,
    ];

    public static string DisplayName(string role) => role switch
    {
        Administrator => "System administrator",
        OrganisationAdministrator => "Organisation administrator",
        FrontlineOfficer => "Frontline officer",
        BorderGuard => "Border guard",
        LabourInspector => "Labour inspector",
        Investigator => "Anti-trafficking investigator",
        SupportWorker => "Support worker",
        Guardian => "Guardian",
        Coordinator => "National referral coordinator",
        Prosecutor => "Prosecutor",
        _ => role,
    };
}
