using Ariadne.Web.Features.Organisations;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>Someone asking to change a report's handling: their user, their agency or force, whether they hold the dissemination-supervisor role.</summary>
public sealed record HandlingChanger(Guid UserId, Guid AgencyId, bool IsDisseminationSupervisor);

public enum HandlingChangeRefusal
{
    /// <summary>Only the originator or their supervisor sets how far a report goes (V-13, R-EVAL-06).</summary>
    NotOriginatorOrSupervisor,
    /// <summary>A report keeps the system it was graded in; a change to another system would be a conversion.</summary>
    OtherSystem,
    /// <summary>The evaluation of source and intelligence is not part of the handling; a second evaluation is recorded beside it (R-EVAL-03).</summary>
    EvaluationIsNotHandling,
    /// <summary>The new handling is not a valid grading (for instance C without conditions).</summary>
    InvalidGrading,
    NoChange,
    /// <summary>Every change is recorded with its reason.</summary>
    ReasonRequired,
}

/// <summary>
/// The answer: allowed or not, and whether the change lets the report reach anyone it did not reach before (recorded with
/// the change and shown to whoever confirms it).
/// </summary>
public sealed record HandlingChangeResult(bool Allowed, bool Widens, HandlingChangeRefusal? Refusal = null, string? Detail = null)
{
    public static HandlingChangeResult Refuse(HandlingChangeRefusal why, string detail) => new(false, false, why, detail);
}

/// <summary>
/// Who may change a report's handling code, conditions and special-handling flag: the originator (the report's author) or a
/// dissemination supervisor of the originating agency, with a reason; nobody else, whether the change would widen or narrow
/// it (issue 10 item 5, §5.5.3 [DERIVED]). Widening is worked out by asking <see cref="DisseminationPolicy"/> about every kind
/// of recipient, never from the order of the codes (§5.5.1 note).
/// </summary>
public static class HandlingCodeChange
{
    public const int MaxReasonLength = 2000;

    public static HandlingChangeResult Decide(Guid authorUserId, Originator originator, HandlingChanger changer, Grading current,
        Grading proposed, string? reason, FourByFourLabels? fourByFour)
    {
        var isAuthor = changer.UserId == authorUserId;
        var isSupervisor = changer.IsDisseminationSupervisor && changer.AgencyId != Guid.Empty && changer.AgencyId == originator.AgencyId;
        // Who first: someone who may not change the code learns nothing about what else would be wrong with the change.
        if (!isAuthor && !isSupervisor)
        {
            return HandlingChangeResult.Refuse(HandlingChangeRefusal.NotOriginatorOrSupervisor,
                "Only the report's originator or a dissemination supervisor of the originating agency can change its handling.");
        }
        if (proposed.System != current.System)
        {
            return HandlingChangeResult.Refuse(HandlingChangeRefusal.OtherSystem,
                $"The report is graded in {current.System.Label()} and stays so; gradings are never converted between systems.");
        }
        if (proposed.Source5 != current.Source5 || proposed.Intelligence5 != current.Intelligence5 || proposed.Source3 != current.Source3
            || proposed.Intelligence3 != current.Intelligence3 || proposed.SourceReliability4 != current.SourceReliability4
            || proposed.InformationValidity4 != current.InformationValidity4)
        {
            return HandlingChangeResult.Refuse(HandlingChangeRefusal.EvaluationIsNotHandling,
                "Only the handling can be changed here; a new evaluation of the source or the intelligence is recorded beside the author's.");
        }
        if (GradingRules.Validate(proposed, fourByFour) is { Count: > 0 } errors)
        {
            return HandlingChangeResult.Refuse(HandlingChangeRefusal.InvalidGrading, string.Join(" ", errors.Select(e => e.Detail)));
        }
        if (proposed.Handling5 == current.Handling5 && proposed.Handling3 == current.Handling3
            && proposed.SpecialHandling == current.SpecialHandling
            && string.Equals(proposed.ConditionsText(), current.ConditionsText(), StringComparison.Ordinal))
        {
            return HandlingChangeResult.Refuse(HandlingChangeRefusal.NoChange, "The handling is already as proposed.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return HandlingChangeResult.Refuse(HandlingChangeRefusal.ReasonRequired, "Say why the handling changes; the reason is recorded.");
        }
        if (reason.Length > MaxReasonLength)
        {
            return HandlingChangeResult.Refuse(HandlingChangeRefusal.ReasonRequired, $"The reason may be at most {MaxReasonLength} characters.");
        }
        return new(true, Widens(current, proposed, originator));
    }

    /// <summary>
    /// Whether <paramref name="proposed"/> lets the report reach any kind of recipient that <paramref name="current"/> did not,
    /// or reach it with different or no conditions, or lifts special handling. Asked of the policy itself, with and without
    /// special handling cleared, for one recipient of every kind relative to the originator.
    /// </summary>
    public static bool Widens(Grading current, Grading proposed, Originator originator)
    {
        foreach (var cleared in new[] { false, true })
        {
            foreach (var probe in Probes(originator))
            {
                var before = DisseminationPolicy.Decide(current, cleared, originator, probe);
                var after = DisseminationPolicy.Decide(proposed, cleared, originator, probe);
                if (Rank(after) > Rank(before)
                    || (before.Outcome == DisseminationOutcome.AllowWithConditions && after.Outcome == DisseminationOutcome.AllowWithConditions
                        && !string.Equals(before.Conditions, after.Conditions, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static int Rank(DisseminationDecision decision) => decision.Outcome switch
    {
        DisseminationOutcome.ReferToOriginator => 0,
        DisseminationOutcome.AllowWithConditions => 1,
        DisseminationOutcome.Allow => 2,
    };

    // Country codes that cannot be a real originator's, so "abroad" is abroad whatever the originator's country.
    private const string OtherEuCountry = "~EU";
    private const string NonEuCountry = "~NON-EU";

    private static IEnumerable<Recipient> Probes(Originator originator)
    {
        yield return new(Guid.NewGuid(), OrganisationType.FrontlinePolice, originator.AgencyId, originator.Country, false,
            RecipientCategory.LawEnforcement);
        yield return new(Guid.NewGuid(), OrganisationType.FrontlinePolice, Guid.NewGuid(), originator.Country, false,
            RecipientCategory.LawEnforcement);
        yield return new(Guid.NewGuid(), OrganisationType.Prosecution, Guid.NewGuid(), originator.Country, false,
            RecipientCategory.Prosecuting);
        yield return new(Guid.NewGuid(), OrganisationType.VictimSupport, Guid.NewGuid(), originator.Country, false,
            RecipientCategory.NonProsecuting);
        foreach (var (country, eu) in new[] { (OtherEuCountry, true), (NonEuCountry, false) })
        {
            foreach (var category in Enum.GetValues<RecipientCategory>())
            {
                yield return new(Guid.NewGuid(), OrganisationType.ForeignLiaisonPartner, Guid.NewGuid(), country, eu, category);
            }
        }
    }
}
