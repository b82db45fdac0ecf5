using System.Security.Claims;
using Ariadne.Web.Security;

namespace Ariadne.Web.Features.Audit;

/// <summary>Who is acting: the signed-in user of the current request, or the system (start-up, command line).</summary>
public interface IAuditActor
{
    Guid? UserId { get; }
    string? Name { get; }
    Guid? OrganisationId { get; }
    string? IpAddress { get; }
}

internal sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } u ? u : null;

    public Guid? UserId => User?.UserId();
    public string? Name => User?.Identity?.Name ?? (accessor.HttpContext is null ? "system" : null);
    public Guid? OrganisationId => User?.OrganisationId();
    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
