using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ariadne.Web.Features.Shared;

namespace Ariadne.Web.Features.Support;

/// <summary>
/// A support organisation's own shelter register, addresses included. Only members of the organisation that runs
/// the shelters reach this page (V-01); every view of the addresses is audited by <see cref="SupportWork.SheltersAsync"/>.
/// </summary>
[Authorize(Policy = Policies.ShelterManagement)]
public sealed class SheltersModel(SupportWork support) : PageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Type { get; set; }
        public string? Address { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Added { get; set; }

    public List<ShelterResponse> Shelters { get; private set; } = [];

    /// <summary>A refusal tied to one field ("name", "type", "address"), shown next to it.</summary>
    public string? ErrorField { get; private set; }
    public string? ErrorMessage { get; private set; }

    public string? Error(string field) => string.Equals(ErrorField, field, StringComparison.Ordinal) ? ErrorMessage : null;

    public async Task OnGetAsync() => Shelters = await support.SheltersAsync(User);

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await support.AddShelterAsync(User, new ShelterRequest(Input.Name, Input.Type, Input.Address));
        if (result.Error is { } e)
        {
            // The only conflict is a second shelter with the same name.
            ErrorField = e.Field ?? (e.Status == StatusCodes.Status409Conflict ? "name" : null);
            // The service names the kinds as the API spells them; the form offers them as a list.
            ErrorMessage = string.Equals(ErrorField, "type", StringComparison.Ordinal) ? "Choose the kind of shelter from the list." : e.Message;
            Shelters = await support.SheltersAsync(User);
            return Page();
        }
        return RedirectToPage("/Support/Shelters", new { added = result.Value!.Name });
    }

    public static string Kind(string type) => Enums.Named<ShelterType>(type) is { } t ? Kind(t) : type;

    /// <summary>The kind of shelter as a label ("Care shelter").</summary>
    public static string Kind(ShelterType type) => SupportWork.Words(type) is var words ? char.ToUpperInvariant(words[0]) + words[1..] : "";
}
