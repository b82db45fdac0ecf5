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

    public static void AddAriadnePolicies(this AuthorizationBuilder builder)
    {
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        builder.SetFallbackPolicy(signedIn);
        builder.SetDefaultPolicy(signedIn);
        builder.AddPolicy(SignedIn, signedIn);
        builder.AddPolicy(Administration, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
        builder.AddPolicy(UserManagement, p => p.RequireAuthenticatedUser()
            .RequireRole(Roles.Administrator, Roles.OrganisationAdministrator));
        builder.AddPolicy(AuditTrail, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator, Roles.Coordinator));
    }
}
