using System.Text.Json;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Checks;

/// <summary>
/// The link view as a plain list (390 px): one step around a report or an identifier, each node expandable, paged. Where the
/// graph library was built (npm, see Ariadne.Web.csproj) and JavaScript runs, wwwroot/js/linkview.js draws the same data as a
/// graph above the list; its expansions come from <see cref="OnGetStepAsync"/>, the same service call with the same rules.
/// </summary>
[Authorize(Policy = Policies.Intelligence)]
public sealed class ChecksLinksModel(CheckService checks, IWebHostEnvironment environment) : PageModel
{
    public const int PageSize = 20;
    public const string GraphScript = "lib/cytoscape/cytoscape.min.js";

    [BindProperty(SupportsGet = true)] public Guid? Report { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }

    public LinkView? View { get; private set; }
    public IntelligenceError? Error { get; private set; }

    /// <summary>Whether the build fetched the graph library; without it the page is the list alone (no script that would 404).</summary>
    public bool GraphAvailable => environment.WebRootFileProvider.GetFileInfo(GraphScript).Exists;

    public async Task OnGetAsync()
    {
        var result = await checks.LinksAsync(User, Report, Entity, PageNumber, PageSize);
        (View, Error) = (result.Value, result.Error);
    }

    /// <summary>One step of the graph (a node expanded, or the next page of one) as JSON, for linkview.js; cookie-authenticated like the page.</summary>
    public async Task<IActionResult> OnGetStepAsync() =>
        Answer(await checks.LinksAsync(User, Report, Entity, PageNumber, PageSize));

    /// <summary>Records the export of the graph as an image (a dissemination) before linkview.js lets the browser save it.</summary>
    public async Task<IActionResult> OnPostExportAsync(int? nodes) =>
        Answer(await checks.RecordLinkExportAsync(User, Report, Entity, nodes));

    /// <summary>The page's own data for the graph, as a JSON data island: exactly what the list shows, nothing more.</summary>
    public string GraphData() => JsonSerializer.Serialize(new
    {
        report = Report,
        entity = Entity,
        page = PageNumber ?? 1,
        view = View,
    }, JsonSerializerOptions.Web);

    public static string Expand(LinkNode node) => node.Type == "report"
        ? $"/Checks/Links?report={node.Id}"
        : $"/Checks/Links?entity={Uri.EscapeDataString(node.Id)}";

    private static IActionResult Answer<T>(IntelligenceResult<T> result) => result.Error switch
    {
        null => new JsonResult(result.Value, JsonSerializerOptions.Web),
        { Fields: { } fields } e => Problem(new ValidationProblemDetails(new Dictionary<string, string[]>(fields))
        {
            Status = e.Status, Title = "Some values are not valid", Detail = e.Message,
        }),
        var e => Problem(new ProblemDetails { Status = e.Status, Title = "Not possible", Detail = e.Message }),
    };

    private static ObjectResult Problem(ProblemDetails problem) =>
        new(problem) { StatusCode = problem.Status, ContentTypes = { "application/problem+json" } };
}
