using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>Why an intelligence operation was refused: the HTTP status, a readable message, and the field when one is at fault.</summary>
public sealed record IntelligenceError(int Status, string Message, IReadOnlyDictionary<string, string[]>? Fields = null)
{
    /// <summary>A report the caller may not see answers exactly as one that does not exist (issue 10 item 5).</summary>
    public static readonly IntelligenceError NotFound = new(StatusCodes.Status404NotFound, "There is no such intelligence report.");

    public static IntelligenceError Invalid(IReadOnlyDictionary<string, string[]> fields) =>
        new(StatusCodes.Status400BadRequest, string.Join(" ", fields.Values.SelectMany(v => v)), fields);
}

public sealed record IntelligenceResult<T>(T? Value, IntelligenceError? Error)
{
    public static implicit operator IntelligenceResult<T>(T value) => new(value, null);
    public static implicit operator IntelligenceResult<T>(IntelligenceError error) => new(default, error);
}

/// <summary>The audit actions of intelligence: each open and export is a dissemination event (issue 10 item 7).</summary>
public static class IntelligenceAuditActions
{
    public const string Open = "intelligence.open";
    public const string Export = "intelligence.export";
    public const string Send = "intelligence.send";
    public const string TargetType = nameof(IntelligenceReport);
}

/// <summary>
/// Intelligence reports: every read goes through <see cref="IntelligenceAccess"/> and the authorization handler, and every
/// list is filtered by the same visibility first — a report a user may not see is absent from lists, counts and filter
/// choices, and answers 404 (issue 10 item 5).
/// </summary>
public sealed partial class IntelligenceService(AriadneDbContext db, AuditTrail audit, TimeProvider time, IntelligenceSettings settings,
    IAuthorizationService authorization)
{
    public const int MaxItems = 200;
    public const int MaxText = 20000;
    public const int MaxReason = 1000;
    private const int MaxDetails = 10000;

    private Task<Organisation?> ViewerAsync(ClaimsPrincipal user) => ViewerAsync(db, user);

    /// <summary>The signed-in user's organisation, fresh from the database (country and agency can change).</summary>
    internal static async Task<Organisation?> ViewerAsync(AriadneDbContext db, ClaimsPrincipal user) =>
        user.OrganisationId() is { } org ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == org) : null;

    /// <summary>Loads a report with its organisations, tracked, and asks whether the user may do <paramref name="operation"/>; null when not.</summary>
    private async Task<LoadedReport?> LoadAsync(ClaimsPrincipal user, Guid id, IntelligenceOperation operation)
    {
        var report = await db.IntelligenceReports.Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id);
        if (report is null)
        {
            return null;
        }
        var originator = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == report.OriginatorOrganisationId);
        var loaded = new LoadedReport(report, originator, await ViewerAsync(user));
        return await authorization.AllowsAsync(user, loaded, operation) ? loaded : null;
    }

    /// <summary>
    /// Opens a report (or exports it): the open is recorded as a dissemination event with the handling code it was seen under
    /// and the policy's decision, and so is a refused attempt on a report that exists, so the originator sees both (V-18).
    /// </summary>
    public async Task<IntelligenceResult<ReportResponse>> OpenAsync(ClaimsPrincipal user, Guid id, string action = IntelligenceAuditActions.Open) =>
        (await OpenLoadedAsync(user, id, action)).Result;

    /// <summary>
    /// Everything the report page shows from one load of the report: the report as opened (recorded as
    /// <see cref="OpenAsync"/> records it), what the user may do with it, and, where allowed, the recipients it may be sent to
    /// and its access log — the same answers as the API's separate calls, without reading the report four times.
    /// </summary>
    public async Task<ReportPage?> OpenPageAsync(ClaimsPrincipal user, Guid id)
    {
        var (loaded, result) = await OpenLoadedAsync(user, id, IntelligenceAuditActions.Open);
        if (loaded is null || result.Value is not { } report)
        {
            return null;
        }
        var allowed = await AllowedAsync(user, loaded);
        return new ReportPage(report, allowed,
            allowed.Contains(IntelligenceOperation.Disseminate) ? await RecipientsAsync(loaded) : [],
            allowed.Contains(IntelligenceOperation.ReadAccessLog) ? await AccessLogAsync(loaded) : []);
    }

    private async Task<(LoadedReport? Loaded, IntelligenceResult<ReportResponse> Result)> OpenLoadedAsync(ClaimsPrincipal user, Guid id,
        string action)
    {
        var report = await db.IntelligenceReports.AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id);
        if (report is null)
        {
            return (null, IntelligenceError.NotFound);
        }
        var originator = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == report.OriginatorOrganisationId);
        var loaded = new LoadedReport(report, originator, await ViewerAsync(user));
        var decision = IntelligenceAccess.Decide(report, originator, loaded.Viewer, settings.SpecialHandling);
        var allowed = await authorization.AllowsAsync(user, loaded, IntelligenceOperation.Read);
        audit.Record(db, action, IntelligenceAuditActions.TargetType, report.Id.ToString(),
            details: $"code: {HandlingOf(report.Grading)}; decision: {(allowed ? decision.Outcome.ToString() : "NotVisible")}" +
                     (allowed && decision.Conditions is not null ? "; conditions shown" : "") +
                     (decision.Reason is { } reason && !allowed ? $"; reason: {reason}" : ""),
            outcome: allowed ? AuditOutcome.Success : AuditOutcome.Denied);
        await db.SaveChangesAsync();
        if (!allowed)
        {
            return (null, IntelligenceError.NotFound);
        }
        return (loaded, await ToResponseAsync(user, loaded, decision));
    }

    /// <summary>
    /// The author's own draft for the phone form, or null when the user may not edit it. Not logged as an open: nobody but its
    /// author can read a draft, and the form's autosave would otherwise log one every few seconds; the page's first load is.
    /// </summary>
    public async Task<ReportResponse?> DraftForEditingAsync(ClaimsPrincipal user, Guid id) =>
        await LoadAsync(user, id, IntelligenceOperation.EditDraft) is { } loaded
            ? await ToResponseAsync(user, loaded, DisseminationDecision.Allow)
            : null;

    /// <summary>What the user may do with a report: the pages offer exactly these, asked of the same handler as the API.</summary>
    public async Task<IReadOnlySet<IntelligenceOperation>> AllowedAsync(ClaimsPrincipal user, Guid id)
    {
        var report = await db.IntelligenceReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (report is null)
        {
            return new HashSet<IntelligenceOperation>();
        }
        var originator = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == report.OriginatorOrganisationId);
        return await AllowedAsync(user, new LoadedReport(report, originator, await ViewerAsync(user)));
    }

    private async Task<IReadOnlySet<IntelligenceOperation>> AllowedAsync(ClaimsPrincipal user, LoadedReport loaded)
    {
        var allowed = new HashSet<IntelligenceOperation>();
        foreach (var operation in Enum.GetValues<IntelligenceOperation>())
        {
            if (await authorization.AllowsAsync(user, loaded, operation))
            {
                allowed.Add(operation);
            }
        }
        return allowed;
    }

    public async Task<IntelligenceResult<ReportResponse>> CreateAsync(ClaimsPrincipal user, CreateReportRequest request)
    {
        var viewer = await ViewerAsync(user);
        if (viewer is null || user.UserId() is not { } userId || !IntelligencePermissions.Writes(user))
        {
            return new IntelligenceError(StatusCodes.Status403Forbidden, "Your role does not write intelligence reports.");
        }
        var errors = new Dictionary<string, string[]>();
        var now = time.GetUtcNow().UtcDateTime;
        var report = new IntelligenceReport
        {
            Reference = "",
            OriginatorOrganisationId = viewer.Id,
            AuthorUserId = userId,
            AuthorName = user.DisplayName(),
            CreatedAt = now,
            Status = ReportStatus.Draft,
        };
        Apply(report, request, viewer, errors);
        CheckGrading(request.Grading, request.Submit, errors);
        if (errors.Count > 0)
        {
            return IntelligenceError.Invalid(errors);
        }
        report.SetGrading(request.Grading);
        if (request.Submit)
        {
            report.Status = ReportStatus.Submitted;
            report.SubmittedAt = now;
        }
        // Random, not sequential: a running number would tell every reader how many reports exist (a count leak).
        for (var attempt = 0; ; attempt++)
        {
            report.Reference = References.New("INT", now).Replace($"INT-{now:yyMM}-", $"INT-{now:yyyy}-", StringComparison.Ordinal);
            if (!await db.IntelligenceReports.AnyAsync(r => r.Reference == report.Reference) || attempt > 5)
            {
                break;
            }
        }
        db.IntelligenceReports.Add(report);
        await db.SaveChangesAsync();
        var loaded = new LoadedReport(report, viewer, viewer);
        return await ToResponseAsync(user, loaded, DisseminationDecision.Allow);
    }

    /// <summary>Replaces a draft's content (and grading, if given); with <see cref="CreateReportRequest.Submit"/> it is submitted too.</summary>
    public async Task<IntelligenceResult<ReportResponse>> UpdateDraftAsync(ClaimsPrincipal user, Guid id, CreateReportRequest request)
    {
        if (await LoadAsync(user, id, IntelligenceOperation.Read) is not { } loaded)
        {
            return IntelligenceError.NotFound;
        }
        if (!await authorization.AllowsAsync(user, loaded, IntelligenceOperation.EditDraft))
        {
            return loaded.Report.Status == ReportStatus.Submitted
                ? new IntelligenceError(StatusCodes.Status409Conflict, "A submitted report is not rewritten; its handling can be changed.")
                : new IntelligenceError(StatusCodes.Status403Forbidden, "Only the report's author changes the draft.");
        }
        var report = loaded.Report;
        var errors = new Dictionary<string, string[]>();
        // The old items go; the request's are the draft's items from now on.
        db.IntelligenceItems.RemoveRange(report.Items);
        Apply(report, request, loaded.Originator, errors);
        var grading = request.Grading ?? report.Grading;
        CheckGrading(grading, request.Submit, errors);
        if (errors.Count > 0)
        {
            return IntelligenceError.Invalid(errors);
        }
        db.IntelligenceItems.AddRange(report.Items);
        report.SetGrading(grading);
        if (request.Submit)
        {
            report.Status = ReportStatus.Submitted;
            report.SubmittedAt = time.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync();
        return await ToResponseAsync(user, loaded, DisseminationDecision.Allow);
    }

    public async Task<IntelligenceResult<ReportResponse>> SubmitAsync(ClaimsPrincipal user, Guid id, SubmitRequest request)
    {
        if (await LoadAsync(user, id, IntelligenceOperation.Read) is not { } loaded)
        {
            return IntelligenceError.NotFound;
        }
        if (!await authorization.AllowsAsync(user, loaded, IntelligenceOperation.EditDraft))
        {
            return loaded.Report.Status == ReportStatus.Submitted
                ? new IntelligenceError(StatusCodes.Status409Conflict, "The report has already been submitted.")
                : new IntelligenceError(StatusCodes.Status403Forbidden, "Only the report's author submits it.");
        }
        var grading = request.Grading ?? loaded.Report.Grading;
        var errors = new Dictionary<string, string[]>();
        CheckGrading(grading, submit: true, errors);
        if (errors.Count > 0)
        {
            return IntelligenceError.Invalid(errors);
        }
        loaded.Report.SetGrading(grading);
        loaded.Report.Status = ReportStatus.Submitted;
        loaded.Report.SubmittedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return await ToResponseAsync(user, loaded, DisseminationDecision.Allow);
    }

    /// <summary>
    /// The grading: mandatory and complete on submission (GradingRules.Validate names the fields); on a draft only what cannot be
    /// stored at all is refused (a category that does not exist, parts of two systems).
    /// </summary>
    private void CheckGrading(Grading? grading, bool submit, Dictionary<string, string[]> errors)
    {
        if (grading is null && !submit)
        {
            return;
        }
        foreach (var error in GradingRules.Validate(grading, settings.FourByFour))
        {
            if (submit || error.Problem is GradingProblem.UnknownSystem or GradingProblem.UnknownCategory or GradingProblem.PartOfAnotherSystem
                    or GradingProblem.ConditionsTooLong)
            {
                var field = "grading" + (error.Field == nameof(Grading) ? "" : "." + JsonNamingPolicy.CamelCase.ConvertName(error.Field));
                errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, error.Detail] : [error.Detail];
            }
        }
    }

    [GeneratedRegex(@"^SRC-(0[1-9]|1[0-2])$")]
    private static partial Regex SourceTypePattern();

    [GeneratedRegex(@"^TAC-A(0[1-9]|10)$")]
    private static partial Regex TacticalAreaPattern();

    private static void Apply(IntelligenceReport report, CreateReportRequest request, Organisation originator, Dictionary<string, string[]> errors)
    {
        var exploitation = (request.ExploitationTypes ?? []).Select(e => e?.Trim().ToUpperInvariant() ?? "").Distinct().ToList();
        if (exploitation.FirstOrDefault(e => !Indicators.ExploitationForms.Names.ContainsKey(e)) is { } unknownForm)
        {
            errors["exploitationTypes"] = [$"'{unknownForm}' is not a form of exploitation of the catalogue: use " +
                                           string.Join(", ", Indicators.ExploitationForms.Names.Keys) + " (EXP-CRIM for forced criminality)."];
        }
        var source = request.SourceType?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(source) && !SourceTypePattern().IsMatch(source))
        {
            errors["sourceType"] = ["The source type is one of SRC-01 to SRC-12."];
        }
        var tags = (request.ModusOperandiTags ?? []).Select(t => t?.Trim().ToUpperInvariant() ?? "").Distinct().ToList();
        if (tags.Any(t => !TacticalAreaPattern().IsMatch(t)))
        {
            errors["modusOperandiTags"] = ["Modus operandi tags are TAC-A01 to TAC-A10."];
        }
        Limit(request.SourceOfficer, 200, "sourceOfficer", errors);
        Limit(request.SourceContact, 200, "sourceContact", errors);
        Limit(request.LinkedReference, 40, "linkedReference", errors);
        Limit(request.ModusOperandi, MaxText, "modusOperandi", errors);
        Limit(request.FreeText, MaxText, "freeText", errors);
        var items = request.Items ?? [];
        if (items.Count > MaxItems)
        {
            errors["items"] = [$"A report holds at most {MaxItems} items."];
            items = [];
        }
        report.Items.Clear();
        for (var i = 0; i < items.Count; i++)
        {
            if (Item(items[i], originator, $"items[{i}]", errors) is { } item)
            {
                item.ReportId = report.Id;
                report.Items.Add(item);
            }
        }
        report.ExploitationTypes = string.Join(',', exploitation);
        report.SourceType = string.IsNullOrEmpty(source) ? null : source;
        report.SourceOfficer = Clean(request.SourceOfficer);
        report.SourceContact = Clean(request.SourceContact);
        report.ModusOperandiTags = string.Join(',', tags);
        report.ModusOperandi = Clean(request.ModusOperandi);
        report.FreeText = Clean(request.FreeText);
        report.LinkedReference = Clean(request.LinkedReference);
    }

    private static IntelligenceItem? Item(ItemRequest? request, Organisation originator, string field, Dictionary<string, string[]> errors)
    {
        if (request is null || Enums.Named<IntelligenceItemKind>(request.Kind, ignoreCase: true) is not { } kind)
        {
            errors[field + ".kind"] = ["Choose the kind: " + string.Join(", ", Enum.GetNames<IntelligenceItemKind>()) + "."];
            return null;
        }
        Limit(request.SubKind, 40, field + ".subKind", errors);
        Limit(request.Role, 40, field + ".role", errors);
        Limit(request.Value, 1000, field + ".value", errors);
        string? country = null;
        if (!string.IsNullOrWhiteSpace(request.Country) && (country = Countries.Normalise(request.Country)) is null)
        {
            errors[field + ".country"] = ["The country is a two-letter ISO 3166-1 code."];
        }
        string? details = null;
        if (request.Details is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } json)
        {
            details = json.ValueKind == JsonValueKind.Object ? json.GetRawText() : null;
            if (details is null || details.Length > MaxDetails)
            {
                errors[field + ".details"] = [$"The details are a JSON object of at most {MaxDetails} characters."];
            }
        }
        return new IntelligenceItem
        {
            Kind = kind,
            SubKind = Clean(request.SubKind),
            Role = Clean(request.Role)?.ToLowerInvariant(),
            Value = Clean(request.Value),
            Country = country,
            Details = details,
            NormalisedKey = IdentifierKeys.For(kind, request.SubKind, request.Value, country, originator.Country),
        };
    }

    /// <summary>Records "at most N characters" for a field that is too long; shared by the intelligence services.</summary>
    internal static void Limit(string? value, int max, string field, Dictionary<string, string[]> errors)
    {
        if (value is { Length: > 0 } && value.Length > max)
        {
            errors[field] = [$"At most {max} characters."];
        }
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The handling code as recorded with each dissemination event.</summary>
    public static string HandlingOf(Grading? grading) => grading switch
    {
        null => "not graded (draft)",
        { System: GradingSystem.FiveByFiveByFive, Handling5: { } h } when Enum.IsDefined(h) => "5x5x5 " + h.Label(),
        { System: GradingSystem.ThreeByFiveByTwo, Handling3: { } h } when Enum.IsDefined(h) => "3x5x2 " + h.Label(),
        { System: GradingSystem.FourByFour } => "4x4 (no handling code)",
        _ => "handling not set",
    } + (grading?.SpecialHandling == true ? " (special handling)" : "");

    private async Task<ReportResponse> ToResponseAsync(ClaimsPrincipal user, LoadedReport loaded, DisseminationDecision decision)
    {
        var report = loaded.Report;
        var viewer = loaded.Viewer;
        var home = viewer is not null && viewer.EffectiveAgencyId == loaded.Originator.EffectiveAgencyId;
        // The originating agency sees every evaluation and the handling history; a recipient sees its own evaluations only.
        var evaluations = await db.AnalystEvaluations.AsNoTracking().Where(e => e.ReportId == report.Id)
            .Where(e => home || (viewer != null && e.OrganisationId == viewer.Id)).OrderBy(e => e.RecordedAt).ToListAsync();
        var history = home
            ? await db.HandlingChanges.AsNoTracking().Where(h => h.ReportId == report.Id).OrderBy(h => h.ChangedAt).ToListAsync()
            : [];
        var grading = report.Grading;
        SpecialHandlingResponse? special = null;
        if (report.SpecialHandling && home)
        {
            var status = SpecialHandling.Status(settings.SpecialHandling, report.SpecialHandlingFacts(loaded.Originator.EffectiveAgencyId));
            special = new(status.State.ToString(), status.Detail, report.RiskAssessedByUserId is not null);
        }
        return new ReportResponse(report.Id, report.Reference, report.Status.ToString(), report.OriginatorOrganisationId, loaded.Originator.Name,
            loaded.Originator.Country, report.AuthorName, report.CreatedAt, report.SubmittedAt,
            grading is null ? null : new GradingResponse(grading.System.ToString(), grading.Source5?.ToString(), grading.Intelligence5?.ToString(),
                grading.Handling5?.ToString(), grading.Source3?.ToString(), grading.Intelligence3?.ToString(), grading.Handling3?.ToString(),
                grading.SourceReliability4, grading.InformationValidity4, grading.ConditionsText(), grading.SpecialHandling,
                GradingRules.Describe(grading, settings.FourByFour)),
            Split(report.ExploitationTypes), report.SourceType, report.SourceOfficer, report.SourceContact, Split(report.ModusOperandiTags),
            report.ModusOperandi, report.FreeText, report.LinkedReference,
            report.Items.Select(i => new ItemResponse(i.Id, i.Kind.ToString(), i.SubKind, i.Role, i.Value, i.NormalisedKey, i.Country,
                i.Details is null ? null : JsonDocument.Parse(i.Details).RootElement.Clone())).ToList(),
            evaluations.Select(e => new EvaluationResponse(e.Id, e.AnalystName, e.OrganisationId, e.RecordedAt, e.GradingSystem.ToString(),
                e.Source5?.ToString(), e.Intelligence5?.ToString(), e.Source3?.ToString(), e.Intelligence3?.ToString(), e.SourceReliability4,
                e.InformationValidity4, e.Comment)).ToList(),
            history.Select(h => new HandlingChangeResponse(h.ChangedAt, h.ChangedByName, h.From, h.To, h.Reason, h.Widens)).ToList(),
            new DisseminationResponse(decision.Outcome.ToString(), decision.Conditions), special);
    }

    private static List<string> Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
}
