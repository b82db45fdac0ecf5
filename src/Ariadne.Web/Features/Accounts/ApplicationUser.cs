using Ariadne.Web.Features.Organisations;
using Microsoft.AspNetCore.Identity;

namespace Ariadne.Web.Features.Accounts;

/// <summary>A person who signs in. Belongs to exactly one organisation; there is no organisation switcher.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public ApplicationUser() => Id = Guid.CreateVersion7();

    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public string DisplayName { get; set; } = "";
    /// <summary>A disabled account cannot sign in and its tokens stop working at the next request.</summary>
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    /// <summary>
    /// The agency's rank held for special handling (EVAL-S3, EVAL-S5), numbered from 1 upwards; null for none. Only a
    /// dissemination supervisor's level counts.
    /// </summary>
    public int? AuthorityLevel { get; set; }
}
