using Ariadne.Web.Features.Checks;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>
/// One report as the viewer may see it; opening it is a dissemination event, exactly as through the API. The actions offered are
/// those the same authorization handler allows (<see cref="IntelligenceService.OpenPageAsync"/>); each posts to the service call the
/// API uses, so a refusal reads the same here and there.
/// </summary>
[Authorize(Policy = Policies.Intelligence)]
public sealed class IntelligenceViewModel(IntelligenceService intelligence, SanitisedService sanitised, CheckService checks) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public ReportResponse Report { get; private set; } = null!;
    public IReadOnlySet<IntelligenceOperation> Allowed { get; private set; } = new HashSet<IntelligenceOperation>();
    public List<FilterOption> Recipients { get; private set; } = [];
    public List<AccessLogEntry> AccessLog { get; private set; } = [];
    /// <summary>Checks that touched this report (deconfliction, TAC-V3): shown to those who read its access log, and only ever
    /// the originating organisation's own touches (<see cref="CheckService.OnOurMaterialAsync"/> filters by it).</summary>
    public List<CheckOnOurMaterial>? ChecksOnReport { get; private set; }
    public bool MaySanitise { get; private set; }
    [TempData] public string? Message { get; set; }
    public List<string> Errors { get; private set; } = [];

    [BindProperty] public string? EvaluationSystem { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Intelligence { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? RiskText { get; set; }
    [BindProperty] public Guid? OrganisationId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync() => await ShowAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostEvaluateAsync()
    {
        // The form evaluates in the report's own system (posted with it); nothing is converted (R-EVAL-03).
        var system = Shared.Enums.Named<GradingSystem>(EvaluationSystem) ?? GradingSystem.FiveByFiveByFive;
        var request = system == GradingSystem.ThreeByFiveByTwo
            ? new EvaluationRequest(system, null, null, Shared.Enums.Named<ThreeFiveTwoSource>(Source), Shared.Enums.Named<ThreeFiveTwoIntelligence>(Intelligence),
                null, null, Comment)
            : new EvaluationRequest(GradingSystem.FiveByFiveByFive, Shared.Enums.Named<FiveFiveFiveSource>(Source),
                Shared.Enums.Named<FiveFiveFiveIntelligence>(Intelligence), null, null, null, null, Comment);
        return await DoneAsync((await intelligence.EvaluateAsync(User, Id, request)).Error, "Your evaluation is recorded beside the author's.");
    }

    public async Task<IActionResult> OnPostRiskAssessmentAsync() =>
        await DoneAsync((await intelligence.RecordRiskAssessmentAsync(User, Id, new RiskAssessmentRequest(RiskText))).Error,
            "Risk assessment recorded: it now needs a supervisor's approval.");

    public async Task<IActionResult> OnPostApproveRiskAsync() =>
        await DoneAsync((await intelligence.ApproveAsync(User, Id, dissemination: false)).Error, "Risk assessment approved.");

    public async Task<IActionResult> OnPostApproveDisseminationAsync() =>
        await DoneAsync((await intelligence.ApproveAsync(User, Id, dissemination: true)).Error,
            "Dissemination approved: the report may now go beyond its unit, within its handling code.");

    public async Task<IActionResult> OnPostSendAsync()
    {
        var result = await intelligence.SendAsync(User, Id, new SendRequest(OrganisationId, Reason));
        return await DoneAsync(result.Error, result.Value is { } sent ? $"Sent to {sent.OrganisationName}; the originator sees it in the access log." : "");
    }

    public async Task<IActionResult> OnPostSanitiseAsync()
    {
        var result = await sanitised.DeriveAsync(User, Id, new SanitiseRequest(null, null));
        return result.Value is { } version ? Redirect($"/Intelligence/Thematic/View?id={version.Id}") : await DoneAsync(result.Error, "");
    }

    private async Task<IActionResult> DoneAsync(IntelligenceError? error, string message)
    {
        if (error is null)
        {
            Message = message;
            return Redirect($"/Intelligence/View?id={Id}");
        }
        if (error.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        Errors = error.Fields?.Values.SelectMany(v => v).ToList() ?? [error.Message];
        return await ShowAsync() ? Page() : NotFound();
    }

    private async Task<bool> ShowAsync()
    {
        if (await intelligence.OpenPageAsync(User, Id) is not { } page)
        {
            return false;
        }
        Report = page.Report;
        Allowed = page.Allowed;
        Recipients = page.Recipients;
        AccessLog = page.AccessLog;
        if (Allowed.Contains(IntelligenceOperation.ReadAccessLog))
        {
            // The touches belong to the originating organisation; a supervisor of another unit of the agency has none to see.
            if (Report.OriginatorOrganisationId == User.OrganisationId())
            {
                ChecksOnReport = await checks.OnOurMaterialAsync(User, Id);
            }
        }
        MaySanitise = SanitisedPermissions.MayDerive(IntelligencePermissions.ReachOf(User), Report.Status == nameof(ReportStatus.Submitted));
        return true;
    }
}
