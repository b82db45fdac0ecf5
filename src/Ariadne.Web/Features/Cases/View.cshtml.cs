using Ariadne.Web.Features.Children;
using Ariadne.Web.Features.Consent;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Safety;
using Ariadne.Web.Features.Support;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ariadne.Web.Features.Shared;

namespace Ariadne.Web.Features.Cases;

/// <summary>
/// One case as the viewer may see it (<see cref="CaseEndpoints.DetailAsync"/>, cut to their access) with the
/// forms for the work their part allows. Every form posts to its own handler, which calls the same service
/// method as the API; a refusal is shown next to that form with what was typed, and nothing saved is lost.
/// </summary>
[Authorize(Policy = Policies.Cases)]
[VersionedBy(typeof(Case))]
public sealed class CaseViewModel(
    CaseService cases,
    SupportWork support,
    ConsentWork consent,
    SafetyWork safety,
    ChildWork children,
    PersonDuplicates duplicates,
    IAuthorizationService authorization) : PageModel
{
    public sealed class StepInput
    {
        public string? Trigger { get; set; }
        public string? Reason { get; set; }
        public string? ClosureReason { get; set; }
        public int? ExtensionDays { get; set; }
        public string? Outcome { get; set; }
        public string? EarlyDecisionReason { get; set; }
    }

    /// <summary>A change of the person's status (R-TR-01): the flags as they should become, when, and why.</summary>
    public sealed class StatusInput
    {
        public bool PresumedVictim { get; set; }
        public bool SuspectedOffender { get; set; }
        public DateTime? EffectiveAt { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class AssignInput
    {
        public Guid? UserId { get; set; }
    }

    public sealed class HandoverInput
    {
        public Guid? ToOrganisationId { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class InviteInput
    {
        public Guid? OrganisationId { get; set; }
    }

    public sealed class ProposeInput
    {
        public string? Service { get; set; }
        public Guid? ProviderOrganisationId { get; set; }
        public string? Note { get; set; }
    }

    public sealed class PlaceInput
    {
        public Guid? ProposalId { get; set; }
        public Guid? ShelterId { get; set; }
        public Guid? RiskAssessmentId { get; set; }
    }

    public sealed class ConsentInput
    {
        public string? Purpose { get; set; }
        public Guid? RecipientOrganisationId { get; set; }
        public string? DocumentVersion { get; set; }
        public bool RolesExplained { get; set; }
        public bool ExplainedToPerson { get; set; }
    }

    public sealed class RiskInput
    {
        public string? Purpose { get; set; }
        public string? ThreatToPerson { get; set; }
        public string? ThreatToFamily { get; set; }
        public string? ReTrafficking { get; set; }
        public bool RiskIdentified { get; set; }
        public string? Summary { get; set; }
        public string? Reviewer { get; set; }
    }

    public sealed class GuardianInput
    {
        public Guid? GuardianshipOrganisationId { get; set; }
        public string? GuardianName { get; set; }
    }

    public sealed class AgeInput
    {
        public string? Method { get; set; }
        public string? Result { get; set; }
        public DateOnly? AssessedOn { get; set; }
        public string? AssessedBy { get; set; }
    }

    public sealed class InterviewInput
    {
        public DateTime? HeldAt { get; set; }
        public string? Venue { get; set; }
        public string? VenueDescription { get; set; }
        public string? InterviewerName { get; set; }
        public string? GuardianPresent { get; set; }
        public string? NameUsed { get; set; }
        public string? AgeStated { get; set; }
        public string? Nationality { get; set; }
        public string? LanguagesSpoken { get; set; }
        public string? FamilyAndSocialHistory { get; set; }
        public string? Schooling { get; set; }
        public string? SpontaneousStatementsVerbatim { get; set; }
    }

    public sealed class DispositionInput
    {
        public List<string> ConsultedParties { get; set; } = [];
        public string? Summary { get; set; }
    }

    public sealed class SafetyActionInput
    {
        public string? Description { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    public sealed class MeetingInput
    {
        public DateTime? At { get; set; }
        public string? Purpose { get; set; }
        public string? Venue { get; set; }
        public string? VenueDescription { get; set; }
        public bool LawEnforcementPresent { get; set; }
        public bool CounsellorRequested { get; set; }
        public bool SafetyCoordinatorInvited { get; set; }
    }

    public sealed class ReturnInput
    {
        public string? Organiser { get; set; }
        public Guid? RiskAssessmentId { get; set; }
    }

    public sealed class StatementInput
    {
        public string? Title { get; set; }
        public string? Content { get; set; }
    }

    /// <summary>An organisation or person to choose in a select.</summary>
    public sealed record Choice(Guid Id, string Name);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public StepInput Step { get; set; } = new();
    [BindProperty] public AssignInput Assign { get; set; } = new();
    [BindProperty] public HandoverInput Handover { get; set; } = new();
    [BindProperty] public InviteInput Invite { get; set; } = new();
    [BindProperty] public ProposeInput Propose { get; set; } = new();
    [BindProperty] public PlaceInput Place { get; set; } = new();
    [BindProperty] public ConsentInput Consent { get; set; } = new();
    [BindProperty] public RiskInput Risk { get; set; } = new();
    [BindProperty] public GuardianInput Guardian { get; set; } = new();
    [BindProperty] public AgeInput Age { get; set; } = new();
    [BindProperty] public InterviewInput Interview { get; set; } = new();
    [BindProperty] public DispositionInput Disposition { get; set; } = new();
    [BindProperty] public SafetyActionInput SafetyAction { get; set; } = new();
    [BindProperty] public MeetingInput Meeting { get; set; } = new();
    [BindProperty] public ReturnInput Return { get; set; } = new();
    [BindProperty] public StatementInput Statement { get; set; } = new();
    [BindProperty] public StatusInput Status { get; set; } = new();
    [BindProperty] public Guid? SafetyCoordinatorUserId { get; set; }
    [TempData] public string? Message { get; set; }

    public CaseDetailResponse Detail { get; private set; } = null!;
    /// <summary>Possible duplicates of the person in other cases; null when the viewer may not look for them.</summary>
    public DuplicatesResponse? Duplicates { get; private set; }
    public CaseResponse Case => Detail.Case;
    public CaseAccess Access { get; private set; } = CaseAccess.Nothing;
    public List<TimelineEntry> Timeline { get; private set; } = [];

    /// <summary>The form that was refused ("step", "service-{id}"...), and why.</summary>
    public string? FailedForm { get; private set; }
    public CaseError? Error { get; private set; }
    /// <summary>The reason typed into a per-row form (service decision, consent withdrawal) that was refused.</summary>
    public string? RowReason { get; private set; }

    // What the forms offer; filled only for the forms the viewer sees.
    public List<Choice> OwnerMembers { get; private set; } = [];
    public List<Choice> HandoverTargets { get; private set; } = [];
    public List<Choice> InviteTargets { get; private set; } = [];
    public List<Choice> SupportOrganisations { get; private set; } = [];
    public List<Choice> ConsentRecipients { get; private set; } = [];
    public List<Choice> GuardianshipServices { get; private set; } = [];
    public List<Choice> SafetyCoordinators { get; private set; } = [];
    public List<(Guid Id, string Name, ShelterType Type)> MyShelters { get; private set; } = [];
    /// <summary>For each service on the case: who provides it and who proposed it (ids, for the buttons).</summary>

    public Jurisdiction.JurisdictionProfile Profile => cases.Profile;
    public DateTime Now => cases.Now;
    public bool IsOpen => Case.Stage != nameof(CaseStage.Closed);

    /// <summary>The operations the permission table allows this viewer, asked of <see cref="IAuthorizationService"/> like the API does.</summary>
    public IReadOnlySet<CaseOperation> Allowed { get; private set; } = new HashSet<CaseOperation>();

    /// <summary>Whether to offer the form for an operation: the same question the service asks before it changes anything.</summary>
    public bool May(CaseOperation operation) => Allowed.Contains(operation);

    // Named for the forms; each is one question to the table, never a rule of its own.
    public bool Works => May(CaseOperation.WorkLifecycle);
    public bool IsSupportWorker => May(CaseOperation.ProvideService);
    public bool MayRecordConsent => May(CaseOperation.RecordConsent);
    public bool MayAssessRisk => May(CaseOperation.AssessRisk);
    public bool MayArrangeMeeting => May(CaseOperation.ArrangeMeeting);
    public bool MayAddStatement => May(CaseOperation.RecordStatement);
    public bool MayRecordGuardian => May(CaseOperation.RecordGuardian);
    public bool MayDoChildWork => May(CaseOperation.RecordChildWork);
    public bool MayKeepSafetyPlan => May(CaseOperation.KeepSafetyPlan);
    // The stage is the lifecycle's state, not a permission: the service answers 409 there, the page shows no form.
    /// <summary>The return safeguard decides when (<see cref="ReturnSafeguard"/>): the form shows only when nothing blocks a return.</summary>
    public bool MayPlanReturn => May(CaseOperation.PlanReturn) && Case.Return is { BlockedBecause.Length: 0 };
    // Whether the case is closed is its state, as for the lifecycle: the service answers 409 there, the page shows no form.
    public bool MayChangeStatus => May(CaseOperation.ChangePersonStatus) && ClosedCase.Allows(Enum.Parse<CaseStage>(Case.Stage), CaseChange.ChangePersonStatus);

    /// <summary>The refusal next to the form that was refused, or nothing.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent ErrorFor(string form) => Failed(form)
        ? new Microsoft.AspNetCore.Html.HtmlString(
            $"<p class=\"form-error\" role=\"alert\" id=\"error-{System.Net.WebUtility.HtmlEncode(form)}\">{System.Net.WebUtility.HtmlEncode(Error!.Message)}</p>")
        : Microsoft.AspNetCore.Html.HtmlString.Empty;

    public bool Failed(string form) => string.Equals(FailedForm, form, StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync() => await ShowAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostStepAsync()
    {
        // The form shows every step's extra fields; only the chosen step's are sent on.
        var request = new TransitionBody(Step.Trigger, Step.Reason,
            Step.Trigger == nameof(CaseTrigger.Close) ? Step.ClosureReason : null,
            Step.Trigger == nameof(CaseTrigger.ExtendReflection) ? Step.ExtensionDays : null,
            Step.Trigger == nameof(CaseTrigger.RecordOutcome) ? Step.Outcome : null,
            Step.Trigger is nameof(CaseTrigger.ConclusivePositive) or nameof(CaseTrigger.ConclusiveNegative) ? Step.EarlyDecisionReason : null)
            .ToRequest();
        return request.Error is { } e
            ? RefusedAsync("step", e)
            : AnswerAsync(cases.TransitionAsync(User, Id, request.Value!), "step", $"Done: {CaseLifecycle.Words(request.Value!.Trigger)}.", "decisions");
    }

    public Task<IActionResult> OnPostStatusAsync() =>
        AnswerAsync(cases.ChangeStatusAsync(User, Id, new StatusChangeRequest(Status.PresumedVictim, Status.SuspectedOffender, Status.Reason,
                Status.EffectiveAt is { } local ? DateTime.SpecifyKind(Profile.ToUtc(local), DateTimeKind.Utc) : null)),
            "status", "Status change recorded.", "person-status");

    public Task<IActionResult> OnPostAssignAsync() =>
        AnswerAsync(cases.AssignAsync(User, Id, Assign.UserId), "assign", "Case worker changed.", "ownership");

    public Task<IActionResult> OnPostHandoverAsync() =>
        AnswerAsync(cases.RequestHandoverAsync(User, Id, Handover.ToOrganisationId ?? Guid.Empty, Handover.Reason), "handover",
            "Handover requested: the case stays with you until the other organisation accepts.", "ownership");

    public Task<IActionResult> OnPostInviteAsync() =>
        AnswerAsync(cases.InviteAsync(User, Id, Invite.OrganisationId ?? Guid.Empty), "invite",
            "Organisation invited: it sees the de-personalised case, and personal data only with the person's consent.", "ownership");

    public Task<IActionResult> OnPostProposeAsync() =>
        AnswerAsync(support.ProposeAsync(User, Id, new ProposeServiceRequest(Propose.Service, Propose.ProviderOrganisationId ?? Guid.Empty, Propose.Note)),
            "propose", "Service proposed; the support organisation is asked to accept it.", "services");

    public Task<IActionResult> OnPostServiceAsync(Guid serviceId, string? decision, string? reason)
    {
        if (Enums.Named<SupportWork.Decision>(decision) is not { } d)
        {
            return RefusedAsync("service-" + serviceId, CaseError.Invalid("decision", "Choose accept, decline, complete or revoke."), reason);
        }
        var done = d switch
        {
            SupportWork.Decision.Accept => "Service accepted.",
            SupportWork.Decision.Decline => "Service declined.",
            SupportWork.Decision.Complete => "Service completed.",
            SupportWork.Decision.Revoke => "Service revoked.",
        };
        return AnswerAsync(support.DecideAsync(User, Id, serviceId, d, reason), "service-" + serviceId, done, "services", reason);
    }

    public Task<IActionResult> OnPostPlaceAsync() =>
        AnswerAsync(support.PlaceAsync(User, Id, new PlacementRequest(Place.ProposalId ?? Guid.Empty, Place.ShelterId ?? Guid.Empty,
            Place.RiskAssessmentId ?? Guid.Empty)), "place", "The person is placed in the shelter.", "services");

    public Task<IActionResult> OnPostEndPlacementAsync(Guid placementId) =>
        AnswerAsync(support.EndPlacementAsync(User, Id, placementId), "placement-" + placementId, "Placement ended.", "services");

    public Task<IActionResult> OnPostConsentAsync() =>
        AnswerAsync(consent.RecordAsync(User, Id, new ConsentRequest(Consent.Purpose, Consent.RecipientOrganisationId ?? Guid.Empty,
            Consent.DocumentVersion, Consent.RolesExplained, Consent.ExplainedToPerson)), "consent", "Consent recorded.", "consent");

    public Task<IActionResult> OnPostWithdrawAsync(Guid consentId, string? note) =>
        AnswerAsync(consent.WithdrawAsync(User, Id, consentId, note), "consent-" + consentId,
            "Consent withdrawn: it grants nothing from now on.", "consent", note);

    public Task<IActionResult> OnPostRiskAsync() =>
        AnswerAsync(safety.AssessRiskAsync(User, Id, new RiskAssessmentRequest(Risk.Purpose, Risk.ThreatToPerson, Risk.ThreatToFamily,
            Risk.ReTrafficking, Risk.RiskIdentified, Risk.Summary, Risk.Reviewer)), "risk", "Risk assessment recorded.", "protection");

    public Task<IActionResult> OnPostReturnAsync() =>
        AnswerAsync(safety.PlanReturnAsync(User, Id, new ReturnPlanRequest(Return.Organiser, Return.RiskAssessmentId ?? Guid.Empty)),
            "return", "Return planned.", "protection");

    public Task<IActionResult> OnPostGuardianAsync() =>
        AnswerAsync(children.RecordGuardianAsync(User, Id, new GuardianRequest(Guardian.GuardianshipOrganisationId ?? Guid.Empty,
            Guardian.GuardianName)), "guardian", "Guardian recorded; the guardianship service sees the case.", "child");

    public Task<IActionResult> OnPostAcknowledgeGuardianAsync() =>
        AnswerAsync(children.AcknowledgeGuardianAsync(User, Id), "guardian", "Appointment acknowledged.", "child");

    public Task<IActionResult> OnPostAgeAsync() =>
        AnswerAsync(children.RecordAgeAssessmentAsync(User, Id, new AgeAssessmentRequest(Age.Method, Age.Result, Age.AssessedOn, Age.AssessedBy)),
            "age", "Age assessment recorded.", "child");

    public Task<IActionResult> OnPostInterviewAsync()
    {
        var i = Interview;
        if (i.HeldAt is not { } local)
        {
            return RefusedAsync("interview", CaseError.Invalid("heldAt", "Give the date and time the interview was held."));
        }
        if (Enums.Named<VenueType>(i.Venue) is not { } venue)
        {
            return RefusedAsync("interview", CaseError.Invalid("venue", "Choose the kind of venue."));
        }
        var interview = new ChildFirstInterview(DateTime.SpecifyKind(Profile.ToUtc(local), DateTimeKind.Utc), venue, i.VenueDescription ?? "",
            i.InterviewerName ?? "", i.GuardianPresent ?? "", i.NameUsed, i.AgeStated, i.Nationality, i.LanguagesSpoken,
            i.FamilyAndSocialHistory, i.Schooling, i.SpontaneousStatementsVerbatim);
        return AnswerAsync(children.RecordFirstInterviewAsync(User, Id, interview), "interview",
            "First interview recorded; it is kept encrypted with the case's statements.", "child");
    }

    public Task<IActionResult> OnPostDispositionAsync() =>
        AnswerAsync(children.RecordDispositionAsync(User, Id, new DispositionRequest([.. Disposition.ConsultedParties], Disposition.Summary)),
            "disposition", "Final disposition recorded.", "child");

    public Task<IActionResult> OnPostCoordinatorAsync() =>
        AnswerAsync(safety.AssignSafetyCoordinatorAsync(User, Id, SafetyCoordinatorUserId ?? Guid.Empty), "coordinator",
            "Safety coordinator named.", "safety");

    public Task<IActionResult> OnPostSafetyActionAsync() =>
        AnswerAsync(safety.AddSafetyActionAsync(User, Id, new SafetyActionRequest(SafetyAction.Description, SafetyAction.DueOn)),
            "safety-action", "Safety plan action added.", "safety");

    public Task<IActionResult> OnPostSafetyActionStatusAsync(Guid actionId, string? status) =>
        AnswerAsync(safety.SetSafetyActionStatusAsync(User, Id, actionId, status), "safety-action-" + actionId,
            "Safety plan action updated.", "safety");

    public Task<IActionResult> OnPostMeetingAsync()
    {
        var at = Meeting.At is { } local ? DateTime.SpecifyKind(Profile.ToUtc(local), DateTimeKind.Utc) : (DateTime?)null;
        return AnswerAsync(safety.ScheduleMeetingAsync(User, Id, new MeetingRequest(at, Meeting.Purpose, Meeting.LawEnforcementPresent,
                Meeting.Venue, Meeting.VenueDescription, Meeting.CounsellorRequested, Meeting.SafetyCoordinatorInvited)),
            "meeting", "Meeting arranged.", "safety");
    }

    public Task<IActionResult> OnPostStatementAsync() =>
        AnswerAsync(safety.AddDocumentAsync(User, Id, new DocumentRequest(Statement.Title, Statement.Content)), "statement",
            "Statement recorded: the person need not tell it again.", "statements");

    /// <summary>After a successful change: back to the page (a fresh GET, so a reload never posts twice) at the section.</summary>
    private async Task<IActionResult> AnswerAsync<T>(Task<CaseResult<T>> operation, string form, string done, string anchor, string? rowReason = null)
    {
        CaseResult<T> result;
        try
        {
            result = await operation;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException conflict) when (Data.WriteConflicts.Describe(conflict) is { } changed)
        {
            // Someone else changed the case since this page was shown (ADR 0008): nothing was saved; the page shows the
            // case as it now is, with what was typed still in the form.
            result = CaseError.Conflict(changed);
        }
        if (result.Error is { } e)
        {
            return await RefusedAsync(form, e, rowReason);
        }
        Message = done;
        return Redirect($"/Cases/View?id={Id}#{anchor}");
    }

    /// <summary>Shows the page again with the refusal next to the form and the typed values in place.</summary>
    private async Task<IActionResult> RefusedAsync(string form, CaseError error, string? rowReason = null)
    {
        FailedForm = form;
        Error = error;
        RowReason = rowReason;
        // A case the user's organisation has no part in answers 404, as on every other page.
        return await ShowAsync() ? Page() : NotFound();
    }

    private async Task<bool> ShowAsync()
    {
        if (await cases.LoadAsync(User, Id, "case page") is not { } loaded)
        {
            return false;
        }
        Access = loaded.Access;
        var allowed = new HashSet<CaseOperation>();
        foreach (var operation in Enum.GetValues<CaseOperation>())
        {
            if (await authorization.AllowsAsync(User, loaded, operation))
            {
                allowed.Add(operation);
            }
        }
        Allowed = allowed;
        Detail = await CaseEndpoints.DetailAsync(loaded, cases, support, consent, safety, User);
        if (FailedForm != "status")
        {
            // The form starts from the flags as they stand.
            Status.PresumedVictim = loaded.Case.PresumedVictim;
            Status.SuspectedOffender = loaded.Case.SuspectedOffender;
        }
        // For the referring organisation this holds only the changes of stage: the status of what it referred.
        Timeline = await cases.TimelineAsync(loaded);
        // The same service, and so the same question to the permission table, as GET /api/v1/cases/{id}/duplicates.
        Duplicates = allowed.Contains(CaseOperation.FindDuplicates) ? await duplicates.FindAsync(User, loaded) : null;
        if (!Access.SeesCase)
        {
            return true;
        }
        var c = loaded.Case;
        var db = cases.Db;
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.IsActive && o.Type != OrganisationType.Administration)
            .OrderBy(o => o.Name).ToListAsync();
        var participants = c.Participants.Select(p => p.OrganisationId).ToHashSet();
        if (Works)
        {
            OwnerMembers = await db.Users.AsNoTracking().Where(u => u.OrganisationId == c.OwnerOrganisationId && u.IsActive)
                .OrderBy(u => u.DisplayName).Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync();
            InviteTargets = organisations.Where(o => !participants.Contains(o.Id)).Select(o => new Choice(o.Id, o.Name)).ToList();
            SupportOrganisations = organisations.Where(o => o.Type == OrganisationType.VictimSupport).Select(o => new Choice(o.Id, o.Name)).ToList();
            var police = organisations.Where(o => participants.Contains(o.Id) && o.Type.IsLawEnforcementOrProsecution()
                                                  && o.Type != OrganisationType.Prosecution).Select(o => o.Id).ToList();
            SafetyCoordinators = await db.Users.AsNoTracking().Where(u => u.IsActive && police.Contains(u.OrganisationId))
                .OrderBy(u => u.DisplayName).Select(u => new Choice(u.Id, u.DisplayName)).ToListAsync();
        }
        if (May(CaseOperation.HandOver))
        {
            HandoverTargets = organisations.Where(o => o.Id != c.OwnerOrganisationId && CaseService.CanOwnCases(o.Type))
                .Select(o => new Choice(o.Id, o.Name)).ToList();
        }
        if (MayRecordConsent)
        {
            ConsentRecipients = organisations.Where(o => o.Id != c.OwnerOrganisationId)
                .OrderBy(o => participants.Contains(o.Id) ? 0 : 1).ThenBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToList();
        }
        if (MayRecordGuardian)
        {
            GuardianshipServices = organisations.Where(o => o.Type == OrganisationType.Guardianship).Select(o => new Choice(o.Id, o.Name)).ToList();
        }
        if (IsSupportWorker && Detail.Services.Any(s => s.ProviderOrganisationId == Access.OrganisationId))
        {
            // Names and kinds only: the addresses stay in the shelter register.
            MyShelters = (await db.Shelters.AsNoTracking().Where(s => s.OrganisationId == Access.OrganisationId && s.IsActive)
                    .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.Type }).ToListAsync())
                .Select(s => (s.Id, s.Name, s.Type)).ToList();
        }
        return true;
    }

    /// <summary>The viewer's organisation provides this service and may answer it.</summary>
    public bool Provides(ServiceResponse s) => IsSupportWorker && s.ProviderOrganisationId == Access.OrganisationId;

    /// <summary>The viewer's organisation proposed this service and still owns the case.</summary>
    public bool Proposed(ServiceResponse s) => May(CaseOperation.ProposeService) && s.ProposedByOrganisationId == Access.OrganisationId;

    /// <summary>Board and lodging the viewer's organisation accepted: it may place the person, once nobody is placed.</summary>
    public IEnumerable<ServiceResponse> LodgingToPlace =>
        Detail.Placements.Any(p => p.EndedAt is null)
            ? []
            : Detail.Services.Where(s => s.Service == SupportWork.Lodging && s.Status == nameof(ServiceStatus.Accepted) && Provides(s));
}
