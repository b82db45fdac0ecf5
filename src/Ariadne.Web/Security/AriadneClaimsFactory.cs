using System.Globalization;
using System.Security.Claims;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ariadne.Web.Security;

/// <summary>Puts the user's organisation into the cookie and the API token, so every check can use it.</summary>
internal sealed class AriadneClaimsFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options,
    AriadneDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == user.OrganisationId);
        identity.AddClaim(new Claim(AriadneClaims.OrganisationId, organisation.Id.ToString()));
        identity.AddClaim(new Claim(AriadneClaims.OrganisationType, organisation.Type.ToString()));
        identity.AddClaim(new Claim(AriadneClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim("ariadne:issued", DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
