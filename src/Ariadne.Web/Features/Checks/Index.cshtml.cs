using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariadne.Web.Features.Checks;

/// <summary>
/// The check form and its answer, as a plain list that works at 390 px: the same service as the API, so the page shows exactly
/// what the API would (restricted hits as "refer to originator" markers, the CHK-02/03 warning before going beyond the agency).
/// </summary>
[Authorize(Policy = Policies.Intelligence)]
public sealed class ChecksIndexModel(CheckService checks) : PageModel
{
    public sealed class CheckForm
    {
        public string Kind { get; set; } = "phone";
        public string? Value { get; set; }
        public string? Name { get; set; }
        public string? Purpose { get; set; }
        public Guid? ReportId { get; set; }
        public string? CaseReference { get; set; }
        public string Scope { get; set; } = nameof(CheckScope.BeyondAgency);
        public bool AcknowledgeWarning { get; set; }
    }

    [BindProperty] public CheckForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Report { get; set; }

    public CheckResponse? Answer { get; private set; }
    public IntelligenceError? Error { get; private set; }
    public List<CheckOnOurMaterial> OnOurMaterial { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Input.ReportId = Report;
        OnOurMaterial = await checks.OnOurMaterialAsync(User, null);
    }

    public async Task OnPostAsync()
    {
        var request = new CheckRequest(
            string.IsNullOrWhiteSpace(Input.Value) ? [] : [new CheckIdentifier(Input.Kind, null, Input.Value, null)],
            string.IsNullOrWhiteSpace(Input.Name) ? null : new CheckPerson([Input.Name], null, null, null),
            Input.Purpose, Input.ReportId, Input.CaseReference, Input.Scope, Input.AcknowledgeWarning);
        var result = await checks.CheckAsync(User, request);
        (Answer, Error) = (result.Value, result.Error);
        OnOurMaterial = await checks.OnOurMaterialAsync(User, null);
    }
}
