namespace Ariadne.Web.Features.Cases;

/// <summary>Why a return cannot be planned, or cannot stay in force.</summary>
public enum ReturnBlock
{
    /// <summary>Nothing is planned on a closed case.</summary>
    CaseClosed,
    /// <summary>R-LEG-02, R-SYS-01: no removal before the competent authority has completed identification.</summary>
    IdentificationIncomplete,
    /// <summary>R-LEG-02: a negative decision being reconsidered is not a completed identification.</summary>
    ReconsiderationPending,
    /// <summary>L4: no removal while the reflection and recovery period runs, extensions included, whatever was decided.</summary>
    ReflectionPeriodRuns,
    /// <summary>L10, LE-D9: a return rests on a risk assessment for the return.</summary>
    NoReturnRiskAssessment,
    /// <summary>CH-PR-19: the latest assessment for the return found a danger to the child or the family.</summary>
    RiskToChild,
    /// <summary>CH-PR-19: a risk found with the guardian stands until a review with the guardian records otherwise.</summary>
    GuardianFindingStands,
}

/// <summary>
/// One risk assessment as the safeguard sees it: when, whether it was made for the return or is a review, what it
/// found, and whether the child's guardian made it.
/// </summary>
public sealed record RiskFinding(DateTime At, bool ForReturn, bool RiskIdentified, bool WithGuardian = false, bool IsReview = false);

/// <summary>What the safeguard needs to know about a case, taken from it at the moment of the request.</summary>
public sealed record ReturnFacts(
    CaseStage Stage,
    DateOnly Today,
    DateOnly? ReflectionEndsOn = null,
    bool IsChild = false,
    RiskFinding? LatestReturnAssessment = null,
    bool GuardianFindingStands = false)
{
    /// <summary>The facts of a case today, from every risk assessment of the case (any order), including one being recorded now.</summary>
    public static ReturnFacts Of(Case c, DateOnly today, IEnumerable<RiskFinding> findings)
    {
        var list = findings.OrderBy(f => f.At).ToList();
        return new ReturnFacts(c.Stage, today, c.ReflectionEndsOn, c.IsChild,
            list.LastOrDefault(f => f.ForReturn), ReturnSafeguard.GuardianFindingStands(list));
    }
}

/// <summary>
/// No removal while the person is protected (R-LEG-02, L4, R-SYS-01, CH-PR-19), as one pure rule that the API, the
/// case page and the plan's suspension all ask. A return is planned, and stays in force, only when identification is
/// complete (a negative reasonable-grounds decision or a conclusive decision, not being reconsidered), the reflection
/// period has ended (its end date, extensions included: an early conclusive decision does not shorten it), a risk
/// assessment for the return exists, and for a child neither the latest assessment nor a standing finding made with
/// the guardian found a danger.
/// </summary>
public static class ReturnSafeguard
{
    /// <summary>Every reason the return is blocked, in the order a case worker deals with them; empty when it may go ahead.</summary>
    public static IReadOnlyList<ReturnBlock> Blocks(ReturnFacts f)
    {
        var blocks = new List<ReturnBlock>();
        switch (f.Stage)
        {
            case CaseStage.Closed:
                blocks.Add(ReturnBlock.CaseClosed);
                break;
            case CaseStage.Intake or CaseStage.Assessment or CaseStage.Reflection:
                blocks.Add(ReturnBlock.IdentificationIncomplete);
                break;
            case CaseStage.Reconsideration:
                blocks.Add(ReturnBlock.ReconsiderationPending);
                break;
            case CaseStage.NegativeDecision or CaseStage.Recovery:
                break;
        }
        if (ReflectionRuns(f))
        {
            blocks.Add(ReturnBlock.ReflectionPeriodRuns);
        }
        if (f.LatestReturnAssessment is null)
        {
            blocks.Add(ReturnBlock.NoReturnRiskAssessment);
        }
        else if (f.IsChild && f.LatestReturnAssessment.RiskIdentified)
        {
            blocks.Add(ReturnBlock.RiskToChild);
        }
        if (f.IsChild && f.GuardianFindingStands)
        {
            blocks.Add(ReturnBlock.GuardianFindingStands);
        }
        return blocks;
    }

    /// <summary>The period runs through the whole of its last day (<see cref="CaseDeadlines.ReflectionMinimumEnd"/>).</summary>
    public static bool ReflectionRuns(ReturnFacts f) => f.ReflectionEndsOn is { } end && f.Today <= end;

    /// <summary>
    /// CH-PR-19: the guardian's latest finding on the return or a review decides, whatever the case owner recorded since.
    /// A positive finding with the guardian stands until a later one with the guardian finds no risk.
    /// </summary>
    public static bool GuardianFindingStands(IEnumerable<RiskFinding> findings) =>
        findings.Where(x => x.WithGuardian && (x.ForReturn || x.IsReview)).OrderBy(x => x.At).LastOrDefault() is { RiskIdentified: true };

    /// <summary>
    /// The blocks that suspend a return planned earlier. Not a missing assessment (the plan rests on one), and not the
    /// closure: a case closes after the return took place, and a closed case's plan is history, not in force.
    /// </summary>
    public static IReadOnlyList<ReturnBlock> Suspending(ReturnFacts f) =>
        Blocks(f).Where(b => b is not (ReturnBlock.NoReturnRiskAssessment or ReturnBlock.CaseClosed)).ToList();

    public static string Words(ReturnBlock block, ReturnFacts f) => block switch
    {
        ReturnBlock.CaseClosed => "The case is closed.",
        ReturnBlock.IdentificationIncomplete =>
            "Identification is not complete: nobody is removed before the competent authority's decision (R-LEG-02, R-SYS-01).",
        ReturnBlock.ReconsiderationPending =>
            "A reconsideration of the negative decision is pending: no return until it is decided again (R-LEG-02).",
        ReturnBlock.ReflectionPeriodRuns =>
            $"No removal during the reflection period, which runs until {f.ReflectionEndsOn:d MMM yyyy} whatever was decided (L4).",
        ReturnBlock.NoReturnRiskAssessment =>
            "A return cannot be planned without a risk assessment for the return (L10, LE-D9): record one first.",
        ReturnBlock.RiskToChild =>
            "The child's return is blocked: the latest risk and security assessment found a danger to the child or the family (CH-PR-19).",
        ReturnBlock.GuardianFindingStands =>
            "The child's return is blocked: a risk found with the guardian stands until a review with the guardian records otherwise (CH-PR-19).",
    };

    public static IReadOnlyList<string> Reasons(ReturnFacts f) => Blocks(f).Select(b => Words(b, f)).ToList();
}
