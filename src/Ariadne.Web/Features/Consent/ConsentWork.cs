using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Ariadne.Web.Features.Consent;

public sealed record ConsentRequest(string? Purpose, Guid RecipientOrganisationId, [property: MaxLength(50)] string? DocumentVersion, bool RolesExplained,
    bool ExplainedToPerson, string? GivenBy = null);
public sealed record WithdrawConsentRequest(string? Note);
public sealed record ConsentResponse(Guid Id, string Purpose, string Recipient, string? DocumentVersion, bool RolesExplained, string GivenBy,
    DateTime GivenAt, string? RecordedBy, DateTime? WithdrawnAt, bool Active);

/// <summary>
/// Records and withdraws consent to share (V-02..V-05). Access is computed from these records on every
/// request (<see cref="CaseAccess"/>), so a withdrawal takes effect on the very next read.
/// </summary>
public sealed class ConsentWork(CaseService cases, IAuthorizationService authorization)
{
    private Data.AriadneDbContext Db => cases.Db;

    public async Task<CaseResult<ConsentRecord>> RecordAsync(ClaimsPrincipal user, Guid caseId, ConsentRequest request)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (ClosedCase.Refusal(loaded.Case, CaseChange.RecordConsent) is { } closed)
        {
            return closed;
        }
        var c = loaded.Case;
        // The person gives consent to whoever is working with them: the owner, or for a child the guardian.
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.RecordConsent))
        {
            return CaseError.Forbidden("Consent is recorded by the organisation that owns the case, or by a child's guardian.");
        }
        if (Enums.Named<ConsentPurpose>(request.Purpose) is not { } purpose)
        {
            return CaseError.Invalid("purpose", "Choose what may be shared: PersonalData or Statements.");
        }
        if (!request.ExplainedToPerson)
        {
            return CaseError.Invalid("explainedToPerson", "Consent may be asked only after the person was told what sharing will mean (V-03).");
        }
        if (string.IsNullOrWhiteSpace(request.DocumentVersion) || request.DocumentVersion.Length > 50)
        {
            return CaseError.Invalid("documentVersion", "Name the information sheet or MoU version the consent slip was attached to (V-04).");
        }
        var giver = c.IsChild ? ConsentGiver.Guardian : ConsentGiver.Person;
        if (c.IsChild && c.GuardianOrganisationId is null)
        {
            return CaseError.Conflict("For a child, consent is given by the guardian: record the guardian first (OQ-08).");
        }
        var recipient = await Db.ActiveOrganisationAsync(request.RecipientOrganisationId);
        if (recipient is null || recipient.Id == c.OwnerOrganisationId)
        {
            return CaseError.Invalid("recipientOrganisationId", "Choose the organisation that may receive the data (not the owner).");
        }
        if (loaded.Consents.Any(x => x.IsActive && x.Purpose == purpose && x.RecipientOrganisationId == recipient.Id))
        {
            return CaseError.Conflict("This consent is already recorded and active.");
        }
        var now = cases.Now;
        var record = new ConsentRecord
        {
            CaseId = caseId, Purpose = purpose, RecipientOrganisationId = recipient.Id, DocumentVersion = request.DocumentVersion.Trim(),
            RolesExplained = request.RolesExplained, GivenBy = giver, GivenAt = now, RecordedByName = user.DisplayName(),
            RecordedByOrganisationId = loaded.Access.OrganisationId,
        };
        Db.Consents.Add(record);
        // Sharing by consent makes the recipient a participant (it must be able to find the case).
        CaseService.AddParticipant(c, recipient.Id, ParticipantKind.Invited, now);
        cases.AddEvent(c, user, "consent-given", $"Consent to share {Words(purpose)} with {recipient.Name} recorded" +
                                                 (giver == ConsentGiver.Guardian ? ", given by the guardian" : ""), null, null, null);
        await Db.SaveChangesAsync();
        return record;
    }

    /// <summary>Withdrawal at any time, by whoever works with the person; effective at once.</summary>
    public async Task<CaseResult<ConsentRecord>> WithdrawAsync(ClaimsPrincipal user, Guid caseId, Guid consentId, string? note)
    {
        if (await cases.FindForWorkAsync(user, caseId) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.RecordConsent))
        {
            return CaseError.Forbidden("Consent is withdrawn through the organisation that owns the case, or a child's guardian.");
        }
        var record = loaded.Consents.SingleOrDefault(x => x.Id == consentId);
        if (record is null)
        {
            return CaseError.NotFound;
        }
        if (!record.IsActive)
        {
            return CaseError.Conflict("This consent was already withdrawn.");
        }
        record.WithdrawnAt = cases.Now;
        record.WithdrawnByName = user.DisplayName();
        record.WithdrawalNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var recipient = await cases.OrganisationNameAsync(record.RecipientOrganisationId);
        cases.AddEvent(loaded.Case, user, "consent-withdrawn", $"Consent to share {Words(record.Purpose)} with {recipient} withdrawn", note, null, null);
        await Db.SaveChangesAsync();
        return record;
    }

    public async Task<List<ConsentResponse>> ListAsync(LoadedCase loaded)
    {
        var ids = loaded.Consents.Select(x => x.RecipientOrganisationId).Distinct().ToList();
        var names = await Db.NamesOfAsync(ids);
        // The document version is typed, the recorder is a person: for personal viewers only (item 7).
        var personal = loaded.Access.SeesPersonalData;
        return loaded.Consents.OrderBy(x => x.GivenAt)
            .Select(x => new ConsentResponse(x.Id, x.Purpose.ToString(), names[x.RecipientOrganisationId], personal ? x.DocumentVersion : null,
                x.RolesExplained, x.GivenBy.ToString(), x.GivenAt, personal ? x.RecordedByName : null, x.WithdrawnAt, x.IsActive))
            .ToList();
    }

    public static string Words(ConsentPurpose p) => p switch
    {
        ConsentPurpose.PersonalData => "identity and contact details",
        ConsentPurpose.Statements => "statements and documents",
    };
}
