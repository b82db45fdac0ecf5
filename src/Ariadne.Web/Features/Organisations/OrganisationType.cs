using Ariadne.Web.Security;

namespace Ariadne.Web.Features.Organisations;

/// <summary>Organisation types of the domain catalogue §1.1 (ACT-01..ACT-10).</summary>
public enum OrganisationType
{
    Administration,
    FrontlinePolice,
    BorderGuard,
    LabourInspectorate,
    AntiTraffickingUnit,
    VictimSupport,
    Guardianship,
    Prosecution,
    NationalReferralCoordinator,
    /// <summary>Customs (ACT-01, ACT-13): law enforcement, frontline at the border of goods.</summary>
    Customs,
    /// <summary>
    /// A partner abroad or its liaison officer (ACT-14): Europol/Interpol liaison, foreign police or prosecutor, IOM, a foreign
    /// NGO. Receives intelligence within its handling code only; sees no case data at all.
    /// </summary>
    ForeignLiaisonPartner,
}

public static class OrganisationTypes
{
    public static IReadOnlyList<OrganisationType> All { get; } = Enum.GetValues<OrganisationType>();

    public static string DisplayName(this OrganisationType type) => type switch
    {
        OrganisationType.Administration => "System administration",
        OrganisationType.FrontlinePolice => "Frontline police unit",
        OrganisationType.BorderGuard => "Border guard unit",
        OrganisationType.LabourInspectorate => "Labour inspectorate",
        OrganisationType.AntiTraffickingUnit => "Specialised anti-trafficking unit",
        OrganisationType.VictimSupport => "Victim-support organisation / shelter",
        OrganisationType.Guardianship => "Guardianship / child protection service",
        OrganisationType.Prosecution => "Prosecution",
        OrganisationType.NationalReferralCoordinator => "National referral coordinator",
        OrganisationType.Customs => "Customs",
        OrganisationType.ForeignLiaisonPartner => "Foreign / liaison partner",
    };

    /// <summary>
    /// Law enforcement and prosecution never see shelter locations (V-01); the flag is kept on the type so
    /// that no page has to remember which organisations count.
    /// </summary>
    public static bool IsLawEnforcementOrProsecution(this OrganisationType type) => type switch
    {
        OrganisationType.FrontlinePolice or OrganisationType.BorderGuard or OrganisationType.AntiTraffickingUnit
            or OrganisationType.Prosecution or OrganisationType.Customs => true,
        // A foreign partner is kept away from shelters and everything of a case: it is not part of the national mechanism.
        OrganisationType.ForeignLiaisonPartner => true,
        OrganisationType.Administration or OrganisationType.LabourInspectorate or OrganisationType.VictimSupport
            or OrganisationType.Guardianship or OrganisationType.NationalReferralCoordinator => false,
    };

    /// <summary>
    /// Which roles a member of this type of organisation may hold: a shelter worker can never be given an
    /// investigator's role, whoever edits the account.
    /// </summary>
    public static IReadOnlyList<string> AssignableRoles(this OrganisationType type) => type switch
    {
        OrganisationType.Administration => [Roles.Administrator],
        OrganisationType.FrontlinePolice => [Roles.FrontlineOfficer, Roles.OrganisationAdministrator, .. IntelligenceRoles],
        OrganisationType.BorderGuard => [Roles.BorderGuard, Roles.OrganisationAdministrator, .. IntelligenceRoles],
        OrganisationType.LabourInspectorate => [Roles.LabourInspector, Roles.OrganisationAdministrator],
        OrganisationType.AntiTraffickingUnit => [Roles.Investigator, Roles.OrganisationAdministrator, .. IntelligenceRoles],
        OrganisationType.VictimSupport => [Roles.SupportWorker, Roles.OrganisationAdministrator],
        OrganisationType.Guardianship => [Roles.Guardian, Roles.OrganisationAdministrator],
        OrganisationType.Prosecution => [Roles.Prosecutor, Roles.OrganisationAdministrator],
        OrganisationType.NationalReferralCoordinator => [Roles.Coordinator, Roles.OrganisationAdministrator],
        // Customs officials are frontline officers (ACT-01) of a law-enforcement agency.
        OrganisationType.Customs => [Roles.FrontlineOfficer, Roles.OrganisationAdministrator, .. IntelligenceRoles],
        // A liaison officer reads what the handling codes let reach them; no screening, no case role.
        OrganisationType.ForeignLiaisonPartner => [Roles.IntelligenceAnalyst, Roles.OrganisationAdministrator],
    };

    /// <summary>The intelligence roles (ACT-04..06), assignable in law-enforcement organisations only.</summary>
    private static readonly string[] IntelligenceRoles = [Roles.IntelligenceAnalyst, Roles.DisseminationSupervisor, Roles.FinancialInvestigator];
}
