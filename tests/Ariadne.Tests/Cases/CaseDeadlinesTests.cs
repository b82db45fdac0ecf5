using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Jurisdiction;

namespace Ariadne.Tests.Cases;

/// <summary>
/// Deadline arithmetic in the jurisdiction's calendar (Europe/Brussels by default): working days skip weekends
/// and holidays, deadlines run to the end of the local day, and daylight saving time moves that end in UTC.
/// "Now" comes from a fake clock, never the machine's.
/// </summary>
public sealed class CaseDeadlinesTests
{
    private static readonly DateOnly Thursday = new(2026, 3, 5);
    private static readonly DateOnly Friday = new(2026, 3, 6);
    private static readonly DateOnly Saturday = new(2026, 3, 7);
    private static readonly DateOnly Sunday = new(2026, 3, 8);
    private static readonly DateOnly Monday = new(2026, 3, 9);

    private static JurisdictionProfile Profile(params DateOnly[] holidays) => new() { Holidays = [.. holidays] };

    private static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static DateTime Utc(string instant) =>
        DateTime.SpecifyKind(DateTime.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Fact]
    public void The_calendar_used_here_is_the_one_the_tests_assume()
    {
        Assert.Equal(DayOfWeek.Thursday, Thursday.DayOfWeek);
        Assert.Equal(DayOfWeek.Friday, Friday.DayOfWeek);
        Assert.Equal(DayOfWeek.Monday, Monday.DayOfWeek);
        Assert.Equal("Europe/Brussels", new JurisdictionProfile().TimeZone);
        Assert.NotEqual(TimeZoneInfo.Utc, new JurisdictionProfile().Zone);
    }

    // ---------------------------------------------------------------- working days

    [Fact]
    public void Working_days_skip_the_weekend()
    {
        var p = Profile();

        Assert.Equal(Monday, CaseDeadlines.AddWorkingDays(Friday, 1, p));
        Assert.Equal(Monday, CaseDeadlines.AddWorkingDays(Saturday, 1, p));
        Assert.Equal(Monday, CaseDeadlines.AddWorkingDays(Sunday, 1, p));
        Assert.Equal(new DateOnly(2026, 3, 13), CaseDeadlines.AddWorkingDays(Friday, 5, p));
        Assert.Equal(new DateOnly(2026, 3, 12), CaseDeadlines.AddWorkingDays(Thursday, 5, p));
        Assert.Equal(new DateOnly(2026, 3, 20), CaseDeadlines.AddWorkingDays(Friday, 10, p));
        Assert.Equal(Saturday, CaseDeadlines.AddWorkingDays(Saturday, 0, p));
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseDeadlines.AddWorkingDays(Friday, -1, p));

        Assert.True(CaseDeadlines.IsWorkingDay(Friday, p));
        Assert.False(CaseDeadlines.IsWorkingDay(Saturday, p));
        Assert.False(CaseDeadlines.IsWorkingDay(Sunday, p));
    }

    [Fact]
    public void Working_days_skip_public_holidays_and_a_holiday_on_a_weekend_costs_nothing_extra()
    {
        // Christmas 2026 is a Friday, New Year's Day 2027 a Friday; 26 December falls on a Saturday.
        var p = Profile(new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26), new DateOnly(2027, 1, 1));

        Assert.Equal(new DateOnly(2026, 12, 28), CaseDeadlines.AddWorkingDays(new DateOnly(2026, 12, 24), 1, p));
        // Thursday 24 Dec + 5: Mon 28, Tue 29, Wed 30, Thu 31, (Fri 1 Jan holiday), Mon 4 Jan.
        Assert.Equal(new DateOnly(2027, 1, 4), CaseDeadlines.AddWorkingDays(new DateOnly(2026, 12, 24), 5, p));
        Assert.Equal(new DateOnly(2026, 12, 31), CaseDeadlines.AddWorkingDays(new DateOnly(2026, 12, 24), 4, p));
        Assert.False(CaseDeadlines.IsWorkingDay(new DateOnly(2026, 12, 25), p));

        var mondayHoliday = Profile(Monday);
        Assert.Equal(new DateOnly(2026, 3, 10), CaseDeadlines.AddWorkingDays(Friday, 1, mondayHoliday));
        Assert.Equal(new DateOnly(2026, 3, 16), CaseDeadlines.AddWorkingDays(Friday, 5, mondayHoliday));
    }

    // ---------------------------------------------------------------- the decision target

    [Fact]
    public void A_case_opened_on_a_Friday_evening_is_due_at_the_end_of_the_next_Friday_in_Brussels_time()
    {
        var p = Profile();
        var clock = new FakeClock(new DateTimeOffset(2026, 3, 6, 17, 0, 0, TimeSpan.Zero)); // 18:00 in Brussels (CET, UTC+1)

        var target = CaseDeadlines.DecisionTarget(clock.UtcNow, p);

        Assert.Equal(DateTimeKind.Utc, target.Kind);
        // The end of Friday 13 March in Brussels is 22:59:59.9999999 UTC, not midnight UTC.
        Assert.Equal(Utc(2026, 3, 13, 22, 59).AddSeconds(59).AddTicks(9_999_999), target);
        Assert.Equal(new DateOnly(2026, 3, 13), p.LocalDate(target));
        Assert.Equal(new DateOnly(2026, 3, 14), p.LocalDate(target.AddTicks(1)));
    }

    [Fact]
    public void The_local_date_not_the_UTC_date_starts_the_count()
    {
        var p = Profile();

        // Thursday 23:30 UTC is already Friday 00:30 in Brussels: counted from Friday, due the next Friday.
        var lateThursdayUtc = CaseDeadlines.DecisionTarget(Utc(2026, 3, 5, 23, 30), p);
        Assert.Equal(new DateOnly(2026, 3, 13), p.LocalDate(lateThursdayUtc));
        // Thursday 22:30 UTC is still Thursday in Brussels: due the next Thursday.
        var thursdayEvening = CaseDeadlines.DecisionTarget(Utc(2026, 3, 5, 22, 30), p);
        Assert.Equal(new DateOnly(2026, 3, 12), p.LocalDate(thursdayEvening));
        // Friday 23:30 UTC is Saturday in Brussels: the weekend is skipped all the same.
        Assert.Equal(new DateOnly(2026, 3, 13), p.LocalDate(CaseDeadlines.DecisionTarget(Utc(2026, 3, 6, 23, 30), p)));

        // In UTC itself the same Thursday 23:30 would still count from Thursday.
        var utcProfile = new JurisdictionProfile { TimeZone = "UTC" };
        Assert.Equal(new DateOnly(2026, 3, 12), utcProfile.LocalDate(CaseDeadlines.DecisionTarget(Utc(2026, 3, 5, 23, 30), utcProfile)));
    }

    [Fact]
    public void Across_the_change_to_summer_time_the_deadline_ends_at_local_midnight_which_is_22_00_UTC()
    {
        var p = Profile();

        // Wednesday 25 March 2026 (CET); clocks go forward on Sunday 29 March; due Wednesday 1 April (CEST, UTC+2).
        var target = CaseDeadlines.DecisionTarget(Utc(2026, 3, 25, 10, 0), p);

        Assert.Equal(Utc("2026-04-01T21:59:59.9999999"), target);
        Assert.Equal(Utc("2026-03-28T22:59:59.9999999"), p.EndOfLocalDay(new DateOnly(2026, 3, 28)));
        Assert.Equal(Utc("2026-03-29T21:59:59.9999999"), p.EndOfLocalDay(new DateOnly(2026, 3, 29)));
        // Back to winter time on Sunday 25 October: that day has 25 hours and ends at 23:00 UTC less a tick.
        Assert.Equal(Utc("2026-10-24T21:59:59.9999999"), p.EndOfLocalDay(new DateOnly(2026, 10, 24)));
        Assert.Equal(Utc("2026-10-25T22:59:59.9999999"), p.EndOfLocalDay(new DateOnly(2026, 10, 25)));
    }

    [Fact]
    public void The_decision_target_follows_the_profiles_number_of_working_days_and_holidays()
    {
        var p = new JurisdictionProfile { DecisionTargetWorkingDays = 2, Holidays = [Monday] };

        Assert.Equal(new DateOnly(2026, 3, 11), p.LocalDate(CaseDeadlines.DecisionTarget(Utc(2026, 3, 6, 9, 0), p)));
    }

    // ---------------------------------------------------------------- the reflection period

    [Fact]
    public void The_minimum_reflection_period_ends_30_calendar_days_after_the_local_date_of_the_decision()
    {
        var p = Profile(Monday); // holidays do not shorten or lengthen calendar days

        Assert.Equal(new DateOnly(2026, 4, 5), CaseDeadlines.ReflectionMinimumEnd(Utc(2026, 3, 6, 12, 0), p));
        // 23:30 UTC on Friday is Saturday in Brussels.
        Assert.Equal(new DateOnly(2026, 4, 6), CaseDeadlines.ReflectionMinimumEnd(Utc(2026, 3, 6, 23, 30), p));
    }

    [Fact]
    public void A_jurisdiction_with_a_longer_reflection_period_gets_its_own()
    {
        var p = new JurisdictionProfile { MinimumReflectionDays = 45 };

        Assert.Equal(new DateOnly(2026, 4, 20), CaseDeadlines.ReflectionMinimumEnd(Utc(2026, 3, 6, 12, 0), p));
        Assert.Equal(new DateOnly(2026, 4, 21), CaseDeadlines.ReflectionMinimumEnd(Utc(2026, 3, 6, 23, 30), p));
    }

    [Fact]
    public void An_extension_adds_to_the_current_end_and_never_shortens_it()
    {
        var end = new DateOnly(2026, 4, 6);

        Assert.Equal(new DateOnly(2026, 4, 7), CaseDeadlines.Extend(end, 1));
        Assert.Equal(new DateOnly(2026, 4, 16), CaseDeadlines.Extend(end, 10));
        Assert.Equal(new DateOnly(2027, 4, 6), CaseDeadlines.Extend(end, 365));
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseDeadlines.Extend(end, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseDeadlines.Extend(end, -5));
    }

    // ---------------------------------------------------------------- what is due next

    private static readonly DateTime Opened = Utc(2026, 3, 6, 9, 0);
    private static readonly DateTime Target = Utc(2026, 3, 13, 22, 59);
    private static readonly DateTime StageChanged = Utc(2026, 3, 20, 9, 0);

    private static Case NewCase(CaseStage stage, AgeStatus age = AgeStatus.Unknown) => new()
    {
        Reference = "C-TEST", OpenedByName = "Test", Stage = stage, OpenedAt = Opened, DecisionTargetAt = Target,
        StageChangedAt = StageChanged, LastActivityAt = StageChanged, AgeStatus = age,
    };

    [Fact]
    public void A_child_without_a_guardian_needs_one_at_once_and_with_one_the_decision_is_next()
    {
        var p = Profile();
        var child = NewCase(CaseStage.Intake, AgeStatus.PresumedMinor);

        var due = CaseDeadlines.NextDue(child, p)!.Value;
        Assert.Equal(Opened, due.At);
        Assert.Contains("guardian", due.What, StringComparison.Ordinal);

        child.GuardianOrganisationId = Guid.NewGuid();
        Assert.Equal((Target, "Reasonable-grounds decision"), CaseDeadlines.NextDue(child, p));
        Assert.Equal((Target, "Reasonable-grounds decision"), CaseDeadlines.NextDue(NewCase(CaseStage.Intake, AgeStatus.ConfirmedAdult), p));
    }

    [Fact]
    public void Each_stage_has_its_next_due_date()
    {
        var p = Profile();

        Assert.Equal((Target, "Reasonable-grounds decision"), CaseDeadlines.NextDue(NewCase(CaseStage.Intake), p));
        Assert.Equal((Target, "Reasonable-grounds decision"), CaseDeadlines.NextDue(NewCase(CaseStage.Assessment), p));

        var reflection = NewCase(CaseStage.Reflection);
        Assert.Equal((Target, "Conclusive decision"), CaseDeadlines.NextDue(reflection, p));
        reflection.ReflectionEndsOn = new DateOnly(2026, 4, 6);
        Assert.Equal((Utc("2026-04-06T21:59:59.9999999"), "Conclusive decision (reflection period ends)"), CaseDeadlines.NextDue(reflection, p));

        var reconsideration = NewCase(CaseStage.Reconsideration);
        Assert.Equal((Target, "Reconsidered decision"), CaseDeadlines.NextDue(reconsideration, p));
        reconsideration.ReconsiderationDueAt = Utc(2026, 4, 1, 21, 0);
        Assert.Equal((Utc(2026, 4, 1, 21, 0), "Reconsidered decision"), CaseDeadlines.NextDue(reconsideration, p));

        foreach (var stage in new[] { CaseStage.NegativeDecision, CaseStage.Recovery })
        {
            var c = NewCase(stage);
            Assert.Equal((StageChanged, "Case review"), CaseDeadlines.NextDue(c, p));
            c.ReviewDueOn = new DateOnly(2026, 4, 17);
            Assert.Equal((Utc("2026-04-17T21:59:59.9999999"), "Case review"), CaseDeadlines.NextDue(c, p));
        }

        Assert.Null(CaseDeadlines.NextDue(NewCase(CaseStage.Closed), p));
        Assert.Equal(7, Enum.GetValues<CaseStage>().Length); // a new stage must get a row here
    }

    [Fact]
    public void A_childs_case_is_reviewed_more_often()
    {
        var p = new JurisdictionProfile { ReviewIntervalDays = 28, ChildReviewIntervalDays = 14 };

        Assert.Equal(28, CaseDeadlines.ReviewInterval(NewCase(CaseStage.Recovery, AgeStatus.ConfirmedAdult), p));
        Assert.Equal(28, CaseDeadlines.ReviewInterval(NewCase(CaseStage.Recovery), p));
        Assert.Equal(14, CaseDeadlines.ReviewInterval(NewCase(CaseStage.Recovery, AgeStatus.PresumedMinor), p));
        Assert.Equal(14, CaseDeadlines.ReviewInterval(NewCase(CaseStage.Recovery, AgeStatus.ConfirmedMinor), p));
    }

    // ---------------------------------------------------------------- overdue and stale

    [Fact]
    public void A_case_is_overdue_from_the_moment_after_its_due_date_and_a_closed_case_never_is()
    {
        var due = Utc(2026, 3, 13, 22, 59);
        var clock = new FakeClock(new DateTimeOffset(due.AddHours(-1)));
        var c = NewCase(CaseStage.Assessment);
        c.NextDueAt = due;

        Assert.False(CaseDeadlines.IsOverdue(c, clock.UtcNow));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.False(CaseDeadlines.IsOverdue(c, clock.UtcNow), "due at this instant is not yet overdue");
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(CaseDeadlines.IsOverdue(c, clock.UtcNow));

        c.NextDueAt = null;
        Assert.False(CaseDeadlines.IsOverdue(c, clock.UtcNow));
        c.NextDueAt = due;
        c.Stage = CaseStage.Closed;
        Assert.False(CaseDeadlines.IsOverdue(c, clock.UtcNow));
    }

    [Fact]
    public void A_case_is_stale_after_the_profiles_days_without_activity_and_a_closed_case_never_is()
    {
        var p = new JurisdictionProfile { StaleAfterDays = 30 };
        var c = NewCase(CaseStage.Recovery);
        var clock = new FakeClock(new DateTimeOffset(c.LastActivityAt));

        clock.Advance(TimeSpan.FromDays(30));
        Assert.False(CaseDeadlines.IsStale(c, clock.UtcNow, p), "exactly 30 days is not yet stale");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(CaseDeadlines.IsStale(c, clock.UtcNow, p));
        Assert.False(CaseDeadlines.IsStale(c, clock.UtcNow, new JurisdictionProfile { StaleAfterDays = 31 }));
        Assert.True(CaseDeadlines.IsStale(c, c.LastActivityAt.AddDays(10).AddTicks(1), new JurisdictionProfile { StaleAfterDays = 10 }));

        c.Stage = CaseStage.Closed;
        Assert.False(CaseDeadlines.IsStale(c, clock.UtcNow, p));
    }
}
