namespace Ariadne.Web.Features.Checks;

/// <summary>One identifier as the officer wrote it: kind ("phone", "iban", "plate", … or an item kind with sub-kind), value, country.</summary>
public sealed record CheckIdentifier(string? Kind, string? SubKind, string? Value, string? Country);

/// <summary>A person: names in any script, optional date of birth (yyyy-MM-dd), nationality and gender as evidence for the score.</summary>
public sealed record CheckPerson(List<string?>? Names, string? DateOfBirth, string? Nationality, string? Gender);

/// <summary>
/// A check (§5.6): what is asked, why (mandatory), for which report or case (one of them), and how far. <see cref="Scope"/>
/// BeyondAgency needs <see cref="AcknowledgeWarning"/>: the asker has read the CHK-02/03 warning.
/// </summary>
public sealed record CheckRequest(List<CheckIdentifier?>? Identifiers, CheckPerson? Person, string? Purpose, Guid? ReportId,
    string? CaseReference, string? Scope, bool AcknowledgeWarning);

public sealed record CheckMatch(string Kind, string Value, double Score, string Explanation);

/// <summary>A hit the asker may see: the report, the values that matched it, the best score.</summary>
public sealed record CheckHit(Guid ReportId, string Reference, string Originator, double Score, List<CheckMatch> Matches);

/// <summary>
/// A hit the asker may not see: only that the originator holds something and how to reach them. No report id, no score, no count;
/// several restricted hits of one originator are this one marker.
/// </summary>
public sealed record RestrictedHit(string Message, string Originator, string? Phone, string? Email);

/// <summary>A checked value held by more reports the asker may see than are worth listing (a switchboard, a hotel's number).</summary>
public sealed record OverCorrelation(string Kind, string Value, int VisibleReports);

/// <summary>A value of the check that could not be normalised: why, so the officer can correct it.</summary>
public sealed record CheckNote(string Field, string Note);

public sealed record CheckResponse(Guid Id, string Status, string Scope, string Handling, string? Warning, List<CheckHit> Hits,
    int MoreHits, List<RestrictedHit> Restricted, List<OverCorrelation> OverCorrelating, List<CheckNote> Notes);

/// <summary>A check that touched the originator's material (deconfliction): who, from where, why, which report, shown or referred.</summary>
public sealed record CheckOnOurMaterial(Guid CheckId, DateTime AskedAt, string AskedBy, string AskedFrom, string? AskedFromPhone,
    string Purpose, Guid ReportId, string Reference, bool Shown);

public sealed record CheckSummary(Guid Id, DateTime AskedAt, string AskedBy, Guid AskedByUserId, string Purpose, Guid? ReportId,
    string? CaseReference, string Status, int HitsShown, int RestrictedMarkers, List<string> Flags);

public sealed record CheckerReview(Guid UserId, string Name, int Checks, int WithoutCase, int OutsideHours, List<CheckSummary> Recent);

public sealed record LinkNode(string Type, string Id, string Label, string? Originator);

public sealed record LinkEdge(string From, string To, string Label);

/// <summary>One step of the link view: nodes and edges around the start, restricted markers, and how many more visible nodes a page left.</summary>
public sealed record LinkView(LinkNode Start, List<LinkNode> Nodes, List<LinkEdge> Edges, List<RestrictedHit> Restricted, int More,
    List<OverCorrelation> OverCorrelating);

/// <summary>A recorded export of the link view as an image: what it started from, how many nodes it holds.</summary>
public sealed record LinkExport(string Start, int Nodes);
