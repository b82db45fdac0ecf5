using System.Security.Claims;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Cases;

public enum QueueScope
{
    /// <summary>Cases the user works as named case worker.</summary>
    Mine,
    /// <summary>Every case the user's organisation has a part in.</summary>
    Organisation,
}

public sealed partial class CaseService
{
    /// <summary>The work queue: soonest due first, so what is overdue is on top (the first page of it).</summary>
    public async Task<List<CaseSummary>> QueueAsync(ClaimsPrincipal user, QueueScope scope, bool includeClosed = false) =>
        (await QueuePageAsync(user, scope, includeClosed, CaseListFilter.None, Paging.First)).Cases;

    /// <summary>
    /// One page of the work queue, filtered by stage and reference, sorted in the database (soonest due first),
    /// with the total count; the listing is audited as a search with its filter and size.
    /// </summary>
    public async Task<(List<CaseSummary> Cases, int Total)> QueuePageAsync(ClaimsPrincipal user, QueueScope scope, bool includeClosed,
        CaseListFilter filter, Paging paging)
    {
        var org = user.OrganisationId();
        var uid = user.UserId();
        var query = db.Cases.AsNoTracking().Where(c => c.Participants.Any(p => p.OrganisationId == org));
        if (scope == QueueScope.Mine)
        {
            query = query.Where(c => c.OwnerUserId == uid);
        }
        if (!includeClosed && filter.Stage != CaseStage.Closed)
        {
            query = query.Where(c => c.Stage != CaseStage.Closed);
        }
        query = filter.Apply(query);
        if (filter.Name is { } name)
        {
            // Only cases whose identity the viewer sees may be found by name (ADR 0009).
            // ToLower and Contains run in the database as lower() and a substring match, the same on both providers;
            // the culture rules the analyser asks for do not apply to SQL.
#pragma warning disable CA1304, CA1311, CA1862
            var matched = query.Where(c => c.PersonName != null && c.PersonName.ToLower().Contains(name));
#pragma warning restore CA1304, CA1311, CA1862
            var visible = await WithVisibleIdentityAsync(user, matched);
            query = db.Cases.AsNoTracking().Where(c => visible.Contains(c.Id));
        }
        var total = await query.CountAsync();
        var rows = await Summaries(query.OrderBy(c => c.NextDueAt == null).ThenBy(c => c.NextDueAt).ThenBy(c => c.Id)
            .Skip(paging.Skip).Take(paging.PageSize), org);
        await audit.RecordAsync(db, AuditActions.Search, AuditType,
            details: $"work queue ({scope}){filter.Describe()}, page {paging.Page}: {rows.Count} of {total} cases");
        return (rows, total);
    }

    /// <summary>
    /// Of the cases a name search matched, those whose identity the user sees, decided by the same permission table
    /// as the case page (<see cref="CaseAccess"/>): the search never tells a de-personalised viewer that a name is on
    /// one of its cases, because those cases are dropped before anything is counted. Every match is weighed (no cap
    /// whose hitting could itself tell something), with the viewer's parts, consents and pending handovers read in
    /// one query each, joined to the match rather than sent as lists of ids.
    /// </summary>
    private async Task<List<Guid>> WithVisibleIdentityAsync(ClaimsPrincipal user, IQueryable<Case> matched) =>
        (await AccessToAsync(user, matched)).Where(a => a.Value.SeesPersonalData).Select(a => a.Key).ToList();

    /// <summary>
    /// What the user may do with each of the matched cases, by the permission table, with the user's parts, consents and
    /// pending handovers read in one query each (joined to the match rather than sent as lists of ids). Used wherever a
    /// set of cases found by something other than the user's lists must be weighed case by case (name search, duplicates).
    /// </summary>
    internal async Task<Dictionary<Guid, CaseAccess>> AccessToAsync(ClaimsPrincipal user, IQueryable<Case> matched)
    {
        var org = user.OrganisationId();
        var candidates = await matched.AsNoTracking().ToListAsync();
        var kinds = (await db.Set<CaseParticipant>().AsNoTracking()
                .Where(p => p.OrganisationId == org && matched.Any(c => c.Id == p.CaseId))
                .Select(p => new { p.CaseId, p.Kind }).ToListAsync())
            .ToLookup(p => p.CaseId, p => p.Kind);
        var consents = (await db.Consents.AsNoTracking()
                .Where(x => x.RecipientOrganisationId == org && matched.Any(c => c.Id == x.CaseId)).ToListAsync())
            .ToLookup(x => x.CaseId);
        var pending = (await db.Handovers.AsNoTracking()
                .Where(h => h.Status == HandoverStatus.Pending && matched.Any(c => c.Id == h.CaseId))
                .Select(h => new { h.CaseId, h.ToOrganisationId }).ToListAsync())
            .GroupBy(h => h.CaseId).ToDictionary(g => g.Key, g => (Guid?)g.First().ToOrganisationId);
        return candidates.ToDictionary(c => c.Id,
            c => CaseAccess.For(user, c, kinds[c.Id], consents[c.Id], profile, pending.GetValueOrDefault(c.Id)));
    }

    /// <summary>
    /// The cases opened from the listed referrals the user's organisation sent, by referral (a page of them: a
    /// police force sends thousands): the referrer follows a case's stage
    /// from its list of sent referrals (V-08: the status, not the content, which the case page enforces).
    /// </summary>
    public async Task<Dictionary<Guid, ReferredCase>> OpenedFromReferralsOfAsync(ClaimsPrincipal user, IReadOnlyCollection<Guid> referralIds)
    {
        var org = user.OrganisationId();
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.ReferralId != null && referralIds.Contains(c.ReferralId.Value) && c.ReferringOrganisationId == org
                        && c.Participants.Any(p => p.OrganisationId == org))
            .Select(c => new { ReferralId = c.ReferralId!.Value, c.Id, c.Reference, c.Stage })
            .ToListAsync();
        return rows.ToDictionary(r => r.ReferralId, r => new ReferredCase(r.Id, r.Reference, r.Stage));
    }

    /// <summary>
    /// The queue a user sees first: their own cases when they are the named case worker of an open one, otherwise
    /// their organisation's — a frontline officer or a support worker is never the case worker, and an empty
    /// "My cases" hid their work behind the other tab.
    /// </summary>
    public async Task<QueueScope> DefaultScopeAsync(ClaimsPrincipal user)
    {
        var uid = user.UserId();
        return uid is not null && await db.Cases.AnyAsync(c => c.OwnerUserId == uid && c.Stage != CaseStage.Closed)
            ? QueueScope.Mine
            : QueueScope.Organisation;
    }

    /// <summary>Each dashboard list shows the most urgent cases first, up to this many; the counts are always complete.</summary>
    public const int DashboardListSize = 100;

    public async Task<CoordinatorDashboard> DashboardAsync()
    {
        var now = Now;
        var open = db.Cases.AsNoTracking().Where(c => c.Stage != CaseStage.Closed);
        var staleBefore = now.AddDays(-profile.StaleAfterDays);
        var overdue = open.Where(c => c.NextDueAt < now);
        // A case whose case worker's account was disabled has nobody working it either (NRM-P3).
        var ownerless = open.Where(c => c.OwnerUserId == null || !db.Users.Any(u => u.Id == c.OwnerUserId && u.IsActive));
        var stale = open.Where(c => c.LastActivityAt < staleBefore);
        var handovers = await HandoversAsync(db.Handovers.Where(h => h.Status == HandoverStatus.Pending), null);
        var byStage = (await open.GroupBy(c => c.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => x.Key.ToString(), x => x.Count, StringComparer.Ordinal);
        var dashboard = new CoordinatorDashboard(
            await Summaries(overdue.OrderBy(c => c.NextDueAt).Take(DashboardListSize), null),
            await Summaries(ownerless.OrderBy(c => c.NextDueAt).Take(DashboardListSize), null),
            await Summaries(stale.OrderBy(c => c.LastActivityAt).Take(DashboardListSize), null),
            handovers, byStage, await overdue.CountAsync(), await ownerless.CountAsync(), await stale.CountAsync(),
            await Summaries(open.Where(c => c.GuardianOrganisationId != null && c.GuardianAcknowledgedAt == null)
                .OrderBy(c => c.GuardianAppointedAt).Take(DashboardListSize), null));
        var unopened = await UnopenedReferralsAsync(now);
        dashboard = dashboard with { UnopenedReferrals = unopened.Take(DashboardListSize).ToList(), UnopenedReferralCount = unopened.Count };
        await audit.RecordAsync(db, AuditActions.Search, AuditType, details: "coordinator dashboard");
        return dashboard;
    }

    /// <summary>
    /// NRM-P3: referrals to a specialised unit from which nobody has opened a case, children first, then the soonest due.
    /// Unopened referrals are few (a unit opens its cases within days), so the due dates are worked out here in the
    /// jurisdiction's calendar rather than stored.
    /// </summary>
    private async Task<List<UnopenedReferral>> UnopenedReferralsAsync(DateTime now)
    {
        var rows = await db.Referrals.AsNoTracking()
            .Where(r => r.Kind == ReferralKind.SpecialisedUnit && !db.Cases.Any(c => c.ReferralId == r.Id))
            .Join(db.Organisations, r => r.FromOrganisationId, o => o.Id, (r, from) => new { r, From = from.Name })
            .Join(db.Organisations, x => x.r.ToOrganisationId, o => o.Id, (x, to) => new
            {
                x.r.Id, x.r.Reference, x.From, To = to.Name, x.r.ReferredAt, x.r.PresumedMinor, x.r.ImmediateDanger,
            })
            .ToListAsync();
        return rows
            .Select(x => (x, Due: CaseDeadlines.ReferralOpenDue(x.ReferredAt, profile)))
            .OrderByDescending(y => y.x.PresumedMinor).ThenBy(y => y.Due).ThenBy(y => y.x.ReferredAt)
            .Select(y => new UnopenedReferral(y.x.Id, y.x.Reference, y.x.From, y.x.To, y.x.ReferredAt, y.Due, y.Due < now, y.x.PresumedMinor,
                y.x.ImmediateDanger))
            .ToList();
    }

    /// <summary>Handovers waiting for the user's organisation to accept, and those it sent that are still pending.</summary>
    public Task<List<HandoverSummary>> PendingHandoversAsync(ClaimsPrincipal user)
    {
        var org = user.OrganisationId();
        return HandoversAsync(db.Handovers.Where(h => h.Status == HandoverStatus.Pending && (h.ToOrganisationId == org || h.FromOrganisationId == org)), org);
    }

    /// <summary>
    /// The reason and the requester's name are free text of the sending organisation: only it reads them back. The receiver
    /// and the coordinator see the case de-personalised, so coded fields only (issue 9 item 7).
    /// </summary>
    private async Task<List<HandoverSummary>> HandoversAsync(IQueryable<CaseHandover> handovers, Guid? viewer)
    {
        var rows = await handovers.AsNoTracking()
            .Join(db.Cases, h => h.CaseId, c => c.Id, (h, c) => new { h, c.Reference })
            .Join(db.Organisations, x => x.h.FromOrganisationId, o => o.Id, (x, from) => new { x.h, x.Reference, From = from.Name })
            .Join(db.Organisations, x => x.h.ToOrganisationId, o => o.Id, (x, to) => new { x.h, x.Reference, x.From, To = to.Name })
            .ToListAsync();
        return rows.OrderBy(x => x.h.RequestedAt)
            .Select(x => new HandoverSummary(x.h.Id, x.h.CaseId, x.Reference, x.From, x.h.FromOrganisationId, x.To, x.h.ToOrganisationId, x.h.RequestedAt,
                x.h.FromOrganisationId == viewer ? x.h.RequestedByName : null, x.h.Status.ToString(),
                x.h.FromOrganisationId == viewer ? x.h.Reason : null))
            .ToList();
    }

    private async Task<List<CaseSummary>> Summaries(IQueryable<Case> cases, Guid? viewerOrganisation)
    {
        var now = Now;
        // Only the columns a list shows: a national dashboard reads thousands of rows.
        var rows = await cases
            .Join(db.Organisations, c => c.OwnerOrganisationId, o => o.Id, (c, o) => new
            {
                c.Id, c.Reference, c.Stage, Owner = o.Name, c.OwnerName, c.NextDueAt, c.NextDueWhat, c.LastActivityAt, c.AgeStatus,
                Part = c.Participants.Where(p => p.OrganisationId == viewerOrganisation).Select(p => (ParticipantKind?)p.Kind).FirstOrDefault(),
            })
            .ToListAsync();
        return rows
            .OrderBy(x => x.NextDueAt ?? DateTime.MaxValue)
            .Select(x => new CaseSummary(x.Id, x.Reference, x.Stage.ToString(), x.Owner,
                // A referrer sees the status of what it referred, not who works on it.
                x.Part == ParticipantKind.Referrer ? null : x.OwnerName,
                x.NextDueAt, x.NextDueWhat, CaseDeadlines.IsOverdue(x.Stage, x.NextDueAt, now),
                CaseDeadlines.IsStale(x.Stage, x.LastActivityAt, now, profile), Case.IsMinor(x.AgeStatus), x.LastActivityAt,
                x.Part?.ToString() ?? "Oversight"))
            .ToList();
    }

    /// <summary>
    /// The case's history as the viewer may see it: typed reasons only with personal access, and for the referrer
    /// (status only, V-08) the changes of stage alone, not the work of the other organisations on the case.
    /// </summary>
    public async Task<List<TimelineEntry>> TimelineAsync(LoadedCase loaded)
    {
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == loaded.Case.Id).ToListAsync();
        if (!loaded.Access.SeesCase)
        {
            events = events.Where(e => e.ToStage is not null && e.FromStage != e.ToStage).ToList();
        }
        var orgIds = events.Where(e => e.ActorOrganisationId is not null).Select(e => e.ActorOrganisationId!.Value).Distinct().ToList();
        var names = await db.NamesOfAsync(orgIds);
        var personal = loaded.Access.SeesPersonalData;
        return events.OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new TimelineEntry(e.At, e.Kind, personal ? e.Summary : CaseText.DepersonalisedSummary(e.Kind, e.Summary),
                personal ? e.Detail : null,
                // The referrer and de-personalised viewers see organisations, not the names of the people working the case.
                personal ? e.ActorName : "",
                e.ActorOrganisationId is { } o && names.TryGetValue(o, out var n) ? n : null))
            .ToList();
    }

    public async Task<CaseResponse> ToResponseAsync(LoadedCase loaded)
    {
        var c = loaded.Case;
        var a = loaded.Access;
        var now = Now;
        Guid[] orgIds = c.GuardianOrganisationId is { } guardian ? [c.OwnerOrganisationId, guardian] : [c.OwnerOrganisationId];
        var names = await db.NamesOfAsync(orgIds);
        var statusOnly = a.View == CaseView.StatusOnly;
        var person = a.SeesPersonalData
            ? new PersonResponse(c.PersonName, c.Gender, c.Nationality, c.Language, c.ApproximateAge, c.DateOfBirth)
            : null;
        var next = CaseLifecycle.Offered(CaseFacts.Of(c, profile.LocalDate(now)))
            .Where(t => CaseLifecycle.IsDecision(t) ? a.MayDecide
                : t == CaseTrigger.RequestReconsideration ? a.MayRequestReconsideration
                : a.Allows(CaseOperation.WorkLifecycle))
            .Select(t => t.ToString()).ToArray();
        return new CaseResponse(c.Id, c.Reference, a.View.ToString(), c.Stage.ToString(), c.OpenedAt, names[c.OwnerOrganisationId],
            statusOnly ? null : c.OwnerName, c.NextDueAt, c.NextDueWhat, CaseDeadlines.IsOverdue(c, now),
            CaseDeadlines.IsStale(c, now, profile), c.LastActivityAt, c.IsChild, c.AgeStatus.ToString(),
            statusOnly ? [] : c.ExploitationForms.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            c.ReasonableGrounds?.ToString(), c.ReasonableGroundsAt, c.Conclusive?.ToString(), c.ConclusiveAt,
            c.ReflectionMinimumEndsOn, c.ReflectionEndsOn,
            statusOnly ? [] : c.Outcomes.OrderBy(o => o.Code, StringComparer.Ordinal).Select(o => o.Code).ToArray(),
            c.ClosureReason?.ToString(),
            c.GuardianOrganisationId is { } g && !statusOnly ? names.GetValueOrDefault(g) : null,
            // The guardian's name is typed by whoever records it: free text, for personal viewers only (item 7).
            a.SeesPersonalData ? c.GuardianName : null,
            statusOnly ? null : c.GuardianAcknowledgedAt,
            statusOnly ? null : c.SafetyCoordinatorName,
            statusOnly ? null : c.ReturnOrganiser,
            // For the referrer this leaves only the request for reconsideration of a negative decision.
            person, next,
            statusOnly ? null : await ReturnStatusAsync(c),
            statusOnly ? null : new PersonStatusResponse(c.PresumedVictim, c.SuspectedOffender,
                PersonStatus.Role(c.PresumedVictim, c.SuspectedOffender).ToString()));
    }

    /// <summary>The return plan and every reason a return is blocked today, from the one rule (<see cref="ReturnSafeguard"/>).</summary>
    public async Task<ReturnStatusResponse> ReturnStatusAsync(Case c)
    {
        var facts = await ReturnFactsAsync(c);
        var suspendedBecause = (c.ReturnSuspendedBecause ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(code => Enum.TryParse<ReturnBlock>(code, out var b) ? ReturnSafeguard.Words(b, facts) : code).ToArray();
        return new ReturnStatusResponse(c.ReturnOrganiser, c.ReturnInForce, c.ReturnSuspendedAt is not null, suspendedBecause,
            [.. ReturnSafeguard.Reasons(facts)]);
    }
}

/// <summary>
/// What the case list can be narrowed to, read the same way from the API's query and the page's (issue #9 items 15
/// and 16): the stage, part of the reference, and part of the person's name (found only on cases whose identity the
/// viewer sees).
/// </summary>
public sealed record CaseListFilter(CaseStage? Stage, string? Reference, string? Name = null)
{
    public const int ReferenceLength = 20;
    public const int NameLength = Screenings.ScreeningRules.ShortText;
    /// <summary>A name search needs this many letters: one letter matches half the cases and tells nothing.</summary>
    public const int NameMinimum = 2;
    public static readonly CaseListFilter None = new(null, null);

    /// <summary>The filter, or null with the field named in <paramref name="errors"/>.</summary>
    public static CaseListFilter? From(string? stage, string? reference, IDictionary<string, string[]> errors, string? name = null)
    {
        CaseStage? parsed = null;
        if (!string.IsNullOrWhiteSpace(stage))
        {
            parsed = Enums.Named<CaseStage>(stage.Trim(), ignoreCase: true);
            if (parsed is null)
            {
                errors["stage"] = [$"Choose a stage: {string.Join(", ", Enum.GetNames<CaseStage>())}."];
            }
        }
        var trimmed = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim().ToUpperInvariant();
        if (trimmed is { Length: > ReferenceLength })
        {
            errors["reference"] = [$"A case reference has at most {ReferenceLength} characters."];
        }
        // Lower case in the invariant culture, as the database's lower() compares it.
        var person = string.IsNullOrWhiteSpace(name) ? null : string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        if (person is { Length: > NameLength })
        {
            errors["name"] = [$"A name has at most {NameLength} characters."];
        }
        else if (person is { Length: < NameMinimum })
        {
            errors["name"] = [$"Type at least {NameMinimum} letters of the name."];
        }
        return errors.Count > 0 ? null : new CaseListFilter(parsed, trimmed, person);
    }

    public IQueryable<Case> Apply(IQueryable<Case> cases)
    {
        if (Stage is { } stage)
        {
            cases = cases.Where(c => c.Stage == stage);
        }
        if (Reference is { } reference)
        {
            cases = cases.Where(c => c.Reference.Contains(reference));
        }
        return cases;
    }

    /// <summary>For the audit entry: the name searched for is personal data, so only that a name was searched is written.</summary>
    public string Describe() =>
        (Stage is null ? "" : $", stage {Stage}") + (Reference is null ? "" : $", reference containing {Reference}")
        + (Name is null ? "" : ", by the person's name");
}
