using System.Globalization;
using System.Text;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Ariadne.Web.Features.Accounts;

/// <summary>Enrolment of an authenticator app (TOTP, RFC 6238) for the signed-in user.</summary>
public sealed class SecurityModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
    AriadneDbContext db, AuditTrail audit) : PageModel
{
    public bool TwoFactorEnabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, SignInChecks.AuthenticatorProvider, SignInChecks.NormaliseCode(code)))
        {
            Error = "That code does not match. Check that the phone's clock is right and type the code now shown.";
            await LoadAsync();
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync(db, AuditActions.TwoFactorEnabled, "User", user.Id.ToString());
        await signIn.RefreshSignInAsync(user);
        Message = "Two-factor sign-in is on. From now on you need your phone to sign in.";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, SignInChecks.AuthenticatorProvider, SignInChecks.NormaliseCode(code)))
        {
            Error = "That code does not match: two-factor sign-in stays on.";
            await LoadAsync();
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(db, AuditActions.TwoFactorDisabled, "User", user.Id.ToString());
        await signIn.RefreshSignInAsync(user);
        Message = "Two-factor sign-in is off. Set it up again on your new phone.";
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
        if (TwoFactorEnabled)
        {
            return true;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key also changes the security stamp; re-issue this session's cookie so it stays valid.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = Group(key!);
        var uri = AuthenticatorUri(user.UserName!, key!);
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
        return true;
    }

    internal static string AuthenticatorUri(string userName, string key) => string.Create(CultureInfo.InvariantCulture,
        $"otpauth://totp/Ariadne:{Uri.EscapeDataString(userName)}?secret={key}&issuer=Ariadne&digits=6&period=30");

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
