using System.Globalization;
using Ariadne.Web.Data;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Audit;

[Authorize(Policy = Policies.AuditTrail)]
public sealed class AuditIndexModel(AriadneDbContext db, AuditTrail audit, AuditVerifier verifier) : PageModel
{
    private const int PageSize = 50;

    public static IReadOnlyList<string> Actions { get; } =
    [
        AuditActions.SignIn, AuditActions.SignOut, AuditActions.TokenIssued, AuditActions.TwoFactorEnabled,
        AuditActions.TwoFactorDisabled, AuditActions.Create, AuditActions.Update, AuditActions.Delete, AuditActions.View,
        AuditActions.Search, AuditActions.Export, AuditActions.Verify, AuditActions.AccessDenied,
    ];

    [BindProperty(SupportsGet = true)] public AuditFilterInput Query { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<Organisations.Organisation> Organisations { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> OrganisationNames { get; private set; } = new Dictionary<Guid, string>();
    public AuditVerification? Verification { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        await audit.RecordAsync(db, AuditActions.Search, "AuditTrail", details: Query.ToFilter().Describe());
    }

    public async Task<IActionResult> OnPostExportAsync(string? reason)
    {
        if (!AuditExport.IsReasonValid(reason))
        {
            Error = AuditExport.ReasonRequired;
            await LoadAsync();
            return Page();
        }
        return File(await AuditExport.CreateCsvAsync(db, audit, Query.ToFilter(), reason!), "text/csv", "ariadne-audit.csv");
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        if (!User.IsInRole(Roles.Administrator))
        {
            return Forbid();
        }
        Verification = await verifier.VerifyAsync(db);
        await audit.RecordAsync(db, AuditActions.Verify, "AuditTrail", details: Verification.Message,
            outcome: Verification.IsIntact ? AuditOutcome.Success : AuditOutcome.Failure);
        await LoadAsync();
        return Page();
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["From"] = Query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["To"] = Query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Action"] = Query.Action,
        ["Actor"] = Query.Actor,
        ["OrganisationId"] = Query.OrganisationId?.ToString(),
        ["page"] = page.ToString(CultureInfo.InvariantCulture),
    }).ToUriComponent();

    private async Task LoadAsync()
    {
        if (Query.ToFilter().Problems() is { Count: > 0 } problems)
        {
            Error ??= string.Join(" ", problems.Values.SelectMany(m => m));
        }
        var matching = Query.ToFilter().Apply(db.AuditEntries.AsNoTracking());
        Total = await matching.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Entries = await matching.OrderByDescending(e => e.Sequence).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync();
        OrganisationNames = Organisations.ToDictionary(o => o.Id, o => o.Name);
    }

    public sealed class AuditFilterInput
    {
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? Action { get; set; }
        public string? Actor { get; set; }
        public Guid? OrganisationId { get; set; }

        public AuditFilter ToFilter() => new(From, To, Action, Actor, OrganisationId, null);
    }
}
