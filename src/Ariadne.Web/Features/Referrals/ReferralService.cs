using System.Globalization;
using System.Security.Claims;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Screenings;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Referrals;

public sealed record ReferralRequest(Guid? UnitId, string? Consent, Guid? GuardianshipServiceId = null);

public enum ReferralResult
{
    Referred,
    /// <summary>An adult refused: nothing identifying left the organisation, an anonymous count was made.</summary>
    CountedAnonymously,
    /// <summary>An adult refused and was counted anonymously; the danger was such that the unit got a de-personalised alert.</summary>
    CountedAnonymouslyAndUnitAlerted,
}

public sealed record ReferralOutcome(ReferralResult Result, IReadOnlyList<SentReferralResponse> Referrals);

/// <summary>
/// "Refer" in one submission (R-ACT-08): the statement goes to the chosen specialised unit; a child also goes
/// to the guardianship service whatever the consent; an adult who declines is counted anonymously instead.
/// </summary>
public sealed class ReferralService(AriadneDbContext db, ScreeningService screenings, AuditTrail audit, TimeProvider time)
{
    public const string AuditType = "Referral";
    public const string ConsentGiven = "Given";
    public const string ConsentRefused = "Refused";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<(ReferralOutcome? Outcome, Dictionary<string, string[]> Errors)> ReferAsync(
        Screening s, ReferralRequest request, ClaimsPrincipal user)
    {
        var errors = ScreeningRules.ReadyToComplete(s);
        if (s.Statement is null)
        {
            errors["statement"] = ["Write the first-contact statement before referring: the unit needs it to continue."];
        }
        var assessment = screenings.Assess(s);
        var child = assessment.PresumedMinor;
        if (!child && request.Consent is not (ConsentGiven or ConsentRefused))
        {
            errors["consent"] = ["Record whether the person agreed to be referred (Given or Refused), after explaining what referral means."];
        }
        var refused = !child && request.Consent == ConsentRefused;
        var alertDue = refused && DeclinedReferralAlert.IsDue(s, assessment);
        Organisation? unit = null;
        Organisation? guardianship = null;
        if (alertDue)
        {
            // Unless one is chosen, the unit nearest to the officer is alerted.
            unit = await db.ActiveOrganisationAsync(request.UnitId
                ?? (await AreaContacts.ForOrganisationAsync(db, s.OrganisationId, OrganisationType.AntiTraffickingUnit)).FirstOrDefault()?.Id,
                OrganisationType.AntiTraffickingUnit);
            if (unit is null)
            {
                errors["unitId"] = ["Choose the specialised unit to alert: the person declined, but the danger means the unit must know " +
                                    "(an alert carries no identity)."];
            }
        }
        if (!refused)
        {
            unit = await db.ActiveOrganisationAsync(request.UnitId, OrganisationType.AntiTraffickingUnit);
            if (unit is null)
            {
                errors["unitId"] = ["Choose the specialised anti-trafficking unit to refer to."];
            }
            if (child)
            {
                // Unless one is chosen, the guardianship service nearest to the officer is notified.
                var guardianshipId = request.GuardianshipServiceId
                    ?? (await AreaContacts.ForOrganisationAsync(db, s.OrganisationId, OrganisationType.Guardianship)).FirstOrDefault()?.Id;
                guardianship = await db.ActiveOrganisationAsync(guardianshipId, OrganisationType.Guardianship);
                if (guardianship is null)
                {
                    errors["guardianshipServiceId"] = ["No guardianship service is registered for your area. Call the guardianship " +
                                                       "service by phone now and ask an administrator to add it."];
                }
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        screenings.Complete(s);
        if (refused)
        {
            // One encounter is counted once: a refusal sent again (a second click, a retried request) adds nothing.
            Referral? alert = null;
            if (s.Status != ScreeningStatus.ReferralDeclined)
            {
                db.Add(await AnonymousAsync(s, assessment));
                if (alertDue)
                {
                    alert = await NewAlertAsync(s, assessment, unit!, user);
                    db.Add(alert);
                }
                s.Status = ScreeningStatus.ReferralDeclined;
                s.UpdatedAt = Now;
            }
            await db.SaveChangesAsync();
            return alert is null
                ? (new ReferralOutcome(ReferralResult.CountedAnonymously, []), errors)
                : (new ReferralOutcome(ReferralResult.CountedAnonymouslyAndUnitAlerted, [SentReferralResponse.From(alert, unit!.Name)]), errors);
        }

        var organisationName = await screenings.OrganisationNameAsync(s);
        var receivers = guardianship is null
            ? new[] { (ReferralKind.SpecialisedUnit, unit!) }
            : [(ReferralKind.SpecialisedUnit, unit!), (ReferralKind.Guardianship, guardianship)];
        var referrals = receivers.Select(x => (Referral: NewReferral(s, assessment, x.Item1, x.Item2, organisationName, child, user), To: x.Item2))
            .ToList();
        db.AddRange(referrals.Select(x => x.Referral));
        s.Status = ScreeningStatus.Referred;
        s.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return (new ReferralOutcome(ReferralResult.Referred,
            referrals.Select(x => SentReferralResponse.From(x.Referral, x.To.Name)).ToList()), errors);
    }

    private Referral NewReferral(Screening s, Assessment a, ReferralKind kind, Organisation to, string from, bool child, ClaimsPrincipal user) => new()
    {
        Reference = References.New("R", Now),
        ScreeningId = s.Id,
        Kind = kind,
        FromOrganisationId = s.OrganisationId,
        ToOrganisationId = to.Id,
        ReferredByUserId = user.UserId()!.Value,
        ReferredByName = user.DisplayName(),
        ReferredAt = Now,
        Consent = child ? ReferralConsent.NotRequiredForChild : ReferralConsent.Given,
        PresumedVictim = s.PresumedVictim,
        PresumedMinor = a.PresumedMinor,
        ImmediateDanger = s.ImmediateDanger,
        OffenderFlag = s.OffenderFlag,
        StatementText = WrittenStatement.ToText(screenings.Statement(s, a, from, to.Name)),
    };

    /// <summary>The de-personalised alert to the unit, as a referral of its own kind (see <see cref="DeclinedReferralAlert"/>).</summary>
    private async Task<Referral> NewAlertAsync(Screening s, Assessment a, Organisation unit, ClaimsPrincipal user)
    {
        var from = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == s.OrganisationId);
        var officer = new OfficerContact(user.DisplayName(), from.Name, from.Phone, from.Email);
        return new Referral
        {
            Reference = References.New("R", Now),
            ScreeningId = s.Id,
            Kind = ReferralKind.DeclinedReferralAlert,
            FromOrganisationId = s.OrganisationId,
            ToOrganisationId = unit.Id,
            ReferredByUserId = user.UserId()!.Value,
            ReferredByName = user.DisplayName(),
            ReferredAt = Now,
            Consent = ReferralConsent.Refused,
            PresumedVictim = s.PresumedVictim,
            PresumedMinor = false,
            ImmediateDanger = s.ImmediateDanger,
            OffenderFlag = false,
            StatementText = WrittenStatement.ToText(DeclinedReferralAlert.Compose(s, a, officer, unit.Name, screenings.Jurisdiction.Zone)),
        };
    }

    private async Task<AnonymousNotification> AnonymousAsync(Screening s, Assessment a)
    {
        var type = await db.Organisations.Where(o => o.Id == s.OrganisationId).Select(o => o.Type).SingleAsync();
        return new AnonymousNotification
        {
            Month = screenings.Jurisdiction.ToLocal(s.EncounteredAt ?? Now).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            ReportingOrganisationType = type.ToString(),
            IntakeChannel = s.IntakeChannel,
            AgeGroup = s.ApproximateAge is null ? "Unknown" : "Adult",
            Gender = s.Gender.ToString(),
            Forms = string.Join(' ', a.ByForm.Select(f => f.Form)),
            IndicatorCategories = string.Join(' ', a.ByCategory.Select(c => c.Category.Code)),
            IndicatorCount = a.IndicatorCount,
            PresumedVictim = s.PresumedVictim,
        };
    }

    /// <summary>
    /// One page of the referrals sent by the user's organisation, newest first, with the total: status only, never
    /// the content (the case is the unit's now). Only the listed columns are read: the statement stays encrypted.
    /// </summary>
    public async Task<(List<SentReferralResponse> Referrals, int Total)> SentPageAsync(ClaimsPrincipal user, ReferralListFilter filter,
        Paging paging)
    {
        var organisationId = user.OrganisationId();
        var sent = filter.Apply(db.Referrals.AsNoTracking().Where(r => r.FromOrganisationId == organisationId));
        var total = await sent.CountAsync();
        var rows = await sent.OrderByDescending(r => r.ReferredAt).ThenByDescending(r => r.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Join(db.Organisations, r => r.ToOrganisationId, o => o.Id,
                (r, o) => new { r.Id, r.Reference, r.Kind, To = o.Name, r.ReferredAt, r.Status, r.AcknowledgedAt })
            .ToListAsync();
        return (rows.OrderByDescending(r => r.ReferredAt).ThenByDescending(r => r.Id)
            .Select(r => new SentReferralResponse(r.Id, r.Reference, r.Kind.ToString(), r.To, r.ReferredAt, r.Status.ToString(), r.AcknowledgedAt))
            .ToList(), total);
    }

    public async Task<SentReferralResponse?> SentOneAsync(ClaimsPrincipal user, Guid id) =>
        await SentBy(user).SingleOrDefaultAsync(x => x.Referral.Id == id) is { } x ? SentReferralResponse.From(x.Referral, x.Name) : null;

    /// <summary>How many referrals to the user's organisation nobody has acknowledged yet, whatever page is shown.</summary>
    public Task<int> WaitingCountAsync(ClaimsPrincipal user)
    {
        var organisationId = user.OrganisationId();
        return db.Referrals.CountAsync(r => r.ToOrganisationId == organisationId && r.Status == ReferralStatus.Sent);
    }

    /// <summary>
    /// One page of the intake queue: referrals to the user's organisation, unacknowledged first, then those in danger,
    /// newest first; sorted and cut in the database, and the statement not read for a list.
    /// </summary>
    public async Task<(List<IncomingReferralResponse> Referrals, int Total)> IncomingPageAsync(ClaimsPrincipal user,
        ReferralListFilter filter, Paging paging)
    {
        var organisationId = user.OrganisationId();
        var received = filter.Apply(db.Referrals.AsNoTracking().Where(r => r.ToOrganisationId == organisationId));
        var total = await received.CountAsync();
        var rows = await received
            .OrderBy(r => r.Status == ReferralStatus.Sent ? 0 : 1).ThenByDescending(r => r.ImmediateDanger)
            .ThenByDescending(r => r.ReferredAt).ThenByDescending(r => r.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Join(db.Organisations, r => r.FromOrganisationId, o => o.Id, (r, o) => new
            {
                r.Id, r.Reference, r.Kind, From = o.Name, r.ReferredByName, r.ReferredAt, r.Status, r.AcknowledgedAt, r.AcknowledgedByName,
                r.PresumedVictim, r.PresumedMinor, r.ImmediateDanger, r.OffenderFlag, r.Consent,
            })
            .ToListAsync();
        await audit.RecordAsync(db, AuditActions.Search, AuditType,
            details: $"intake queue{filter.Describe()}, page {paging.Page}: {rows.Count} of {total} referrals");
        return (rows.OrderBy(r => r.Status == ReferralStatus.Sent ? 0 : 1).ThenByDescending(r => r.ImmediateDanger)
            .ThenByDescending(r => r.ReferredAt).ThenByDescending(r => r.Id)
            .Select(r => new IncomingReferralResponse(r.Id, r.Reference, r.Kind.ToString(), r.From, r.ReferredByName, r.ReferredAt,
                r.Status.ToString(), r.AcknowledgedAt, r.AcknowledgedByName, r.PresumedVictim, r.PresumedMinor, r.ImmediateDanger,
                r.OffenderFlag, r.Consent.ToString()))
            .ToList(), total);
    }

    /// <summary>A referral received by the user's organisation, with its statement; the read is audited.</summary>
    public async Task<(Referral Referral, string FromName)?> ReceivedAsync(ClaimsPrincipal user, Guid id)
    {
        var row = await ReceivedBy(user).SingleOrDefaultAsync(x => x.Referral.Id == id);
        await audit.RecordAsync(db, AuditActions.View, AuditType, id.ToString(), details: "referral statement",
            outcome: row is null ? AuditOutcome.Denied : AuditOutcome.Success);
        return row is null ? null : (row.Referral, row.Name);
    }

    /// <summary>Referrals from the user's organisation, with the receiver's name.</summary>
    private IQueryable<ReferralWithName> SentBy(ClaimsPrincipal user)
    {
        var organisationId = user.OrganisationId();
        return db.Referrals.AsNoTracking().Where(r => r.FromOrganisationId == organisationId)
            .Join(db.Organisations, r => r.ToOrganisationId, o => o.Id, (r, o) => new ReferralWithName { Referral = r, Name = o.Name });
    }

    /// <summary>Referrals to the user's organisation, with the sender's name (tracked, so they can be acknowledged).</summary>
    private IQueryable<ReferralWithName> ReceivedBy(ClaimsPrincipal user)
    {
        var organisationId = user.OrganisationId();
        return db.Referrals.Where(r => r.ToOrganisationId == organisationId)
            .Join(db.Organisations, r => r.FromOrganisationId, o => o.Id, (r, o) => new ReferralWithName { Referral = r, Name = o.Name });
    }

    // Initialised by member, not by constructor: EF can then filter and sort on its properties in SQL.
    private sealed class ReferralWithName
    {
        public required Referral Referral { get; init; }
        public required string Name { get; init; }
    }

    public async Task AcknowledgeAsync(Referral referral, ClaimsPrincipal user)
    {
        if (referral.Status == ReferralStatus.Sent)
        {
            referral.Status = ReferralStatus.Acknowledged;
            referral.AcknowledgedAt = Now;
            referral.AcknowledgedByName = user.DisplayName();
            await db.SaveChangesAsync();
        }
    }
}

public sealed record SentReferralResponse(Guid Id, string Reference, string Kind, string ToOrganisation, DateTime ReferredAt,
    string Status, DateTime? AcknowledgedAt)
{
    public static SentReferralResponse From(Referral r, string to) =>
        new(r.Id, r.Reference, r.Kind.ToString(), to, r.ReferredAt, r.Status.ToString(), r.AcknowledgedAt);
}

public sealed record IncomingReferralResponse(Guid Id, string Reference, string Kind, string FromOrganisation, string ReferredBy,
    DateTime ReferredAt, string Status, DateTime? AcknowledgedAt, string? AcknowledgedBy, bool PresumedVictim, bool PresumedMinor,
    bool ImmediateDanger, bool OffenderFlag, string Consent)
{
    public static IncomingReferralResponse From(Referral r, string from) =>
        new(r.Id, r.Reference, r.Kind.ToString(), from, r.ReferredByName, r.ReferredAt, r.Status.ToString(), r.AcknowledgedAt,
            r.AcknowledgedByName, r.PresumedVictim, r.PresumedMinor, r.ImmediateDanger, r.OffenderFlag, r.Consent.ToString());
}

public sealed record ReceivedReferralResponse(IncomingReferralResponse Referral, string Statement);

/// <summary>What a list of referrals can be narrowed to, read the same way from the API's query and the pages' (issue #9 item 16).</summary>
public sealed record ReferralListFilter(ReferralStatus? Status, string? Reference)
{
    public const int ReferenceLength = 20;
    public static readonly ReferralListFilter None = new(null, null);

    /// <summary>The filter, or null with the field named in <paramref name="errors"/>.</summary>
    public static ReferralListFilter? From(string? status, string? reference, IDictionary<string, string[]> errors)
    {
        ReferralStatus? parsed = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            parsed = Enums.Named<ReferralStatus>(status.Trim(), ignoreCase: true);
            if (parsed is null)
            {
                errors["status"] = [$"Choose a status: {string.Join(", ", Enum.GetNames<ReferralStatus>())}."];
            }
        }
        var trimmed = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim().ToUpperInvariant();
        if (trimmed is { Length: > ReferenceLength })
        {
            errors["reference"] = [$"A referral reference has at most {ReferenceLength} characters."];
        }
        return errors.Count > 0 ? null : new ReferralListFilter(parsed, trimmed);
    }

    public IQueryable<Referral> Apply(IQueryable<Referral> referrals)
    {
        if (Status is { } status)
        {
            referrals = referrals.Where(r => r.Status == status);
        }
        if (Reference is { } reference)
        {
            referrals = referrals.Where(r => r.Reference.Contains(reference));
        }
        return referrals;
    }

    public string Describe() =>
        (Status is null ? "" : $", status {Status}") + (Reference is null ? "" : $", reference containing {Reference}");
}
