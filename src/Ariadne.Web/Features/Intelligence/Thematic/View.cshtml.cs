using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Intelligence.Thematic;

/// <summary>
/// One sanitised version: its reader sees the thematic content; its writer edits the draft and sees what the check finds of the
/// source in it; a supervisor of the originating agency releases it. The page offers what <see cref="SanitisedResponse.MayEdit"/>
/// and <see cref="SanitisedResponse.MayRelease"/> say, which the service computes with the same handler it enforces.
/// </summary>
[Authorize(Policy = Policies.ThematicIntelligence)]
public sealed class ThematicViewModel(SanitisedService sanitised) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }
    public SanitisedResponse Version { get; private set; } = null!;
    [TempData] public string? Message { get; set; }
    public List<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await ShowAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var result = await sanitised.UpdateAsync(User, Id, new SanitisedUpdateRequest(Title, Summary, null, null));
        return await DoneAsync(result.Error, "Saved. Check what the check still finds before asking for release.");
    }

    public async Task<IActionResult> OnPostReleaseAsync() =>
        await DoneAsync((await sanitised.ReleaseAsync(User, Id)).Error, "Released to support organisations and the forum.");

    private async Task<IActionResult> DoneAsync(IntelligenceError? error, string message)
    {
        if (error is null)
        {
            Message = message;
            return Redirect($"/Intelligence/Thematic/View?id={Id}");
        }
        if (error.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        Errors = error.Fields?.Values.SelectMany(v => v).ToList() ?? [error.Message];
        return await ShowAsync(keepTyped: true) ? Page() : NotFound();
    }

    private async Task<bool> ShowAsync(bool keepTyped = false)
    {
        if ((await sanitised.OpenAsync(User, Id)).Value is not { } version)
        {
            return false;
        }
        Version = version;
        if (!keepTyped)
        {
            (Title, Summary) = (version.Title, version.Summary);
        }
        return true;
    }
}
