using Ariadne.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Organisations;

/// <summary>
/// The names of a few organisations, the way every answer that names them reads them: only the two columns, nothing tracked
/// (a tracked organisation is scanned again by every save of the request), and no query at all for no ids.
/// </summary>
public static class OrganisationNames
{
    public static async Task<Dictionary<Guid, string>> NamesOfAsync(this AriadneDbContext db, IReadOnlyCollection<Guid> ids,
        CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => r.Name);
    }
}
