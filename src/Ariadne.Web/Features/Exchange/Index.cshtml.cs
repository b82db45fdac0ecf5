using Ariadne.Web.Data;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Exchange;

/// <summary>
/// The exports of case records: HTCDS 2.0 for everyone the policy lets in, CTDC for the coordinator. The page asks the same
/// services as the API (<see cref="HtcdsExport.PlanAsync"/> decides what the form may do), so it offers exactly what the API allows.
/// </summary>
[Authorize(Policy = Policies.CaseExchange)]
public sealed class ExchangeIndexModel(AriadneDbContext db, HtcdsExport htcds, CtdcExport ctdc) : PageModel
{
    [BindProperty] public string Format { get; set; } = "csv";
    [BindProperty] public bool PersonalData { get; set; }
    [BindProperty] public Guid? RecipientOrganisationId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int K { get; set; } = KAnonymiser.DefaultK;

    public IReadOnlyList<Organisations.Organisation> Recipients { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public bool MayExportPersonalData => ExchangePermissions.MayExportPersonalData(User);
    public bool MayUseCtdc => ExchangePermissions.StatisticsRoles.Any(User.IsInRole);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostHtcdsAsync()
    {
        var (plan, errors) = await htcds.PlanAsync(User, new HtcdsExportRequest(Format, PersonalData, RecipientOrganisationId, Reason));
        if (plan is null)
        {
            Errors = errors;
            await LoadAsync();
            return Page();
        }
        var extension = plan.Format == HtcdsFormat.Csv ? "csv" : "json";
        Response.ContentType = plan.Format == HtcdsFormat.Csv ? "text/csv" : "application/json";
        Response.Headers.ContentDisposition = $"attachment; filename=\"htcds-2.0.{extension}\"";
        await htcds.WriteAsync(User, plan, Response.Body, HttpContext.RequestAborted);
        return new EmptyResult();
    }

    /// <summary>The share of records k-anonymity would leave out, shown before anything is downloaded (nothing leaves, nothing is audited).</summary>
    public CtdcExportSummary? Preview { get; private set; }

    public async Task<IActionResult> OnPostCtdcPreviewAsync()
    {
        if (!MayUseCtdc)
        {
            return Forbid();
        }
        if (KProblem() is { } problem)
        {
            Errors = problem;
            await LoadAsync();
            return Page();
        }
        var (_, anonymity) = await ctdc.BuildAsync(K, HttpContext.RequestAborted);
        Preview = CtdcExport.Summarise(anonymity);
        await LoadAsync();
        return Page();
    }

    /// <summary>The records and their summary (what was suppressed) in one ZIP: the share travels with the file (<see cref="CtdcExport.WriteZipAsync"/>).</summary>
    public async Task<IActionResult> OnPostCtdcAsync()
    {
        if (!MayUseCtdc)
        {
            return Forbid();
        }
        if (KProblem() is { } problem)
        {
            Errors = problem;
            await LoadAsync();
            return Page();
        }
        var (records, anonymity) = await ctdc.BuildAsync(K, HttpContext.RequestAborted);
        var summary = CtdcExport.Summarise(anonymity);
        Response.ContentType = "application/zip";
        Response.Headers.ContentDisposition = $"attachment; filename=\"ctdc-k{K}.zip\"";
        Response.Headers["X-Ctdc-Suppressed-Share"] = summary.SuppressedShare.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
        await ctdc.WriteZipAsync(records, anonymity, Response.Body, HttpContext.RequestAborted);
        return new EmptyResult();
    }

    private Dictionary<string, string[]>? KProblem() =>
        K is < 2 or > CtdcExport.MaxK ? new() { ["k"] = [$"k is from 2 to {CtdcExport.MaxK}."] } : null;

    private async Task LoadAsync() =>
        Recipients = await db.Organisations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).ToListAsync();
}
