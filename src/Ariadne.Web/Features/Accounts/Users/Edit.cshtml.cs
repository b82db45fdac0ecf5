using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Accounts.Users;

[Authorize(Policy = Policies.UserManagement)]
[Shared.VersionedBy(typeof(ApplicationUser))]
public sealed class UserEditModel(AriadneDbContext db, UserManager<ApplicationUser> users, AccountAdministration accounts,
    IAuthorizationService authorization, AuditTrail audit) : PageModel
{
    public sealed class InputModel
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public List<string> Roles { get; set; } = [];
        public bool IsActive { get; set; } = true;
        public int? AuthorityLevel { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? OrganisationId { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public Organisation Organisation { get; private set; } = null!;
    public string? UserName { get; private set; }
    public bool IsLockedOut { get; private set; }
    public bool TwoFactorEnabled { get; private set; }
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            var user = await FindAsync(id);
            if (user is null)
            {
                return NotFound();
            }
            await audit.RecordAsync(db, AuditActions.View, "User", user.Id.ToString());
            Input = await InputForAsync(user);
            return Page();
        }
        return await LoadOrganisationAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var change = new AccountChange(Input.DisplayName ?? "", Input.Email, Input.Roles, Input.IsActive, Input.AuthorityLevel);
        if (Id is { } id)
        {
            var user = await FindAsync(id);
            if (user is null)
            {
                return NotFound();
            }
            AccountErrors errors;
            try
            {
                errors = await accounts.UpdateAsync(user, Organisation, change);
            }
            catch (DbUpdateException e) when (WriteConflicts.Describe(e) is { } conflict)
            {
                // Changed by someone else since the page was shown (ADR 0008): nothing saved, the form keeps what was typed.
                await FindAsync(id);
                Errors.Add(conflict);
                return Page();
            }
            if (errors.Count > 0)
            {
                Errors.AddRange(errors.Values.SelectMany(v => v));
                return Page();
            }
            Message = "Saved. The person's open sessions were ended so the change applies at once.";
            await FindAsync(id);
            return Page();
        }

        if (!await LoadOrganisationAsync())
        {
            return NotFound();
        }
        var (created, createErrors) = await accounts.CreateAsync(Organisation, Input.UserName, Input.Password, change);
        if (created is null)
        {
            Errors.AddRange(createErrors.Values.SelectMany(v => v));
            Input.Password = null;
            return Page();
        }
        return RedirectToPage("/Accounts/Users/Edit", new { id = created.Id });
    }

    public async Task<IActionResult> OnPostUnlockAsync() => await HelpAsync(accounts.UnlockAsync, "The account is unlocked.");

    public async Task<IActionResult> OnPostResetTwoFactorAsync() =>
        await HelpAsync(accounts.ResetTwoFactorAsync, "Two-factor sign-in was reset. The person sets it up again after signing in.");

    private async Task<IActionResult> HelpAsync(Func<ApplicationUser, Task> action, string message)
    {
        var user = Id is { } id ? await FindAsync(id) : null;
        if (user is null)
        {
            return NotFound();
        }
        await action(user);
        await FindAsync(user.Id);
        Message = message;
        Input = await InputForAsync(user);
        return Page();
    }

    private async Task<InputModel> InputForAsync(ApplicationUser user) => new()
    {
        DisplayName = user.DisplayName, Email = user.Email, IsActive = user.IsActive, AuthorityLevel = user.AuthorityLevel,
        Roles = [.. await users.GetRolesAsync(user)],
    };

    /// <summary>Loads an account the signed-in user may manage; any other account is "not found".</summary>
    private async Task<ApplicationUser?> FindAsync(Guid id)
    {
        var user = await accounts.FindAsync(id);
        if (user?.Organisation is null
            || !(await authorization.AuthorizeAsync(User, user.Organisation, OrganisationOperations.ManageUsers)).Succeeded)
        {
            return null;
        }
        Organisation = user.Organisation;
        OrganisationId = user.OrganisationId;
        UserName = user.UserName;
        IsLockedOut = await users.IsLockedOutAsync(user);
        TwoFactorEnabled = user.TwoFactorEnabled;
        return user;
    }

    private async Task<bool> LoadOrganisationAsync()
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == (OrganisationId ?? User.OrganisationId()));
        if (organisation is null
            || !(await authorization.AuthorizeAsync(User, organisation, OrganisationOperations.ManageUsers)).Succeeded)
        {
            return false;
        }
        Organisation = organisation;
        OrganisationId = organisation.Id;
        return true;
    }
}
