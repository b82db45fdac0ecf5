using System.Security.Claims;
using Ariadne.Matching.Names;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Cases;

/// <summary>
/// Another case that may hold the same person, as far as the asker may see it (issue 12 item 6). The person's name, the score
/// and its explanation only where the asker sees that case's identity (owner, consent, a child's guardian): a score says
/// how alike two names are, which is itself about the person. Otherwise the reference and owner alone (de-personalised).
/// </summary>
public sealed record DuplicateCase(Guid CaseId, string Reference, string OwnerOrganisation, string? PersonName, double? Score, string? Explanation);

/// <summary>"Possible duplicate — contact …": a case the asker has no part in; nothing of it but whom to call.</summary>
public sealed record DuplicateContact(string Organisation, string? Phone, string? Email)
{
    public string Text => $"Possible duplicate — contact {Organisation}";
}

public sealed record DuplicatesResponse(IReadOnlyList<DuplicateCase> Cases, IReadOnlyList<DuplicateContact> Contacts);

/// <summary>
/// Finds the person of a case in other cases with the matching engine, and shows each candidate only as far as the
/// permission table lets the asker see that case: with identity, de-personalised (reference and owner), or as the owner's
/// contact alone — one per organisation, with no reference, name, score or count (issue 12 item 6, ADR 0007).
/// </summary>
public sealed class PersonDuplicates(AriadneDbContext db, CaseService cases, CasePersonIndex index, AuditTrail audit,
    IAuthorizationService authorization)
{
    /// <summary>
    /// How alike (the engine's <see cref="NameHit.NameScore"/>: name, with date of birth, nationality and gender as evidence) a candidate must be: high, because a hint
    /// sends a caseworker to call another agency about a person; the same name written in another script scores 0.9 and
    /// more (DuplicatePersonsTests); a different date of birth takes 0.15 off, so the same name with another date of birth (0.85) is not one.
    /// </summary>
    public const double MinimumScore = 0.9;

    /// <summary>How many of the engine's best answers are weighed.</summary>
    public const int Candidates = 20;

    /// <summary>Null when the case is not found for the user or the user may not look for duplicates of it.</summary>
    public async Task<DuplicatesResponse?> FindAsync(ClaimsPrincipal user, Guid caseId, CancellationToken ct = default) =>
        await cases.FindAsync(user, caseId) is { } loaded ? await FindAsync(user, loaded, ct) : null;

    /// <summary>
    /// As <see cref="FindAsync(ClaimsPrincipal, Guid, CancellationToken)"/> for a case the caller has already loaded for
    /// the user (the case page), so the case is not read twice; the permission table is still asked here.
    /// </summary>
    public async Task<DuplicatesResponse?> FindAsync(ClaimsPrincipal user, LoadedCase loaded, CancellationToken ct = default)
    {
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.FindDuplicates))
        {
            return null;
        }
        var caseId = loaded.Case.Id;
        var person = loaded.Case;
        if (string.IsNullOrWhiteSpace(person.PersonName))
        {
            return new DuplicatesResponse([], []);
        }
        var names = await index.GetAsync(db, ct);
        var hits = names.Search(person.PersonName, Candidates, new NameEvidence(person.DateOfBirth, person.Nationality, person.Gender))
            .Where(h => h.NameScore >= MinimumScore && Guid.TryParse(h.EntityId, out var id) && id != caseId)
            .ToDictionary(h => Guid.Parse(h.EntityId));
        var ids = hits.Keys.ToList();
        var shown = new List<DuplicateCase>();
        var contacts = new SortedDictionary<string, DuplicateContact>(StringComparer.Ordinal);
        if (ids.Count > 0)
        {
            await WeighAsync(user, hits, shown, contacts, ct);
        }
        // Reading other cases' people is a read of personal data: who asked, for which case, what they were shown — never the names.
        // Recorded even when the engine found no one: the search itself was made.
        await audit.RecordAsync(db, AuditActions.Search, CaseService.AuditType, caseId.ToString(),
            details: $"possible duplicates of the person: {shown.Count(s => s.PersonName is not null)} with identity, " +
                     $"{shown.Count(s => s.PersonName is null)} de-personalised, {contacts.Count} organisations to contact",
            cancellationToken: ct);
        return new DuplicatesResponse(shown, [.. contacts.Values]);
    }

    /// <summary>Each case the engine named, as far as the asker may see it (most cases have no candidate: then nothing is read).</summary>
    private async Task WeighAsync(ClaimsPrincipal user, Dictionary<Guid, NameHit> hits, List<DuplicateCase> shown,
        SortedDictionary<string, DuplicateContact> contacts, CancellationToken ct)
    {
        var ids = hits.Keys.ToList();
        // The database is the truth: a hint from an index that is minutes old is checked against the case as it is now.
        var matched = db.Cases.Where(c => ids.Contains(c.Id) && c.PersonName != null);
        var access = await cases.AccessToAsync(user, matched);
        var found = await matched.AsNoTracking().Select(c => new { c.Id, c.Reference, c.OwnerOrganisationId }).ToListAsync(ct);
        var owners = found.Select(c => c.OwnerOrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => owners.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);

        foreach (var c in found.OrderByDescending(c => hits[c.Id].NameScore).ThenBy(c => c.Reference, StringComparer.Ordinal))
        {
            var owner = organisations[c.OwnerOrganisationId];
            var a = access[c.Id];
            if (a.SeesPersonalData)
            {
                var hit = hits[c.Id];
                shown.Add(new DuplicateCase(c.Id, c.Reference, owner.Name, hit.Name, hit.NameScore, hit.Explanation));
            }
            else if (a.SeesCase)
            {
                shown.Add(new DuplicateCase(c.Id, c.Reference, owner.Name, null, null, null));
            }
            else
            {
                contacts.TryAdd(owner.Name, new DuplicateContact(owner.Name, owner.Phone, owner.Email));
            }
        }
    }
}
