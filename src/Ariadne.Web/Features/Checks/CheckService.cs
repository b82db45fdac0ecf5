using System.Security.Claims;
using System.Text.Json;
using Ariadne.Matching.Identifiers;
using Ariadne.Matching.Names;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Checks;

public static class CheckAuditActions
{
    public const string Check = "intelligence.check";
    public const string Approve = "intelligence.check.approve";
    public const string Links = "intelligence.links";
    public const string LinksExport = "intelligence.links.export";
    public const string TargetType = nameof(IntelligenceCheck);
}

/// <summary>
/// Intelligence checks (issue 12 items 1-3): a check is a dissemination event. Each hit is a report id from the engine; the
/// dissemination policy, through <see cref="IntelligenceAccess"/>, decides for each one whether the asker sees it or only a
/// "refer to originator" marker, for every hit before any limit is applied, so hidden hits never crowd out visible ones and never
/// show in a count.
/// </summary>
public sealed partial class CheckService(AriadneDbContext db, AuditTrail audit, TimeProvider time, IntelligenceSettings intelligence,
    CheckSettings settings, CheckIndex index)
{
    public const string RestrictedMessage = "Restricted hit — refer to originator";
    /// <summary>Name matches below this score are not hits (neither shown nor referred): too weak to act on.</summary>
    public const double MinNameScore = 0.85;
    /// <summary>A checked value held by more visible reports than this is flagged as over-correlating, for this viewer.</summary>
    public const int OverCorrelationThreshold = 50;

    private static readonly IntelligenceError Loading = new(StatusCodes.Status503ServiceUnavailable,
        "The check index is still loading after a start-up; try again in a moment. No partial answer is given.");

    internal sealed record StoredIdentifier(IdentifierKind Kind, string Key, string AsEntered);

    internal sealed record StoredQuery(List<StoredIdentifier> Identifiers, List<string> Names, string? DateOfBirth, string? Nationality,
        string? Gender, CheckScope Scope);

    public async Task<IntelligenceResult<CheckResponse>> CheckAsync(ClaimsPrincipal user, CheckRequest? request)
    {
        if (!index.IsReady)
        {
            return Loading;
        }
        var viewer = await ViewerAsync(user);
        var reach = IntelligencePermissions.ReachOf(user);
        if (viewer is null || user.UserId() is not { } userId || !CheckRules.MayCheck(user, settings))
        {
            return new IntelligenceError(StatusCodes.Status403Forbidden, "Your role does not make intelligence checks.");
        }
        request ??= new CheckRequest(null, null, null, null, null, null, false);
        var errors = new Dictionary<string, string[]>();
        var notes = new List<CheckNote>();
        var identifiers = new List<StoredIdentifier>();
        var asked = request.Identifiers ?? [];
        if (asked.Count > CheckRules.MaxIdentifiers)
        {
            errors["identifiers"] = [$"At most {CheckRules.MaxIdentifiers} identifiers per check."];
            asked = [];
        }
        for (var i = 0; i < asked.Count; i++)
        {
            var field = $"identifiers[{i}]";
            var identifier = asked[i];
            if (identifier is null || CheckKeys.Parse(identifier.Kind, identifier.SubKind) is not var (kind, subKind))
            {
                errors[field + ".kind"] = ["Choose the kind: " + CheckKeys.KindsInWords + "."];
                continue;
            }
            if (string.IsNullOrWhiteSpace(identifier.Value) || identifier.Value.Length > 1000)
            {
                errors[field + ".value"] = ["Write the value (at most 1000 characters)."];
                continue;
            }
            string? country = null;
            if (!string.IsNullOrWhiteSpace(identifier.Country) && (country = Countries.Normalise(identifier.Country)) is null)
            {
                errors[field + ".country"] = ["The country is a two-letter ISO 3166-1 code."];
                continue;
            }
            // The asker's unit's country is the default region: "0721 555 013" asked in Romania is +40721555013.
            if (IdentifierKeys.Identify(kind, subKind, identifier.Value, country, viewer.Country) is { } normalised)
            {
                identifiers.Add(new StoredIdentifier(normalised.Kind, normalised.Key, identifier.Value.Trim()));
                if (normalised.Note is { } note)
                {
                    notes.Add(new CheckNote(field, note));
                }
            }
            else
            {
                errors[field + ".value"] = [$"'{identifier.Value.Trim()}' cannot be read as a {kind.ToString().ToLowerInvariant()}" +
                                            (subKind is null ? "" : $" ({subKind})") + "; check the value and its country."];
            }
        }
        var names = (request.Person?.Names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).ToList();
        if (names.Count > CheckRules.MaxNames || names.Any(n => n.Length > 200))
        {
            errors["person.names"] = [$"At most {CheckRules.MaxNames} names of at most 200 characters."];
        }
        if (request.Person?.DateOfBirth is { Length: > 0 } dob && !DateOnly.TryParseExact(dob, "yyyy-MM-dd", out _))
        {
            errors["person.dateOfBirth"] = ["The date of birth is written yyyy-MM-dd."];
        }
        if (request.Person?.Nationality is { Length: > 0 } nationality && Countries.Normalise(nationality) is null)
        {
            errors["person.nationality"] = ["The nationality is a two-letter ISO 3166-1 code."];
        }
        if (identifiers.Count == 0 && names.Count == 0 && !errors.Keys.Any(k => k.StartsWith("identifiers", StringComparison.Ordinal)))
        {
            errors["identifiers"] = ["Name at least one identifier or one name of a person."];
        }
        if (string.IsNullOrWhiteSpace(request.Purpose))
        {
            errors["purpose"] = ["Say why you check: the originators of what you hit will read it (CHK-02)."];
        }
        else if (request.Purpose.Length > CheckRules.MaxPurpose)
        {
            errors["purpose"] = [$"At most {CheckRules.MaxPurpose} characters."];
        }
        if (request.CaseReference is { Length: > 40 })
        {
            errors["caseReference"] = ["At most 40 characters."];
        }
        IntelligenceReport? prompting = null;
        Organisation? promptingOriginator = null;
        if (request.ReportId is { } reportId)
        {
            prompting = await db.IntelligenceReports.AsNoTracking().Where(r => r.Id == reportId).Select(IntelligenceAudience.GradingColumns)
                .SingleOrDefaultAsync();
            promptingOriginator = prompting is null ? null
                : await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == prompting.OriginatorOrganisationId);
            // A report the asker may not see is one that does not exist (issue 10 item 5).
            if (prompting is null || promptingOriginator is null
                || !IntelligenceAccess.Facts(user, new LoadedReport(prompting, promptingOriginator, viewer), intelligence.SpecialHandling).Visible)
            {
                errors["reportId"] = ["There is no such intelligence report."];
                prompting = null;
            }
        }
        else if (string.IsNullOrWhiteSpace(request.CaseReference))
        {
            errors["reportId"] = ["Name the intelligence report or the case the check is made for."];
        }
        var widest = CheckRules.WidestScope(RolesOf(user), reach);
        var scope = widest;
        if (request.Scope is { Length: > 0 } scopeName)
        {
            if (Shared.Enums.Named<CheckScope>(scopeName, ignoreCase: true) is not { } parsed)
            {
                errors["scope"] = ["The scope is Local or BeyondAgency."];
            }
            else if (parsed == CheckScope.BeyondAgency && widest == CheckScope.Local)
            {
                errors["scope"] = ["Your role checks within your own agency only."];
            }
            else
            {
                scope = parsed;
            }
        }
        if (scope == CheckScope.BeyondAgency && !request.AcknowledgeWarning && !errors.ContainsKey("scope"))
        {
            errors["acknowledgeWarning"] = [CheckRules.Warning + " Acknowledge it to check beyond your agency, or check locally."];
        }
        if (errors.Count > 0)
        {
            return IntelligenceError.Invalid(errors);
        }

        // §5.6: material of a restricted code is checked outside its originating agency only on the originator's approval;
        // meanwhile the check is answered within the asker's agency.
        var status = scope == CheckScope.BeyondAgency && CheckRules.NeedsOriginatorApproval(prompting?.Grading)
            ? CheckStatus.AwaitingApproval
            : CheckStatus.Answered;
        var query = new StoredQuery(identifiers, names, request.Person?.DateOfBirth, Countries.Normalise(request.Person?.Nationality),
            request.Person?.Gender, scope);
        var check = new IntelligenceCheck
        {
            AskedByUserId = userId, AskedByName = user.DisplayName(), OrganisationId = viewer.Id, AskedAt = time.GetUtcNow().UtcDateTime,
            Purpose = request.Purpose!.Trim(), ForReportId = prompting?.Id, ForCaseReference = request.CaseReference?.Trim() is { Length: > 0 } c ? c : null,
            Handling = prompting is null ? "none (made for a case)" : IntelligenceService.HandlingOf(prompting.Grading),
            Query = JsonSerializer.Serialize(query), Status = status, BeyondAgency = scope == CheckScope.BeyondAgency,
        };
        db.IntelligenceChecks.Add(check);
        return await AnswerAsync(user, viewer, check, query, prompting?.Reference, notes);
    }

    /// <summary>Answers a stored check again (after the originator's approval, or to refresh it): the asker's own checks only.</summary>
    public async Task<IntelligenceResult<CheckResponse>> RunAgainAsync(ClaimsPrincipal user, Guid id)
    {
        if (!index.IsReady)
        {
            return Loading;
        }
        var check = await db.IntelligenceChecks.SingleOrDefaultAsync(c => c.Id == id);
        var viewer = await ViewerAsync(user);
        if (check is null || viewer is null || check.AskedByUserId != user.UserId()
            || !CheckRules.MayCheck(user, settings))
        {
            return new IntelligenceError(StatusCodes.Status404NotFound, "There is no such check of yours.");
        }
        var query = JsonSerializer.Deserialize<StoredQuery>(check.Query)!;
        if (query.Scope == CheckScope.BeyondAgency && CheckRules.WidestScope(RolesOf(user), IntelligencePermissions.ReachOf(user)) == CheckScope.Local)
        {
            query = query with { Scope = CheckScope.Local };
        }
        var reference = check.ForReportId is { } r
            ? await db.IntelligenceReports.AsNoTracking().Where(x => x.Id == r).Select(x => x.Reference).SingleOrDefaultAsync()
            : null;
        return await AnswerAsync(user, viewer, check, query, reference, []);
    }

    /// <summary>The most candidates a name is searched among before the answer says no more (a very common name).</summary>
    internal const int MaxNameCandidates = 10_000;

    /// <summary>
    /// A name's candidates, so that names the asker may not see never take the places of those they may (issue 12: access
    /// before any limit). The name index bounds its candidates (100); when that bound cut entries sharing a key and fewer
    /// than 100 of the candidates are reports the asker sees, the search is widened tenfold, up to
    /// <see cref="MaxNameCandidates"/>: the asker gets at least the candidates an index of only their reports would give.
    /// </summary>
    private async Task<IReadOnlyList<NameHit>> NameCandidatesAsync(ClaimsPrincipal user, Organisation viewer,
        Dictionary<Guid, Organisation> organisations, string name, NameEvidence? evidence)
    {
        var mayView = IntelligenceAudience.VisibleTo<IntelligenceReport>(user, viewer, organisations.Values).Compile();
        for (var cap = NameIndex.DefaultCandidates; ; cap *= 10)
        {
            var search = index.Names.SearchWide(name, cap, evidence);
            if (!search.Truncated || cap >= MaxNameCandidates)
            {
                return search.Hits;
            }
            var ids = search.Hits.Select(h => Guid.TryParseExact(h.EntityId, "N", out var id) ? id : Guid.Empty).ToArray();
            var seen = (await VisibleAmongAsync(ids, mayView)).Count;
            if (seen >= NameIndex.DefaultCandidates)
            {
                return search.Hits;
            }
        }
    }

    /// <summary>
    /// Of the given reports, those the visibility predicate admits: read by primary key (chunks of 5,000, one array parameter
    /// each) and filtered in memory by the same predicate, compiled. As one SQL query (predicate AND id IN the list) SQLite's
    /// planner, which has no statistics, walked the predicate's indexes instead, testing every report the asker may see against
    /// the list: about 1 s of CPU per check at 200,000 reports, growing with the database (ADR 0022).
    /// </summary>
    private async Task<List<IntelligenceReport>> VisibleAmongAsync(IEnumerable<Guid> ids, Func<IntelligenceReport, bool> mayView)
    {
        var visible = new List<IntelligenceReport>();
        foreach (var chunk in ids.Chunk(5000))
        {
            visible.AddRange((await db.IntelligenceReports.AsNoTracking().Where(r => EF.Parameter(chunk).Contains(r.Id))
                .Select(IntelligenceAudience.GradingColumns).ToListAsync()).Where(mayView));
        }
        return visible;
    }

    private async Task<IntelligenceResult<CheckResponse>> AnswerAsync(ClaimsPrincipal user, Organisation viewer, IntelligenceCheck check,
        StoredQuery query, string? promptingReference, List<CheckNote> notes)
    {
        await index.CatchUpAsync(db);
        var scope = CheckRules.Effective(query.Scope, check.Status);
        var matches = new Dictionary<Guid, List<CheckMatch>>();
        var postings = new List<(StoredIdentifier Identifier, IReadOnlyList<Guid> Reports)>();
        foreach (var identifier in query.Identifiers)
        {
            var reports = index.Identifiers.Lookup(identifier.Kind, identifier.Key);
            postings.Add((identifier, reports));
            foreach (var report in reports)
            {
                Add(matches, report, new CheckMatch(identifier.Kind.ToString(), identifier.AsEntered, 1.0,
                    $"same {Words(identifier.Kind)} ({identifier.Key}), written \"{identifier.AsEntered}\" in the check"));
            }
        }
        var evidence = query.DateOfBirth is not null || query.Nationality is not null || query.Gender is not null
            ? new NameEvidence(query.DateOfBirth is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd") : null, query.Nationality, query.Gender)
            : null;
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        foreach (var name in query.Names)
        {
            foreach (var hit in await NameCandidatesAsync(user, viewer, organisations, name, evidence))
            {
                if (hit.Score >= MinNameScore && Guid.TryParseExact(hit.EntityId, "N", out var report))
                {
                    Add(matches, report, new CheckMatch("Person", hit.Name, Math.Round(hit.Score, 3), $"\"{name}\" ≈ \"{hit.Name}\": {hit.Explanation}"));
                }
            }
        }

        // Access for every hit first; only then any limit.
        var visible = new Dictionary<Guid, IntelligenceReport>();
        var restrictedBy = new HashSet<Guid>();
        var touches = new List<CheckTouch>();
        var now = time.GetUtcNow().UtcDateTime;
        // One array parameter per chunk (EF.Parameter): EF 10's default of one SQL parameter per id made the 5,000 ids of a
        // shared value cost more to bind than to read on SQLite.
        foreach (var chunk in matches.Keys.Chunk(5000))
        {
            var reports = await db.IntelligenceReports.AsNoTracking().Where(r => EF.Parameter(chunk).Contains(r.Id))
                .Select(IntelligenceAudience.GradingColumns)
                .ToListAsync();
            foreach (var report in reports)
            {
                if (!organisations.TryGetValue(report.OriginatorOrganisationId, out var originator)
                    || (scope == CheckScope.Local && originator.EffectiveAgencyId != viewer.EffectiveAgencyId))
                {
                    continue;
                }
                var shown = IntelligenceAccess.Facts(user, new LoadedReport(report, originator, viewer), intelligence.SpecialHandling).Visible;
                if (shown)
                {
                    visible[report.Id] = report;
                }
                else if (report.Status == ReportStatus.Draft)
                {
                    // A draft is its unit's alone until submitted: not even a referral points at it.
                    continue;
                }
                else
                {
                    restrictedBy.Add(originator.Id);
                }
                touches.Add(new CheckTouch
                {
                    CheckId = check.Id, ReportId = report.Id, OriginatorOrganisationId = originator.Id, Shown = shown, TouchedAt = now,
                });
            }
        }

        var hits = visible.Values
            .Select(r => new CheckHit(r.Id, r.Reference, organisations[r.OriginatorOrganisationId].Name, matches[r.Id].Max(m => m.Score),
                matches[r.Id].OrderByDescending(m => m.Score).ToList()))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Reference, StringComparer.Ordinal).ToList();
        var more = Math.Max(0, hits.Count - CheckRules.MaxHits);
        hits = hits.Take(CheckRules.MaxHits).ToList();
        var restricted = restrictedBy.Select(id => organisations[id]).OrderBy(o => o.Name, StringComparer.Ordinal)
            .Select(o => new RestrictedHit(RestrictedMessage, o.Name, o.Phone, o.Email)).ToList();
        // Judged on what this viewer may see, never on a global count that would tell of hidden reports.
        var overCorrelating = postings
            .Select(p => new OverCorrelation(p.Identifier.Kind.ToString(), p.Identifier.AsEntered, p.Reports.Count(visible.ContainsKey)))
            .Where(o => o.VisibleReports > OverCorrelationThreshold).ToList();

        check.HitsShown = visible.Count;
        check.RestrictedMarkers = restricted.Count;
        var values = string.Join(", ", query.Identifiers.Select(i => $"{i.Kind} {i.Key}").Concat(query.Names.Select(n => $"name \"{n}\"")));
        var details = $"values: {values}; for: " + (promptingReference is not null ? $"report {promptingReference}" : $"case {check.ForCaseReference}") +
                      $"; code: {check.Handling}; scope: {scope}; status: {check.Status}; hits shown: {visible.Count}; " +
                      $"restricted (originators referred to): {restricted.Count}";
        audit.Record(db, CheckAuditActions.Check, CheckAuditActions.TargetType, check.Id.ToString(), reason: check.Purpose,
            details: details.Length > 4000 ? details[..3997] + "..." : details);
        // The check, its audit entry and its touches commit together: no check is answered without the originator able to see it.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.SaveChangesAsync();
            await CheckTouchWriter.WriteAsync(db, touches);
            await transaction.CommitAsync();
        }
        return new CheckResponse(check.Id, check.Status.ToString(), scope.ToString(), check.Handling,
            query.Scope == CheckScope.BeyondAgency ? CheckRules.Warning : null, hits, more, restricted, overCorrelating, notes);
    }

    private static void Add(Dictionary<Guid, List<CheckMatch>> matches, Guid report, CheckMatch match)
    {
        if (!matches.TryGetValue(report, out var list))
        {
            matches[report] = list = [];
        }
        list.Add(match);
    }

    private static string Words(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Phone => "phone number",
        IdentifierKind.Email => "e-mail address",
        IdentifierKind.Iban => "IBAN",
        IdentifierKind.VehiclePlate => "vehicle plate",
        IdentifierKind.TravelDocument => "document",
        IdentifierKind.Url => "web address",
        IdentifierKind.MessagingHandle => "messaging handle",
        IdentifierKind.Address => "address",
        IdentifierKind.MoneyTransferReference => "transfer reference",
        IdentifierKind.PaymentCard => "payment card",
    };

    internal static IEnumerable<string> RolesOf(ClaimsPrincipal user) => Roles.All.Where(user.IsInRole);

    private Task<Organisation?> ViewerAsync(ClaimsPrincipal user) =>
        user.OrganisationId() is { } org ? db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == org) : Task.FromResult<Organisation?>(null);
}
