using Ariadne.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Organisations;

public sealed record Contact(Guid Id, string Name, OrganisationType Type, string TypeName, string? Area, string? Phone, string? Email);

/// <summary>
/// Whom an officer calls from where they stand: the specialised units, support organisations and guardianship
/// services serving the officer's own area or the whole country (R-ACT-14, CH-PR-04).
/// </summary>
public static class AreaContacts
{
    public const string National = "National";

    public static readonly OrganisationType[] HelpingTypes =
        [OrganisationType.AntiTraffickingUnit, OrganisationType.VictimSupport, OrganisationType.Guardianship];

    public static async Task<List<Contact>> ForOrganisationAsync(AriadneDbContext db, Guid organisationId,
        params OrganisationType[] types)
    {
        var area = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Area).SingleOrDefaultAsync();
        var wanted = types.Length == 0 ? HelpingTypes : types;
        var candidates = await db.Organisations.AsNoTracking()
            .Where(o => o.IsActive && wanted.Contains(o.Type))
            .ToListAsync();
        return candidates
            .Where(o => o.Area is null || o.Area == National || (area is not null && o.Area == area))
            // Local services first: they can be there in minutes.
            .OrderBy(o => Array.IndexOf(wanted, o.Type)).ThenBy(o => o.Area == area ? 0 : 1).ThenBy(o => o.Name, StringComparer.Ordinal)
            .Select(o => new Contact(o.Id, o.Name, o.Type, o.Type.DisplayName(), o.Area, o.Phone, o.Email))
            .ToList();
    }
}
