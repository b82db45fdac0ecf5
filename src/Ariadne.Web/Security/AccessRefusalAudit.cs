using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;

namespace Ariadne.Web.Security;

/// <summary>
/// Records every refusal by policy (ADR 0004, issue #9 item 11): an API answer 403 and a page's redirect to
/// "not allowed", whichever part refused (a policy on the endpoint, a handler, a page's own Forbid()). Who
/// tried what is evidence: an insider probing for records they may not see shows in the trail.
/// Refusals of records that do not exist for the user (404, never 403) are recorded by the read itself.
/// </summary>
internal static class AccessRefusalAudit
{
    public const string AccessDeniedPath = "/Accounts/AccessDenied";

    public static IApplicationBuilder UseAccessRefusalAudit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Before the response leaves: the refusal is on record by the time the client sees it.
            context.Response.OnStarting(() => IsRefusal(context.Response) ? RecordAsync(context) : Task.CompletedTask);
            await next();
        });

    private static bool IsRefusal(HttpResponse response) =>
        response.StatusCode == StatusCodes.Status403Forbidden
        || (response.StatusCode == StatusCodes.Status302Found
            && response.Headers.Location.ToString() is var location
            && (location.StartsWith(AccessDeniedPath, StringComparison.OrdinalIgnoreCase)
                || (Uri.TryCreate(location, UriKind.Absolute, out var absolute)
                    && absolute.AbsolutePath.StartsWith(AccessDeniedPath, StringComparison.OrdinalIgnoreCase))));

    private static async Task RecordAsync(HttpContext context)
    {
        // A scope of its own: the request's context may hold unsaved changes that a refusal must not save.
        await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AriadneDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var request = context.Request;
        // The path, not the query string: a search term may be a person's name.
        var target = $"{request.Method} {request.PathBase}{request.Path}";
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        await audit.RecordAsync(db, AuditActions.AccessDenied, request.IsApi() ? "Endpoint" : "Page",
            target.Length > 200 ? target[..200] : target,
            details: route is null ? null : $"route {route}",
            outcome: AuditOutcome.Denied);
    }
}
