using Ariadne.Web.Data;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Accounts;

/// <summary><paramref name="AuthorityLevel"/>: for a dissemination supervisor only (EVAL-S3..S5); null for none.</summary>
public sealed record AccountChange(string DisplayName, string? Email, IReadOnlyList<string> Roles, bool IsActive, int? AuthorityLevel = null);

/// <summary>Why an account change was refused, keyed by field, in words an administrator can act on.</summary>
public sealed class AccountErrors : Dictionary<string, string[]>
{
    public void Add(string field, string message) =>
        this[field] = TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}

/// <summary>
/// Creating and changing accounts, shared by the administration pages and the API so both enforce the
/// same rules: roles must fit the organisation's type, an organisation administrator cannot hand out
/// system administration, and every change revokes existing sessions and tokens.
/// </summary>
public sealed class AccountAdministration(UserManager<ApplicationUser> users, AriadneDbContext db, TimeProvider time)
{
    public async Task<(ApplicationUser? User, AccountErrors Errors)> CreateAsync(
        Organisation organisation, string? userName, string? password, AccountChange change)
    {
        var errors = Validate(organisation, change);
        if (string.IsNullOrWhiteSpace(userName))
        {
            errors.Add("userName", "Enter a user name.");
        }
        if (string.IsNullOrWhiteSpace(password))
        {
            errors.Add("password", "Enter an initial password of at least 12 characters.");
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var user = new ApplicationUser
        {
            UserName = userName!.Trim(),
            DisplayName = change.DisplayName.Trim(),
            Email = string.IsNullOrWhiteSpace(change.Email) ? null : change.Email.Trim(),
            OrganisationId = organisation.Id,
            IsActive = change.IsActive,
            AuthorityLevel = change.AuthorityLevel,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!Collect(await users.CreateAsync(user, password!), errors)
            || !Collect(await users.AddToRolesAsync(user, change.Roles), errors))
        {
            return (null, errors);
        }
        await transaction.CommitAsync();
        return (user, errors);
    }

    public async Task<AccountErrors> UpdateAsync(ApplicationUser user, Organisation organisation, AccountChange change)
    {
        var errors = Validate(organisation, change);
        if (errors.Count > 0)
        {
            return errors;
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        user.DisplayName = change.DisplayName.Trim();
        user.Email = string.IsNullOrWhiteSpace(change.Email) ? null : change.Email.Trim();
        user.IsActive = change.IsActive;
        user.AuthorityLevel = change.AuthorityLevel;
        var current = await users.GetRolesAsync(user);
        if (!Collect(await users.RemoveFromRolesAsync(user, current.Except(change.Roles)), errors)
            || !Collect(await users.AddToRolesAsync(user, change.Roles.Except(current)), errors)
            // A new stamp ends every session and token of the account at its next request.
            || !Collect(await users.UpdateSecurityStampAsync(user), errors))
        {
            return errors;
        }
        await transaction.CommitAsync();
        return errors;
    }

    public async Task UnlockAsync(ApplicationUser user)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    /// <summary>For a lost phone: the user must enrol an authenticator again at next sign-in.</summary>
    public async Task ResetTwoFactorAsync(ApplicationUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>The accounts of one organisation; the listing is recorded as a search in the audit trail.</summary>
    public async Task<List<UserResponse>> ListAsync(Guid organisationId, Audit.AuditTrail audit)
    {
        var members = await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId)
            .OrderBy(u => u.UserName).ToListAsync();
        var result = new List<UserResponse>();
        foreach (var member in members)
        {
            result.Add(await ToResponseAsync(member));
        }
        await audit.RecordAsync(db, Audit.AuditActions.Search, nameof(Organisation), organisationId.ToString(),
            details: $"accounts listed: {result.Count}");
        return result;
    }

    public async Task<UserResponse> ToResponseAsync(ApplicationUser user) =>
        new(user.Id, user.UserName!, user.DisplayName, user.Email, user.OrganisationId,
            (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList(), user.IsActive,
            await users.IsLockedOutAsync(user), user.TwoFactorEnabled, user.AuthorityLevel);

    public Task<ApplicationUser?> FindAsync(Guid id) =>
        db.Users.Include(u => u.Organisation).SingleOrDefaultAsync(u => u.Id == id);

    private static AccountErrors Validate(Organisation organisation, AccountChange change)
    {
        var errors = new AccountErrors();
        if (string.IsNullOrWhiteSpace(change.DisplayName) || change.DisplayName.Length > 200)
        {
            errors.Add("displayName", "Enter the person's name (at most 200 characters).");
        }
        if (change.Roles.Count == 0)
        {
            errors.Add("roles", "Give the account at least one role.");
        }
        if (change.AuthorityLevel is { } level && (level is < 1 or > 99 || !change.Roles.Contains(Roles.DisseminationSupervisor)))
        {
            errors.Add("authorityLevel", "An authority level (1 to 99) is held by a dissemination supervisor only; leave it empty otherwise.");
        }
        var allowed = organisation.Type.AssignableRoles();
        foreach (var role in change.Roles.Where(r => !allowed.Contains(r)))
        {
            errors.Add("roles",
                $"'{Roles.DisplayName(role)}' cannot be given in a {organisation.Type.DisplayName().ToLowerInvariant()}. " +
                $"Allowed: {string.Join(", ", allowed.Select(Roles.DisplayName))}.");
        }
        return errors;
    }

    private static bool Collect(IdentityResult result, AccountErrors errors)
    {
        foreach (var error in result.Errors)
        {
            // Identity reports a lost race (its ConcurrencyStamp, or the version it was given with If-Match) as an
            // error; it is the same 409 "changed by someone else" as everywhere else (ADR 0008), not a bad field.
            if (error.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
            {
                throw new DbUpdateConcurrencyException(WriteConflicts.Stale);
            }
            var field = error.Code.Contains("Password", StringComparison.Ordinal) ? "password"
                : error.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "account";
            errors.Add(field, error.Description);
        }
        return result.Succeeded;
    }
}
