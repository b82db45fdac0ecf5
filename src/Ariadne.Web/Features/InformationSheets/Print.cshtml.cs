using Ariadne.Web.Data;
using Ariadne.Web.Features.Jurisdiction;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.InformationSheets;

/// <summary>The information sheet to print or show on screen, with the contacts for the officer's area.</summary>
[Authorize(Policy = Policies.Screening)]
public sealed class InformationSheetPrintModel(InformationSheetLibrary library, JurisdictionProfile jurisdiction, AriadneDbContext db)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }

    /// <summary>The screening the sheet was given in, so "back" returns to its guidance rather than the list.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Screening { get; set; }
    public InformationSheet Sheet { get; private set; } = null!;
    public List<Contact> Contacts { get; private set; } = [];
    public string EmergencyNumber => jurisdiction.EmergencyNumber;

    public async Task<IActionResult> OnGetAsync()
    {
        if (library.Find(Language ?? "en") is not { } sheet)
        {
            return NotFound();
        }
        Sheet = sheet;
        // Support services only: the sheet goes home with the person, and the unit's direct lines are for officers.
        Contacts = await AreaContacts.ForOrganisationAsync(db, User.OrganisationId() ?? Guid.Empty, OrganisationType.VictimSupport);
        return Page();
    }
}
