using System.Security.Claims;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>List filters; each value must come from <see cref="IntelligenceService.FilterOptionsAsync"/> to match anything.</summary>
public sealed record ReportFilter(string? ExploitationType, DateTime? From, DateTime? To, Guid? OrganisationId);

public sealed partial class IntelligenceService
{
    /// <summary>
    /// The reports the user may see, filtered, as a query: the one visibility rule as an SQL predicate over the stored audience
    /// (<see cref="IntelligenceAudience.VisibleTo"/>), so lists page and count in the database. Null when the user sees none.
    /// </summary>
    private async Task<(IQueryable<IntelligenceReport> Query, Organisation Viewer, Dictionary<Guid, Organisation> Organisations)?> VisibleAsync(
        ClaimsPrincipal user, ReportFilter filter) =>
        await VisibleWithTotalAsync(user, filter) is (var query, var viewer, var organisations, _) ? (query, viewer, organisations) : null;

    /// <summary>
    /// As <see cref="VisibleAsync"/>, with the query of the exact total: the sum of the kept counts
    /// (<see cref="IntelligenceReportCount"/>) under the same predicate where the filter is one the counts can answer (none, or an
    /// originator), else a count of the matching reports.
    /// </summary>
    private async Task<(IQueryable<IntelligenceReport> Query, Organisation Viewer, Dictionary<Guid, Organisation> Organisations, Func<Task<int>> Total)?>
        VisibleWithTotalAsync(ClaimsPrincipal user, ReportFilter filter)
    {
        var viewer = await ViewerAsync(user);
        if (viewer is null || IntelligencePermissions.ReachOf(user) == IntelligenceReach.None)
        {
            return null;
        }
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        var query = db.IntelligenceReports.AsNoTracking().Where(IntelligenceAudience.VisibleTo<IntelligenceReport>(user, viewer, organisations.Values));
        if (filter.ExploitationType is { Length: > 0 } type)
        {
            var code = "," + type.Trim().ToUpperInvariant() + ",";
            query = query.Where(r => ("," + r.ExploitationTypes + ",").Contains(code));
        }
        if (filter.From is { } from)
        {
            query = query.Where(r => r.CreatedAt >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(r => r.CreatedAt <= to);
        }
        var counts = db.IntelligenceReportCounts.AsNoTracking().Where(IntelligenceAudience.VisibleTo<IntelligenceReportCount>(user, viewer, organisations.Values));
        if (filter.OrganisationId is { } org)
        {
            query = query.Where(r => r.OriginatorOrganisationId == org);
            counts = counts.Where(c => c.OriginatorOrganisationId == org);
        }
        var countsAnswer = filter.ExploitationType is not { Length: > 0 } && filter.From is null && filter.To is null;
        var filtered = query;
        Func<Task<int>> total = countsAnswer
            ? async () => (int)await counts.SumAsync(c => c.Count)
            : () => filtered.CountAsync();
        return (query, viewer, organisations, total);
    }

    public async Task<(List<ReportSummary> Rows, int Total)> ListAsync(ClaimsPrincipal user, ReportFilter filter, Paging paging)
    {
        List<ReportSummary> page = [];
        var total = 0;
        if (await VisibleWithTotalAsync(user, filter) is (var query, var viewer, var organisations, var count))
        {
            total = await count();
            // Only the grading and approval columns: no encrypted text is decrypted for a list.
            var rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(paging.Skip).Take(paging.PageSize)
                .Select(IntelligenceAudience.GradingColumns).ToListAsync();
            foreach (var r in rows)
            {
                // The second line of defence: the policy itself on each row of the page. The stored audience selected it; a row the
                // rule refuses is one whose audience is out of date, and it is left out rather than shown.
                if (!organisations.TryGetValue(r.OriginatorOrganisationId, out var originator)
                    || !IntelligenceAccess.Facts(user, new LoadedReport(r, originator, viewer), settings.SpecialHandling).Visible)
                {
                    continue;
                }
                var decision = IntelligenceAccess.Decide(r, originator, viewer, settings.SpecialHandling);
                page.Add(new ReportSummary(r.Id, r.Reference, r.Status.ToString(), r.OriginatorOrganisationId, originator.Name, r.CreatedAt,
                    r.SubmittedAt, Split(r.ExploitationTypes), HandlingOf(r.Grading), decision.Conditions));
            }
        }
        await audit.RecordAsync(db, AuditActions.Search, IntelligenceAuditActions.TargetType,
            details: $"filters: type={filter.ExploitationType}, from={filter.From:O}, to={filter.To:O}, organisation={filter.OrganisationId}; " +
                     $"results: {total}");
        return (page, total);
    }

    public async Task<FilterOptions> FilterOptionsAsync(ClaimsPrincipal user)
    {
        if (await VisibleAsync(user, new ReportFilter(null, null, null, null)) is not (var query, _, var organisations))
        {
            return new FilterOptions([], []);
        }
        var typeLists = await query.Select(r => r.ExploitationTypes).Distinct().ToListAsync();
        var types = typeLists.SelectMany(Split).Distinct().Order(StringComparer.Ordinal)
            .Select(t => new FilterOption(t, Indicators.ExploitationForms.Name(t))).ToList();
        var origins = (await query.Select(r => r.OriginatorOrganisationId).Distinct().ToListAsync())
            .Select(id => organisations[id])
            .OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => new FilterOption(o.Id.ToString(), o.Name)).ToList();
        return new FilterOptions(types, origins);
    }

    public async Task<IntelligenceResult<ReportResponse>> EvaluateAsync(ClaimsPrincipal user, Guid id, EvaluationRequest request)
    {
        if (await LoadAsync(user, id, IntelligenceOperation.Read) is not { } loaded)
        {
            return IntelligenceError.NotFound;
        }
        if (!await authorization.AllowsAsync(user, loaded, IntelligenceOperation.Evaluate))
        {
            return new IntelligenceError(StatusCodes.Status403Forbidden,
                "An intelligence analyst or investigator who received the submitted report records an evaluation; its author does not.");
        }
        var errors = new Dictionary<string, string[]>();
        switch (request.System)
        {
            case GradingSystem.FiveByFiveByFive:
                Defined(request.Source5, "source5", errors);
                Defined(request.Intelligence5, "intelligence5", errors);
                break;
            case GradingSystem.ThreeByFiveByTwo:
                Defined(request.Source3, "source3", errors);
                Defined(request.Intelligence3, "intelligence3", errors);
                break;
            case GradingSystem.FourByFour:
                if (settings.FourByFour is null || settings.FourByFour.Problems().Count > 0)
                {
                    errors["system"] = ["The 4x4 system is not available: this agency has not configured its 4x4 labels."];
                }
                if (request.SourceReliability4 is not (>= 1 and <= FourByFourLabels.Categories))
                {
                    errors["sourceReliability4"] = ["Choose one of the 4 categories."];
                }
                if (request.InformationValidity4 is not (>= 1 and <= FourByFourLabels.Categories))
                {
                    errors["informationValidity4"] = ["Choose one of the 4 categories."];
                }
                break;
            default:
                errors["system"] = ["Choose a grading system: FiveByFiveByFive, ThreeByFiveByTwo or FourByFour."];
                break;
        }
        Limit(request.Comment, MaxText, "comment", errors);
        if (errors.Count > 0)
        {
            return IntelligenceError.Invalid(errors);
        }
        var five = request.System == GradingSystem.FiveByFiveByFive;
        var three = request.System == GradingSystem.ThreeByFiveByTwo;
        var four = request.System == GradingSystem.FourByFour;
        db.AnalystEvaluations.Add(new AnalystEvaluation
        {
            ReportId = loaded.Report.Id, AnalystUserId = user.UserId()!.Value, AnalystName = user.DisplayName(), OrganisationId = loaded.Viewer!.Id,
            RecordedAt = time.GetUtcNow().UtcDateTime, GradingSystem = request.System!.Value,
            Source5 = five ? request.Source5 : null, Intelligence5 = five ? request.Intelligence5 : null,
            Source3 = three ? request.Source3 : null, Intelligence3 = three ? request.Intelligence3 : null,
            SourceReliability4 = four ? request.SourceReliability4 : null, InformationValidity4 = four ? request.InformationValidity4 : null,
            Comment = Clean(request.Comment),
        });
        await db.SaveChangesAsync();
        return await ToResponseAsync(user, loaded, IntelligenceAccess.Decide(loaded.Report, loaded.Originator, loaded.Viewer, settings.SpecialHandling));
    }

    private static void Defined<T>(T? value, string field, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (value is not { } v || !Enum.IsDefined(v))
        {
            errors[field] = ["Choose one of the categories."];
        }
    }

    /// <summary>A change of handling code, conditions or special handling: HandlingCodeChange.Decide says whether, and it is recorded.</summary>
    public async Task<IntelligenceResult<ReportResponse>> ChangeHandlingAsync(ClaimsPrincipal user, Guid id, ChangeHandlingRequest request)
    {
        if (await LoadAsync(user, id, IntelligenceOperation.Read) is not { } loaded)
        {
            return IntelligenceError.NotFound;
        }
        var report = loaded.Report;
        if (!await authorization.AllowsAsync(user, loaded, IntelligenceOperation.ChangeHandling) || report.Grading is not { } current)
        {
            return new IntelligenceError(StatusCodes.Status409Conflict, "A draft's handling is set when it is submitted.");
        }
        var proposed = current with
        {
            Handling5 = request.Handling5 ?? current.Handling5,
            Handling3 = request.Handling3 ?? current.Handling3,
            Conditions = request.Conditions is null ? current.Conditions : request.Conditions,
            SpecialHandling = request.SpecialHandling ?? current.SpecialHandling,
        };
        var viewer = loaded.Viewer!;
        var changer = new HandlingChanger(user.UserId()!.Value, viewer.EffectiveAgencyId, user.IsInRole(Roles.DisseminationSupervisor));
        var result = HandlingCodeChange.Decide(report.AuthorUserId, IntelligenceAccess.OriginatorOf(loaded.Originator), changer, current,
            proposed, request.Reason, settings.FourByFour);
        if (!result.Allowed)
        {
            return result.Refusal switch
            {
                HandlingChangeRefusal.NotOriginatorOrSupervisor => new IntelligenceError(StatusCodes.Status403Forbidden, result.Detail!),
                HandlingChangeRefusal.NoChange => new IntelligenceError(StatusCodes.Status409Conflict, result.Detail!),
                HandlingChangeRefusal.ReasonRequired => IntelligenceError.Invalid(new Dictionary<string, string[]> { ["reason"] = [result.Detail!] }),
                _ => IntelligenceError.Invalid(new Dictionary<string, string[]> { ["handling"] = [result.Detail!] }),
            };
        }
        db.HandlingChanges.Add(new HandlingChange
        {
            ReportId = report.Id, ChangedByUserId = changer.UserId, ChangedByName = user.DisplayName(), ChangedAt = time.GetUtcNow().UtcDateTime,
            From = HandlingOf(current) + Conditions(current), To = HandlingOf(proposed) + Conditions(proposed), Reason = request.Reason!.Trim(),
            Widens = result.Widens,
        });
        report.SetGrading(proposed);
        await db.SaveChangesAsync();
        return await ToResponseAsync(user, loaded, DisseminationDecision.Allow);
    }

    private static string Conditions(Grading g) => g.ConditionsText() is { } c ? $"; conditions: {c}" : "";

    public async Task<IntelligenceResult<ReportResponse>> RecordRiskAssessmentAsync(ClaimsPrincipal user, Guid id, RiskAssessmentRequest request)
    {
        if (await LoadAsync(user, id, IntelligenceOperation.Read) is not { } loaded)
        {
            return IntelligenceError.NotFound;
        }
        if (!await authorization.AllowsAsync(user, loaded, IntelligenceOperation.AssessRisk))
        {
            return new IntelligenceError(StatusCodes.Status403Forbidden,
                "The originating unit records the risk assessment of a submitted report under special handling.");
        }
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxText)
        {
            return IntelligenceError.Invalid(new Dictionary<string, string[]> { ["text"] = [$"Write the risk assessment (at most {MaxText} characters)."] });
        }
        var report = loaded.Report;
        report.RiskAssessment = request.Text.Trim();
        report.RiskAssessedByUserId = user.UserId();
        report.RiskAssessedAt = time.GetUtcNow().UtcDateTime;
        // A new assessment is a new text to approve: earlier approvals were of another one.
        report.RiskApprovedByUserId = null;
        report.RiskApprovedByAgencyId = null;
        report.RiskApprovedByLevel = null;
        report.RiskApprovedAt = null;
        report.DisseminationApprovedByUserId = null;
        report.DisseminationApprovedByAgencyId = null;
        report.DisseminationApprovedByLevel = null;
        report.DisseminationApprovedAt = null;
        await db.SaveChangesAsync();
        return await ToResponseAsync(user, loaded, DisseminationDecision.Allow);
    }

    /// <summary>Approves the risk assessment (<paramref name="dissemination"/> false) or the dissemination (true), as SpecialHandling allows.</summary>
    public async Task<IntelligenceResult<ReportResponse>> ApproveAsync(ClaimsPrincipal user, Guid id, bool dissemination)
    {
        if (await LoadAsync(user, id, IntelligenceOperation.Read) is not { } loaded)
        {
            return IntelligenceError.NotFound;
        }
        if (!await authorization.AllowsAsync(user, loaded, IntelligenceOperation.ApproveSpecialHandling))
        {
            return new IntelligenceError(StatusCodes.Status403Forbidden,
                "A dissemination supervisor of the originating agency approves a report under special handling.");
        }
        var report = loaded.Report;
        var level = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId()).Select(u => u.AuthorityLevel).SingleOrDefaultAsync();
        var approver = new Approver(user.UserId()!.Value, loaded.Viewer!.EffectiveAgencyId, level);
        var facts = report.SpecialHandlingFacts(loaded.Originator.EffectiveAgencyId);
        var refusal = dissemination
            ? SpecialHandling.MayApproveDissemination(settings.SpecialHandling, facts, approver)
            : SpecialHandling.MayApproveRiskAssessment(settings.SpecialHandling, facts, approver);
        if (refusal is not null)
        {
            return new IntelligenceError(StatusCodes.Status409Conflict, refusal);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (dissemination)
        {
            (report.DisseminationApprovedByUserId, report.DisseminationApprovedByAgencyId, report.DisseminationApprovedByLevel,
                report.DisseminationApprovedAt) = (approver.UserId, approver.AgencyId, level, now);
        }
        else
        {
            (report.RiskApprovedByUserId, report.RiskApprovedByAgencyId, report.RiskApprovedByLevel, report.RiskApprovedAt) =
                (approver.UserId, approver.AgencyId, level, now);
        }
        await db.SaveChangesAsync();
        return await ToResponseAsync(user, loaded, DisseminationDecision.Allow);
    }

    /// <summary>
    /// Sends a report to another organisation (item 7): only where the originator's handling code, and special handling, let it go
    /// to that recipient; otherwise the answer says to refer to the originator. Logged against the report: who, to whom, under which
    /// code, on whose approval, why. <paramref name="channel"/> names an exchange format the report leaves in (an Aleph or MISP
    /// export: Features/Exchange), which sends through here so that the decision and the record are this one.
    /// </summary>
    public async Task<IntelligenceResult<DisseminationSent>> SendAsync(ClaimsPrincipal user, Guid id, SendRequest request, string? channel = null)
    {
        if (await LoadAsync(user, id, IntelligenceOperation.Read) is not { } loaded)
        {
            return IntelligenceError.NotFound;
        }
        if (!await authorization.AllowsAsync(user, loaded, IntelligenceOperation.Disseminate))
        {
            return new IntelligenceError(StatusCodes.Status403Forbidden, "An analyst, investigator or supervisor sends intelligence on.");
        }
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["Say why it goes to them: the originator sees it."];
        }
        else if (request.Reason.Length > MaxReason)
        {
            errors["reason"] = [$"At most {MaxReason} characters."];
        }
        var recipient = request.OrganisationId is { } to ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == to) : null;
        if (recipient is null || !recipient.IsActive)
        {
            errors["organisationId"] = ["Choose an organisation of the directory."];
        }
        else if (recipient.Id == loaded.Viewer!.Id)
        {
            errors["organisationId"] = ["It is already in your organisation."];
        }
        if (errors.Count > 0)
        {
            return IntelligenceError.Invalid(errors);
        }
        var report = loaded.Report;
        var decision = IntelligenceAccess.Decide(report, loaded.Originator, recipient, settings.SpecialHandling);
        if (!decision.Allowed)
        {
            return new IntelligenceError(StatusCodes.Status409Conflict,
                $"The originator's handling code does not let this report go to {recipient!.Name}: {decision.Detail} " +
                $"Refer to the originator, {loaded.Originator.Name}" + (loaded.Originator.Phone is { } phone ? $" ({phone})." : "."));
        }
        var sent = new IntelligenceDissemination
        {
            ReportId = report.Id, FromOrganisationId = loaded.Viewer!.Id, ToOrganisationId = recipient!.Id, SentByUserId = user.UserId()!.Value,
            SentByName = user.DisplayName(), SentAt = time.GetUtcNow().UtcDateTime, Reason = request.Reason!.Trim(),
            Handling = HandlingOf(report.Grading), ApprovedByUserId = report.SpecialHandling ? report.DisseminationApprovedByUserId : null,
        };
        db.IntelligenceDisseminations.Add(sent);
        audit.Record(db, IntelligenceAuditActions.Send, IntelligenceAuditActions.TargetType, report.Id.ToString(),
            details: $"to: {recipient.Name}; code: {sent.Handling}" + (decision.Conditions is not null ? "; conditions shown" : "") +
                     (sent.ApprovedByUserId is { } approver ? $"; special handling approved by user {approver}" : "") +
                     (channel is not null ? $"; as: {channel}" : "") + $"; why: {sent.Reason}");
        await db.SaveChangesAsync();
        return new DisseminationSent(sent.Id, recipient.Id, recipient.Name, sent.SentAt, sent.Handling, decision.Conditions);
    }

    /// <summary>
    /// The organisations the report may be sent to: the same decision <see cref="SendAsync"/> applies, asked of every active
    /// organisation of the directory, so the page offers exactly the recipients the API would accept.
    /// </summary>
    public async Task<List<FilterOption>> RecipientsAsync(ClaimsPrincipal user, Guid id)
    {
        return await LoadAsync(user, id, IntelligenceOperation.Disseminate) is { } loaded ? await RecipientsAsync(loaded) : [];
    }

    private async Task<List<FilterOption>> RecipientsAsync(LoadedReport loaded)
    {
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.IsActive && o.Id != loaded.Viewer!.Id).ToListAsync();
        return organisations.Where(o => IntelligenceAccess.Decide(loaded.Report, loaded.Originator, o, settings.SpecialHandling).Allowed)
            .OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => new FilterOption(o.Id.ToString(), o.Name)).ToList();
    }

    /// <summary>The reports sent to the user's organisation that it may still see (a narrowed code withdraws them), newest first.</summary>
    public async Task<List<ReceivedReport>> SentToUsAsync(ClaimsPrincipal user)
    {
        if (user.OrganisationId() is not { } org)
        {
            return [];
        }
        var sent = await db.IntelligenceDisseminations.AsNoTracking().Where(d => d.ToOrganisationId == org)
            .OrderByDescending(d => d.SentAt).Take(200).ToListAsync();
        if (sent.Count == 0)
        {
            return [];
        }
        if (await VisibleAsync(user, new ReportFilter(null, null, null, null)) is not (var query, var viewer, var organisations))
        {
            return [];
        }
        var ids = sent.Select(d => d.ReportId).Distinct().ToList();
        var reports = await query.Where(r => ids.Contains(r.Id)).Select(IntelligenceAudience.GradingColumns).ToListAsync();
        // The same second line of defence as the list: the policy on each row.
        var byId = reports.Where(r => organisations.TryGetValue(r.OriginatorOrganisationId, out var originator)
                && IntelligenceAccess.Facts(user, new LoadedReport(r, originator, viewer), settings.SpecialHandling).Visible)
            .ToDictionary(r => r.Id);
        return sent.Where(d => byId.ContainsKey(d.ReportId)).Select(d => new ReceivedReport(d.ReportId, byId[d.ReportId].Reference,
            organisations.GetValueOrDefault(d.FromOrganisationId)?.Name ?? "", d.SentByName, d.SentAt, d.Reason)).ToList();
    }

    /// <summary>The originator's view of the dissemination events: every open and export (refused attempts included), and every
    /// sanitised version drafted from the report or released.</summary>
    public async Task<IntelligenceResult<List<AccessLogEntry>>> AccessLogAsync(ClaimsPrincipal user, Guid id)
    {
        return await LoadAsync(user, id, IntelligenceOperation.ReadAccessLog) is { } loaded ? await AccessLogAsync(loaded) : IntelligenceError.NotFound;
    }

    private async Task<List<AccessLogEntry>> AccessLogAsync(LoadedReport loaded)
    {
        var target = loaded.Report.Id.ToString();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.TargetType == IntelligenceAuditActions.TargetType && e.TargetId == target
                        && (e.Action == IntelligenceAuditActions.Open || e.Action == IntelligenceAuditActions.Export
                            || e.Action == IntelligenceAuditActions.Send
                            || e.Action == SanitisedAuditActions.Derive || e.Action == SanitisedAuditActions.Release))
            .OrderBy(e => e.Sequence).ToListAsync();
        var names = await db.NamesOfAsync([.. entries.Where(e => e.ActorOrganisationId is not null).Select(e => e.ActorOrganisationId!.Value).Distinct()]);
        return entries.Select(e => new AccessLogEntry(e.OccurredAt, e.Action, e.Outcome.ToString(), e.ActorName, e.ActorOrganisationId,
            e.ActorOrganisationId is { } o ? names.GetValueOrDefault(o) : null, e.Details)).ToList();
    }
}
