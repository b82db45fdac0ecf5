using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Exchange;

/// <summary>
/// The CTDC import page: the upload posts here and waits for the result; while it runs, a small script asks
/// <see cref="OnGetProgress"/> how far it is (without the script the page simply shows the result when it is done).
/// </summary>
[Authorize(Policy = Policies.StatisticsExchange)]
[RequestSizeLimit(ExchangeEndpoints.MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ExchangeEndpoints.MaxImportBytes)]
public sealed class CtdcImportModel(CtdcImport import, CtdcImportJobs jobs, CtdcReference reference) : PageModel
{
    public Guid Job { get; private set; } = Guid.NewGuid();
    public CtdcImportResult? Result { get; private set; }
    public string? Problem { get; private set; }
    public CtdcImportRun? Current { get; private set; }

    public async Task OnGetAsync() => Current = await reference.CurrentAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync(Guid job)
    {
        var progress = jobs.Start(job == Guid.Empty ? Guid.NewGuid() : job, User.UserId() ?? Guid.Empty);
        if (progress is null)
        {
            Problem = "This import was sent already; choose the file again.";
        }
        else
        {
            var (result, problem) = await ExchangeEndpoints.ReceiveAndImportAsync(Request, import, progress, User, HttpContext.RequestAborted);
            Result = result;
            Problem = problem?.ProblemDetails.Detail;
        }
        Current = await reference.CurrentAsync(HttpContext.RequestAborted);
        if (Result is { Imported: false })
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public IActionResult OnGetProgress(Guid job) => new JsonResult(CtdcImportJobs.Describe(job, jobs.Find(job, User)));
}
