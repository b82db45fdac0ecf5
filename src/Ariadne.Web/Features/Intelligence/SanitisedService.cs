using System.Security.Claims;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Intelligence;

public sealed record SanitiseRequest(string? Title, string? Summary);

public sealed record SanitisedUpdateRequest(string? Title, string? Summary, IReadOnlyList<string>? ExploitationTypes,
    IReadOnlyList<string>? ModusOperandiTags);

public sealed record SanitisedCountry(string Country, string Name, string Role);

/// <summary>
/// A sanitised version as its reader may see it. The source's id and reference, who wrote it and what the check finds in the
/// text are given only to those who may edit or release it; a support worker gets the thematic content and nothing that leads
/// back to the report.
/// </summary>
public sealed record SanitisedResponse(
    Guid Id,
    string Reference,
    string Status,
    string Title,
    string Summary,
    IReadOnlyList<string> ExploitationTypes,
    IReadOnlyList<SanitisedCountry> Countries,
    IReadOnlyList<string> ModusOperandiTags,
    string Period,
    DateTime? ReleasedAt,
    Guid? SourceReportId,
    string? SourceReference,
    string? WrittenBy,
    string? ReleasedBy,
    IReadOnlyList<SanitisationFinding>? Findings,
    bool MayEdit,
    bool MayRelease);

public sealed record SanitisedSummary(Guid Id, string Reference, string Status, string Title, string Period, IReadOnlyList<string> ExploitationTypes,
    DateTime? ReleasedAt);

/// <summary>A sanitised version with the organisations its permissions depend on.</summary>
public sealed record LoadedSanitised(SanitisedVersion Version, Organisation Originator, Organisation? Viewer);

public static class SanitisedAuditActions
{
    public const string Derive = "intelligence.sanitise";
    public const string Release = "intelligence.sanitised.release";
    public const string Open = "intelligence.sanitised.open";
    public const string TargetType = nameof(SanitisedVersion);
}

/// <summary>
/// Sanitised thematic intelligence (issue 10 item 8): derived from a report by an analyst who may read it, rewritten, checked
/// against every identifier of the source, and released by a supervisor of the originating agency. The derivation and the
/// release are logged against the source report, so the originator sees them in its access log; every open is logged too.
/// </summary>
public sealed class SanitisedService(AriadneDbContext db, AuditTrail audit, TimeProvider time, IntelligenceSettings settings,
    IAuthorizationService authorization)
{
    public const int MaxTitle = 200;
    public const int MaxSummary = 8000;

    private Task<Organisation?> ViewerAsync(ClaimsPrincipal user) => IntelligenceService.ViewerAsync(db, user);

    public async Task<IntelligenceResult<SanitisedResponse>> DeriveAsync(ClaimsPrincipal user, Guid reportId, SanitiseRequest request)
    {
        var report = await db.IntelligenceReports.AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == reportId);
        var viewer = await ViewerAsync(user);
        if (report is null || viewer is null)
        {
            return IntelligenceError.NotFound;
        }
        var originator = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == report.OriginatorOrganisationId);
        if (!await authorization.AllowsAsync(user, new LoadedReport(report, originator, viewer), IntelligenceOperation.Read))
        {
            return IntelligenceError.NotFound;
        }
        if (!SanitisedPermissions.MayDerive(IntelligencePermissions.ReachOf(user), submitted: true))
        {
            return new IntelligenceError(StatusCodes.Status403Forbidden, "An analyst or investigator writes sanitised versions.");
        }
        if (!SanitisedPermissions.MayDerive(IntelligencePermissions.ReachOf(user), report.Status == ReportStatus.Submitted))
        {
            return new IntelligenceError(StatusCodes.Status409Conflict, "A draft is sanitised once it has been graded and submitted.");
        }
        var errors = new Dictionary<string, string[]>();
        IntelligenceService.Limit(request.Title, MaxTitle, "title", errors);
        IntelligenceService.Limit(request.Summary, MaxSummary, "summary", errors);
        if (errors.Count > 0)
        {
            return IntelligenceError.Invalid(errors);
        }
        var derived = SanitisedDraft.From(report);
        var now = time.GetUtcNow().UtcDateTime;
        var version = new SanitisedVersion
        {
            Reference = References.New("THM", now).Replace($"THM-{now:yyMM}-", $"THM-{now:yyyy}-", StringComparison.Ordinal),
            SourceReportId = report.Id,
            OriginatorOrganisationId = originator.Id,
            AuthorUserId = user.UserId()!.Value,
            AuthorName = user.DisplayName(),
            AuthorOrganisationId = viewer.Id,
            CreatedAt = now,
            Status = SanitisedStatus.Draft,
            Title = IntelligenceService.Clean(request.Title) ?? derived.Title,
            Summary = IntelligenceService.Clean(request.Summary) ?? derived.Summary,
            ExploitationTypes = derived.ExploitationTypes,
            Countries = derived.Countries,
            ModusOperandiTags = derived.ModusOperandiTags,
            Period = derived.Period,
        };
        db.SanitisedVersions.Add(version);
        audit.Record(db, SanitisedAuditActions.Derive, IntelligenceAuditActions.TargetType, report.Id.ToString(),
            details: $"sanitised version {version.Reference} drafted; code: {IntelligenceService.HandlingOf(report.Grading)}");
        await db.SaveChangesAsync();
        return await ToResponseAsync(user, new LoadedSanitised(version, originator, viewer), report);
    }

    /// <summary>Every sanitised version the user may read, newest first: released ones of their forum, and the drafts they work on.</summary>
    public async Task<List<SanitisedSummary>> ListAsync(ClaimsPrincipal user)
    {
        var viewer = await ViewerAsync(user);
        if (viewer is null)
        {
            return [];
        }
        var versions = await db.SanitisedVersions.AsNoTracking().OrderByDescending(v => v.CreatedAt).ToListAsync();
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        var visible = new List<SanitisedSummary>();
        foreach (var v in versions)
        {
            if (organisations.TryGetValue(v.OriginatorOrganisationId, out var originator)
                && await AllowsAsync(user, new LoadedSanitised(v, originator, viewer), SanitisedOperation.Read))
            {
                visible.Add(new(v.Id, v.Reference, v.Status.ToString(), v.Title, v.Period, SanitisedDraft.Split(v.ExploitationTypes), v.ReleasedAt));
            }
        }
        audit.Record(db, AuditActions.Search, SanitisedAuditActions.TargetType, details: $"results: {visible.Count}");
        await db.SaveChangesAsync();
        return visible;
    }

    public async Task<IntelligenceResult<SanitisedResponse>> OpenAsync(ClaimsPrincipal user, Guid id)
    {
        if (await LoadAsync(user, id, SanitisedOperation.Read, tracked: false) is not { } loaded)
        {
            return IntelligenceError.NotFound;
        }
        audit.Record(db, SanitisedAuditActions.Open, SanitisedAuditActions.TargetType, id.ToString(),
            details: $"status: {loaded.Version.Status}");
        await db.SaveChangesAsync();
        return await ToResponseAsync(user, loaded, null);
    }

    public async Task<IntelligenceResult<SanitisedResponse>> UpdateAsync(ClaimsPrincipal user, Guid id, SanitisedUpdateRequest request)
    {
        if (await LoadAsync(user, id, SanitisedOperation.Read, tracked: true) is not { } loaded)
        {
            return IntelligenceError.NotFound;
        }
        if (!await AllowsAsync(user, loaded, SanitisedOperation.Edit))
        {
            return loaded.Version.Status == SanitisedStatus.Released
                ? new IntelligenceError(StatusCodes.Status409Conflict, "A released version is not rewritten; write a new one.")
                : new IntelligenceError(StatusCodes.Status403Forbidden, "The writer's organisation edits a draft.");
        }
        var errors = new Dictionary<string, string[]>();
        IntelligenceService.Limit(request.Title, MaxTitle, "title", errors);
        IntelligenceService.Limit(request.Summary, MaxSummary, "summary", errors);
        if (request.Title is not null && string.IsNullOrWhiteSpace(request.Title))
        {
            errors["title"] = ["A sanitised version needs a title."];
        }
        var forms = request.ExploitationTypes?.Select(e => e?.Trim().ToUpperInvariant() ?? "").Distinct().ToList();
        if (forms?.FirstOrDefault(f => !Indicators.ExploitationForms.Names.ContainsKey(f)) is { } unknown)
        {
            errors["exploitationTypes"] = [$"'{unknown}' is not a form of exploitation of the catalogue."];
        }
        var tags = request.ModusOperandiTags?.Select(t => t?.Trim().ToUpperInvariant() ?? "").Distinct().ToList();
        if (tags?.FirstOrDefault(t => TacticalAreas.All.All(a => a.Code != t)) is { } unknownTag)
        {
            errors["modusOperandiTags"] = [$"'{unknownTag}' is not one of TAC-A01 to TAC-A10."];
        }
        if (errors.Count > 0)
        {
            return IntelligenceError.Invalid(errors);
        }
        var v = loaded.Version;
        v.Title = IntelligenceService.Clean(request.Title) ?? v.Title;
        v.Summary = request.Summary is null ? v.Summary : request.Summary.Trim();
        v.ExploitationTypes = forms is null ? v.ExploitationTypes : string.Join(',', forms);
        v.ModusOperandiTags = tags is null ? v.ModusOperandiTags : string.Join(',', tags);
        await db.SaveChangesAsync();
        return await ToResponseAsync(user, loaded, null);
    }

    /// <summary>
    /// Releases a draft: by a dissemination supervisor of the originating agency at the configured level who did not write it, and
    /// only when the check finds nothing of the source in the text. Logged against the source report, for its originator.
    /// </summary>
    public async Task<IntelligenceResult<SanitisedResponse>> ReleaseAsync(ClaimsPrincipal user, Guid id)
    {
        if (await LoadAsync(user, id, SanitisedOperation.Read, tracked: true) is not { } loaded)
        {
            return IntelligenceError.NotFound;
        }
        var v = loaded.Version;
        if (!await AllowsAsync(user, loaded, SanitisedOperation.Release))
        {
            return v.Status == SanitisedStatus.Released
                ? new IntelligenceError(StatusCodes.Status409Conflict, "This version has already been released.")
                : new IntelligenceError(StatusCodes.Status403Forbidden,
                    "A dissemination supervisor of the originating agency, other than its writer, releases a sanitised version.");
        }
        var source = await db.IntelligenceReports.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.Id == v.SourceReportId);
        var findings = FindingsOf(v, source);
        var level = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId()).Select(u => u.AuthorityLevel).SingleOrDefaultAsync();
        var approver = new Approver(user.UserId()!.Value, loaded.Viewer!.EffectiveAgencyId, level);
        if (SanitisedRelease.Refusal(settings.SpecialHandling, loaded.Originator.EffectiveAgencyId, v.AuthorUserId, approver, findings) is { } refusal)
        {
            return new IntelligenceError(StatusCodes.Status409Conflict, refusal);
        }
        v.Status = SanitisedStatus.Released;
        v.ReleasedAt = time.GetUtcNow().UtcDateTime;
        v.ReleasedByUserId = approver.UserId;
        v.ReleasedByName = user.DisplayName();
        audit.Record(db, SanitisedAuditActions.Release, IntelligenceAuditActions.TargetType, source.Id.ToString(),
            details: $"sanitised version {v.Reference} released to support organisations and the forum of {loaded.Originator.Country}; " +
                     $"approver level {level}");
        await db.SaveChangesAsync();
        return await ToResponseAsync(user, loaded, source);
    }

    private static List<SanitisationFinding> FindingsOf(SanitisedVersion v, IntelligenceReport source) =>
        SanitisedIntelligence.Find(v.Title + "\n" + v.Summary, SanitisedRelease.IdentifiersOf(source)).ToList();

    private async Task<LoadedSanitised?> LoadAsync(ClaimsPrincipal user, Guid id, SanitisedOperation operation, bool tracked)
    {
        var query = tracked ? db.SanitisedVersions : db.SanitisedVersions.AsNoTracking();
        var version = await query.SingleOrDefaultAsync(v => v.Id == id);
        if (version is null)
        {
            return null;
        }
        var originator = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == version.OriginatorOrganisationId);
        var loaded = new LoadedSanitised(version, originator, await ViewerAsync(user));
        return await AllowsAsync(user, loaded, operation) ? loaded : null;
    }

    public async Task<bool> AllowsAsync(ClaimsPrincipal user, LoadedSanitised loaded, SanitisedOperation operation) =>
        (await authorization.AuthorizeAsync(user, loaded, SanitisedOperations.For(operation))).Succeeded;

    private async Task<SanitisedResponse> ToResponseAsync(ClaimsPrincipal user, LoadedSanitised loaded, IntelligenceReport? source)
    {
        var v = loaded.Version;
        var mayEdit = await AllowsAsync(user, loaded, SanitisedOperation.Edit);
        var mayRelease = await AllowsAsync(user, loaded, SanitisedOperation.Release);
        var insider = mayEdit || mayRelease || SanitisedAccess.Facts(user, loaded).SupervisorOfOriginatingAgency;
        string? sourceReference = null;
        List<SanitisationFinding>? findings = null;
        if (insider)
        {
            source ??= await db.IntelligenceReports.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.Id == v.SourceReportId);
            // The check's findings quote the source: only for someone who may also open it.
            if (await authorization.AllowsAsync(user, new LoadedReport(source, loaded.Originator, loaded.Viewer), IntelligenceOperation.Read))
            {
                sourceReference = source.Reference;
                findings = v.Status == SanitisedStatus.Draft ? FindingsOf(v, source) : [];
            }
        }
        var countries = SanitisedDraft.Split(v.Countries).Select(c => c.Split(':')).Where(p => p.Length == 2)
            .Select(p => new SanitisedCountry(p[0], SanitisedDraft.CountryName(p[0]), p[1])).ToList();
        return new SanitisedResponse(v.Id, v.Reference, v.Status.ToString(), v.Title, v.Summary, SanitisedDraft.Split(v.ExploitationTypes), countries,
            SanitisedDraft.Split(v.ModusOperandiTags), v.Period, v.ReleasedAt, sourceReference is null ? null : v.SourceReportId, sourceReference,
            insider ? v.AuthorName : null, insider ? v.ReleasedByName : null, findings, mayEdit, mayRelease);
    }

}

/// <summary>Works out <see cref="SanitisedFacts"/> for one viewer and one version, in one place.</summary>
public static class SanitisedAccess
{
    public static SanitisedFacts Facts(ClaimsPrincipal user, LoadedSanitised loaded)
    {
        var v = loaded.Version;
        var viewer = loaded.Viewer is { } o && user.OrganisationId() == o.Id ? o : null;
        return new SanitisedFacts(
            Released: v.Status == SanitisedStatus.Released,
            ThematicReader: SanitisedPermissions.ReaderRoles.Any(user.IsInRole),
            InForumCountry: viewer is not null && Countries.IsKnown(viewer.Country) && viewer.Country == loaded.Originator.Country,
            WriterOrganisation: viewer is not null && viewer.Id == v.AuthorOrganisationId,
            WritesIntelligence: viewer is not null && IntelligencePermissions.ReachOf(user) == IntelligenceReach.ReadWriteWithinHandling,
            SupervisorOfOriginatingAgency: viewer is not null && user.IsInRole(Roles.DisseminationSupervisor)
                                           && viewer.EffectiveAgencyId == loaded.Originator.EffectiveAgencyId,
            Author: user.UserId() == v.AuthorUserId);
    }
}

public static class SanitisedOperations
{
    private static readonly Dictionary<SanitisedOperation, OperationAuthorizationRequirement> Requirements =
        Enum.GetValues<SanitisedOperation>().ToDictionary(o => o, o => new OperationAuthorizationRequirement { Name = "Sanitised." + o });

    public static OperationAuthorizationRequirement For(SanitisedOperation operation) => Requirements[operation];
}

/// <summary>Decides a <see cref="SanitisedOperations"/> requirement from the signed-in user and the loaded version.</summary>
internal sealed class SanitisedAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, LoadedSanitised>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        LoadedSanitised resource)
    {
        if (requirement.Name.StartsWith("Sanitised.", StringComparison.Ordinal)
            && Enums.Named<SanitisedOperation>(requirement.Name["Sanitised.".Length..]) is { } operation
            && SanitisedPermissions.Allows(operation, SanitisedAccess.Facts(context.User, resource)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
