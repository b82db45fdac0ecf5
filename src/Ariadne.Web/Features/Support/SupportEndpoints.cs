using System.Security.Claims;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Ariadne.Web.Features.Shared;

namespace Ariadne.Web.Features.Support;

public sealed record ProposalResponse(Guid Id, string Service, Guid ProviderOrganisationId, string Status, string? StatusReason);
public sealed record PlacementCreated(Guid Id, Guid ShelterId, DateTime StartedAt, DateTime? EndedAt);
public sealed record ShelterCreated(Guid Id, string Name, string Type);

public static class SupportEndpoints
{
    public static void MapSupport(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id:guid}/services", ProposeAsync);
        cases.MapPost("/{id:guid}/services/{serviceId:guid}/{decision}", DecideAsync);
        cases.MapPost("/{id:guid}/placements", PlaceAsync);
        cases.MapPost("/{id:guid}/placements/{placementId:guid}/end", EndAsync);
    }

    /// <summary>The support organisation's own shelters, addresses included: support workers of that organisation only.</summary>
    public static void MapShelters(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/shelters").WithTags("Support").RequireAuthorization(Policies.ShelterManagement);
        group.MapGet("/", async (SupportWork support, ClaimsPrincipal user) => TypedResults.Ok(await support.SheltersAsync(user)));
        group.MapPost("/", (ShelterRequest request, SupportWork support, ClaimsPrincipal user) =>
            CaseEndpoints.AnswerAsync(support.AddShelterAsync(user, request), s => new ShelterCreated(s.Id, s.Name, s.Type.ToString())));
    }

    private static ProposalResponse Map(ServiceProposal p) => new(p.Id, p.ServiceCode, p.ProviderOrganisationId, p.Status.ToString(), p.StatusReason);

    private static Task<Results<Ok<ProposalResponse>, ProblemHttpResult, ValidationProblem>> ProposeAsync(Guid id, ProposeServiceRequest request,
        SupportWork support, ClaimsPrincipal user) => CaseEndpoints.AnswerAsync(support.ProposeAsync(user, id, request), Map);

    private static async Task<Results<Ok<ProposalResponse>, ProblemHttpResult, ValidationProblem>> DecideAsync(Guid id, Guid serviceId,
        string decision, ServiceDecisionRequest? request, SupportWork support, ClaimsPrincipal user)
    {
        if (Enums.Named<SupportWork.Decision>(decision, ignoreCase: true) is not { } d)
        {
            return CaseEndpoints.Problem<ProposalResponse>(CaseError.Invalid("decision", "Answer accept, decline, complete or revoke."));
        }
        return CaseEndpoints.Answer(await support.DecideAsync(user, id, serviceId, d, request?.Reason), Map);
    }

    private static Task<Results<Ok<PlacementCreated>, ProblemHttpResult, ValidationProblem>> PlaceAsync(Guid id, PlacementRequest request,
        SupportWork support, ClaimsPrincipal user) =>
        CaseEndpoints.AnswerAsync(support.PlaceAsync(user, id, request), p => new PlacementCreated(p.Id, p.ShelterId, p.StartedAt, p.EndedAt));

    private static Task<Results<Ok<PlacementCreated>, ProblemHttpResult, ValidationProblem>> EndAsync(Guid id, Guid placementId,
        SupportWork support, ClaimsPrincipal user) =>
        CaseEndpoints.AnswerAsync(support.EndPlacementAsync(user, id, placementId), p => new PlacementCreated(p.Id, p.ShelterId, p.StartedAt, p.EndedAt));
}
