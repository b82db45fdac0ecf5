using Ariadne.Web.Features.Intelligence;
using static Ariadne.Tests.Intelligence.DisseminationPolicyTests;

namespace Ariadne.Tests.Intelligence;

/// <summary>
/// Special handling (EVAL-S1, S3–S5, V-14, V-18): a flagged report stays in its originating unit until a risk assessment is
/// recorded and approved at its own authority level and a supervisor at the configured level approves dissemination.
/// </summary>
public sealed class SpecialHandlingTests
{
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly Guid Assessor = Guid.NewGuid();
    private static readonly SpecialHandlingSettings Levels = new(DisseminationApprovalLevel: 3, RiskAssessmentApprovalLevel: 2);

    private static Approver Supervisor(int? level) => new(Guid.NewGuid(), Origin.AgencyId, level);

    private static SpecialHandlingFacts Facts(RiskAssessmentFacts? risk = null, Approver? dissemination = null) =>
        new(Author, Origin.AgencyId, risk, dissemination);

    private static RiskAssessmentFacts ApprovedRisk() => new(Assessor, true, Supervisor(2));

    [Fact]
    public void A_flagged_report_reaches_nobody_beyond_its_unit_until_cleared_whatever_its_code()
    {
        foreach (var (column, unflagged) in Gradings)
        {
            var flagged = unflagged with { SpecialHandling = true };
            foreach (var (name, recipient) in Recipients)
            {
                var blocked = DisseminationPolicy.Decide(flagged, specialHandlingCleared: false, Origin, recipient);
                var cleared = DisseminationPolicy.Decide(flagged, specialHandlingCleared: true, Origin, recipient);
                var plain = DisseminationPolicy.Decide(unflagged, specialHandlingCleared: false, Origin, recipient);
                if (name == "originating unit")
                {
                    Assert.Equal(DisseminationOutcome.Allow, blocked.Outcome);
                }
                else
                {
                    Assert.True(blocked.Outcome == DisseminationOutcome.ReferToOriginator, $"{column} × {name}");
                    // Not an audience at all says so before special handling is even considered.
                    Assert.Contains(blocked.Reason, new ReferralReason?[]
                        { ReferralReason.SpecialHandlingNotApproved, ReferralReason.NotAnIntelligenceRecipient });
                }
                // Once cleared, the handling code decides exactly as for an unflagged report: approval never widens it.
                Assert.Equal(plain, cleared);
            }
        }
    }

    [Fact]
    public void Flagged_report_to_another_unit_of_the_same_force_waits_for_approval()
    {
        var flagged = Five(FiveFiveFiveHandling.OnlyWithinOriginatingAgency, specialHandling: true);
        var decision = DisseminationPolicy.Decide(flagged, false, Origin, Recipients["other unit of the same force"]);
        Assert.Equal(ReferralReason.SpecialHandlingNotApproved, decision.Reason);
    }

    [Fact]
    public void Status_walks_through_risk_assessment_its_approval_and_the_supervisors_approval()
    {
        Assert.Equal(SpecialHandlingState.AwaitsRiskAssessment, SpecialHandling.Status(Levels, Facts()).State);
        Assert.Equal(SpecialHandlingState.AwaitsRiskAssessment, SpecialHandling.Status(Levels, Facts(new(Assessor, false, Supervisor(5)))).State);
        Assert.Equal(SpecialHandlingState.AwaitsRiskAssessmentApproval, SpecialHandling.Status(Levels, Facts(new(Assessor, true, null))).State);
        Assert.Equal(SpecialHandlingState.AwaitsDisseminationApproval, SpecialHandling.Status(Levels, Facts(ApprovedRisk())).State);
        var cleared = SpecialHandling.Status(Levels, Facts(ApprovedRisk(), Supervisor(3)));
        Assert.Equal(SpecialHandlingState.Cleared, cleared.State);
        Assert.True(cleared.Cleared);
    }

    [Fact]
    public void The_risk_assessment_needs_its_own_authority_level_and_a_second_person()
    {
        Assert.Equal(SpecialHandlingState.AwaitsRiskAssessmentApproval,
            SpecialHandling.Status(Levels, Facts(new(Assessor, true, Supervisor(1)), Supervisor(9))).State);
        Assert.Equal(SpecialHandlingState.AwaitsRiskAssessmentApproval,
            SpecialHandling.Status(Levels, Facts(new(Assessor, true, new Approver(Assessor, Origin.AgencyId, 9)), Supervisor(9))).State);
        Assert.Equal(SpecialHandlingState.AwaitsRiskAssessmentApproval,
            SpecialHandling.Status(Levels, Facts(new(Assessor, true, new Approver(Guid.NewGuid(), Guid.NewGuid(), 9)), Supervisor(9))).State);
        Assert.Equal(SpecialHandlingState.AwaitsRiskAssessmentApproval,
            SpecialHandling.Status(Levels, Facts(new(Assessor, true, new Approver(Author, Origin.AgencyId, 9)), Supervisor(9))).State);
    }

    [Fact]
    public void Dissemination_approval_needs_the_configured_level_in_the_originating_agency_and_not_the_author()
    {
        Assert.Equal(SpecialHandlingState.AwaitsDisseminationApproval, SpecialHandling.Status(Levels, Facts(ApprovedRisk(), Supervisor(2))).State);
        Assert.Equal(SpecialHandlingState.AwaitsDisseminationApproval, SpecialHandling.Status(Levels, Facts(ApprovedRisk(), Supervisor(null))).State);
        Assert.Equal(SpecialHandlingState.AwaitsDisseminationApproval,
            SpecialHandling.Status(Levels, Facts(ApprovedRisk(), new Approver(Guid.NewGuid(), Guid.NewGuid(), 9))).State);
        Assert.Equal(SpecialHandlingState.AwaitsDisseminationApproval,
            SpecialHandling.Status(Levels, Facts(ApprovedRisk(), new Approver(Author, Origin.AgencyId, 9))).State);
    }

    [Fact]
    public void Raising_the_configured_level_withdraws_approvals_given_below_it()
    {
        var facts = Facts(ApprovedRisk(), Supervisor(3));
        Assert.True(SpecialHandling.Status(Levels, facts).Cleared);
        Assert.False(SpecialHandling.Status(Levels with { DisseminationApprovalLevel = 4 }, facts).Cleared);
        Assert.False(SpecialHandling.Status(Levels with { RiskAssessmentApprovalLevel = 3 }, facts).Cleared);
    }

    [Fact]
    public void A_level_below_one_in_the_settings_never_lets_someone_without_a_level_approve()
    {
        var broken = new SpecialHandlingSettings(0, -1);
        Assert.NotEmpty(broken.Problems());
        Assert.Empty(SpecialHandlingSettings.Default.Problems());
        var facts = Facts(new(Assessor, true, Supervisor(null)), Supervisor(null));
        Assert.False(SpecialHandling.Status(broken, facts).Cleared);
    }

    [Fact]
    public void The_page_and_the_service_ask_who_may_approve_now()
    {
        Assert.NotNull(SpecialHandling.MayApproveRiskAssessment(Levels, Facts(), Supervisor(9)));
        Assert.NotNull(SpecialHandling.MayApproveRiskAssessment(Levels, Facts(new(Assessor, true, null)), Supervisor(1)));
        Assert.NotNull(SpecialHandling.MayApproveRiskAssessment(Levels, Facts(new(Assessor, true, null)), new Approver(Assessor, Origin.AgencyId, 9)));
        Assert.Null(SpecialHandling.MayApproveRiskAssessment(Levels, Facts(new(Assessor, true, null)), Supervisor(2)));

        Assert.NotNull(SpecialHandling.MayApproveDissemination(Levels, Facts(new(Assessor, true, null)), Supervisor(9)));
        Assert.NotNull(SpecialHandling.MayApproveDissemination(Levels, Facts(ApprovedRisk()), Supervisor(2)));
        Assert.NotNull(SpecialHandling.MayApproveDissemination(Levels, Facts(ApprovedRisk()), new Approver(Author, Origin.AgencyId, 9)));
        Assert.Null(SpecialHandling.MayApproveDissemination(Levels, Facts(ApprovedRisk()), Supervisor(3)));
    }

    [Fact]
    public void End_to_end_the_report_reaches_police_of_another_force_only_after_the_approval_at_the_configured_level()
    {
        var report = Five(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, specialHandling: true);
        var police = Recipients["police of another force"];
        DisseminationOutcome Outcome(SpecialHandlingFacts facts) =>
            DisseminationPolicy.Decide(report, SpecialHandling.Status(Levels, facts).Cleared, Origin, police).Outcome;

        Assert.Equal(DisseminationOutcome.ReferToOriginator, Outcome(Facts()));
        Assert.Equal(DisseminationOutcome.ReferToOriginator, Outcome(Facts(ApprovedRisk())));
        Assert.Equal(DisseminationOutcome.ReferToOriginator, Outcome(Facts(ApprovedRisk(), Supervisor(2))));
        Assert.Equal(DisseminationOutcome.Allow, Outcome(Facts(ApprovedRisk(), Supervisor(3))));
    }
}
