using Ariadne.Web.Data;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Organisations;

[Authorize(Policy = Policies.Administration)]
[Shared.VersionedBy(typeof(Organisation))]
public sealed class OrganisationEditModel(AriadneDbContext db, TimeProvider time, Jurisdiction.JurisdictionProfile jurisdiction) : PageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Type { get; set; }
        public string? Area { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public bool IsActive { get; set; } = true;
        public string? Country { get; set; }
        public Guid? AgencyId { get; set; }
        public string? IntelligenceCategory { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public List<string> Errors { get; } = [];
    /// <summary>Agencies a unit can belong to: organisations that belong to no other.</summary>
    public List<Organisation> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Agencies = await AgenciesAsync();
        if (Id is null)
        {
            Input.Country = jurisdiction.Country;
            return Page();
        }
        var o = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id);
        if (o is null)
        {
            return NotFound();
        }
        Input = new InputModel { Name = o.Name, Type = o.Type.ToString(), Area = o.Area, Phone = o.Phone, Email = o.Email, IsActive = o.IsActive,
            Country = o.Country, AgencyId = o.AgencyId, IntelligenceCategory = o.IntelligenceCategory?.ToString() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Agencies = await AgenciesAsync();
        var organisation = Id is null
            ? new Organisation { Name = "", CreatedAt = time.GetUtcNow().UtcDateTime, Country = jurisdiction.Country }
            : await db.Organisations.SingleOrDefaultAsync(x => x.Id == Id);
        if (organisation is null)
        {
            return NotFound();
        }
        var errors = await OrganisationRules.ApplyAsync(db, organisation,
            new OrganisationRequest(Input.Name, Input.Type, Input.Area, Input.Phone, Input.Email, Input.IsActive, Input.Country,
                Input.AgencyId, Input.IntelligenceCategory));
        if (errors.Count > 0)
        {
            Errors.AddRange(errors.Values.SelectMany(v => v));
            return Page();
        }
        if (Id is null)
        {
            db.Organisations.Add(organisation);
        }
        if (await db.SaveOrConflictAsync() is { } conflict)
        {
            // Changed by someone else, or the same name saved at the same moment (ADR 0008): the typing stays.
            Errors.Add(conflict);
            return Page();
        }
        return RedirectToPage("/Organisations/Index");
    }

    private Task<List<Organisation>> AgenciesAsync() =>
        db.Organisations.AsNoTracking().Where(o => o.AgencyId == null && o.Id != Id).OrderBy(o => o.Name).ToListAsync();
}
