using Ariadne.Web.Features.Intelligence;

namespace Ariadne.Tests.Intelligence;

/// <summary>
/// The intelligence permission table (§1.3 "Intelligence reports" row, issue 10 items 5–7), written out again from the catalogue
/// rather than from the code: who sees a report, who edits, evaluates, assesses, approves, reads the access log and sends it on.
/// </summary>
public sealed class IntelligencePermissionsTests
{
    private const IntelligenceReach N = IntelligenceReach.None;
    private const IntelligenceReach O = IntelligenceReach.OwnUnit;
    private const IntelligenceReach R = IntelligenceReach.ReadWithinHandling;
    private const IntelligenceReach W = IntelligenceReach.ReadWriteWithinHandling;

    [Theory]
    // reach, own unit, submitted, policy allows, supervisor of originating agency → visible
    [InlineData(N, true, true, true, false, false)]    // guardian, coordinator: never
    [InlineData(O, true, false, false, false, true)]   // frontline: own unit's drafts
    [InlineData(O, false, true, true, false, false)]   // frontline: never another unit's, even when the code allows
    [InlineData(R, false, true, true, false, true)]    // prosecutor, support worker: within the code
    [InlineData(R, false, false, true, false, false)]  // nobody outside the unit sees a draft
    [InlineData(W, false, true, false, false, false)]  // analyst: the code refuses
    [InlineData(W, false, true, false, true, true)]    // the force's supervisor sees its agency's reports
    [InlineData(W, false, false, false, true, false)]  // but not another unit's drafts
    [InlineData(W, true, false, false, false, true)]   // an analyst's own unit
    public void Who_sees_a_report(IntelligenceReach reach, bool ownUnit, bool submitted, bool policy, bool supervisor, bool visible) =>
        Assert.Equal(visible, Facts(reach, ownUnit: ownUnit, submitted: submitted, policy: policy, supervisor: supervisor).Visible);

    [Theory]
    [InlineData(IntelligenceOperation.EditDraft, W, true, true, false, false, false, false, true)]    // the author's draft
    [InlineData(IntelligenceOperation.EditDraft, W, true, true, true, false, false, false, false)]    // submitted: not rewritten
    [InlineData(IntelligenceOperation.EditDraft, W, true, false, false, false, false, false, false)]  // a colleague's draft
    [InlineData(IntelligenceOperation.Evaluate, W, false, false, true, false, true, false, true)]     // a receiving analyst
    [InlineData(IntelligenceOperation.Evaluate, W, true, true, true, false, true, false, false)]      // not the author
    [InlineData(IntelligenceOperation.Evaluate, R, false, false, true, false, false, false, false)]   // a prosecutor reads only
    [InlineData(IntelligenceOperation.AssessRisk, O, true, true, true, true, false, false, true)]     // the originating officer
    [InlineData(IntelligenceOperation.AssessRisk, W, false, false, true, true, true, true, false)]    // not outside the unit
    [InlineData(IntelligenceOperation.AssessRisk, O, true, true, true, false, false, false, false)]   // nothing to assess
    [InlineData(IntelligenceOperation.ApproveSpecialHandling, W, false, false, true, true, false, true, true)]
    [InlineData(IntelligenceOperation.ApproveSpecialHandling, W, false, false, true, true, true, false, false)] // analysts do not approve
    [InlineData(IntelligenceOperation.ReadAccessLog, O, true, true, true, false, false, false, true)]  // the originator
    [InlineData(IntelligenceOperation.ReadAccessLog, W, false, false, true, false, true, false, false)] // a recipient: no
    [InlineData(IntelligenceOperation.Disseminate, W, false, false, true, false, true, false, true)]  // an analyst passes it on
    [InlineData(IntelligenceOperation.Disseminate, O, true, true, true, false, false, false, false)]  // a frontline officer reports to the unit
    [InlineData(IntelligenceOperation.Disseminate, R, false, false, true, false, false, false, false)] // a prosecutor or NGO does not
    [InlineData(IntelligenceOperation.Disseminate, W, true, true, false, false, false, false, false)] // a draft goes nowhere
    [InlineData(IntelligenceOperation.ChangeHandling, W, false, false, true, false, false, false, true)] // then HandlingCodeChange decides
    public void What_a_viewer_may_do(IntelligenceOperation operation, IntelligenceReach reach, bool ownUnit, bool author, bool submitted,
        bool special, bool evaluator, bool supervisor, bool allowed)
    {
        // Everyone in these rows may see the report (own unit, or the policy allows it), except where the row says otherwise.
        var facts = Facts(reach, ownUnit, author, submitted, special, policy: true, evaluator, supervisor);
        Assert.Equal(allowed, IntelligencePermissions.Allows(operation, facts));
    }

    [Fact]
    public void Nothing_is_allowed_on_a_report_the_viewer_may_not_see()
    {
        var hidden = Facts(IntelligenceReach.ReadWriteWithinHandling, ownUnit: false, author: false, submitted: true, special: true,
            policy: false, evaluator: true, supervisor: false);
        Assert.False(hidden.Visible);
        Assert.All(Enum.GetValues<IntelligenceOperation>(), o => Assert.False(IntelligencePermissions.Allows(o, hidden), o.ToString()));
    }

    private static IntelligenceFacts Facts(IntelligenceReach reach, bool ownUnit = false, bool author = false, bool submitted = true,
        bool special = false, bool policy = false, bool evaluator = false, bool supervisor = false) =>
        new(reach, ownUnit, author, submitted, special, policy, evaluator, supervisor);
}
