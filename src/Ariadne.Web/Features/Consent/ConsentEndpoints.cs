using System.Security.Claims;
using Ariadne.Web.Features.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ariadne.Web.Features.Consent;

public sealed record ConsentRecorded(Guid Id, string Purpose, Guid RecipientOrganisationId, string GivenBy, DateTime GivenAt, DateTime? WithdrawnAt);

public static class ConsentEndpoints
{
    public static void MapConsent(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id:guid}/consents", RecordAsync);
        cases.MapPost("/{id:guid}/consents/{consentId:guid}/withdraw", WithdrawAsync);
    }

    private static ConsentRecorded Map(ConsentRecord c) =>
        new(c.Id, c.Purpose.ToString(), c.RecipientOrganisationId, c.GivenBy.ToString(), c.GivenAt, c.WithdrawnAt);

    private static Task<Results<Ok<ConsentRecorded>, ProblemHttpResult, ValidationProblem>> RecordAsync(Guid id, ConsentRequest request,
        ConsentWork consent, ClaimsPrincipal user) => CaseEndpoints.AnswerAsync(consent.RecordAsync(user, id, request), Map);

    private static Task<Results<Ok<ConsentRecorded>, ProblemHttpResult, ValidationProblem>> WithdrawAsync(Guid id, Guid consentId,
        WithdrawConsentRequest? request, ConsentWork consent, ClaimsPrincipal user) =>
        CaseEndpoints.AnswerAsync(consent.WithdrawAsync(user, id, consentId, request?.Note), Map);
}
