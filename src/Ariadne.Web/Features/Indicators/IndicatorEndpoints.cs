using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ariadne.Web.Features.Indicators;

public sealed record IndicatorResponse(string Id, string Category, string CategoryName, string Group, string Label,
    string Explanation, IReadOnlyList<string> Forms, bool Tickable, bool RecordsInconsistency, string Source, string Version);

public static class IndicatorEndpoints
{
    public static void MapIndicators(this IEndpointRouteBuilder api)
    {
        // The lists are public knowledge (training material), but the API is for signed-in partners only.
        api.MapGet("/indicators", List).WithTags("Indicators").RequireAuthorization(Policies.SignedIn);
    }

    private static Results<Ok<List<IndicatorResponse>>, ProblemHttpResult> List(IndicatorCatalogue catalogue, string? version = null)
    {
        var edition = version is null ? catalogue.Current : catalogue.Edition(version);
        if (edition is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown catalogue version",
                detail: $"There is no catalogue version '{version}'. Known versions: {string.Join(", ", catalogue.Versions)}.");
        }
        return TypedResults.Ok(edition.Indicators.Select(i =>
        {
            var category = edition.Category(i.Category);
            return new IndicatorResponse(i.Id, i.Category, category.Name, category.Group, i.Label, i.Explanation, i.Forms,
                i.Tickable, i.RecordsInconsistency, i.Source, edition.Version);
        }).ToList());
    }
}
