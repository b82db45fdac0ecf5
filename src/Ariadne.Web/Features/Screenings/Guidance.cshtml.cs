using Ariadne.Web.Data;
using Ariadne.Web.Features.InformationSheets;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Screenings;

/// <summary>
/// What the officer must do now: the assessment (never a verdict), the mandatory actions as a checklist,
/// advice, local contacts, the information sheet for the person, and "Refer" in one submission.
/// </summary>
[Authorize(Policy = Policies.Screening)]
public sealed class ScreeningGuidanceModel(
    ScreeningService screenings,
    ReferralService referrals,
    InformationSheetLibrary sheets,
    Intelligence.IntelligenceService intelligence,
    AriadneDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public Guid? UnitId { get; set; }
    [BindProperty] public string? Consent { get; set; }
    [BindProperty] public string? Language { get; set; }
    [TempData] public string? Message { get; set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public Screening Screening { get; private set; } = null!;
    public Assessment Assessment { get; private set; } = null!;
    public List<Contact> Contacts { get; private set; } = [];
    public List<Contact> Units { get; private set; } = [];
    public IReadOnlyList<InformationSheet> Sheets => sheets.Current;
    public string EmergencyNumber => screenings.Jurisdiction.EmergencyNumber;
    /// <summary>Whether to offer "Report what you saw": the role test the intelligence service applies when creating.</summary>
    public bool WritesIntelligence => Intelligence.IntelligencePermissions.Writes(User);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await screenings.ViewAsync(User, Id, "guidance") is not { } screening)
        {
            return NotFound();
        }
        await ShowAsync(screening);
        return Page();
    }

    public async Task<IActionResult> OnPostActionAsync(string actionId)
    {
        if (await screenings.FindAsync(User, Id) is not { } screening)
        {
            return NotFound();
        }
        if (screenings.MarkActionDone(screening, actionId, User) is { } error)
        {
            Errors["actionId"] = [error];
            await ShowAsync(screening);
            return Page();
        }
        await db.SaveChangesAsync();
        return Redirect($"/Screenings/Guidance?id={Id}#actions");
    }

    public async Task<IActionResult> OnPostSheetAsync()
    {
        if (await screenings.FindAsync(User, Id) is not { } screening)
        {
            return NotFound();
        }
        var (given, error) = screenings.RecordSheetGiven(screening, Language, User);
        if (given is null)
        {
            Errors["language"] = [error!];
            await ShowAsync(screening);
            return Page();
        }
        await db.SaveChangesAsync();
        return Redirect($"/InformationSheets/Print?language={Uri.EscapeDataString(given.Language)}&screening={screening.Id}");
    }

    /// <summary>
    /// Starts an intelligence report about the encounter (issue 10 item 9): place, time, the controller's description and the forms
    /// of exploitation, never the person's identity, so it can reach the unit whether or not the person agrees to referral.
    /// </summary>
    public async Task<IActionResult> OnPostIntelligenceAsync()
    {
        if (await screenings.FindAsync(User, Id) is not { } screening)
        {
            return NotFound();
        }
        var unit = await db.Organisations.Where(o => o.Id == screening.OrganisationId).Select(o => new { o.Phone, o.Country }).SingleAsync();
        var request = Intelligence.FrontlineReport.FromScreening(screening, screenings.Assess(screening), User.DisplayName(), unit.Phone,
            unit.Country, screenings.Jurisdiction.ToLocal);
        var created = await intelligence.CreateAsync(User, request);
        if (created.Value is not { } report)
        {
            Errors["intelligence"] = [created.Error?.Message ?? "The report could not be started."];
            await ShowAsync(screening);
            return Page();
        }
        return Redirect($"/Intelligence/Edit?id={report.Id}");
    }

    public async Task<IActionResult> OnPostReferAsync()
    {
        if (await screenings.FindAsync(User, Id) is not { } screening)
        {
            return NotFound();
        }
        var (outcome, errors) = await referrals.ReferAsync(screening, new ReferralRequest(UnitId, Consent), User);
        if (outcome is null)
        {
            Errors = errors;
            await ShowAsync(screening);
            return Page();
        }
        switch (outcome.Result)
        {
            case ReferralResult.CountedAnonymously:
                Message = "The person declined referral. Nothing identifying was sent; the encounter is counted anonymously for " +
                          "national statistics. Make sure they have the information sheet: they can ask for help later.";
                return Redirect($"/Screenings/Guidance?id={Id}");
            case ReferralResult.CountedAnonymouslyAndUnitAlerted:
                Message = "The person declined referral. Because of the danger, the unit was alerted without the person's identity (" +
                          string.Join("; ", outcome.Referrals.Select(r => $"{r.Reference} to {r.ToOrganisation}")) +
                          "); the encounter is counted anonymously. Make sure they have the information sheet.";
                return Redirect($"/Screenings/Guidance?id={Id}");
            case ReferralResult.Referred:
                break;
        }
        Message = "Referred: " + string.Join("; ", outcome.Referrals.Select(r => $"{r.Reference} to {r.ToOrganisation}")) +
                  ". The case is now the receiving unit's; you will see its status here.";
        return RedirectToPage("/Screenings/Index");
    }

    private async Task ShowAsync(Screening screening)
    {
        Screening = screening;
        Assessment = screenings.Assess(screening);
        Contacts = await AreaContacts.ForOrganisationAsync(db, screening.OrganisationId);
        Units = Contacts.Where(c => c.Type == OrganisationType.AntiTraffickingUnit).ToList();
        UnitId ??= Units.FirstOrDefault()?.Id;
    }
}
