using Ariadne.Web.Data;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Audit;

public sealed record AuditEntryResponse(long Sequence, DateTime OccurredAt, string? Actor, Guid? ActorUserId,
    Guid? ActorOrganisationId, string Action, string Outcome, string? TargetType, string? TargetId, string? Reason,
    string? Details)
{
    public static AuditEntryResponse From(AuditEntry e) => new(e.Sequence, DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc),
        e.ActorName, e.ActorUserId, e.ActorOrganisationId, e.Action, e.Outcome.ToString(), e.TargetType, e.TargetId,
        e.Reason, e.Details);
}

public sealed record AuditPage(IReadOnlyList<AuditEntryResponse> Entries, int Page, int PageSize, int Total);

public static class AuditEndpoints
{
    public const int MaxPageSize = 200;

    public static void MapAudit(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("Audit trail");
        group.MapGet("/", SearchAsync).RequireAuthorization(Policies.AuditTrail);
        group.MapGet("/export", ExportAsync).RequireAuthorization(Policies.AuditTrail);
        group.MapPost("/verify", VerifyAsync).RequireAuthorization(Policies.Administration);
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> SearchAsync(
        [AsParameters] AuditQuery query, AriadneDbContext db, AuditTrail audit)
    {
        var filter = query.ToFilter();
        if (filter.Problems() is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems);
        }
        var page = Math.Clamp(query.Page ?? 1, 1, int.MaxValue / MaxPageSize); // the offset cannot overflow
        var size = Math.Clamp(query.PageSize ?? 50, 1, MaxPageSize);
        var matching = filter.Apply(db.AuditEntries.AsNoTracking());
        var total = await matching.CountAsync();
        var entries = await matching.OrderByDescending(e => e.Sequence).Skip((page - 1) * size).Take(size).ToListAsync();
        await audit.RecordAsync(db, AuditActions.Search, "AuditTrail", details: filter.Describe());
        return TypedResults.Ok(new AuditPage(entries.Select(AuditEntryResponse.From).ToList(), page, size, total));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        [AsParameters] AuditQuery query, string? reason, AriadneDbContext db, AuditTrail audit)
    {
        if (!AuditExport.IsReasonValid(reason))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [AuditExport.ReasonRequired] });
        }
        if (query.ToFilter().Problems() is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems);
        }
        var csv = await AuditExport.CreateCsvAsync(db, audit, query.ToFilter(), reason!);
        return TypedResults.File(csv, "text/csv", "ariadne-audit.csv");
    }

    private static async Task<Ok<AuditVerification>> VerifyAsync(AriadneDbContext db, AuditVerifier verifier, AuditTrail audit)
    {
        var result = await verifier.VerifyAsync(db);
        await audit.RecordAsync(db, AuditActions.Verify, "AuditTrail", details: result.Message,
            outcome: result.IsIntact ? AuditOutcome.Success : AuditOutcome.Failure);
        return TypedResults.Ok(result);
    }
}

public sealed record AuditQuery(DateOnly? From, DateOnly? To, string? Action, string? Actor, Guid? OrganisationId,
    string? Target, int? Page, int? PageSize)
{
    public AuditFilter ToFilter() => new(From, To, Action, Actor, OrganisationId, Target);
}
