using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ariadne.Web.Features.InformationSheets;

public sealed record InformationSheetSummary(string Language, string Name, string EnglishName, string Direction, string Version,
    string ReviewStatus, string ReviewNote);

public static class InformationSheetEndpoints
{
    public static void MapInformationSheets(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/information-sheets").WithTags("Information sheets").RequireAuthorization(Policies.Screening);
        group.MapGet("/", (InformationSheetLibrary library) => TypedResults.Ok(library.Current.Select(s =>
            new InformationSheetSummary(s.Language, s.Name, s.EnglishName, s.Direction, s.Version, s.ReviewStatus, s.ReviewNote)).ToList()));
        group.MapGet("/{language}", Results<Ok<InformationSheet>, NotFound> (string language, InformationSheetLibrary library) =>
            library.Find(language) is { } sheet ? TypedResults.Ok(sheet) : TypedResults.NotFound());
    }
}
