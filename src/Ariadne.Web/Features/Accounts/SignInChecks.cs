using Microsoft.AspNetCore.Identity;

namespace Ariadne.Web.Features.Accounts;

public sealed record SignInOutcome(bool Succeeded, string Code, string Message, ApplicationUser? User)
{
    /// <summary>What the audit trail records: the reason code, never the password or the code typed.</summary>
    public string AuditDetail => "result: " + Code;
}

/// <summary>
/// Password, lockout, disabled-account and authenticator checks for a sign-in that has no second page
/// (the API token). Failed codes count towards lockout exactly like failed passwords.
/// </summary>
public static class SignInChecks
{
    public const string AuthenticatorProvider = "Authenticator";

    public static async Task<SignInOutcome> CheckAsync(SignInManager<ApplicationUser> signIn, string userName,
        string password, string? totp)
    {
        const string invalid = "The user name or password is wrong.";
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            return new(false, "invalid_credentials", invalid, null);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return new(false, "locked_out", LockedOutMessage, user);
        }
        if (result.IsNotAllowed)
        {
            return new(false, "account_disabled", "This account is disabled. Ask your organisation's administrator.", user);
        }
        if (!result.Succeeded)
        {
            return new(false, "invalid_credentials", invalid, user);
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            var code = NormaliseCode(totp);
            if (code.Length == 0)
            {
                return new(false, "totp_required", "Enter the 6-digit code from your authenticator app ('totp').", user);
            }
            if (!await users.VerifyTwoFactorTokenAsync(user, AuthenticatorProvider, code))
            {
                await users.AccessFailedAsync(user);
                return await users.IsLockedOutAsync(user)
                    ? new(false, "locked_out", LockedOutMessage, user)
                    : new(false, "invalid_totp", "The authenticator code is wrong or has expired.", user);
            }
            await users.ResetAccessFailedCountAsync(user);
        }
        return new(true, "ok", "Signed in.", user);
    }

    public const string LockedOutMessage =
        "This account is locked after repeated failed sign-ins. Try again later or ask your organisation's administrator to unlock it.";

    public static string NormaliseCode(string? code) =>
        new((code ?? "").Where(char.IsAsciiDigit).ToArray());
}
