using System.Text.Json;
using Ariadne.Web.Features.Children;
using Ariadne.Web.Features.Safety;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Cases;

/// <summary>One statement or document of a case, decrypted for a viewer with access to statements; every opening is audited.</summary>
[Authorize(Policy = Policies.Cases)]
public sealed class CaseDocumentModel(SafetyWork safety) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid DocumentId { get; set; }
    public DocumentResponse Document { get; private set; } = null!;
    /// <summary>A child's first interview, shown field by field rather than as stored.</summary>
    public ChildFirstInterview? Interview { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await safety.ReadDocumentAsync(User, Id, DocumentId);
        if (result.Value is not { } document)
        {
            return NotFound();
        }
        Document = document;
        if (document.Kind == nameof(DocumentKind.ChildFirstInterview))
        {
            try
            {
                Interview = JsonSerializer.Deserialize<ChildFirstInterview>(document.Content);
            }
            catch (JsonException)
            {
                // Shown as stored below.
            }
        }
        return Page();
    }
}
