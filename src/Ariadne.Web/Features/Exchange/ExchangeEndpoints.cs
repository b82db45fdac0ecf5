using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Ariadne.Web.Data;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Exchange;

public sealed record CtdcExportRequest(int? K);

public sealed record CtdcImportResponse(Guid ImportId, long Rows);

/// <summary>
/// <c>/api/v1/exchange</c>: HTCDS 2.0 and CTDC exports, the CTDC import of reference data, and the intelligence exports for Aleph
/// (FollowTheMoney) and MISP (issue 13 items 4–6). Every group states its policy; each record is then decided by its owning
/// feature's rules (case access, the dissemination policy).
/// </summary>
public static class ExchangeEndpoints
{
    /// <summary>A CTDC file is a few hundred thousand rows of a hundred bytes; a gigabyte is not one.</summary>
    public const long MaxImportBytes = 512L * 1024 * 1024;

    public static void MapExchange(this IEndpointRouteBuilder api)
    {
        var cases = api.MapGroup("/exchange").WithTags("Exchange").RequireAuthorization(Policies.CaseExchange);
        cases.MapPost("/htcds", HtcdsAsync);

        var statistics = api.MapGroup("/exchange/ctdc").WithTags("Exchange").RequireAuthorization(Policies.StatisticsExchange);
        statistics.MapPost("/export", CtdcExportAsync);
        statistics.MapPost("/imports", CtdcImportAsync).WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes));
        // An import not (yet) known to this user is "waiting": the page asks before the upload has arrived, and another user's
        // import must look exactly like one that does not exist.
        statistics.MapGet("/imports/{id:guid}/progress", (Guid id, CtdcImportJobs jobs, ClaimsPrincipal user) =>
            TypedResults.Ok(CtdcImportJobs.Describe(id, jobs.Find(id, user))));
        statistics.MapGet("/reference/{variable}", async Task<Results<Ok<IReadOnlyDictionary<string, int>>, ProblemHttpResult>> (string variable,
            CtdcReference reference, CancellationToken ct) =>
            await reference.CountsByAsync(variable, ct) is { } counts
                ? TypedResults.Ok(counts)
                : TypedResults.Problem(detail: $"\"{variable}\" is not a variable of the CTDC codebook: {string.Join(", ", CtdcCodebook.Names)}.",
                    statusCode: StatusCodes.Status400BadRequest, title: "Unknown variable"));

        var intelligence = api.MapGroup("/exchange/intelligence").WithTags("Exchange").RequireAuthorization(Policies.Intelligence);
        intelligence.MapPost("/ftm", (IntelligenceExportRequest request, IntelligenceExchange exchange, AriadneDbContext db, ClaimsPrincipal user,
            HttpContext http) => IntelligenceAsync(IntelligenceFormat.FollowTheMoney, request, exchange, db, user, http));
        intelligence.MapPost("/misp", (IntelligenceExportRequest request, IntelligenceExchange exchange, AriadneDbContext db, ClaimsPrincipal user,
            HttpContext http) => IntelligenceAsync(IntelligenceFormat.Misp, request, exchange, db, user, http));
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> HtcdsAsync(HtcdsExportRequest request, HtcdsExport export,
        ClaimsPrincipal user)
    {
        var (plan, errors) = await export.PlanAsync(user, request);
        if (plan is null)
        {
            return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)));
        }
        var (type, extension) = plan.Format == HtcdsFormat.Csv ? ("text/csv", "csv") : ("application/json", "json");
        return TypedResults.Stream(async stream => await export.WriteAsync(user, plan, stream, CancellationToken.None), type,
            $"htcds-2.0-{(plan.Personal ? "personal" : "depersonalised")}.{extension}");
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem>> CtdcExportAsync(CtdcExportRequest? request, CtdcExport export,
        HttpContext http, CancellationToken ct)
    {
        var k = request?.K ?? KAnonymiser.DefaultK;
        if (k is < 2 or > CtdcExport.MaxK)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["k"] = [$"k is from 2 to {CtdcExport.MaxK}."] },
                detail: $"k is from 2 to {CtdcExport.MaxK}.");
        }
        var (records, anonymity) = await export.BuildAsync(k, ct);
        var summary = CtdcExport.Summarise(anonymity);
        // The share of suppressed records belongs with the figures: the page shows it, the API says it in headers.
        http.Response.Headers["X-Ctdc-Records"] = summary.Records.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Ctdc-Exported"] = summary.Exported.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Ctdc-Suppressed-Share"] = summary.SuppressedShare.ToString("0.####", CultureInfo.InvariantCulture);
        http.Response.Headers["X-Ctdc-K"] = k.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Stream(async stream => await export.WriteAsync(records, anonymity, stream, CancellationToken.None), "text/csv",
            $"ctdc-k{k}.csv");
    }

    private static async Task<Results<Ok<CtdcImportResponse>, ProblemHttpResult>> CtdcImportAsync(HttpRequest request, CtdcImport import,
        CtdcImportJobs jobs, ClaimsPrincipal user, Guid? job, CancellationToken ct)
    {
        var progress = jobs.Start(job ?? Guid.NewGuid(), user.UserId() ?? Guid.Empty);
        if (progress is null)
        {
            return TypedResults.Problem(detail: "An import with this job id exists already; use a new id.", statusCode: StatusCodes.Status409Conflict,
                title: "Job id in use");
        }
        var (result, problem) = await ReceiveAndImportAsync(request, import, progress, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        return result!.Imported
            ? TypedResults.Ok(new CtdcImportResponse(result.ImportId!.Value, result.Rows))
            : RowErrors(result);
    }

    /// <summary>The upload (a multipart "file" or the CSV as the body) to a temporary file, then the import; shared with the page.</summary>
    public static async Task<(CtdcImportResult? Result, ProblemHttpResult? Problem)> ReceiveAndImportAsync(HttpRequest request, CtdcImport import,
        CtdcImportProgress progress, ClaimsPrincipal user, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), "ariadne-ctdc-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            string fileName;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                if (request.HasFormContentType)
                {
                    var form = await request.ReadFormAsync(ct);
                    if (form.Files.GetFile("file") is not { Length: > 0 } upload)
                    {
                        progress.Phase = CtdcImportPhase.Failed;
                        return (null, TypedResults.Problem(detail: "Choose a CTDC file (CSV) to import.", statusCode: StatusCodes.Status400BadRequest,
                            title: "No file"));
                    }
                    fileName = upload.FileName;
                    await using var stream = upload.OpenReadStream();
                    await stream.CopyToAsync(file, ct);
                }
                else
                {
                    fileName = "upload.csv";
                    await request.Body.CopyToAsync(file, ct);
                }
            }
            return (await import.RunAsync(user, fileName, path, progress, ct), null);
        }
        catch (InvalidDataException e)
        {
            progress.Phase = CtdcImportPhase.Failed;
            return (null, TypedResults.Problem(detail: "The upload could not be read: " + e.Message, statusCode: StatusCodes.Status400BadRequest,
                title: "Unreadable upload"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A file that failed: 400, every bad cell with its line and column (up to <see cref="CtdcImport.MaxReportedErrors"/>).</summary>
    public static ProblemHttpResult RowErrors(CtdcImportResult result) => TypedResults.Problem(
        detail: $"Nothing was imported: {result.BadRows} of {result.Rows} rows are not in the CTDC format. " +
                (result.Errors.Count > 0 ? $"First: line {result.Errors[0].Line}, {result.Errors[0].Column ?? "row"}: {result.Errors[0].Message}." : ""),
        statusCode: StatusCodes.Status400BadRequest, title: "The file is not a valid CTDC file",
        extensions: new Dictionary<string, object?>
        {
            ["badRows"] = result.BadRows, ["rows"] = result.Rows, ["errorsTruncated"] = result.ErrorsTruncated,
            ["errors"] = result.Errors.Select(e => new { line = e.Line, column = e.Column, message = e.Message }).ToList(),
        });

    private static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> IntelligenceAsync(IntelligenceFormat format,
        IntelligenceExportRequest request, IntelligenceExchange exchange, AriadneDbContext db, ClaimsPrincipal user, HttpContext http)
    {
        var result = await exchange.ExportAsync(user, format, request);
        if (result.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)));
        }
        if (result.Reports.Count == 0)
        {
            return TypedResults.Problem(detail: "None of the reports may go to this recipient: " +
                                                string.Join(" ", result.Withheld.Select(w => w.Reason).Distinct()),
                statusCode: StatusCodes.Status409Conflict, title: "Nothing may be exported",
                extensions: new Dictionary<string, object?> { ["withheld"] = result.Withheld });
        }
        // What was left out, and why, travels beside the export (never inside it).
        http.Response.Headers["X-Ariadne-Withheld"] = string.Join(",", result.Withheld.Select(w => w.ReportId));
        if (format == IntelligenceFormat.FollowTheMoney)
        {
            return TypedResults.Stream(async stream =>
            {
                await using var writer = new StreamWriter(stream, leaveOpen: true);
                foreach (var entity in result.Reports.SelectMany(FollowTheMoney.Entities))
                {
                    await writer.WriteAsync(entity.ToJsonString());
                    await writer.WriteAsync('\n');
                }
            }, "application/x-ndjson", "ariadne-ftm.ijson");
        }
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name);
        var recipient = names.GetValueOrDefault(request.RecipientOrganisationId!.Value, "");
        var events = new System.Text.Json.Nodes.JsonArray(result.Reports
            .Select(r => (System.Text.Json.Nodes.JsonNode)MispEvents.Event(r, r.Report.OriginatorName, recipient)).ToArray());
        var body = new System.Text.Json.Nodes.JsonObject { ["response"] = events };
        return TypedResults.Stream(async stream =>
        {
            await using var writer = new Utf8JsonWriter(stream);
            body.WriteTo(writer);
            await writer.FlushAsync();
        }, "application/json", "ariadne-misp.json");
    }
}
