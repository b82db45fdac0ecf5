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
    /// <summary>ACT-04: analyses and evaluates incoming intelligence beside its author's evaluation (R-EVAL-03).</summary>
    public const string IntelligenceAnalyst = "IntelligenceAnalyst";
    /// <summary>ACT-05: approves dissemination under special handling at their authority level (EVAL-S3..S5), changes handling.</summary>
    public const string DisseminationSupervisor = "DisseminationSupervisor";
    /// <summary>ACT-06: the in-depth enquiry on accounting and financial details.</summary>
    public const string FinancialInvestigator = "FinancialInvestigator";

    public static IReadOnlyList<string> All { get; } =
    [
        Administrator, OrganisationAdministrator, FrontlineOfficer, BorderGuard, LabourInspector, Investigator,
        SupportWorker, Guardian, Coordinator, Prosecutor, IntelligenceAnalyst, DisseminationSupervisor, FinancialInvestigator,
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
        IntelligenceAnalyst => "Intelligence analyst",
        DisseminationSupervisor => "Dissemination supervisor",
        FinancialInvestigator => "Financial investigator",
        _ => role,
    };
}
