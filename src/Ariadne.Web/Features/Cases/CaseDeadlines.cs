using Ariadne.Web.Features.Jurisdiction;

namespace Ariadne.Web.Features.Cases;

/// <summary>
/// Deadline arithmetic (Appendix A), all from the jurisdiction profile and in the jurisdiction's calendar:
/// a decision due "in 5 working days" skips weekends and public holidays, and is met until the end of that
/// local day. Pure functions, tested with a fake clock.
/// </summary>
public static class CaseDeadlines
{
    public static bool IsWorkingDay(DateOnly day, JurisdictionProfile p) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !p.Holidays.Contains(day);

    /// <summary>The working day <paramref name="days"/> working days after <paramref name="start"/> (the start day itself not counted).</summary>
    public static DateOnly AddWorkingDays(DateOnly start, int days, JurisdictionProfile p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, p))
            {
                days--;
            }
        }
        return day;
    }

    /// <summary>When the reasonable-grounds decision is due, counted from the moment the case was opened.</summary>
    public static DateTime DecisionTarget(DateTime openedAtUtc, JurisdictionProfile p) =>
        p.EndOfLocalDay(AddWorkingDays(p.LocalDate(openedAtUtc), p.DecisionTargetWorkingDays, p));

    /// <summary>
    /// NRM-P3: by when the receiving unit opens a case from a referral, counted in working days from the referral like
    /// the decision target, so a referral nobody opens is chased before it is ever a case.
    /// </summary>
    public static DateTime ReferralOpenDue(DateTime referredAtUtc, JurisdictionProfile p) =>
        p.EndOfLocalDay(AddWorkingDays(p.LocalDate(referredAtUtc), p.ReferralOpenWorkingDays, p));

    /// <summary>
    /// The last day of the minimum reflection and recovery period: "at least 30 days" counted in calendar days
    /// from the day of the positive decision, so the period covers the whole of its last day.
    /// </summary>
    public static DateOnly ReflectionMinimumEnd(DateTime startedAtUtc, JurisdictionProfile p) =>
        p.LocalDate(startedAtUtc).AddDays(p.MinimumReflectionDays);

    /// <summary>An extension adds to the current end; the period is never shortened.</summary>
    public static DateOnly Extend(DateOnly currentEnd, int days) =>
        days < 1 ? throw new ArgumentOutOfRangeException(nameof(days)) : currentEnd.AddDays(days);

    public static int ReviewInterval(Case c, JurisdictionProfile p) => c.IsChild ? p.ChildReviewIntervalDays : p.ReviewIntervalDays;

    /// <summary>What the case is waiting for next, and by when (null only for a closed case).</summary>
    public static (DateTime At, string What)? NextDue(Case c, JurisdictionProfile p) => c.Stage switch
    {
        CaseStage.Intake when c.IsChild && c.GuardianOrganisationId is null =>
            (c.OpenedAt, "Appoint a guardian (immediately, CH-PR-02)"),
        CaseStage.Intake or CaseStage.Assessment => (c.DecisionTargetAt, "Reasonable-grounds decision"),
        CaseStage.Reflection when c.ReflectionEndsOn is { } end => (p.EndOfLocalDay(end), "Conclusive decision (reflection period ends)"),
        CaseStage.Reflection => (c.DecisionTargetAt, "Conclusive decision"),
        CaseStage.Reconsideration => (c.ReconsiderationDueAt ?? c.DecisionTargetAt, "Reconsidered decision"),
        CaseStage.NegativeDecision or CaseStage.Recovery when c.ReviewDueOn is { } review => (p.EndOfLocalDay(review), "Case review"),
        CaseStage.NegativeDecision or CaseStage.Recovery => (c.StageChangedAt, "Case review"),
        CaseStage.Closed => null,
    };

    public static bool IsOverdue(Case c, DateTime nowUtc) => IsOverdue(c.Stage, c.NextDueAt, nowUtc);

    public static bool IsOverdue(CaseStage stage, DateTime? nextDueAt, DateTime nowUtc) =>
        stage != CaseStage.Closed && nextDueAt is { } due && due < nowUtc;

    public static bool IsStale(Case c, DateTime nowUtc, JurisdictionProfile p) => IsStale(c.Stage, c.LastActivityAt, nowUtc, p);

    public static bool IsStale(CaseStage stage, DateTime lastActivityAt, DateTime nowUtc, JurisdictionProfile p) =>
        stage != CaseStage.Closed && lastActivityAt < nowUtc.AddDays(-p.StaleAfterDays);
}
