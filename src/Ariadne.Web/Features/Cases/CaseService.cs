using System.Security.Claims;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Consent;
using Ariadne.Web.Features.Jurisdiction;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Safety;
using Ariadne.Web.Features.Screenings;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Cases;

/// <summary>
/// A case loaded for one user, with what that user may see and do; <c>PendingHandoverTo</c> is the organisation a pending
/// handover of the case waits for, if any (it alone may accept).
/// </summary>
public sealed record LoadedCase(Case Case, CaseAccess Access, IReadOnlyList<ConsentRecord> Consents, Guid? PendingHandoverTo = null);

/// <summary>
/// The National Referral Mechanism's case tracking: opening a case from a referral, moving it through the
/// lifecycle, ownership and handovers, and the timeline. Every load goes through <see cref="LoadAsync"/>,
/// which filters by the user's part in the case and audits the read.
/// </summary>
public sealed partial class CaseService(
    AriadneDbContext db,
    AuditTrail audit,
    ScreeningService screenings,
    CaseProtector protector,
    JurisdictionProfile profile,
    TimeProvider time,
    IAuthorizationService authorization)
{
    public const string AuditType = "Case";

    public DateTime Now => time.GetUtcNow().UtcDateTime;
    public JurisdictionProfile Profile => profile;
    public AriadneDbContext Db => db;

    /// <summary>Opens the case for a referral received by the user's unit (R-ACT-08 → L2); opening twice returns the same case.</summary>
    public async Task<CaseResult<Case>> OpenFromReferralAsync(ClaimsPrincipal user, Guid referralId)
    {
        var org = user.OrganisationId();
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId && r.ToOrganisationId == org);
        if (referral is null)
        {
            return CaseError.Invalid("referralId", "Choose a referral your organisation received.");
        }
        if (referral.Kind == ReferralKind.DeclinedReferralAlert)
        {
            return CaseError.Invalid("referralId", "The person declined referral: an alert tells the unit of a danger and opens no case (R-LEG-04).");
        }
        if (referral.Kind != ReferralKind.SpecialisedUnit)
        {
            return CaseError.Invalid("referralId", "The guardianship service is notified of a child; the specialised unit opens the case.");
        }
        if (await db.Cases.SingleOrDefaultAsync(c => c.ReferralId == referralId) is { } existing)
        {
            return existing;
        }
        var screening = await db.Screenings.Include(s => s.Indicators).AsSplitQuery().SingleAsync(s => s.Id == referral.ScreeningId);
        var assessment = screenings.Assess(screening);
        var now = Now;
        var c = new Case
        {
            Reference = References.New("C", now),
            ReferralId = referral.Id,
            ReferringOrganisationId = referral.FromOrganisationId,
            OpenedAt = now,
            OpenedByName = user.DisplayName(),
            StageChangedAt = now,
            OwnerOrganisationId = org!.Value,
            OwnerUserId = user.UserId(),
            OwnerName = user.DisplayName(),
            LastActivityAt = now,
            DecisionTargetAt = CaseDeadlines.DecisionTarget(now, profile),
            PersonName = screening.PersonName,
            Gender = screening.Gender.ToString(),
            Nationality = screening.Nationality,
            Language = screening.Language,
            ApproximateAge = screening.ApproximateAge,
            AgeStatus = referral.PresumedMinor ? AgeStatus.PresumedMinor : AgeStatus.Unknown,
            ExploitationForms = string.Join(' ', assessment.ByForm.Select(f => f.Form)),
            // R-IND-07, R-TR-01: the flags set on the screening travel onto the case.
            PresumedVictim = referral.PresumedVictim,
            SuspectedOffender = referral.OffenderFlag,
        };
        db.CaseStatusChanges.Add(new CaseStatusChange
        {
            CaseId = c.Id, EffectiveAt = referral.ReferredAt, RecordedAt = now, PresumedVictim = c.PresumedVictim,
            SuspectedOffender = c.SuspectedOffender, Reason = $"As set on the screening referred in {referral.Reference}",
            RecordedByName = referral.ReferredByName, RecordedByOrganisationId = referral.FromOrganisationId,
        });
        c.Participants.Add(new CaseParticipant { CaseId = c.Id, OrganisationId = org.Value, Kind = ParticipantKind.Owner, AddedAt = now });
        if (referral.FromOrganisationId != org)
        {
            c.Participants.Add(new CaseParticipant
                { CaseId = c.Id, OrganisationId = referral.FromOrganisationId, Kind = ParticipantKind.Referrer, AddedAt = now });
        }
        // The guardianship service told about the same child sees the case from the start (CH-PR-01).
        var guardianship = await db.Referrals.Where(r => r.ScreeningId == referral.ScreeningId && r.Kind == ReferralKind.Guardianship)
            .Select(r => (Guid?)r.ToOrganisationId).FirstOrDefaultAsync();
        if (guardianship is { } g && g != org)
        {
            c.Participants.Add(new CaseParticipant { CaseId = c.Id, OrganisationId = g, Kind = ParticipantKind.Guardian, AddedAt = now });
        }
        Refresh(c);
        db.Cases.Add(c);
        db.CaseDocuments.Add(new CaseDocument
        {
            CaseId = c.Id,
            Kind = DocumentKind.ReferralStatement,
            Title = $"First-contact statement (referral {referral.Reference})",
            ContentCipher = protector.ProtectDocument(referral.StatementText),
            RecordedAt = referral.ReferredAt,
            RecordedByName = referral.ReferredByName,
            RecordedByOrganisationId = referral.FromOrganisationId,
        });
        if (referral.Status == ReferralStatus.Sent)
        {
            referral.Status = ReferralStatus.Acknowledged;
            referral.AcknowledgedAt = now;
            referral.AcknowledgedByName = user.DisplayName();
        }
        AddEvent(c, user, "opened", $"Case opened from referral {referral.Reference}" + (c.IsChild ? " (presumed child)" : "") +
            $"; {PersonStatus.Words(PersonStatus.Role(c.PresumedVictim, c.SuspectedOffender))}", null, null, CaseStage.Intake);
        await db.SaveChangesAsync();
        return c;
    }

    /// <summary>
    /// Loads a case for the user: null when their organisation has no part in it (the API answers 404, never 403,
    /// so a case's existence is not disclosed). Every load is audited, with the view the user got.
    /// </summary>
    public async Task<LoadedCase?> LoadAsync(ClaimsPrincipal user, Guid id, string purpose)
    {
        var found = await FindAsync(user, id);
        await audit.RecordAsync(db, AuditActions.View, AuditType, id.ToString(),
            details: found is null ? purpose : $"{purpose}; {found.Access.View} view",
            outcome: found is null ? AuditOutcome.Denied : AuditOutcome.Success);
        return found;
    }

    /// <summary>As <see cref="LoadAsync"/> without the audit entry, for changes (which are audited as changes).</summary>
    public async Task<LoadedCase?> FindAsync(ClaimsPrincipal user, Guid id)
    {
        var org = user.OrganisationId();
        var coordinator = user.IsInRole(Roles.Coordinator);
        var c = await db.Cases.Include(x => x.Participants).Include(x => x.Outcomes).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id && (coordinator || x.Participants.Any(p => p.OrganisationId == org)));
        if (c is null)
        {
            return null;
        }
        var consents = await db.Consents.Where(x => x.CaseId == id).ToListAsync();
        var pending = await db.Handovers.Where(h => h.CaseId == id && h.Status == HandoverStatus.Pending)
            .Select(h => (Guid?)h.ToOrganisationId).FirstOrDefaultAsync();
        var access = CaseAccess.For(user, c, consents, profile, pending);
        return access.View == CaseView.None ? null : new LoadedCase(c, access, consents, pending);
    }

    /// <summary>
    /// The case, when the user's organisation works on it: beyond the referrer's view of the status. Every operation
    /// that changes a case starts here; a case the organisation only follows, or has no part in, answers "not found".
    /// </summary>
    public async Task<LoadedCase?> FindForWorkAsync(ClaimsPrincipal user, Guid id) =>
        await FindAsync(user, id) is { Access.SeesCase: true } loaded ? loaded : null;

    /// <summary>Moves the case through the lifecycle; refused transitions change nothing and say why.</summary>
    public async Task<CaseResult<Case>> TransitionAsync(ClaimsPrincipal user, Guid id, TransitionRequest request)
    {
        // The referrer sees the status only, and the one step it may take is to ask for a negative decision to be reconsidered.
        if (await FindAsync(user, id) is not { } loaded
            || !(loaded.Access.SeesCase || (request.Trigger == CaseTrigger.RequestReconsideration && loaded.Access.MayRequestReconsideration)))
        {
            return CaseError.NotFound;
        }
        var c = loaded.Case;
        var now = Now;
        if (request.Trigger == CaseTrigger.RecordOutcome && request.OutcomeCode is { } code)
        {
            if (profile.Outcomes.All(o => o.Code != code))
            {
                return CaseError.Invalid("outcome", $"'{code}' is not an outcome of this jurisdiction.");
            }
            if (c.Outcomes.Any(o => o.Code == code))
            {
                return CaseError.Conflict("This outcome is already recorded.");
            }
        }
        var result = CaseLifecycle.Decide(CaseFacts.Of(c, profile.LocalDate(now)), loaded.Access.Actor, request);
        if (!result.Allowed)
        {
            return CaseError.From(result);
        }
        var from = c.Stage;
        string summary;
        switch (request.Trigger)
        {
            case CaseTrigger.StartAssessment:
                summary = "Assessment started";
                break;
            case CaseTrigger.ReasonableGroundsPositive:
                RecordDecision(c, DecisionLevel.ReasonableGrounds, DecisionResult.Positive, now);
                c.ReflectionStartedAt = now;
                c.ReflectionMinimumEndsOn = CaseDeadlines.ReflectionMinimumEnd(now, profile);
                c.ReflectionEndsOn = c.ReflectionMinimumEndsOn;
                summary = $"Positive reasonable-grounds decision; reflection and recovery period until {c.ReflectionEndsOn:d MMM yyyy}";
                break;
            case CaseTrigger.ReasonableGroundsNegative:
                RecordDecision(c, DecisionLevel.ReasonableGrounds, DecisionResult.Negative, now);
                summary = "Negative reasonable-grounds decision";
                break;
            case CaseTrigger.ExtendReflection:
                var before = c.ReflectionEndsOn!.Value;
                c.ReflectionEndsOn = CaseDeadlines.Extend(before, request.ExtensionDays!.Value);
                summary = $"Reflection and recovery period extended by {request.ExtensionDays} days, to {c.ReflectionEndsOn:d MMM yyyy}";
                break;
            case CaseTrigger.ConclusivePositive:
                RecordDecision(c, DecisionLevel.Conclusive, DecisionResult.Positive, now);
                summary = "Positive conclusive decision" + EarlyDecision(c, request, user, now);
                break;
            case CaseTrigger.ConclusiveNegative:
                RecordDecision(c, DecisionLevel.Conclusive, DecisionResult.Negative, now);
                summary = "Negative conclusive decision" + EarlyDecision(c, request, user, now);
                break;
            case CaseTrigger.RequestReconsideration:
                c.ReconsiderationDueAt = CaseDeadlines.DecisionTarget(now, profile);
                summary = $"Reconsideration of the {(c.NegativeDecisionLevel == DecisionLevel.Conclusive ? "conclusive" : "reasonable-grounds")} " +
                          $"decision requested by {await OrganisationNameAsync(loaded.Access.OrganisationId)}";
                break;
            case CaseTrigger.RecordOutcome:
                c.Outcomes.Add(new CaseOutcome { CaseId = c.Id, Code = request.OutcomeCode!, RecordedAt = now, RecordedByName = user.DisplayName() });
                summary = $"Outcome recorded: {request.OutcomeCode} {profile.Outcomes.Single(o => o.Code == request.OutcomeCode).Label}";
                break;
            case CaseTrigger.Review:
                summary = "Case reviewed";
                break;
            case CaseTrigger.Close:
                c.StageBeforeClosure = from;
                c.ClosureReason = request.ClosureReason;
                c.ClosedAt = now;
                summary = $"Case closed: {request.ClosureReason}";
                await WindDownAsync(c, user, now);
                break;
            case CaseTrigger.Reopen:
                c.ClosureReason = null;
                c.ClosedAt = null;
                c.StageBeforeClosure = null;
                summary = $"Case reopened in {CaseLifecycle.Words(result.To)}";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(request));
        }
        if (result.To != from)
        {
            c.Stage = result.To;
            c.StageChangedAt = now;
        }
        if (result.To is CaseStage.Recovery or CaseStage.NegativeDecision
            && (from != result.To || request.Trigger is CaseTrigger.Review or CaseTrigger.RecordOutcome))
        {
            c.ReviewDueOn = profile.LocalDate(now).AddDays(CaseDeadlines.ReviewInterval(c, profile));
        }
        AddEvent(c, user, request.Trigger.ToString(), summary, request.Reason, from, result.To);
        // R-LEG-02: a reconsideration (or a reopened identification) suspends a return planned on the earlier decision.
        await KeepReturnSafeAsync(c, user);
        await db.SaveChangesAsync();
        return c;
    }

    /// <summary>
    /// A conclusive decision taken while the reflection period runs: the reason for deciding early is required by the
    /// lifecycle and kept on the timeline, and the period keeps its end date (L4): it is never shortened.
    /// </summary>
    private string EarlyDecision(Case c, TransitionRequest request, ClaimsPrincipal user, DateTime now)
    {
        if (c.ReflectionEndsOn is not { } end || end < profile.LocalDate(now))
        {
            return "";
        }
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = c.Id, At = now, Kind = "early-decision",
            Summary = $"Decided before the reflection period ends; the period still runs until {end:d MMM yyyy}",
            Detail = request.EarlyDecisionReason?.Trim(), ActorName = user.DisplayName(), ActorOrganisationId = user.OrganisationId(),
        });
        return $", before the reflection period ends on {end:d MMM yyyy}";
    }

    /// <summary>
    /// NRM-P3: a closed case takes nothing new, so what waits for an answer is withdrawn rather than left to be
    /// accepted later: pending handovers, and services proposed but not yet accepted.
    /// </summary>
    private async Task WindDownAsync(Case c, ClaimsPrincipal user, DateTime now)
    {
        foreach (var h in await db.Handovers.Where(h => h.CaseId == c.Id && h.Status == HandoverStatus.Pending).ToListAsync())
        {
            h.Status = HandoverStatus.Withdrawn;
            h.RespondedAt = now;
            h.RespondedByName = user.DisplayName();
        }
        foreach (var p in await db.ServiceProposals.Where(p => p.CaseId == c.Id && p.Status == Support.ServiceStatus.Proposed).ToListAsync())
        {
            p.Status = Support.ServiceStatus.Revoked;
            p.RespondedAt = now;
            p.RespondedByName = user.DisplayName();
            p.StatusReason = "The case was closed.";
        }
    }

    /// <summary>Every risk assessment of the case as the return safeguard reads it.</summary>
    public async Task<List<RiskFinding>> RiskFindingsAsync(Guid caseId) =>
        (await db.RiskAssessments.AsNoTracking().Where(r => r.CaseId == caseId)
            .Select(r => new { r.AssessedAt, r.Purpose, r.RiskIdentified, r.WithGuardian }).ToListAsync())
        .Select(r => new RiskFinding(r.AssessedAt, r.Purpose == RiskPurpose.Return, r.RiskIdentified, r.WithGuardian, r.Purpose == RiskPurpose.Review))
        .ToList();

    /// <summary>The return safeguard's view of the case today (<see cref="ReturnSafeguard"/>).</summary>
    public async Task<ReturnFacts> ReturnFactsAsync(Case c, RiskFinding? recordedNow = null)
    {
        var findings = await RiskFindingsAsync(c.Id);
        if (recordedNow is not null)
        {
            findings.Add(recordedNow);
        }
        return ReturnFacts.Of(c, profile.LocalDate(Now), findings);
    }

    /// <summary>
    /// R-LEG-02, L4, CH-PR-19: a return plan in force is suspended as soon as the safeguard blocks it (a reconsideration
    /// started, a danger was found); the timeline says why. Nothing is saved here: the caller saves with its own change.
    /// </summary>
    public async Task KeepReturnSafeAsync(Case c, ClaimsPrincipal user, RiskFinding? recordedNow = null)
    {
        if (!c.ReturnInForce)
        {
            return;
        }
        var facts = await ReturnFactsAsync(c, recordedNow);
        var blocks = ReturnSafeguard.Suspending(facts);
        if (blocks.Count == 0)
        {
            return;
        }
        c.ReturnSuspendedAt = Now;
        c.ReturnSuspendedBecause = string.Join(' ', blocks);
        AddEvent(c, user, "return-suspended", "Return plan suspended: " + string.Join(" ", blocks.Select(b => ReturnSafeguard.Words(b, facts))),
            null, null, null);
    }

    /// <summary>
    /// R-TR-01: the person's status changes (suspect to presumed victim, a flag set or removed) with its reason, when
    /// it took effect and who recorded it. Earlier records stay on the case and are marked as taken while a suspect.
    /// </summary>
    public async Task<CaseResult<Case>> ChangeStatusAsync(ClaimsPrincipal user, Guid id, StatusChangeRequest request)
    {
        if (await FindForWorkAsync(user, id) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        var c = loaded.Case;
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.ChangePersonStatus))
        {
            return CaseError.Forbidden("The organisation that owns the case records a change of the person's status.");
        }
        if (ClosedCase.Refusal(c, CaseChange.ChangePersonStatus) is { } closed)
        {
            return closed;
        }
        var now = Now;
        var last = await db.CaseStatusChanges.Where(x => x.CaseId == id).OrderByDescending(x => x.EffectiveAt)
            .Select(x => (DateTime?)x.EffectiveAt).FirstOrDefaultAsync();
        if (PersonStatus.Refusal(c.PresumedVictim, c.SuspectedOffender, request, last, now) is { } refusal)
        {
            return CaseError.Invalid(refusal.Field, refusal.Message);
        }
        var from = PersonStatus.Role(c.PresumedVictim, c.SuspectedOffender);
        c.PresumedVictim = request.PresumedVictim ?? c.PresumedVictim;
        c.SuspectedOffender = request.SuspectedOffender ?? c.SuspectedOffender;
        var effective = request.EffectiveAt?.ToUniversalTime() ?? now;
        db.CaseStatusChanges.Add(new CaseStatusChange
        {
            CaseId = id, EffectiveAt = effective, RecordedAt = now, PresumedVictim = c.PresumedVictim, SuspectedOffender = c.SuspectedOffender,
            Reason = request.Reason!.Trim(), RecordedByName = user.DisplayName(), RecordedByOrganisationId = loaded.Access.OrganisationId,
        });
        AddEvent(c, user, "status-changed", PersonStatus.Summary(from, PersonStatus.Role(c.PresumedVictim, c.SuspectedOffender)) +
                                            (effective < now.AddMinutes(-5) ? $", effective {profile.ToLocal(effective):d MMM yyyy HH:mm}" : ""),
            request.Reason, null, null);
        await db.SaveChangesAsync();
        return c;
    }

    /// <summary>The person's status history, oldest first.</summary>
    public Task<List<CaseStatusChange>> StatusHistoryAsync(Guid caseId) =>
        db.CaseStatusChanges.AsNoTracking().Where(x => x.CaseId == caseId).OrderBy(x => x.EffectiveAt).ThenBy(x => x.RecordedAt).ToListAsync();

    /// <summary>Records a decision; a negative one is remembered as the one a reconsideration would concern.</summary>
    private static void RecordDecision(Case c, DecisionLevel level, DecisionResult result, DateTime now)
    {
        if (level == DecisionLevel.ReasonableGrounds)
        {
            c.ReasonableGrounds = result;
            c.ReasonableGroundsAt = now;
        }
        else
        {
            c.Conclusive = result;
            c.ConclusiveAt = now;
        }
        c.NegativeDecisionLevel = result == DecisionResult.Negative ? level : null;
    }

    /// <summary>Gives the case to a named person of the owning organisation (or leaves it for the team: the coordinator sees that).</summary>
    public async Task<CaseResult<Case>> AssignAsync(ClaimsPrincipal user, Guid id, Guid? userId)
    {
        if (await FindForWorkAsync(user, id) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (ClosedCase.Refusal(loaded.Case, CaseChange.Assign) is { } closed)
        {
            return closed;
        }
        var c = loaded.Case;
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.Assign))
        {
            return CaseError.Forbidden("Only the organisation that owns the case assigns it.");
        }
        string? name = null;
        if (userId is { } uid)
        {
            name = await db.Users.Where(u => u.Id == uid && u.OrganisationId == c.OwnerOrganisationId && u.IsActive)
                .Select(u => u.DisplayName).SingleOrDefaultAsync();
            if (name is null)
            {
                return CaseError.Invalid("userId", "Choose an active member of the organisation that owns the case.");
            }
        }
        c.OwnerUserId = userId;
        c.OwnerName = name;
        AddEvent(c, user, "assigned", name is null ? "Case left with the team, no named case worker" : $"Case assigned to {name}", null, null, null);
        await db.SaveChangesAsync();
        return c;
    }

    /// <summary>
    /// Asks another organisation to take the case over. Until its member accepts, the case stays with the
    /// sender and the handover shows as pending on the coordinator's dashboard.
    /// </summary>
    public async Task<CaseResult<CaseHandover>> RequestHandoverAsync(ClaimsPrincipal user, Guid id, Guid toOrganisationId, string? reason)
    {
        if (await FindForWorkAsync(user, id) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        var c = loaded.Case;
        // Only the owner hands over (item 6): the coordinator oversees handovers but cannot take a case over on its own.
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.HandOver))
        {
            return CaseError.Forbidden("Only the organisation that owns the case hands it over.");
        }
        if (ClosedCase.Refusal(c, CaseChange.RequestHandover) is { } closed)
        {
            return closed;
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseError.Invalid("reason", "Say why the case is handed over.");
        }
        var to = await db.ActiveOrganisationAsync(toOrganisationId);
        if (to is null || to.Id == c.OwnerOrganisationId || !CanOwnCases(to.Type))
        {
            return CaseError.Invalid("toOrganisationId", "Choose another active specialised unit, support organisation, guardianship " +
                                                         "service or the national coordinator.");
        }
        if (await db.Handovers.AnyAsync(h => h.CaseId == id && h.Status == HandoverStatus.Pending))
        {
            return CaseError.Conflict("A handover of this case is already waiting for acceptance.");
        }
        var now = Now;
        var handover = new CaseHandover
        {
            CaseId = id, FromOrganisationId = c.OwnerOrganisationId, ToOrganisationId = to.Id, Reason = reason.Trim(),
            RequestedAt = now, RequestedByName = user.DisplayName(),
        };
        db.Handovers.Add(handover);
        // An organisation already working on the case keeps its part, so it still has it if it declines; a newcomer, or the
        // referrer (which sees the status only), becomes the receiver and sees the de-personalised case until it answers.
        if (c.Participants.SingleOrDefault(p => p.OrganisationId == to.Id)?.Kind is null or ParticipantKind.Referrer)
        {
            AddParticipant(c, to.Id, ParticipantKind.HandoverReceiver, now);
        }
        AddEvent(c, user, "handover-requested", $"Handover to {to.Name} requested; pending until {to.Name} accepts", reason, null, null);
        await db.SaveChangesAsync();
        return handover;
    }

    public static bool CanOwnCases(OrganisationType type) => type is OrganisationType.AntiTraffickingUnit or OrganisationType.VictimSupport
        or OrganisationType.Guardianship or OrganisationType.NationalReferralCoordinator;

    /// <summary>The receiving organisation accepts (it now owns the case, the acceptor works it) or declines with a reason.</summary>
    public async Task<CaseResult<CaseHandover>> RespondToHandoverAsync(ClaimsPrincipal user, Guid id, Guid handoverId, bool accept, string? reason)
    {
        if (await FindForWorkAsync(user, id) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        var handover = await db.Handovers.SingleOrDefaultAsync(h => h.Id == handoverId && h.CaseId == id);
        if (handover is null)
        {
            return CaseError.NotFound;
        }
        if (handover.ToOrganisationId != loaded.Access.OrganisationId)
        {
            return CaseError.Forbidden("Only the receiving organisation accepts or declines a handover.");
        }
        // The organisation the handover was addressed to is told why it can no longer answer: the case closed, or the
        // handover was already answered or withdrawn (closing withdraws it). Only then does the table decide.
        if (ClosedCase.Refusal(loaded.Case, accept ? CaseChange.AcceptHandover : CaseChange.DeclineHandover) is { } closed)
        {
            return closed;
        }
        if (handover.Status != HandoverStatus.Pending)
        {
            return CaseError.Conflict($"This handover was already {handover.Status.ToString().ToLowerInvariant()}.");
        }
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.AcceptHandover))
        {
            return CaseError.Forbidden("Only the receiving organisation accepts or declines a handover.");
        }
        if (!accept && string.IsNullOrWhiteSpace(reason))
        {
            return CaseError.Invalid("reason", "Say why the handover is declined, so the sender can find the right organisation.");
        }
        var c = loaded.Case;
        var now = Now;
        handover.Status = accept ? HandoverStatus.Accepted : HandoverStatus.Declined;
        handover.RespondedAt = now;
        handover.RespondedByName = user.DisplayName();
        handover.DeclineReason = accept ? null : reason!.Trim();
        var toName = await OrganisationNameAsync(handover.ToOrganisationId);
        if (accept)
        {
            foreach (var p in c.Participants.Where(p => p.Kind == ParticipantKind.Owner))
            {
                p.Kind = ParticipantKind.FormerOwner;
            }
            AddParticipant(c, handover.ToOrganisationId, ParticipantKind.Owner, now);
            c.OwnerOrganisationId = handover.ToOrganisationId;
            c.OwnerUserId = user.UserId();
            c.OwnerName = user.DisplayName();
            AddEvent(c, user, "handover-accepted", $"Handover accepted: {toName} owns the case", null, null, null);
        }
        else
        {
            // A receiver that had no part before has none after declining; the referrer goes back to following its referral.
            var receiver = c.Participants.SingleOrDefault(p => p.OrganisationId == handover.ToOrganisationId
                                                               && p.Kind == ParticipantKind.HandoverReceiver);
            if (receiver is not null && receiver.OrganisationId == c.ReferringOrganisationId)
            {
                receiver.Kind = ParticipantKind.Referrer;
            }
            else if (receiver is not null)
            {
                c.Participants.Remove(receiver);
            }
            AddEvent(c, user, "handover-declined", $"Handover declined by {toName}", reason, null, null);
        }
        await db.SaveChangesAsync();
        return handover;
    }

    /// <summary>Brings another organisation into the case (prosecution, another unit). It sees personal data only with consent.</summary>
    public async Task<CaseResult<Case>> InviteAsync(ClaimsPrincipal user, Guid id, Guid organisationId)
    {
        if (await FindForWorkAsync(user, id) is not { } loaded)
        {
            return CaseError.NotFound;
        }
        if (ClosedCase.Refusal(loaded.Case, CaseChange.Invite) is { } closed)
        {
            return closed;
        }
        if (!await authorization.AllowsAsync(user, loaded, CaseOperation.InviteParticipant))
        {
            return CaseError.Forbidden("Only the organisation that owns the case invites others.");
        }
        var org = await db.ActiveOrganisationAsync(organisationId);
        if (org is null || org.Type == OrganisationType.Administration)
        {
            return CaseError.Invalid("organisationId", "Choose an active organisation.");
        }
        // A partner abroad is no part of the national mechanism and sees no case data at all; it receives intelligence only.
        if (org.Type == OrganisationType.ForeignLiaisonPartner)
        {
            return CaseError.Invalid("organisationId", "A foreign or liaison partner cannot take part in a case; share through intelligence.");
        }
        var c = loaded.Case;
        if (c.Participants.All(p => p.OrganisationId != org.Id))
        {
            AddParticipant(c, org.Id, ParticipantKind.Invited, Now);
            AddEvent(c, user, "participant-added", $"{org.Name} joined the case", null, null, null);
            await db.SaveChangesAsync();
        }
        return c;
    }

    /// <summary>One row per organisation: a stronger part replaces a weaker one (an invited unit that receives a handover).</summary>
    internal static void AddParticipant(Case c, Guid organisationId, ParticipantKind kind, DateTime now)
    {
        var existing = c.Participants.SingleOrDefault(p => p.OrganisationId == organisationId);
        if (existing is null)
        {
            c.Participants.Add(new CaseParticipant { CaseId = c.Id, OrganisationId = organisationId, Kind = kind, AddedAt = now });
        }
        else if (Rank(existing.Kind) < Rank(kind))
        {
            existing.Kind = kind;
        }
    }

    /// <summary>How strong a part is: one row per organisation, the stronger replaces the weaker.</summary>
    internal static int Rank(ParticipantKind k) => k switch
    {
        ParticipantKind.Referrer => 0,
        ParticipantKind.FormerOwner => 1,
        ParticipantKind.Invited => 2,
        ParticipantKind.HandoverReceiver => 3,
        ParticipantKind.Support => 4,
        ParticipantKind.Guardian => 5,
        ParticipantKind.Owner => 6,
    };

    /// <summary>Adds a line to the timeline and marks the case as active, with its next due date recomputed.</summary>
    public void AddEvent(Case c, ClaimsPrincipal user, string kind, string summary, string? detail, CaseStage? from, CaseStage? to)
    {
        var now = Now;
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = c.Id, At = now, Kind = kind, Summary = summary, Detail = string.IsNullOrWhiteSpace(detail) ? null : detail.Trim(),
            ActorName = user.DisplayName(), ActorOrganisationId = user.OrganisationId(), FromStage = from, ToStage = to,
        });
        c.LastActivityAt = now;
        Refresh(c);
    }

    public void Refresh(Case c)
    {
        var due = CaseDeadlines.NextDue(c, profile);
        c.NextDueAt = due?.At;
        c.NextDueWhat = due?.What;
    }

    public Task<string> OrganisationNameAsync(Guid id) => db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync();
}
