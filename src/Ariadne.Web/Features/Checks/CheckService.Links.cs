using System.Security.Claims;
using Ariadne.Matching.Identifiers;
using Ariadne.Matching.Index;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Checks;

/// <summary>
/// The link view (issue 12 item 5): one step around a report or an identifier, paged so that a switchboard number cannot freeze a
/// page. Every neighbour is put to the policy before paging; a neighbour the viewer may not see is one "refer to originator" marker
/// per originator, never a node, an id or a count.
/// </summary>
public sealed partial class CheckService
{
    public const int MaxLinkPage = 100;

    public async Task<IntelligenceResult<LinkView>> LinksAsync(ClaimsPrincipal user, Guid? reportId, string? entity, int? page, int? pageSize)
    {
        if (!index.IsReady)
        {
            return Loading;
        }
        var viewer = await ViewerAsync(user);
        var reach = IntelligencePermissions.ReachOf(user);
        if (viewer is null || !CheckRules.MayCheck(user, settings))
        {
            return new IntelligenceError(StatusCodes.Status403Forbidden, "Your role does not make intelligence checks.");
        }
        var errors = new Dictionary<string, string[]>();
        var size = pageSize ?? 20;
        var number = page ?? 1;
        if (size is < 1 or > MaxLinkPage)
        {
            errors["pageSize"] = [$"Between 1 and {MaxLinkPage}."];
        }
        if (number < 1)
        {
            errors["page"] = ["From 1."];
        }
        var start = ReadStart(reportId, entity, errors);
        if (errors.Count > 0)
        {
            return IntelligenceError.Invalid(errors);
        }
        await index.CatchUpAsync(db);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        var scope = CheckRules.WidestScope(RolesOf(user), reach);
        LinkNode startNode;
        var values = new List<IdentifierValue>();
        var nodes = new List<LinkNode>();
        var edges = new List<LinkEdge>();
        if (reportId is { } id)
        {
            var report = await db.IntelligenceReports.AsNoTracking().Where(r => r.Id == id).Select(IntelligenceAudience.GradingColumns).SingleOrDefaultAsync();
            if (report is null || !organisations.TryGetValue(report.OriginatorOrganisationId, out var originator)
                || !IntelligenceAccess.Facts(user, new LoadedReport(report, originator, viewer), intelligence.SpecialHandling).Visible)
            {
                return IntelligenceError.NotFound;
            }
            startNode = ReportNode(report, originator);
            values.AddRange(index.Identifiers.ValuesOf(id));
            foreach (var value in values)
            {
                nodes.Add(ValueNode(value));
                edges.Add(new LinkEdge(startNode.Id, ValueNode(value).Id, "holds"));
            }
        }
        else
        {
            values.Add(start!.Value);
            startNode = ValueNode(start.Value);
        }

        // Every neighbour report of every value, to the policy first.
        var neighbours = new Dictionary<Guid, List<IdentifierValue>>();
        foreach (var value in values)
        {
            foreach (var report in index.Identifiers.Lookup(value.Kind, value.Key))
            {
                if (report == reportId)
                {
                    continue;
                }
                if (!neighbours.TryGetValue(report, out var via))
                {
                    neighbours[report] = via = [];
                }
                via.Add(value);
            }
        }
        var visible = new List<(IntelligenceReport Report, Organisation Originator)>();
        var restrictedBy = new HashSet<Guid>();
        foreach (var chunk in neighbours.Keys.Chunk(500))
        {
            var reports = await db.IntelligenceReports.AsNoTracking().Where(r => chunk.Contains(r.Id)).Select(IntelligenceAudience.GradingColumns).ToListAsync();
            foreach (var report in reports)
            {
                if (!organisations.TryGetValue(report.OriginatorOrganisationId, out var originator)
                    || (scope == CheckScope.Local && originator.EffectiveAgencyId != viewer.EffectiveAgencyId))
                {
                    continue;
                }
                if (IntelligenceAccess.Facts(user, new LoadedReport(report, originator, viewer), intelligence.SpecialHandling).Visible)
                {
                    visible.Add((report, originator));
                }
                else if (report.Status == ReportStatus.Submitted)
                {
                    restrictedBy.Add(originator.Id);
                }
            }
        }
        var ordered = visible.OrderByDescending(v => v.Report.CreatedAt).ThenBy(v => v.Report.Id).ToList();
        var pageRows = ordered.Skip((number - 1) * size).Take(size).ToList();
        foreach (var (report, originator) in pageRows)
        {
            var node = ReportNode(report, originator);
            nodes.Add(node);
            foreach (var value in neighbours[report.Id])
            {
                edges.Add(new LinkEdge(ValueNode(value).Id, node.Id, "also in"));
            }
        }
        var visibleIds = visible.Select(v => v.Report.Id).ToHashSet();
        var overCorrelating = values
            .Select(v => new OverCorrelation(v.Kind.ToString(), v.Key, index.Identifiers.Lookup(v.Kind, v.Key).Count(visibleIds.Contains)))
            .Where(o => o.VisibleReports > OverCorrelationThreshold).ToList();
        var restricted = restrictedBy.Select(o => organisations[o]).OrderBy(o => o.Name, StringComparer.Ordinal)
            .Select(o => new RestrictedHit(RestrictedMessage, o.Name, o.Phone, o.Email)).ToList();
        audit.Record(db, CheckAuditActions.Links, CheckAuditActions.TargetType, startNode.Id,
            details: $"start: {startNode.Type} {startNode.Label}; page {number}; shown: {pageRows.Count}; restricted (originators): {restricted.Count}");
        await db.SaveChangesAsync();
        return new LinkView(startNode, nodes, edges, restricted, Math.Max(0, ordered.Count - number * size), overCorrelating);
    }

    /// <summary>
    /// The link view saved as an image for a briefing (issue 12 item 5). What the image shows leaves the system, so the export is a
    /// dissemination event: recorded before the browser saves the file, for a start the user may open the link view of. The image
    /// itself is drawn in the browser from what the user was shown and never passes through the server.
    /// </summary>
    public async Task<IntelligenceResult<LinkExport>> RecordLinkExportAsync(ClaimsPrincipal user, Guid? reportId, string? entity, int? nodes)
    {
        var viewer = await ViewerAsync(user);
        if (viewer is null || !CheckRules.MayCheck(RolesOf(user), settings.CheckRoles, IntelligencePermissions.ReachOf(user)))
        {
            return new IntelligenceError(StatusCodes.Status403Forbidden, "Your role does not make intelligence checks.");
        }
        var errors = new Dictionary<string, string[]>();
        var start = ReadStart(reportId, entity, errors);
        if (nodes is not { } count || count is < 1 or > MaxExportNodes)
        {
            errors["nodes"] = [$"The number of nodes on the image, from 1 to {MaxExportNodes}."];
        }
        if (errors.Count > 0)
        {
            return IntelligenceError.Invalid(errors);
        }
        string described;
        string target;
        if (reportId is { } id)
        {
            var report = await db.IntelligenceReports.AsNoTracking().Where(r => r.Id == id).Select(IntelligenceAudience.GradingColumns).SingleOrDefaultAsync();
            var originator = report is null ? null : await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == report.OriginatorOrganisationId);
            if (report is null || originator is null
                || !IntelligenceAccess.Facts(user, new LoadedReport(report, originator, viewer), intelligence.SpecialHandling).Visible)
            {
                return IntelligenceError.NotFound;
            }
            (described, target) = ($"report {report.Reference}", report.Id.ToString());
        }
        else
        {
            var node = ValueNode(start!.Value);
            (described, target) = ($"identifier {node.Label}", node.Id);
        }
        audit.Record(db, CheckAuditActions.LinksExport, CheckAuditActions.TargetType, target,
            details: $"image of the link view around {described}; nodes on it: {nodes}");
        await db.SaveChangesAsync();
        return new LinkExport(target, nodes!.Value);
    }

    /// <summary>A link view image holds at most this many nodes: far more than a page shows, expanded step by step.</summary>
    public const int MaxExportNodes = 5000;

    /// <summary>The start of a link view: a report (checked by the caller) or an identifier written as kind:key.</summary>
    private static IdentifierValue? ReadStart(Guid? reportId, string? entity, Dictionary<string, string[]> errors)
    {
        if (reportId is null == string.IsNullOrWhiteSpace(entity))
        {
            errors["report"] = ["Name either a report (report=<id>) or an identifier (entity=<kind>:<key>)."];
            return null;
        }
        if (entity is not { Length: > 0 })
        {
            return null;
        }
        var colon = entity.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !Enum.TryParse<IdentifierKind>(entity[..colon], ignoreCase: true, out var kind) || !Enum.IsDefined(kind)
            || entity.Length - colon - 1 is < 1 or > 200)
        {
            errors["entity"] = ["Write the identifier as <kind>:<normalised key>, kind one of " + string.Join(", ", Enum.GetNames<IdentifierKind>()) + "."];
            return null;
        }
        return new IdentifierValue(kind, entity[(colon + 1)..]);
    }

    private static LinkNode ReportNode(IntelligenceReport report, Organisation originator) =>
        new("report", report.Id.ToString(), report.Reference, originator.Name);

    private static LinkNode ValueNode(IdentifierValue value) => new("identifier", $"{value.Kind}:{value.Key}", value.Key, null);
}
