using System.ComponentModel.DataAnnotations;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Accounts;

public sealed record UserResponse(Guid Id, string UserName, string DisplayName, string? Email, Guid OrganisationId,
    IReadOnlyList<string> Roles, bool IsActive, bool IsLockedOut, bool TwoFactorEnabled, int? AuthorityLevel = null);

public sealed record CreateUserRequest([property: MaxLength(256)] string? UserName, [property: MaxLength(ColumnLengths.Name)] string? DisplayName, [property: MaxLength(256)] string? Email, [property: MaxLength(256)] string? Password,
    IReadOnlyList<string>? Roles, bool? IsActive, int? AuthorityLevel = null);

/// <summary><paramref name="AuthorityLevel"/> omitted keeps the current level; 0 removes it.</summary>
public sealed record UpdateUserRequest([property: MaxLength(ColumnLengths.Name)] string? DisplayName, [property: MaxLength(256)] string? Email,
    IReadOnlyList<string>? Roles, bool? IsActive, int? AuthorityLevel = null);

/// <summary>
/// Account administration. Every handler first loads the organisation concerned and asks
/// <see cref="IAuthorizationService"/> whether the caller may manage its users; the group policy is only
/// the first line.
/// </summary>
public static class UserEndpoints
{
    public static void MapUsers(this IEndpointRouteBuilder api)
    {
        var byOrganisation = api.MapGroup("/organisations/{organisationId:guid}/users").WithTags("Accounts")
            .RequireAuthorization(Policies.UserManagement);
        byOrganisation.MapGet("/", ListAsync);
        byOrganisation.MapPost("/", CreateAsync);

        var users = api.MapGroup("/users").WithTags("Accounts").RequireAuthorization(Policies.UserManagement)
            .WithVersionCheck<ApplicationUser>();
        users.MapGet("/{id:guid}", GetAsync);
        users.MapPut("/{id:guid}", UpdateAsync);
        users.MapPost("/{id:guid}/unlock", UnlockAsync);
        users.MapPost("/{id:guid}/reset-two-factor", ResetTwoFactorAsync);
    }

    private static async Task<Results<Ok<List<UserResponse>>, NotFound, ForbidHttpResult>> ListAsync(
        Guid organisationId, HttpContext http, AriadneDbContext db, AccountAdministration accounts,
        IAuthorizationService authorization, AuditTrail audit)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId);
        if (organisation is null)
        {
            return TypedResults.NotFound();
        }
        if (!(await authorization.AuthorizeAsync(http.User, organisation, OrganisationOperations.ManageUsers)).Succeeded)
        {
            return TypedResults.Forbid();
        }
        return TypedResults.Ok(await accounts.ListAsync(organisationId, audit));
    }

    private static async Task<Results<Created<UserResponse>, NotFound, ForbidHttpResult, ValidationProblem>> CreateAsync(
        Guid organisationId, CreateUserRequest request, HttpContext http, AriadneDbContext db,
        UserManager<ApplicationUser> users, IAuthorizationService authorization, AccountAdministration accounts)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId);
        if (organisation is null)
        {
            return TypedResults.NotFound();
        }
        if (!(await authorization.AuthorizeAsync(http.User, organisation, OrganisationOperations.ManageUsers)).Succeeded)
        {
            return TypedResults.Forbid();
        }
        var (user, errors) = await accounts.CreateAsync(organisation, request.UserName, request.Password,
            new AccountChange(request.DisplayName ?? "", request.Email, request.Roles ?? [], request.IsActive ?? true,
                request.AuthorityLevel));
        if (user is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Created($"/api/v1/users/{user.Id}", await accounts.ToResponseAsync(user));
    }

    private static async Task<Results<Ok<UserResponse>, NotFound>> GetAsync(
        Guid id, HttpContext http, AriadneDbContext db, UserManager<ApplicationUser> users,
        IAuthorizationService authorization, AccountAdministration accounts, AuditTrail audit)
    {
        var user = await FindManageableAsync(id, http, authorization, accounts);
        if (user is null)
        {
            return TypedResults.NotFound();
        }
        await audit.RecordAsync(db, AuditActions.View, "User", user.Id.ToString());
        return TypedResults.Ok(await accounts.ToResponseAsync(user));
    }

    private static async Task<Results<Ok<UserResponse>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, UpdateUserRequest request, HttpContext http, UserManager<ApplicationUser> users,
        IAuthorizationService authorization, AccountAdministration accounts)
    {
        var user = await FindManageableAsync(id, http, authorization, accounts);
        if (user is null)
        {
            return TypedResults.NotFound();
        }
        var current = await users.GetRolesAsync(user);
        var errors = await accounts.UpdateAsync(user, user.Organisation!, new AccountChange(
            request.DisplayName ?? user.DisplayName, request.Email ?? user.Email, request.Roles ?? current.ToList(),
            request.IsActive ?? user.IsActive, request.AuthorityLevel switch { null => user.AuthorityLevel, 0 => null, var l => l }));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await accounts.ToResponseAsync(user));
    }

    private static async Task<Results<NoContent, NotFound>> UnlockAsync(
        Guid id, HttpContext http, IAuthorizationService authorization, AccountAdministration accounts)
    {
        var user = await FindManageableAsync(id, http, authorization, accounts);
        if (user is null)
        {
            return TypedResults.NotFound();
        }
        await accounts.UnlockAsync(user);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> ResetTwoFactorAsync(
        Guid id, HttpContext http, IAuthorizationService authorization, AccountAdministration accounts)
    {
        var user = await FindManageableAsync(id, http, authorization, accounts);
        if (user is null)
        {
            return TypedResults.NotFound();
        }
        await accounts.ResetTwoFactorAsync(user);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// An account the caller may not manage answers 404, exactly like one that does not exist, so that
    /// another organisation's staff list cannot be probed.
    /// </summary>
    private static async Task<ApplicationUser?> FindManageableAsync(Guid id, HttpContext http,
        IAuthorizationService authorization, AccountAdministration accounts)
    {
        var user = await accounts.FindAsync(id);
        if (user?.Organisation is null)
        {
            return null;
        }
        var allowed = await authorization.AuthorizeAsync(http.User, user.Organisation, OrganisationOperations.ManageUsers);
        return allowed.Succeeded ? user : null;
    }
}
