using Ariadne.Web.Features.Organisations;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>The three kinds of recipient the handling codes speak of (§5.5.1).</summary>
public enum RecipientCategory
{
    LawEnforcement,
    Prosecuting,
    NonProsecuting,
}

public static class IntelligenceOrganisationTypes
{
    /// <summary>
    /// The categories an organisation of this type can be. A recipient claiming another category is refused (a police
    /// category on a shelter would open law-enforcement intelligence to it: V-18). Labour inspectorates have police powers
    /// in some jurisdictions and not in others; a foreign partner can be any of the three. Administration is none: running
    /// the system is not a reason to read intelligence.
    /// </summary>
    public static IReadOnlyList<RecipientCategory> Categories(this OrganisationType type) => type switch
    {
        OrganisationType.Administration => [],
        OrganisationType.FrontlinePolice or OrganisationType.BorderGuard
            or OrganisationType.AntiTraffickingUnit or OrganisationType.Customs => [RecipientCategory.LawEnforcement],
        OrganisationType.Prosecution => [RecipientCategory.Prosecuting],
        OrganisationType.LabourInspectorate => [RecipientCategory.NonProsecuting, RecipientCategory.LawEnforcement],
        OrganisationType.VictimSupport or OrganisationType.Guardianship
            or OrganisationType.NationalReferralCoordinator => [RecipientCategory.NonProsecuting],
        OrganisationType.ForeignLiaisonPartner =>
            [RecipientCategory.LawEnforcement, RecipientCategory.Prosecuting, RecipientCategory.NonProsecuting],
    };

    public static string DisplayName(this RecipientCategory category) => category switch
    {
        RecipientCategory.LawEnforcement => "law-enforcement agency",
        RecipientCategory.Prosecuting => "prosecuting agency",
        RecipientCategory.NonProsecuting => "non-prosecuting organisation",
    };
}

/// <summary>
/// Who the report comes from. <paramref name="AgencyId"/> is the agency or force the originating unit belongs to (several
/// units of one police force are one "originating agency/force"); an organisation that belongs to none is its own agency.
/// Countries are ISO 3166-1 alpha-2 codes.
/// </summary>
public sealed record Originator(Guid OrganisationId, Guid AgencyId, string Country);

/// <summary>The organisation a report would go to.</summary>
public sealed record Recipient(Guid OrganisationId, OrganisationType Type, Guid AgencyId, string Country, bool IsEuMember,
    RecipientCategory Category);

/// <summary>Where the recipient is, seen from the originator.</summary>
public enum RecipientPlace
{
    Domestic,
    OtherEuMember,
    OutsideEu,
}

public enum DisseminationOutcome
{
    Allow,
    /// <summary>Allow, and show the recipient the originator's conditions with the report.</summary>
    AllowWithConditions,
    /// <summary>Not within what the originator allowed: the originator decides (V-13). Never "denied silently".</summary>
    ReferToOriginator,
}

/// <summary>Why a dissemination goes back to the originator.</summary>
public enum ReferralReason
{
    /// <summary>The grading does not name an audience (no handling code, or C without its conditions).</summary>
    GradingIncomplete,
    /// <summary>The recipient's type is not an audience of intelligence at all, or its category does not fit its type.</summary>
    NotAnIntelligenceRecipient,
    /// <summary>Special handling: the risk assessment and the supervisor's approval are not complete (EVAL-S3..S5).</summary>
    SpecialHandlingNotApproved,
    /// <summary>The handling code does not include this recipient.</summary>
    OutsideHandlingCode,
    /// <summary>4x4 has no handling dimension, so only the originator can say who else may have it.</summary>
    NoHandlingDimension,
}

/// <summary>The answer for one report and one recipient.</summary>
public sealed record DisseminationDecision(DisseminationOutcome Outcome, string? Conditions = null, ReferralReason? Reason = null,
    string? Detail = null)
{
    public static DisseminationDecision Allow { get; } = new(DisseminationOutcome.Allow);
    public static DisseminationDecision WithConditions(string conditions) => new(DisseminationOutcome.AllowWithConditions, Conditions: conditions);
    public static DisseminationDecision Refer(ReferralReason reason, string detail) =>
        new(DisseminationOutcome.ReferToOriginator, Reason: reason, Detail: detail);

    public bool Allowed => Outcome is DisseminationOutcome.Allow or DisseminationOutcome.AllowWithConditions;
}

/// <summary>
/// The dissemination policy (V-13, R-EVAL-06, §5.5): one pure function of the report's grading, the originator and the
/// recipient. Every list, search, view, export, check answer and sending asks it; <c>DisseminationPolicyTests</c> writes the
/// whole table out again independently. Each 5x5x5 handling label defines its own audience below; nothing is inferred from
/// the order of the codes (§5.5.1 note). The audiences and the decisions where the catalogue is silent are in ADR 0011.
/// </summary>
public static class DisseminationPolicy
{
    /// <param name="grading">The originator's grading (the author's, never the receiving analyst's).</param>
    /// <param name="specialHandlingCleared">
    /// For a report under special handling: whether <see cref="SpecialHandling.Status"/> is cleared. Ignored otherwise.
    /// </param>
    /// <param name="originator">The originating unit, its agency or force, its country.</param>
    /// <param name="recipient">The organisation the report would reach (or whose member would see it).</param>
    public static DisseminationDecision Decide(Grading grading, bool specialHandlingCleared, Originator originator, Recipient recipient)
    {
        // The report's home: the originating unit holds it whatever the code (code 5 included), whatever special handling,
        // and before it is graded (a draft).
        if (recipient.OrganisationId == originator.OrganisationId)
        {
            return DisseminationDecision.Allow;
        }
        if (!GradingRules.IsComplete(grading))
        {
            return DisseminationDecision.Refer(ReferralReason.GradingIncomplete,
                "The report's grading does not say how far it may be disseminated; ask the originator.");
        }
        if (!IsIntelligenceRecipient(recipient))
        {
            return DisseminationDecision.Refer(ReferralReason.NotAnIntelligenceRecipient,
                "This organisation is not registered as a recipient of intelligence of this kind; ask the originator.");
        }
        var (sameAgency, where) = Relate(originator, recipient);
        return DecideBeyondHome(grading, specialHandlingCleared, sameAgency, where, recipient.Category);
    }

    /// <summary>Whether the recipient's category fits its type (a police category on a shelter would open law-enforcement
    /// intelligence to it: V-18).</summary>
    public static bool IsIntelligenceRecipient(Recipient recipient) =>
        Enum.IsDefined(recipient.Type) && Enum.IsDefined(recipient.Category) && recipient.Type.Categories().Contains(recipient.Category);

    /// <summary>
    /// How the recipient stands to the originator: the same agency or force, and where. Beyond the originating unit the decision
    /// depends on the recipient only through this and its category, which is what lets <see cref="IntelligenceAudience"/>
    /// store a report's audience as a set of (same agency, place, category) and a list query select it in SQL.
    /// </summary>
    public static (bool SameAgency, RecipientPlace Place) Relate(Originator originator, Recipient recipient) =>
        (recipient.AgencyId != Guid.Empty && recipient.AgencyId == originator.AgencyId, Place(originator, recipient));

    /// <summary>The decision for a recipient that is not the originating unit and is a recipient of intelligence.</summary>
    public static DisseminationDecision DecideBeyondHome(Grading grading, bool specialHandlingCleared, bool sameAgency, RecipientPlace where,
        RecipientCategory category)
    {
        if (!GradingRules.IsComplete(grading))
        {
            return DisseminationDecision.Refer(ReferralReason.GradingIncomplete,
                "The report's grading does not say how far it may be disseminated; ask the originator.");
        }
        // EVAL-S3..S5: beyond the originating unit only after the risk assessment and the supervisor's approval.
        if (grading.SpecialHandling && !specialHandlingCleared)
        {
            return DisseminationDecision.Refer(ReferralReason.SpecialHandlingNotApproved,
                "The report is under special handling: it goes beyond the originating unit only after its risk assessment and a " +
                "supervisor's approval at the required authority level.");
        }
        return grading.System switch
        {
            GradingSystem.FiveByFiveByFive => FiveFiveFive(grading, grading.Handling5!.Value, sameAgency, where, category),
            GradingSystem.ThreeByFiveByTwo => ThreeFiveTwo(grading, sameAgency, where, category),
            GradingSystem.FourByFour => DisseminationDecision.Refer(ReferralReason.NoHandlingDimension,
                "The report is graded in 4x4, which has no handling code: only the originator can say who else may have it."),
        };
    }

    /// <summary>Who each 5x5x5 handling code reaches beyond the originating unit, in words for the grading form.</summary>
    public static string Audience(this FiveFiveFiveHandling handling) => handling switch
    {
        FiveFiveFiveHandling.NonEuLawEnforcementWithoutAdequateSafeguards =>
            "The originating agency and law-enforcement agencies in any country, in or outside the EU, on the originator's conditions. " +
            "Not prosecuting agencies, not non-prosecuting organisations.",
        FiveFiveFiveHandling.NonProsecutingOrganisationsWithinCountryOfOrigin =>
            "The originating agency and non-prosecuting organisations (support organisations, inspectorates, guardianship, " +
            "the referral coordinator) in the originator's country, on the originator's conditions. Not other law-enforcement " +
            "or prosecuting agencies, nobody abroad.",
        FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu =>
            "The originating agency, law-enforcement and prosecuting agencies in the originator's country, and law-enforcement " +
            "agencies in other EU member states. Not prosecutors abroad, nobody outside the EU, no non-prosecuting organisation.",
        FiveFiveFiveHandling.OnlyWithinOriginatingAgency => "Only the units of the originating agency or force.",
        FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator =>
            "Nobody beyond the originating unit: every other request is referred to the originator.",
    };

    /// <summary>Who 3x5x2 P and C reach beyond the originating unit, in words for the grading form.</summary>
    public static string Audience(this ThreeFiveTwoHandling handling) => handling switch
    {
        ThreeFiveTwoHandling.P =>
            "The originating agency, and law-enforcement and prosecuting agencies in the originator's country and in EU member states. " +
            "Non-prosecuting organisations and anyone outside the EU only when the originator agrees.",
        ThreeFiveTwoHandling.C => "As P, and the recipient is shown the conditions with the report.",
    };

    // A country that is not known is never taken for the originator's own.
    private static RecipientPlace Place(Originator originator, Recipient recipient) =>
        !string.IsNullOrWhiteSpace(originator.Country)
        && string.Equals(originator.Country.Trim(), recipient.Country?.Trim(), StringComparison.OrdinalIgnoreCase)
            ? RecipientPlace.Domestic
            : recipient.IsEuMember ? RecipientPlace.OtherEuMember : RecipientPlace.OutsideEu;

    private static DisseminationDecision FiveFiveFive(Grading grading, FiveFiveFiveHandling code, bool sameAgency, RecipientPlace where,
        RecipientCategory category)
    {
        var inAudience = code switch
        {
            // The label reaches law enforcement even outside the EU without adequate safeguards; a fortiori law enforcement
            // where safeguards exist (home, EU). It names no prosecutor: intelligence given to a prosecutor can become
            // disclosable in proceedings, which the originator did not agree to.
            FiveFiveFiveHandling.NonEuLawEnforcementWithoutAdequateSafeguards => sameAgency || category == RecipientCategory.LawEnforcement,
            FiveFiveFiveHandling.NonProsecutingOrganisationsWithinCountryOfOrigin =>
                sameAgency || (category == RecipientCategory.NonProsecuting && where == RecipientPlace.Domestic),
            // "Other law enforcement and prosecuting agencies" are the originator's country's; of those abroad the label adds
            // law enforcement within the EU only.
            FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu =>
                sameAgency
                || (where == RecipientPlace.Domestic && category is RecipientCategory.LawEnforcement or RecipientCategory.Prosecuting)
                || (where == RecipientPlace.OtherEuMember && category == RecipientCategory.LawEnforcement),
            FiveFiveFiveHandling.OnlyWithinOriginatingAgency => sameAgency,
            // "No further dissemination": not even another unit of the same force.
            FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator => false,
        };
        return inAudience
            ? Allowed(grading)
            : DisseminationDecision.Refer(ReferralReason.OutsideHandlingCode,
                $"The handling code \"{code.Label()}\" does not include {Describe(category, where)}; ask the originator.");
    }

    private static DisseminationDecision ThreeFiveTwo(Grading grading, bool sameAgency, RecipientPlace where, RecipientCategory category)
    {
        // "Lawful sharing" is decided by the system only where the law is common ground (home and EU, law enforcement and
        // prosecution); an NGO (V-14, EVAL-S1) and a transfer outside the EU are the originator's call.
        var inAudience = sameAgency
                         || (where is RecipientPlace.Domestic or RecipientPlace.OtherEuMember
                             && category is RecipientCategory.LawEnforcement or RecipientCategory.Prosecuting);
        return inAudience
            ? Allowed(grading)
            : DisseminationDecision.Refer(ReferralReason.OutsideHandlingCode,
                $"Under 3x5x2 the system shares only with law-enforcement and prosecuting agencies at home and in the EU; " +
                $"for {Describe(category, where)} ask the originator.");
    }

    private static DisseminationDecision Allowed(Grading grading) =>
        grading.ConditionsText() is { } conditions ? DisseminationDecision.WithConditions(conditions) : DisseminationDecision.Allow;

    private static string Describe(RecipientCategory category, RecipientPlace where) => where switch
    {
        RecipientPlace.Domestic => $"a {category.DisplayName()} in the originator's country",
        RecipientPlace.OtherEuMember => $"a {category.DisplayName()} in another EU member state",
        RecipientPlace.OutsideEu => $"a {category.DisplayName()} outside the EU",
    };
}
