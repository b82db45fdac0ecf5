using System.Security.Claims;
using Ariadne.Web.Features.Organisations;

namespace Ariadne.Web.Security;

public static class AriadneClaims
{
    public const string OrganisationId = "ariadne:org";
    public const string OrganisationType = "ariadne:org_type";
    public const string DisplayName = "ariadne:display_name";
}

/// <summary>Reads the signed-in user's identity and organisation from the claims of the current principal.</summary>
public static class CurrentUser
{
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? OrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AriadneClaims.OrganisationId), out var id) ? id : null;

    public static OrganisationType? OrganisationType(this ClaimsPrincipal user) =>
        Enum.TryParse<OrganisationType>(user.FindFirstValue(AriadneClaims.OrganisationType), out var t) ? t : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(AriadneClaims.DisplayName) ?? user.Identity?.Name ?? "";

    public static bool BelongsTo(this ClaimsPrincipal user, Guid organisationId) => user.OrganisationId() == organisationId;
}

public static class RequestKinds
{
    /// <summary>API requests authenticate with bearer tokens and get problem details instead of pages.</summary>
    public static bool IsApi(this HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
