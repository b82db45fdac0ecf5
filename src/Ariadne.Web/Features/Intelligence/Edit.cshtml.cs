using System.Globalization;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>
/// The phone-sized report form (issue 10 item 9): every change is autosaved as the draft, like the screening form; Submit sends
/// it with the author's grading, which is mandatory then. The form posts through <see cref="FrontlineReport"/> to the same service
/// calls as the API, so the page cannot accept what the API refuses.
/// </summary>
[Authorize(Policy = Policies.Intelligence)]
[VersionedBy(typeof(IntelligenceReport))]
public sealed class IntelligenceEditModel(IntelligenceService intelligence, AriadneDbContext db, Jurisdiction.JurisdictionProfile jurisdiction,
    TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public FrontlineInput Input { get; set; } = new();
    public ReportResponse Report { get; private set; } = null!;
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? Conflict { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // The first load is a logged open, as through the API; the autosaves after it are the author's own writing.
        if ((await intelligence.OpenAsync(User, Id)).Value is null || await intelligence.DraftForEditingAsync(User, Id) is not { } draft)
        {
            return (await intelligence.AllowedAsync(User, Id)).Contains(IntelligenceOperation.Read)
                ? Redirect($"/Intelligence/View?id={Id}")
                : NotFound();
        }
        Show(draft, fillInput: true);
        return Page();
    }

    /// <summary>A new, empty report, from the list page.</summary>
    public async Task<IActionResult> OnPostNewAsync()
    {
        var created = await intelligence.CreateAsync(User, new CreateReportRequest(null, "SRC-01", User.DisplayName(), await ContactAsync(), null,
            null, null, null, null, null));
        return created.Value is { } report ? Redirect($"/Intelligence/Edit?id={report.Id}") : Forbid();
    }

    public Task<IActionResult> OnPostSaveAsync() => SaveAsync(submit: false);

    public Task<IActionResult> OnPostSubmitAsync() => SaveAsync(submit: true);

    /// <summary>Called by the page script on every change; answers JSON so the officer sees "Saved 14:02".</summary>
    public async Task<IActionResult> OnPostAutosaveAsync()
    {
        if (await intelligence.DraftForEditingAsync(User, Id) is not { } draft)
        {
            return NotFound();
        }
        try
        {
            var result = await intelligence.UpdateDraftAsync(User, Id, await RequestAsync(draft, submit: false));
            var errors = result.Error?.Fields?.ToDictionary(f => f.Key, f => f.Value) ?? [];
            if (result.Error is { Fields: null } e)
            {
                errors[""] = [e.Message];
            }
            return new JsonResult(new
            {
                saved = result.Error is null,
                savedAt = jurisdiction.ToLocal(time.GetUtcNow().UtcDateTime).ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                errors,
                version = await db.IntelligenceReports.Where(r => r.Id == Id).Select(r => EF.Property<int>(r, Versioning.Property)).SingleAsync(),
            });
        }
        catch (DbUpdateException e) when (WriteConflicts.Describe(e) is { } changed)
        {
            return new JsonResult(new { saved = false, conflict = changed }) { StatusCode = StatusCodes.Status409Conflict };
        }
    }

    private async Task<IActionResult> SaveAsync(bool submit)
    {
        if (await intelligence.DraftForEditingAsync(User, Id) is not { } draft)
        {
            return NotFound();
        }
        try
        {
            var result = await intelligence.UpdateDraftAsync(User, Id, await RequestAsync(draft, submit));
            if (result.Error is { } error)
            {
                // Nothing of this post was saved: the service refuses the whole request. Input keeps every typed field.
                Errors = error.Fields?.ToDictionary(f => f.Key, f => f.Value) ?? new() { [""] = [error.Message] };
                Show(draft, fillInput: false);
                return Page();
            }
            if (submit)
            {
                return Redirect($"/Intelligence/View?id={Id}");
            }
            Show(result.Value!, fillInput: false);
            Message = "Saved as a draft.";
            return Page();
        }
        catch (DbUpdateException e) when (WriteConflicts.Describe(e) is { } changed)
        {
            Conflict = changed;
            if (await intelligence.DraftForEditingAsync(User, Id) is not { } fresh)
            {
                return NotFound();
            }
            Show(fresh, fillInput: false);
            return Page();
        }
    }

    private async Task<CreateReportRequest> RequestAsync(ReportResponse draft, bool submit)
    {
        var (_, others) = FrontlineReport.FromReport(draft);
        Input.Vehicles.RemoveAll(v => v is null);
        return FrontlineReport.ToRequest(Input, others, draft.LinkedReference, draft.SourceOfficer ?? User.DisplayName(),
            draft.SourceContact ?? await ContactAsync(), submit);
    }

    /// <summary>The officer's contact for KD-12: the unit's phone, where the analyst can reach the source.</summary>
    private async Task<string?> ContactAsync() =>
        User.OrganisationId() is { } org ? await db.Organisations.Where(o => o.Id == org).Select(o => o.Phone).SingleOrDefaultAsync() : null;

    private void Show(ReportResponse report, bool fillInput)
    {
        Report = report;
        if (fillInput)
        {
            Input = FrontlineReport.FromReport(report).Input;
        }
        // One spare row each, so a phone needs no script to add a second vehicle or number.
        if (!Input.Vehicles.Any(v => v.IsEmpty))
        {
            Input.Vehicles.Add(new VehicleInput());
        }
        if (!Input.Phones.Any(string.IsNullOrWhiteSpace))
        {
            Input.Phones.Add(null);
        }
    }
}
