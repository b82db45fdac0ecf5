using System.Text.Json;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>One structured item (KD-02..09). <paramref name="Details"/> holds the structured sub-fields as a JSON object.</summary>
public sealed record ItemRequest(string? Kind, string? SubKind, string? Role, string? Value, string? Country, JsonElement? Details);

/// <summary>A new report. With <paramref name="Submit"/> the grading is required and checked; otherwise it is kept as a draft.</summary>
public sealed record CreateReportRequest(
    IReadOnlyList<string>? ExploitationTypes,
    string? SourceType,
    string? SourceOfficer,
    string? SourceContact,
    IReadOnlyList<string>? ModusOperandiTags,
    string? ModusOperandi,
    string? FreeText,
    string? LinkedReference,
    IReadOnlyList<ItemRequest>? Items,
    Grading? Grading,
    bool Submit = false);

/// <summary>Submit a draft with the author's grading (mandatory, R-EVAL-03); null keeps the grading saved with the draft.</summary>
public sealed record SubmitRequest(Grading? Grading);

/// <summary>The analyst's own evaluation of source and intelligence, in any system (R-EVAL-03).</summary>
public sealed record EvaluationRequest(
    GradingSystem? System,
    FiveFiveFiveSource? Source5,
    FiveFiveFiveIntelligence? Intelligence5,
    ThreeFiveTwoSource? Source3,
    ThreeFiveTwoIntelligence? Intelligence3,
    int? SourceReliability4,
    int? InformationValidity4,
    string? Comment);

/// <summary>
/// A change of handling: only the parts given change (the handling code of the report's system, the conditions, the
/// special-handling flag); the evaluation stays the author's. <paramref name="Conditions"/> "" removes them.
/// </summary>
public sealed record ChangeHandlingRequest(FiveFiveFiveHandling? Handling5, ThreeFiveTwoHandling? Handling3, string? Conditions,
    bool? SpecialHandling, string? Reason);

public sealed record RiskAssessmentRequest(string? Text);

/// <summary>Send a report to another organisation, with the reason the originator will read.</summary>
public sealed record SendRequest(Guid? OrganisationId, string? Reason);

public sealed record DisseminationSent(Guid Id, Guid OrganisationId, string OrganisationName, DateTime SentAt, string Handling, string? Conditions);

public sealed record ReceivedReport(Guid ReportId, string Reference, string FromOrganisation, string SentBy, DateTime SentAt, string Reason);

public sealed record ItemResponse(Guid Id, string Kind, string? SubKind, string? Role, string? Value, string? NormalisedKey, string? Country,
    JsonElement? Details);

public sealed record GradingResponse(string System, string? Source5, string? Intelligence5, string? Handling5, string? Source3,
    string? Intelligence3, string? Handling3, int? SourceReliability4, int? InformationValidity4, string? Conditions, bool SpecialHandling,
    string Description);

public sealed record EvaluationResponse(Guid Id, string AnalystName, Guid OrganisationId, DateTime RecordedAt, string System, string? Source5,
    string? Intelligence5, string? Source3, string? Intelligence3, int? SourceReliability4, int? InformationValidity4, string? Comment);

public sealed record HandlingChangeResponse(DateTime ChangedAt, string ChangedByName, string From, string To, string Reason, bool Widens);

/// <summary>How the report reached the viewer: the policy's outcome and the originator's conditions, to be followed (V-13).</summary>
public sealed record DisseminationResponse(string Outcome, string? Conditions);

public sealed record SpecialHandlingResponse(string State, string Detail, bool RiskAssessmentRecorded);

public sealed record ReportResponse(
    Guid Id,
    string Reference,
    string Status,
    Guid OriginatorOrganisationId,
    string OriginatorName,
    string OriginatorCountry,
    string AuthorName,
    DateTime CreatedAt,
    DateTime? SubmittedAt,
    GradingResponse? Grading,
    IReadOnlyList<string> ExploitationTypes,
    string? SourceType,
    string? SourceOfficer,
    string? SourceContact,
    IReadOnlyList<string> ModusOperandiTags,
    string? ModusOperandi,
    string? FreeText,
    string? LinkedReference,
    IReadOnlyList<ItemResponse> Items,
    IReadOnlyList<EvaluationResponse> Evaluations,
    IReadOnlyList<HandlingChangeResponse> HandlingHistory,
    DisseminationResponse Dissemination,
    SpecialHandlingResponse? SpecialHandling);

public sealed record ReportSummary(Guid Id, string Reference, string Status, Guid OriginatorOrganisationId, string OriginatorName,
    DateTime CreatedAt, DateTime? SubmittedAt, IReadOnlyList<string> ExploitationTypes, string Handling, string? Conditions);

public sealed record FilterOption(string Value, string Label);

/// <summary>Filter choices drawn from the reports the viewer may see, and from nothing else.</summary>
public sealed record FilterOptions(IReadOnlyList<FilterOption> ExploitationTypes, IReadOnlyList<FilterOption> Organisations);

public sealed record AccessLogEntry(DateTime At, string Action, string Outcome, string? ActorName, Guid? ActorOrganisationId,
    string? OrganisationName, string? Details);

/// <summary>What the report page shows, from one load of the report (<see cref="IntelligenceService.OpenPageAsync"/>).</summary>
public sealed record ReportPage(ReportResponse Report, IReadOnlySet<IntelligenceOperation> Allowed, List<FilterOption> Recipients,
    List<AccessLogEntry> AccessLog);
