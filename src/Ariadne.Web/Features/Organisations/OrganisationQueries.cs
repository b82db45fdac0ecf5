using Ariadne.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Organisations;

public static class OrganisationQueries
{
    /// <summary>
    /// The organisation someone chose to send something to, if it is still active and, when
    /// <paramref name="type"/> is given, of that type; null otherwise (also for no choice at all).
    /// </summary>
    public static Task<Organisation?> ActiveOrganisationAsync(this AriadneDbContext db, Guid? id, OrganisationType? type = null) => id is null
        ? Task.FromResult<Organisation?>(null)
        : db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.IsActive && (type == null || o.Type == type));
}
