using System.Security.Claims;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Indicators;
using Ariadne.Web.Features.InformationSheets;
using Ariadne.Web.Features.Jurisdiction;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Screenings;

/// <summary>
/// Screenings as their organisation sees them. The only way to load one goes through the organisation check,
/// and a screening that has been referred is no longer readable by the referring organisation: the case is
/// the receiving unit's from then on.
/// </summary>
public sealed class ScreeningService(
    AriadneDbContext db,
    AuditTrail audit,
    IndicatorCatalogue catalogue,
    InformationSheetLibrary sheets,
    AlertRule alertRule,
    JurisdictionProfile jurisdiction,
    TimeProvider time)
{
    public const string AuditType = "Screening";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public JurisdictionProfile Jurisdiction => jurisdiction;

    public async Task<Screening?> FindAsync(ClaimsPrincipal user, Guid id)
    {
        var organisationId = user.OrganisationId();
        return await db.Set<Screening>()
            .Include(s => s.Indicators).Include(s => s.Actions).Include(s => s.InformationSheets)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id && s.OrganisationId == organisationId && s.Status != ScreeningStatus.Referred);
    }

    /// <summary>Loads a screening for reading and writes the read to the audit trail.</summary>
    public async Task<Screening?> ViewAsync(ClaimsPrincipal user, Guid id, string purpose)
    {
        var screening = await FindAsync(user, id);
        if (screening is null)
        {
            await audit.RecordAsync(db, AuditActions.View, AuditType, id.ToString(), details: purpose, outcome: AuditOutcome.Denied);
            return null;
        }
        await audit.RecordAsync(db, AuditActions.View, AuditType, id.ToString(), details: purpose);
        return screening;
    }

    public Screening Start(ClaimsPrincipal user)
    {
        var now = Now;
        var screening = new Screening
        {
            OrganisationId = user.OrganisationId() ?? throw new InvalidOperationException("The user has no organisation."),
            OfficerUserId = user.UserId() ?? throw new InvalidOperationException("The user has no id."),
            OfficerName = user.DisplayName(),
            CatalogueVersion = catalogue.Current.Version,
            CreatedAt = now,
            UpdatedAt = now,
            EncounteredAt = now,
        };
        db.Add(screening);
        return screening;
    }

    public CatalogueEdition EditionOf(Screening s) =>
        catalogue.Edition(s.CatalogueVersion)
        ?? throw new InvalidOperationException($"Catalogue version {s.CatalogueVersion} is no longer available: versions must never be removed.");

    public Assessment Assess(Screening s) => Assessor.Assess(s, EditionOf(s), alertRule, jurisdiction);

    public Task<string> OrganisationNameAsync(Screening s) =>
        db.Organisations.Where(o => o.Id == s.OrganisationId).Select(o => o.Name).SingleAsync();

    /// <summary>The written statement for a recipient (null for a preview before one is chosen).</summary>
    public IReadOnlyList<StatementSection> Statement(Screening s, Assessment assessment, string organisationName, string? recipient) =>
        WrittenStatement.Compose(s, EditionOf(s), assessment, organisationName, recipient, jurisdiction.Zone);

    public Dictionary<string, string[]> Update(Screening s, ScreeningRequest request) =>
        ScreeningRules.Apply(s, request, EditionOf(s), Now);

    public Dictionary<string, string[]> Complete(Screening s)
    {
        var errors = ScreeningRules.ReadyToComplete(s);
        if (errors.Count == 0 && s.Status == ScreeningStatus.Draft)
        {
            s.Status = ScreeningStatus.Completed;
            s.CompletedAt = Now;
        }
        return errors;
    }

    public string? MarkActionDone(Screening s, string actionId, ClaimsPrincipal user)
    {
        if (!MandatoryActions.IsKnown(actionId))
        {
            return $"'{actionId}' is not a mandatory action (R-ACT-01 to R-ACT-05).";
        }
        if (s.Actions.All(a => a.ActionId != actionId))
        {
            s.Actions.Add(new ScreeningAction
            {
                ScreeningId = s.Id, ActionId = actionId, DoneAt = Now, DoneByUserId = user.UserId()!.Value, DoneByName = user.DisplayName(),
            });
            s.UpdatedAt = Now;
        }
        return null;
    }

    public (InformationSheetGiven? Given, string? Error) RecordSheetGiven(Screening s, string? language, ClaimsPrincipal user)
    {
        var sheet = sheets.Find(language);
        if (sheet is null)
        {
            return (null, "Choose one of the languages offered: " + string.Join(", ", sheets.Current.Select(x => x.Language)) + ".");
        }
        var given = new InformationSheetGiven
        {
            ScreeningId = s.Id, Language = sheet.Language, SheetVersion = sheet.Version, GivenAt = Now,
            GivenByUserId = user.UserId()!.Value, GivenByName = user.DisplayName(),
        };
        s.InformationSheets.Add(given);
        // Added explicitly: found only through the navigation, a row whose key is already set would be taken
        // for an existing one and saved as an UPDATE of nothing (a concurrency error instead of the record).
        db.Add(given);
        s.UpdatedAt = Now;
        return (given, null);
    }

    /// <summary>The organisation's screenings not yet handed over, newest first (the first page); the listing is audited as a search.</summary>
    public async Task<List<ScreeningSummary>> ListAsync(ClaimsPrincipal user) => (await ListPageAsync(user, Paging.First)).Screenings;

    /// <summary>One page of the organisation's screenings not yet handed over, with the total (issue #9 item 16).</summary>
    public async Task<(List<ScreeningSummary> Screenings, int Total)> ListPageAsync(ClaimsPrincipal user, Paging paging)
    {
        var organisationId = user.OrganisationId();
        var open = db.Set<Screening>().AsNoTracking()
            .Where(s => s.OrganisationId == organisationId && s.Status != ScreeningStatus.Referred);
        var total = await open.CountAsync();
        var list = await open
            .OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(s => new { s.Id, s.Status, s.UpdatedAt, s.OfficerName, s.NameKind, s.PersonName, s.PresumedVictim,
                s.SuspectedMinor, s.ApproximateAge, s.OffenderFlag, s.Place })
            .ToListAsync();
        await audit.RecordAsync(db, AuditActions.Search, AuditType,
            details: $"own organisation's screenings, page {paging.Page}: {list.Count} of {total}");
        return (list.Select(s => new ScreeningSummary(s.Id, s.Status, s.UpdatedAt, s.OfficerName,
            s.NameKind == NameKind.Unknown ? "Unknown person" : s.PersonName ?? "Unnamed", s.Place, s.PresumedVictim,
            Screening.IsPresumedMinor(s.SuspectedMinor, s.ApproximateAge, jurisdiction.AgeOfMajority), s.OffenderFlag)).ToList(), total);
    }

    public ScreeningResponse ToResponse(Screening s)
    {
        var edition = EditionOf(s);
        var a = Assess(s);
        return new ScreeningResponse(
            s.Id, s.Status.ToString(), s.CatalogueVersion, s.CreatedAt, s.UpdatedAt, s.CompletedAt, s.OfficerName,
            ScreeningRules.ToRequest(s) with { Indicators = null, Version = db.VersionOf(s) },
            s.Indicators.Select(i =>
            {
                var indicator = edition.Find(i.IndicatorId);
                return new ScreeningIndicatorResponse(i.IndicatorId, indicator?.Category ?? "", indicator?.Label ?? i.IndicatorId, i.Note);
            }).OrderBy(i => i.Id, StringComparer.Ordinal).ToList(),
            new AssessmentResponse(a.Outcome.ToString(), a.OutcomeText, a.Alert.ToString(), a.IndicatorCount, a.GroupCount,
                a.PresumedMinor, a.Unaccompanied, a.ActionsRequired,
                a.ByCategory.Select(c => new CategoryResponse(c.Category.Code, c.Category.Name, c.Found.Select(f => f.Indicator.Id).ToList())).ToList(),
                a.ByForm.Select(f => new FormResponse(f.Form, f.Name, f.Count)).ToList(),
                a.Actions.Select(x => new ActionResponse(x.Id, x.Text, x.Immediate, x.DoneAt, x.DoneBy)).ToList(),
                a.Advice.Select(x => new AdviceResponse(x.Key, x.Title, x.Text, x.Basis, x.Urgent)).ToList()),
            s.InformationSheets.OrderBy(i => i.GivenAt)
                .Select(i => new SheetGivenResponse(i.Language, i.SheetVersion, i.GivenAt, i.GivenByName)).ToList());
    }
}

public sealed record ScreeningSummary(Guid Id, ScreeningStatus Status, DateTime UpdatedAt, string OfficerName, string Person,
    string? Place, bool PresumedVictim, bool PresumedMinor, bool OffenderFlag);

public sealed record ScreeningIndicatorResponse(string Id, string Category, string Label, string? Note);

public sealed record CategoryResponse(string Code, string Name, IReadOnlyList<string> Indicators);

public sealed record FormResponse(string Code, string Name, int Count);

public sealed record ActionResponse(string Id, string Text, bool Immediate, DateTime? DoneAt, string? DoneBy);

public sealed record AdviceResponse(string Key, string Title, string Text, string Basis, bool Urgent);

public sealed record AssessmentResponse(string Outcome, string OutcomeText, string Alert, int IndicatorCount, int GroupCount,
    bool PresumedMinor, bool Unaccompanied, bool ActionsRequired, IReadOnlyList<CategoryResponse> ByCategory,
    IReadOnlyList<FormResponse> ByForm, IReadOnlyList<ActionResponse> Actions, IReadOnlyList<AdviceResponse> Advice);

public sealed record SheetGivenResponse(string Language, string Version, DateTime GivenAt, string GivenBy);

public sealed record ScreeningResponse(Guid Id, string Status, string CatalogueVersion, DateTime CreatedAt, DateTime UpdatedAt,
    DateTime? CompletedAt, string OfficerName, ScreeningRequest Details, IReadOnlyList<ScreeningIndicatorResponse> Indicators,
    AssessmentResponse Assessment, IReadOnlyList<SheetGivenResponse> InformationSheetsGiven);
