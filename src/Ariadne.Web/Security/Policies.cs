using Microsoft.AspNetCore.Authorization;

namespace Ariadne.Web.Security;

/// <summary>
/// Named authorization policies. Every endpoint group states one; anything that states none falls back to
/// "signed in", and the authorization matrix test fails for an API endpoint without an explicit entry.
/// </summary>
public static class Policies
{
    /// <summary>System administration: organisations, all accounts, audit verification.</summary>
    public const string Administration = "Administration";
    /// <summary>Managing accounts: system administrators, and organisation administrators for their own organisation.</summary>
    public const string UserManagement = "UserManagement";
    /// <summary>Browsing the audit trail: system administrators and the national referral coordinator.</summary>
    public const string AuditTrail = "AuditTrail";
    /// <summary>Any signed-in, active user: the organisation directory, one's own profile.</summary>
    public const string SignedIn = "SignedIn";
    /// <summary>Screening people against the indicators and referring them: the identifying actors (ACT-01, ACT-02, ACT-03).</summary>
    public const string Screening = "Screening";
    /// <summary>Receiving referrals: the specialised unit, and the guardianship service for children.</summary>
    public const string ReferralIntake = "ReferralIntake";

    /// <summary>Working on NRM cases: everyone with a part in a case. Administrators manage accounts, never cases.</summary>
    public const string Cases = "Cases";
    /// <summary>The national coordinator's dashboard of overdue, ownerless and stale cases.</summary>
    public const string CaseOversight = "CaseOversight";

    /// <summary>A support organisation's own shelter register, with the confidential addresses (V-01).</summary>
    public const string ShelterManagement = "ShelterManagement";

    /// <summary>
    /// Intelligence (issue 10): the roles that write or read reports (§1.3); each report is then decided by the dissemination
    /// policy through <c>IntelligenceOperations</c>.
    /// </summary>
    public const string Intelligence = "Intelligence";

    /// <summary>Sanitised thematic intelligence (V-06, V-14): the intelligence roles and the forum (coordinator).</summary>
    public const string ThematicIntelligence = "ThematicIntelligence";

    /// <summary>HTCDS 2.0 records of cases (issue 13 item 4): the coordinator and the roles that own or guard cases.</summary>
    public const string CaseExchange = "CaseExchange";

    /// <summary>CTDC export and import of reference figures (issue 13 item 5): national statistics, the coordinator's.</summary>
    public const string StatisticsExchange = "StatisticsExchange";
    /// <summary>Statistics (issue 13): the roles of <c>StatisticsPermissions</c>; each section is then decided by its table.</summary>
    public const string Statistics = "Statistics";

    public static readonly string[] CaseRoles =
    [
        Roles.FrontlineOfficer, Roles.BorderGuard, Roles.LabourInspector, Roles.Investigator, Roles.SupportWorker, Roles.Guardian,
        Roles.Coordinator, Roles.Prosecutor,
    ];

    public static readonly string[] ScreeningRoles =
        [Roles.FrontlineOfficer, Roles.BorderGuard, Roles.LabourInspector, Roles.SupportWorker, Roles.Investigator];
    public static readonly string[] IntakeRoles = [Roles.Investigator, Roles.Guardian];

    public static void AddAriadnePolicies(this AuthorizationBuilder builder)
    {
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        builder.SetFallbackPolicy(signedIn);
        builder.SetDefaultPolicy(signedIn);
        builder.AddPolicy(SignedIn, signedIn);
        builder.AddPolicy(Administration, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
        builder.AddPolicy(UserManagement, p => p.RequireAuthenticatedUser()
            .RequireRole(Roles.Administrator, Roles.OrganisationAdministrator));
        builder.AddPolicy(Screening, p => p.RequireAuthenticatedUser().RequireRole(ScreeningRoles));
        builder.AddPolicy(ReferralIntake, p => p.RequireAuthenticatedUser().RequireRole(IntakeRoles));
        builder.AddPolicy(Cases, p => p.RequireAuthenticatedUser().RequireRole(CaseRoles));
        builder.AddPolicy(ShelterManagement, p => p.RequireAuthenticatedUser().RequireRole(Roles.SupportWorker)
            .RequireClaim(AriadneClaims.OrganisationType, nameof(Features.Organisations.OrganisationType.VictimSupport)));
        builder.AddPolicy(Intelligence, p => p.RequireAuthenticatedUser().RequireRole(Features.Intelligence.IntelligencePermissions.ApiRoles));
        builder.AddPolicy(ThematicIntelligence, p => p.RequireAuthenticatedUser()
            .RequireRole(Features.Intelligence.SanitisedPermissions.ReaderRoles));
        builder.AddPolicy(Statistics, p => p.RequireAuthenticatedUser().RequireRole(Features.Statistics.StatisticsPermissions.ReaderRoles));
        builder.AddPolicy(CaseOversight, p => p.RequireAuthenticatedUser().RequireRole(Roles.Coordinator));
        builder.AddPolicy(CaseExchange, p => p.RequireAuthenticatedUser().RequireRole(Features.Exchange.ExchangePermissions.CaseExportRoles));
        builder.AddPolicy(StatisticsExchange, p => p.RequireAuthenticatedUser().RequireRole(Features.Exchange.ExchangePermissions.StatisticsRoles));
        builder.AddPolicy(AuditTrail, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator, Roles.Coordinator));
    }
}
