using System.Security.Claims;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>What can be done with one intelligence report; asked of <see cref="IAuthorizationService"/> with a <see cref="LoadedReport"/>.</summary>
public enum IntelligenceOperation
{
    /// <summary>Open it: every open is a dissemination event in the audit trail.</summary>
    Read,
    /// <summary>Change a draft, or submit it with a grading: its author only.</summary>
    EditDraft,
    /// <summary>Record an analyst's own evaluation beside the author's (R-EVAL-03).</summary>
    Evaluate,
    /// <summary>Ask for a change of handling; <see cref="HandlingCodeChange.Decide"/> then says whether this person may.</summary>
    ChangeHandling,
    /// <summary>Write the risk assessment of a report under special handling (EVAL-S4): its originating unit.</summary>
    AssessRisk,
    /// <summary>Approve the risk assessment or the dissemination (EVAL-S3, S5); <see cref="SpecialHandling"/> checks the level.</summary>
    ApproveSpecialHandling,
    /// <summary>The originator's access log: who opened or exported the report, when, under which code.</summary>
    ReadAccessLog,
    /// <summary>Send it to another organisation (item 7); the dissemination policy then decides for that recipient.</summary>
    Disseminate,
}

/// <summary>What a role does with intelligence (§1.3 access matrix, row "Intelligence reports").</summary>
public enum IntelligenceReach
{
    /// <summary>Guardians, the coordinator, administrators, organisation administrators: none ("—").</summary>
    None,
    /// <summary>Frontline officers: write, and read their own unit's reports ("W (own)").</summary>
    OwnUnit,
    /// <summary>
    /// Prosecutors ("H") and support workers ("— unless H allows": the handling code "non-prosecuting organisations within
    /// country of origin" exists for them): read within the handling code, write nothing.
    /// </summary>
    ReadWithinHandling,
    /// <summary>Investigators, analysts, supervisors, financial investigators: read within the handling code and write ("R/W (H)").</summary>
    ReadWriteWithinHandling,
}

/// <summary>The facts about one viewer and one report that the permission table needs, worked out by <see cref="IntelligenceAccess"/>.</summary>
public sealed record IntelligenceFacts(
    IntelligenceReach Reach,
    bool OwnUnit,
    bool Author,
    bool Submitted,
    bool SpecialHandling,
    bool PolicyAllows,
    bool Evaluator,
    bool SupervisorOfOriginatingAgency)
{
    /// <summary>
    /// The one visibility rule: a role that reads intelligence sees its own unit's reports (drafts too, as the policy's home
    /// rule says); beyond the unit only submitted reports, only for roles reading within the handling code, and only when the
    /// dissemination policy allows it for the viewer's organisation. A dissemination supervisor of the originating agency also
    /// sees its agency's submitted reports whatever their code: the supervisory regime (EVAL-S2) approves special handling and
    /// may change a code (HandlingCodeChange), which it cannot do unseen; each such open is logged like any other.
    /// </summary>
    public bool Visible => Reach switch
    {
        IntelligenceReach.None => false,
        IntelligenceReach.OwnUnit => OwnUnit,
        IntelligenceReach.ReadWithinHandling or IntelligenceReach.ReadWriteWithinHandling =>
            OwnUnit || (Submitted && (PolicyAllows || SupervisorOfOriginatingAgency)),
    };
}

/// <summary>The intelligence permission table; the switch has no default arm, so a new operation does not compile until decided.</summary>
public static class IntelligencePermissions
{
    public static bool Allows(IntelligenceOperation operation, IntelligenceFacts f) => operation switch
    {
        IntelligenceOperation.Read => f.Visible,
        IntelligenceOperation.EditDraft => f.Visible && f.Author && !f.Submitted,
        // The analyst evaluates what reached them; an author does not evaluate their own report a second time.
        IntelligenceOperation.Evaluate => f.Visible && f.Submitted && f.Evaluator && !f.Author,
        IntelligenceOperation.ChangeHandling => f.Visible && f.Submitted,
        IntelligenceOperation.AssessRisk => f.Visible && f.OwnUnit && f.Submitted && f.SpecialHandling
                                             && f.Reach is IntelligenceReach.OwnUnit or IntelligenceReach.ReadWriteWithinHandling,
        IntelligenceOperation.ApproveSpecialHandling => f.Visible && f.Submitted && f.SpecialHandling && f.SupervisorOfOriginatingAgency,
        IntelligenceOperation.ReadAccessLog => f.Visible && (f.OwnUnit || f.SupervisorOfOriginatingAgency),
        // Analysts, investigators and supervisors pass on what reached them; a frontline officer reports to the unit instead.
        IntelligenceOperation.Disseminate => f.Visible && f.Submitted && f.Reach == IntelligenceReach.ReadWriteWithinHandling,
    };

    public static IntelligenceReach ReachOf(ClaimsPrincipal user) =>
        ReadWrite.Any(user.IsInRole) ? IntelligenceReach.ReadWriteWithinHandling
        : user.IsInRole(Roles.Prosecutor) || user.IsInRole(Roles.SupportWorker) ? IntelligenceReach.ReadWithinHandling
        : Frontline.Any(user.IsInRole) ? IntelligenceReach.OwnUnit
        : IntelligenceReach.None;

    /// <summary>Roles that may open the intelligence API at all (the group policy); the per-report rule then decides.</summary>
    public static readonly string[] ApiRoles =
    [
        Roles.FrontlineOfficer, Roles.BorderGuard, Roles.LabourInspector, Roles.Investigator, Roles.IntelligenceAnalyst,
        Roles.DisseminationSupervisor, Roles.FinancialInvestigator, Roles.Prosecutor, Roles.SupportWorker,
    ];

    /// <summary>Roles that write reports.</summary>
    public static bool Writes(ClaimsPrincipal user) => ReachOf(user) is IntelligenceReach.OwnUnit or IntelligenceReach.ReadWriteWithinHandling;

    private static readonly string[] Frontline = [Roles.FrontlineOfficer, Roles.BorderGuard, Roles.LabourInspector];
    private static readonly string[] ReadWrite =
        [Roles.Investigator, Roles.IntelligenceAnalyst, Roles.DisseminationSupervisor, Roles.FinancialInvestigator];
}

/// <summary>A report with what the decisions need: its originating organisation and the viewer's organisation.</summary>
public sealed record LoadedReport(IntelligenceReport Report, Organisation Originator, Organisation? Viewer);

/// <summary>Works out the facts and the dissemination decision for one viewer and one report, in one place.</summary>
public static class IntelligenceAccess
{
    public static Originator OriginatorOf(Organisation o) =>
        // A country not stated is never anyone's own country (Countries.NotStated).
        new(o.Id, o.EffectiveAgencyId, Countries.IsKnown(o.Country) ? o.Country : "");

    /// <summary>The viewer's organisation as a recipient, or null when it is no recipient of intelligence at all.</summary>
    public static Recipient? RecipientOf(Organisation o)
    {
        var type = o.Type;
        var categories = type.Categories();
        RecipientCategory? category = o.IntelligenceCategory ?? (categories.Count == 1 ? categories[0] : null);
        return category is { } c
            ? new Recipient(o.Id, type, o.EffectiveAgencyId, Countries.IsKnown(o.Country) ? o.Country : "", Countries.IsEuMember(o.Country), c)
            : null;
    }

    /// <summary>The policy's decision for this viewer's organisation (the report's home always holds it).</summary>
    public static DisseminationDecision Decide(IntelligenceReport report, Organisation originator, Organisation? viewer,
        SpecialHandlingSettings settings)
    {
        if (viewer is null)
        {
            return DisseminationDecision.Refer(ReferralReason.NotAnIntelligenceRecipient, "No organisation.");
        }
        if (viewer.Id == originator.Id)
        {
            return DisseminationDecision.Allow;
        }
        if (report.Grading is not { } grading)
        {
            return DisseminationDecision.Refer(ReferralReason.GradingIncomplete, "The report is not graded yet.");
        }
        if (RecipientOf(viewer) is not { } recipient)
        {
            return DisseminationDecision.Refer(ReferralReason.NotAnIntelligenceRecipient,
                "This organisation is not registered as a recipient of intelligence; ask the originator.");
        }
        var cleared = !grading.SpecialHandling
                      || SpecialHandling.Status(settings, report.SpecialHandlingFacts(originator.EffectiveAgencyId)).Cleared;
        return DisseminationPolicy.Decide(grading, cleared, OriginatorOf(originator), recipient);
    }

    public static IntelligenceFacts Facts(ClaimsPrincipal user, LoadedReport loaded, SpecialHandlingSettings settings)
    {
        var report = loaded.Report;
        var viewer = loaded.Viewer is { } v && user.OrganisationId() == v.Id ? v : null;
        var ownUnit = viewer is not null && viewer.Id == report.OriginatorOrganisationId;
        var decision = Decide(report, loaded.Originator, viewer, settings);
        return new IntelligenceFacts(
            Reach: viewer is null ? IntelligenceReach.None : IntelligencePermissions.ReachOf(user),
            OwnUnit: ownUnit,
            Author: user.UserId() == report.AuthorUserId,
            Submitted: report.Status == ReportStatus.Submitted,
            SpecialHandling: report.SpecialHandling,
            PolicyAllows: decision.Allowed,
            Evaluator: user.IsInRole(Roles.IntelligenceAnalyst) || user.IsInRole(Roles.Investigator),
            SupervisorOfOriginatingAgency: user.IsInRole(Roles.DisseminationSupervisor) && viewer is not null
                                           && viewer.EffectiveAgencyId == loaded.Originator.EffectiveAgencyId);
    }
}

/// <summary>The operations as authorization requirements.</summary>
public static class IntelligenceOperations
{
    private static readonly Dictionary<IntelligenceOperation, OperationAuthorizationRequirement> Requirements =
        Enum.GetValues<IntelligenceOperation>().ToDictionary(o => o, o => new OperationAuthorizationRequirement { Name = "Intelligence." + o });

    public static OperationAuthorizationRequirement For(IntelligenceOperation operation) => Requirements[operation];

    public static async Task<bool> AllowsAsync(this IAuthorizationService authorization, ClaimsPrincipal user, LoadedReport loaded,
        IntelligenceOperation operation) =>
        (await authorization.AuthorizeAsync(user, loaded, For(operation))).Succeeded;
}

/// <summary>Decides an <see cref="IntelligenceOperations"/> requirement afresh from the signed-in user and the loaded report.</summary>
internal sealed class IntelligenceAuthorizationHandler(IntelligenceSettings settings)
    : AuthorizationHandler<OperationAuthorizationRequirement, LoadedReport>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement,
        LoadedReport resource)
    {
        if (requirement.Name.StartsWith("Intelligence.", StringComparison.Ordinal)
            && Shared.Enums.Named<IntelligenceOperation>(requirement.Name["Intelligence.".Length..]) is { } operation
            && IntelligencePermissions.Allows(operation, IntelligenceAccess.Facts(context.User, resource, settings.SpecialHandling)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>The adopting agency's intelligence settings: special-handling authority levels and its 4x4 labels (none by default).</summary>
public sealed record IntelligenceSettings(SpecialHandlingSettings SpecialHandling, FourByFourLabels? FourByFour)
{
    public static IntelligenceSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Intelligence");
        var special = new SpecialHandlingSettings(
            section.GetValue("SpecialHandling:DisseminationApprovalLevel", SpecialHandlingSettings.Default.DisseminationApprovalLevel),
            section.GetValue("SpecialHandling:RiskAssessmentApprovalLevel", SpecialHandlingSettings.Default.RiskAssessmentApprovalLevel));
        var reliability = section.GetSection("FourByFour:SourceReliability").Get<List<string>>();
        var validity = section.GetSection("FourByFour:InformationValidity").Get<List<string>>();
        return new(special, reliability is null && validity is null ? null : new FourByFourLabels(reliability ?? [], validity ?? []));
    }
}
