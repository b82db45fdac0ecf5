using Ariadne.Web.Data;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Statistics;

/// <summary>
/// The statistics a role may open (issue 13): filters, then per figure its definition, an SVG chart and the data table,
/// all drawn from <see cref="PublishedFigure"/> only; any table downloads as CSV with the same protection.
/// </summary>
[Authorize(Policy = Policies.Statistics)]
public sealed class StatisticsIndexModel(StatisticsService statistics, AriadneDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public bool Unsuppressed { get; set; }

    public IReadOnlyList<PublishedFigure> Figures { get; private set; } = [];
    public IReadOnlyList<string> Regions { get; private set; } = [];
    public string? Problem { get; private set; }
    public bool MaySeeUnsuppressed => StatisticsPermissions.MaySeeUnsuppressed(User);
    public StatisticsFilter Filter => new(From, To, Region);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Regions = await db.Organisations.Where(o => o.Area != null && o.Area != "").Select(o => o.Area!).Distinct().OrderBy(a => a).ToListAsync(ct);
        Problem = FilterProblem();
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Figures = await statistics.ComputeAsync(User, StatisticsService.Visible(User), Filter, Unsuppressed, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? figure, CancellationToken ct)
    {
        if (StatisticsService.Find(User, figure ?? "") is not { } definition)
        {
            return NotFound();
        }
        if (FilterProblem() is not null)
        {
            return BadRequest();
        }
        var published = await statistics.ComputeAsync(User, [definition], Filter, Unsuppressed, ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{StatisticsCsv.FileName(published[0])}\"";
        await StatisticsCsv.WriteAsync(Response.Body, published[0], Filter, ct);
        return new EmptyResult();
    }

    private string? FilterProblem() =>
        !ModelState.IsValid ? "The period could not be read: give dates as yyyy-mm-dd." : Filter.Problem();

    public string CsvUrl(PublishedFigure f) =>
        QueryHelpers.AddQueryString("/Statistics", new Dictionary<string, string?>
        {
            ["handler"] = "Csv", ["figure"] = f.Definition.Id,
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["region"] = Region, ["unsuppressed"] = f.Unsuppressed ? "true" : null,
        }.Where(p => p.Value is not null));
}

internal static class QueryHelpers
{
    public static string AddQueryString(string path, IEnumerable<KeyValuePair<string, string?>> query) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, query);
}
