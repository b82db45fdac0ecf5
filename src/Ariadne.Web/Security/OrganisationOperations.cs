using Ariadne.Web.Features.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Ariadne.Web.Security;

/// <summary>Operations on one organisation's records, checked per record with <see cref="IAuthorizationService"/>.</summary>
public static class OrganisationOperations
{
    /// <summary>Create, view and change the accounts of the organisation.</summary>
    public static readonly OperationAuthorizationRequirement ManageUsers = new() { Name = nameof(ManageUsers) };
}

/// <summary>
/// A system administrator manages every organisation's accounts; an organisation administrator only their
/// own organisation's. Nobody else manages accounts.
/// </summary>
internal sealed class OrganisationAuthorizationHandler
    : AuthorizationHandler<OperationAuthorizationRequirement, Organisation>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, Organisation resource)
    {
        if (requirement == OrganisationOperations.ManageUsers)
        {
            var user = context.User;
            if (user.IsInRole(Roles.Administrator)
                || (user.IsInRole(Roles.OrganisationAdministrator) && user.BelongsTo(resource.Id)))
            {
                context.Succeed(requirement);
            }
        }
        return Task.CompletedTask;
    }
}
