using System.Globalization;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Indicators;
using Ariadne.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Screenings;

/// <summary>
/// The screening form. Every change is autosaved to the server (handler "Autosave"); the Save and Continue
/// buttons work without JavaScript too, so nothing depends on the script to keep typed work.
/// </summary>
[Authorize(Policy = Policies.Screening)]
[VersionedBy(typeof(Screening))]
public sealed class ScreeningEditModel(ScreeningService screenings, AriadneDbContext db) : PageModel
{
    public sealed class InputModel
    {
        public string? IntakeChannel { get; set; }
        public string? Place { get; set; }
        public DateTime? EncounteredAt { get; set; }
        public string? ColleaguePresent { get; set; }
        public string? NameKind { get; set; }
        public string? PersonName { get; set; }
        public int? ApproximateAge { get; set; }
        public bool SuspectedMinor { get; set; }
        public bool WithParentOrGuardian { get; set; }
        public string? Gender { get; set; }
        public string? Nationality { get; set; }
        public string? Language { get; set; }
        public bool InterpreterNeeded { get; set; }
        public bool Accompanied { get; set; }
        public bool CompanionSeemsToControl { get; set; }
        public bool SeparatedFromCompanion { get; set; }
        public string? CompanionDescription { get; set; }
        public bool ImmediateDanger { get; set; }
        public string? DangerDetails { get; set; }
        public List<string> Ticked { get; set; } = [];
        public Dictionary<string, string?> Notes { get; set; } = [];
        public string? Statement { get; set; }
        public bool PresumedVictim { get; set; }
        public bool OffenderFlag { get; set; }
        public string? SuspectedOffence { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? Message { get; private set; }
    /// <summary>Set when someone else saved the screening since this page was shown: nothing was saved, the typing is kept.</summary>
    public string? Conflict { get; private set; }
    public CatalogueEdition Catalogue { get; private set; } = null!;
    public Screening Screening { get; private set; } = null!;
    public int AgeOfMajority => screenings.Jurisdiction.AgeOfMajority;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await screenings.ViewAsync(User, Id, "screening form") is not { } screening)
        {
            return NotFound();
        }
        Show(screening);
        Input = FromScreening(screening);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync() => await SaveAsync(complete: false);

    public async Task<IActionResult> OnPostCompleteAsync() => await SaveAsync(complete: true);

    /// <summary>Called by the page script on every change; answers JSON so the officer sees "Saved 14:02".</summary>
    public async Task<IActionResult> OnPostAutosaveAsync()
    {
        if (await screenings.FindAsync(User, Id) is not { } screening)
        {
            return NotFound();
        }
        Dictionary<string, string[]> errors;
        try
        {
            errors = await ApplyAsync(screening);
        }
        catch (DbUpdateException e) when (WriteConflicts.Describe(e) is { } changed)
        {
            // The script keeps the typing in the tab and stops sending; after a reload it puts back only the fields typed here.
            return new JsonResult(new { saved = false, conflict = changed }) { StatusCode = StatusCodes.Status409Conflict };
        }
        var local = screenings.Jurisdiction.ToLocal(screening.UpdatedAt);
        return new JsonResult(new
        {
            saved = true, savedAt = local.ToString("HH:mm:ss", CultureInfo.InvariantCulture), errors, version = db.VersionOf(screening),
        });
    }

    private async Task<IActionResult> SaveAsync(bool complete)
    {
        if (await screenings.FindAsync(User, Id) is not { } screening)
        {
            return NotFound();
        }
        try
        {
            Errors = await ApplyAsync(screening);
            if (Errors.Count == 0 && complete)
            {
                Errors = screenings.Complete(screening);
                if (Errors.Count == 0)
                {
                    await db.SaveChangesAsync();
                    return RedirectToPage("/Screenings/Guidance", new { id = screening.Id });
                }
            }
        }
        catch (DbUpdateException e) when (WriteConflicts.Describe(e) is { } changed)
        {
            // Someone else saved in between (ADR 0008): nothing of this post was saved. Input still holds what was typed;
            // the page around it shows the screening as it now is, and its forms carry the new version.
            if (await screenings.FindAsync(User, Id) is not { } fresh)
            {
                return NotFound();
            }
            Errors = [];
            Conflict = changed;
            Show(fresh);
            return Page();
        }
        Show(screening);
        Message = Errors.Count == 0 ? "Saved." : null;
        return Page();
    }

    /// <summary>
    /// Saves what the officer typed. Valid fields are saved even when another is wrong: a typo in the age must
    /// not cost the statement.
    /// </summary>
    private async Task<Dictionary<string, string[]>> ApplyAsync(Screening screening)
    {
        var errors = KeepUnreadable(screening);
        foreach (var (field, messages) in screenings.Update(screening, ToRequest(Input)))
        {
            errors[field] = messages;
        }
        await db.SaveChangesAsync();
        return errors;
    }

    /// <summary>A value the browser sent that is not a number or a date keeps what was saved before.</summary>
    private Dictionary<string, string[]> KeepUnreadable(Screening screening)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (ModelState.TryGetValue("Input.ApproximateAge", out var age) && age.Errors.Count > 0)
        {
            Input.ApproximateAge = screening.ApproximateAge;
            errors["approximateAge"] = ["Approximate age must be a whole number of years. The last saved age is kept."];
        }
        if (ModelState.TryGetValue("Input.EncounteredAt", out var at) && at.Errors.Count > 0)
        {
            Input.EncounteredAt = screening.EncounteredAt is { } utc ? screenings.Jurisdiction.ToLocal(utc) : null;
            errors["encounteredAt"] = ["The time of the encounter is not a valid date and time. The last saved time is kept."];
        }
        return errors;
    }

    private void Show(Screening screening)
    {
        Screening = screening;
        Catalogue = screenings.EditionOf(screening);
    }

    private InputModel FromScreening(Screening s) => new()
    {
        IntakeChannel = s.IntakeChannel, Place = s.Place,
        EncounteredAt = s.EncounteredAt is { } at ? screenings.Jurisdiction.ToLocal(at) : null,
        ColleaguePresent = s.ColleaguePresent, NameKind = s.NameKind.ToString(), PersonName = s.PersonName,
        ApproximateAge = s.ApproximateAge, SuspectedMinor = s.SuspectedMinor, WithParentOrGuardian = s.WithParentOrGuardian,
        Gender = s.Gender.ToString(), Nationality = s.Nationality, Language = s.Language, InterpreterNeeded = s.InterpreterNeeded,
        Accompanied = s.Accompanied, CompanionSeemsToControl = s.CompanionSeemsToControl, SeparatedFromCompanion = s.SeparatedFromCompanion,
        CompanionDescription = s.CompanionDescription, ImmediateDanger = s.ImmediateDanger, DangerDetails = s.DangerDetails,
        Ticked = s.Indicators.Select(i => i.IndicatorId).ToList(),
        Notes = s.Indicators.ToDictionary(i => i.IndicatorId, i => i.Note),
        Statement = s.Statement, PresumedVictim = s.PresumedVictim, OffenderFlag = s.OffenderFlag, SuspectedOffence = s.SuspectedOffence,
    };

    private ScreeningRequest ToRequest(InputModel i) => new(
        i.IntakeChannel, i.Place,
        i.EncounteredAt is { } local ? new DateTimeOffset(screenings.Jurisdiction.ToUtc(local), TimeSpan.Zero) : null,
        i.ColleaguePresent, i.NameKind, i.PersonName, i.ApproximateAge, i.SuspectedMinor, i.WithParentOrGuardian, i.Gender,
        i.Nationality, i.Language, i.InterpreterNeeded, i.Accompanied, i.CompanionSeemsToControl, i.SeparatedFromCompanion,
        i.CompanionDescription, i.ImmediateDanger, i.DangerDetails,
        // A posted list can hold empty entries ("Input.Ticked=" binds as null): they name no indicator.
        i.Ticked.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).Select(id => new IndicatorInput(id, i.Notes.GetValueOrDefault(id))).ToList(),
        i.Statement, i.PresumedVictim, i.OffenderFlag, i.SuspectedOffence);
}
