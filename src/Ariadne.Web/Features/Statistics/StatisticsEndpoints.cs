using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ariadne.Web.Features.Statistics;

/// <summary>One cell of the API: the value, or null with <c>suppressed</c> true. Which rule hid it is not said (ADR 0018).</summary>
public sealed record CellResponse(int? Value, bool Suppressed)
{
    public static CellResponse From(PublishedCell c) => new(c.Value, c.Suppressed);
}

public sealed record FigureSummary(string Id, string Section, string Title, string Definition);

public sealed record FigureResponse(string Id, string Section, string Title, string Definition, string Period, int Threshold,
    int RoundingBase, bool Unsuppressed, string RowsLabel, string ColumnsLabel, IReadOnlyList<string> Rows, IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<CellResponse>> Cells, IReadOnlyList<CellResponse> RowTotals, IReadOnlyList<CellResponse> ColumnTotals,
    CellResponse GrandTotal, DecisionTimes? DecisionTimes)
{
    public static FigureResponse From(PublishedFigure f, StatisticsFilter filter)
    {
        var t = f.Table;
        var rows = t.OneWay ? 1 : t.Rows;
        return new FigureResponse(f.Definition.Id, f.Definition.Section.ToString(), f.Definition.Title, f.Definition.Definition,
            filter.Describe(), f.Rules.Threshold, f.Rules.RoundingBase, f.Unsuppressed, f.Definition.RowsLabel, f.Definition.ColumnsLabel,
            t.OneWay ? [] : f.Rows, f.Columns,
            [.. Enumerable.Range(0, rows).Select(r => (IReadOnlyList<CellResponse>)[.. Enumerable.Range(0, t.Columns).Select(c => CellResponse.From(t.Cell(r, c)))])],
            t.OneWay ? [] : [.. Enumerable.Range(0, t.Rows).Select(r => CellResponse.From(t.RowTotal(r)))],
            t.OneWay ? [] : [.. Enumerable.Range(0, t.Columns).Select(c => CellResponse.From(t.ColumnTotal(c)))],
            CellResponse.From(t.GrandTotal), f.Times);
    }
}

/// <summary>The filter as the API and the pages take it; <c>unsuppressed</c> is honoured for the coordinator only.</summary>
public sealed record StatisticsQuery(DateOnly? From, DateOnly? To, string? Region, bool? Unsuppressed)
{
    public StatisticsFilter ToFilter() => new(From, To, Region);
}

public static class StatisticsEndpoints
{
    public static void MapStatistics(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/statistics").WithTags("Statistics").RequireAuthorization(Policies.Statistics);
        group.MapGet("/", List);
        group.MapGet("/figures/{id}", GetAsync);
        group.MapGet("/figures/{id}/csv", CsvAsync);
    }

    private static Ok<IReadOnlyList<FigureSummary>> List(HttpContext http) =>
        TypedResults.Ok<IReadOnlyList<FigureSummary>>([.. StatisticsService.Visible(http.User)
            .Select(f => new FigureSummary(f.Id, f.Section.ToString(), f.Title, f.Definition))]);

    private static async Task<Results<Ok<FigureResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(string id,
        [AsParameters] StatisticsQuery query, HttpContext http, StatisticsService statistics, CancellationToken ct)
    {
        if (StatisticsService.Find(http.User, id) is not { } figure)
        {
            return NotFoundProblem(id);
        }
        var filter = query.ToFilter();
        if (filter.Problem() is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [problem] }, detail: problem);
        }
        var published = await statistics.ComputeAsync(http.User, [figure], filter, query.Unsuppressed == true, ct);
        return TypedResults.Ok(FigureResponse.From(published[0], filter));
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> CsvAsync(string id,
        [AsParameters] StatisticsQuery query, HttpContext http, StatisticsService statistics, CancellationToken ct)
    {
        if (StatisticsService.Find(http.User, id) is not { } figure)
        {
            return NotFoundProblem(id);
        }
        var filter = query.ToFilter();
        if (filter.Problem() is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [problem] }, detail: problem);
        }
        var published = await statistics.ComputeAsync(http.User, [figure], filter, query.Unsuppressed == true, ct);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{StatisticsCsv.FileName(published[0])}\"";
        await StatisticsCsv.WriteAsync(http.Response.Body, published[0], filter, ct);
        return TypedResults.Empty;
    }

    private static ProblemHttpResult NotFoundProblem(string id) =>
        TypedResults.Problem(detail: $"There is no figure '{id}' among the statistics you may open.", statusCode: StatusCodes.Status404NotFound,
            title: "Not found");
}
