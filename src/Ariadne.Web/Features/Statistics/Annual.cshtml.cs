using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Statistics;

/// <summary>
/// The one-page annual summary for the national rapporteur (ACT-21), printed to PDF from the browser. It is made of the
/// same published figures as the statistics page (the protected ones: it is written to be passed on), for the sections
/// the reader may open.
/// </summary>
[Authorize(Policy = Policies.Statistics)]
public sealed class StatisticsAnnualModel(StatisticsService statistics, TimeProvider time) : PageModel
{
    /// <summary>The figures the summary shows, in its order; each appears only if the reader's sections include it.</summary>
    public static readonly string[] SummaryFigures =
        ["screenings-by-month", "declined-referrals-by-month", "referrals-by-kind-and-type", "cases-by-form", "decisions", "time-to-decision", "children"];

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public int ShownYear { get; private set; }
    public IReadOnlyList<PublishedFigure> Figures { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ShownYear = Year ?? statistics.Jurisdiction.LocalDate(time.GetUtcNow().UtcDateTime).Year - 1;
        if (!ModelState.IsValid || ShownYear is < 1900 or > 9000)
        {
            Problem = "Give the year as four digits, between 1900 and 9000.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var filter = new StatisticsFilter(new DateOnly(ShownYear, 1, 1), new DateOnly(ShownYear, 12, 31));
        var wanted = SummaryFigures.Select(id => StatisticsService.Find(User, id)).OfType<FigureDefinition>();
        Figures = await statistics.ComputeAsync(User, wanted, filter, unsuppressed: false, ct);
        return Page();
    }

    public PublishedFigure? Figure(string id) => Figures.FirstOrDefault(f => f.Definition.Id == id);
}
