using System.Text.Json;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Exchange;

/// <summary>
/// Exports of intelligence for Aleph (FollowTheMoney) and MISP: the reports the user sees, to one named recipient, with a reason.
/// What goes is decided report by report by the dissemination policy (through <see cref="IntelligenceExchange"/>); what may not
/// go is listed here with the reason, and never exported.
/// </summary>
[Authorize(Policy = Policies.Intelligence)]
public sealed class ExchangeIntelligenceModel(AriadneDbContext db, IntelligenceService intelligence, IntelligenceExchange exchange) : PageModel
{
    [BindProperty] public List<Guid> ReportIds { get; set; } = [];
    [BindProperty] public Guid? RecipientOrganisationId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string Format { get; set; } = "ftm";

    public IReadOnlyList<ReportSummary> Reports { get; private set; } = [];
    public IReadOnlyList<Organisations.Organisation> Recipients { get; private set; } = [];
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public IReadOnlyList<WithheldReport> Withheld { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var format = Format == "misp" ? IntelligenceFormat.Misp : IntelligenceFormat.FollowTheMoney;
        var result = await exchange.ExportAsync(User, format, new IntelligenceExportRequest(ReportIds, RecipientOrganisationId, Reason));
        if (result.Errors is { } errors || result.Reports.Count == 0)
        {
            Errors = result.Errors ?? new Dictionary<string, string[]> { ["reportIds"] = ["None of the chosen reports may go to this recipient."] };
            Withheld = result.Withheld;
            await LoadAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Response.Headers["X-Ariadne-Withheld"] = string.Join(",", result.Withheld.Select(w => w.ReportId));
        if (format == IntelligenceFormat.FollowTheMoney)
        {
            var lines = string.Join('\n', result.Reports.SelectMany(FollowTheMoney.Entities).Select(e => e.ToJsonString())) + "\n";
            return File(System.Text.Encoding.UTF8.GetBytes(lines), "application/x-ndjson", "ariadne-ftm.ijson");
        }
        var recipient = (await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == RecipientOrganisationId)).Name;
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["response"] = new System.Text.Json.Nodes.JsonArray(result.Reports
                .Select(r => (System.Text.Json.Nodes.JsonNode)MispEvents.Event(r, r.Report.OriginatorName, recipient)).ToArray()),
        };
        return File(JsonSerializer.SerializeToUtf8Bytes(body), "application/json", "ariadne-misp.json");
    }

    private async Task LoadAsync()
    {
        Reports = (await intelligence.ListAsync(User, new ReportFilter(null, null, null, null), Paging.First)).Rows;
        Recipients = await db.Organisations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name).ToListAsync();
    }
}
