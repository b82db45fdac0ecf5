namespace Ariadne.Web.Features.Intelligence;

/// <summary>
/// The evaluation systems an author may grade a report in (§5.5, R-EVAL-03..06). A report keeps the system it was graded in:
/// there is no conversion between systems, because their categories do not map onto each other and a silent mapping would
/// put words in the originator's mouth (V-13).
/// </summary>
public enum GradingSystem
{
    /// <summary>5x5x5: source, intelligence, handling code, five categories each (§5.5.1).</summary>
    FiveByFiveByFive = 1,
    /// <summary>3x5x2: source 1–3, intelligence A–E, handling P or C (not in the catalogue; ADR 0011).</summary>
    ThreeByFiveByTwo = 2,
    /// <summary>4x4: source reliability and information validity, labels configured by the adopting agency (§5.5.2, OQ-04).</summary>
    FourByFour = 3,
}

// The numeric values below are the catalogue's order of presentation and nothing more: the catalogue gives no numeric codes
// and its handling-code order is not monotonic in restrictiveness (§5.5.1 note, OQ-03). Store members by name; never compare
// them with < or >. Values start at 1 so that an unset (zero) value is not a member and fails validation.

/// <summary>5x5x5 dimension 1, evaluation of source (§5.5.1).</summary>
public enum FiveFiveFiveSource
{
    AlwaysReliable = 1,
    MostlyReliable = 2,
    SometimesReliable = 3,
    Unreliable = 4,
    Untested = 5,
}

/// <summary>5x5x5 dimension 2, evaluation of intelligence (§5.5.1).</summary>
public enum FiveFiveFiveIntelligence
{
    KnownToBeTrueWithoutReservation = 1,
    KnownPersonallyToSourceButNotToOfficer = 2,
    NotKnownPersonallyToSourceButCorroborated = 3,
    CannotBeJudged = 4,
    SuspectedToBeFalse = 5,
}

/// <summary>
/// 5x5x5 dimension 3, handling code (§5.5.1). Each member defines its own audience in <see cref="DisseminationPolicy"/>;
/// the names say who, not how restrictive.
/// </summary>
public enum FiveFiveFiveHandling
{
    NonEuLawEnforcementWithoutAdequateSafeguards = 1,
    NonProsecutingOrganisationsWithinCountryOfOrigin = 2,
    LawEnforcementAndProsecutingIncludingEu = 3,
    OnlyWithinOriginatingAgency = 4,
    NoFurtherDisseminationReferToOriginator = 5,
}

/// <summary>3x5x2 source evaluation 1–3.</summary>
public enum ThreeFiveTwoSource
{
    Reliable = 1,
    Untested = 2,
    NotReliable = 3,
}

/// <summary>3x5x2 intelligence assessment A–E.</summary>
public enum ThreeFiveTwoIntelligence
{
    A = 1,
    B = 2,
    C = 3,
    D = 4,
    E = 5,
}

/// <summary>3x5x2 handling: P, or C with the conditions written out.</summary>
public enum ThreeFiveTwoHandling
{
    P = 1,
    C = 2,
}

/// <summary>
/// The 4x4 labels of the adopting agency (§5.5.2, OQ-04): the source names the two dimensions but not their categories, so
/// none are invented here. Without a configuration the 4x4 system is unavailable.
/// </summary>
public sealed record FourByFourLabels(IReadOnlyList<string> SourceReliability, IReadOnlyList<string> InformationValidity)
{
    public const int Categories = 4;

    /// <summary>What is wrong with the configuration, in words an administrator can act on; empty when it is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Check(SourceReliability, "reliability of the source", problems);
        Check(InformationValidity, "validity of the information", problems);
        return problems;
    }

    private static void Check(IReadOnlyList<string>? labels, string dimension, List<string> problems)
    {
        if (labels is null || labels.Count != Categories)
        {
            problems.Add($"The {dimension} needs exactly {Categories} labels.");
            return;
        }
        if (labels.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"Every label of the {dimension} must be written out.");
        }
        else if (labels.Select(l => l.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Categories)
        {
            problems.Add($"The labels of the {dimension} must differ from each other.");
        }
    }
}

/// <summary>
/// The author's grading of one report, in the system it was graded in. Only the parts of that system are set; the
/// receiving analyst's own evaluation is a second <see cref="Grading"/> kept beside this one (R-EVAL-03), never a change
/// of it. 4x4 parts are positions 1–4 in the agency's configured <see cref="FourByFourLabels"/>.
/// </summary>
public sealed record Grading(
    GradingSystem System,
    FiveFiveFiveSource? Source5 = null,
    FiveFiveFiveIntelligence? Intelligence5 = null,
    FiveFiveFiveHandling? Handling5 = null,
    ThreeFiveTwoSource? Source3 = null,
    ThreeFiveTwoIntelligence? Intelligence3 = null,
    ThreeFiveTwoHandling? Handling3 = null,
    int? SourceReliability4 = null,
    int? InformationValidity4 = null,
    string? Conditions = null,
    bool SpecialHandling = false)
{
    public static Grading FiveByFiveByFive(FiveFiveFiveSource source, FiveFiveFiveIntelligence intelligence, FiveFiveFiveHandling handling,
        string? conditions = null, bool specialHandling = false) =>
        new(GradingSystem.FiveByFiveByFive, Source5: source, Intelligence5: intelligence, Handling5: handling, Conditions: conditions,
            SpecialHandling: specialHandling);

    public static Grading ThreeByFiveByTwo(ThreeFiveTwoSource source, ThreeFiveTwoIntelligence intelligence, ThreeFiveTwoHandling handling,
        string? conditions = null, bool specialHandling = false) =>
        new(GradingSystem.ThreeByFiveByTwo, Source3: source, Intelligence3: intelligence, Handling3: handling, Conditions: conditions,
            SpecialHandling: specialHandling);

    public static Grading FourByFour(int sourceReliability, int informationValidity, string? conditions = null, bool specialHandling = false) =>
        new(GradingSystem.FourByFour, SourceReliability4: sourceReliability, InformationValidity4: informationValidity, Conditions: conditions,
            SpecialHandling: specialHandling);

    /// <summary>The conditions as the recipient is shown them, or null when there are none.</summary>
    // A method, not a property: a request that carries a Grading must hold only what the client sends.
    public string? ConditionsText() => string.IsNullOrWhiteSpace(Conditions) ? null : Conditions.Trim();
}

/// <summary>Why a grading cannot be accepted. Each names one rule, so the API and the form can point at the field.</summary>
public enum GradingProblem
{
    /// <summary>No grading at all: grading is mandatory at submission (§5.5.3 [DERIVED]).</summary>
    Missing,
    UnknownSystem,
    SourceMissing,
    IntelligenceMissing,
    HandlingMissing,
    /// <summary>A value that is not one of the system's categories (for instance a number sent through the API).</summary>
    UnknownCategory,
    /// <summary>A part of another system is filled in: a report keeps one system, nothing is converted.</summary>
    PartOfAnotherSystem,
    /// <summary>The handling chosen needs its conditions written out (3x5x2 C; 5x5x5 codes listed in ADR 0011).</summary>
    ConditionsRequired,
    /// <summary>3x5x2 P means sharing without conditions; conditions need C.</summary>
    ConditionsNeedHandlingC,
    ConditionsTooLong,
    /// <summary>The adopting agency has not configured 4x4 labels, so 4x4 cannot be used (OQ-04).</summary>
    FourByFourNotConfigured,
}

/// <summary>One problem with a grading: the rule, the field it concerns (the <see cref="Grading"/> property name) and a readable detail.</summary>
public sealed record GradingError(GradingProblem Problem, string Field, string Detail);

/// <summary>The exact labels of every category and the validation of a grading: one place, so forms, API and exports agree.</summary>
public static class GradingRules
{
    public const int MaxConditionsLength = 2000;

    public static string Label(this GradingSystem system) => system switch
    {
        GradingSystem.FiveByFiveByFive => "5x5x5",
        GradingSystem.ThreeByFiveByTwo => "3x5x2",
        GradingSystem.FourByFour => "4x4",
    };

    /// <summary>The catalogue's exact words (§5.5.1), lower case as given.</summary>
    public static string Label(this FiveFiveFiveSource source) => source switch
    {
        FiveFiveFiveSource.AlwaysReliable => "always reliable",
        FiveFiveFiveSource.MostlyReliable => "mostly reliable",
        FiveFiveFiveSource.SometimesReliable => "sometimes reliable",
        FiveFiveFiveSource.Unreliable => "unreliable",
        FiveFiveFiveSource.Untested => "untested",
    };

    public static string Label(this FiveFiveFiveIntelligence intelligence) => intelligence switch
    {
        FiveFiveFiveIntelligence.KnownToBeTrueWithoutReservation => "known to be true without reservation",
        FiveFiveFiveIntelligence.KnownPersonallyToSourceButNotToOfficer => "known personally to source but not to officer",
        FiveFiveFiveIntelligence.NotKnownPersonallyToSourceButCorroborated => "not known personally to source but corroborated",
        FiveFiveFiveIntelligence.CannotBeJudged => "cannot be judged",
        FiveFiveFiveIntelligence.SuspectedToBeFalse => "suspected to be false",
    };

    public static string Label(this FiveFiveFiveHandling handling) => handling switch
    {
        FiveFiveFiveHandling.NonEuLawEnforcementWithoutAdequateSafeguards =>
            "may be disseminated to non-EU law enforcement agencies where no adequate safeguards exist",
        FiveFiveFiveHandling.NonProsecutingOrganisationsWithinCountryOfOrigin =>
            "may be disseminated to non-prosecuting organisations within country of origin",
        FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu =>
            "may be disseminated to other law enforcement agencies and prosecuting agencies, including law enforcement agencies within the EU",
        FiveFiveFiveHandling.OnlyWithinOriginatingAgency => "only disseminate within originating agency/force",
        FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator => "no further dissemination refer to originator",
    };

    /// <summary>3x5x2 labels as published by the College of Policing (APP Intelligence management); see ADR 0011.</summary>
    public static string Label(this ThreeFiveTwoSource source) => source switch
    {
        ThreeFiveTwoSource.Reliable => "1 – Reliable",
        ThreeFiveTwoSource.Untested => "2 – Untested",
        ThreeFiveTwoSource.NotReliable => "3 – Not reliable",
    };

    public static string Label(this ThreeFiveTwoIntelligence intelligence) => intelligence switch
    {
        ThreeFiveTwoIntelligence.A => "A – Known directly to the source",
        ThreeFiveTwoIntelligence.B => "B – Known indirectly to the source but corroborated",
        ThreeFiveTwoIntelligence.C => "C – Known indirectly to the source",
        ThreeFiveTwoIntelligence.D => "D – Not known",
        ThreeFiveTwoIntelligence.E => "E – Suspected to be false or malicious",
    };

    public static string Label(this ThreeFiveTwoHandling handling) => handling switch
    {
        ThreeFiveTwoHandling.P => "P – Lawful sharing permitted",
        ThreeFiveTwoHandling.C => "C – Lawful sharing permitted with conditions",
    };

    /// <summary>
    /// 5x5x5 handling codes whose audience is reached only on the originator's written conditions (ADR 0011): code
    /// "non-EU … where no adequate safeguards exist", because the conditions are then the only safeguard, and code
    /// "non-prosecuting organisations", because such a recipient is not bound by police confidentiality (V-14, EVAL-S1).
    /// </summary>
    public static bool RequiresConditions(this FiveFiveFiveHandling handling) => handling switch
    {
        FiveFiveFiveHandling.NonEuLawEnforcementWithoutAdequateSafeguards => true,
        FiveFiveFiveHandling.NonProsecutingOrganisationsWithinCountryOfOrigin => true,
        FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu => false,
        FiveFiveFiveHandling.OnlyWithinOriginatingAgency => false,
        FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator => false,
    };

    /// <summary>
    /// Every problem with a grading at submission (grading is mandatory). <paramref name="fourByFour"/> is the adopting
    /// agency's configuration, null when it has none (then 4x4 is refused).
    /// </summary>
    public static IReadOnlyList<GradingError> Validate(Grading? grading, FourByFourLabels? fourByFour)
    {
        if (grading is null)
        {
            return [new(GradingProblem.Missing, nameof(Grading), "Grade the report: the source, the intelligence and how far it may be disseminated.")];
        }
        if (!Enum.IsDefined(grading.System))
        {
            // An undeclared number sent for the system: nothing to decide on.
            return [new(GradingProblem.UnknownSystem, nameof(Grading.System), "Choose a grading system: 5x5x5, 3x5x2 or 4x4.")];
        }
        var errors = new List<GradingError>();
        // A switch expression, so a new system does not compile until its rules are written here.
        Action<Grading, FourByFourLabels?, List<GradingError>> rules = grading.System switch
        {
            GradingSystem.FiveByFiveByFive => ValidateFiveFiveFive,
            GradingSystem.ThreeByFiveByTwo => ValidateThreeFiveTwo,
            GradingSystem.FourByFour => ValidateFourByFour,
        };
        rules(grading, fourByFour, errors);
        if (grading.Conditions is { Length: > MaxConditionsLength })
        {
            errors.Add(new(GradingProblem.ConditionsTooLong, nameof(Grading.Conditions),
                $"The conditions may be at most {MaxConditionsLength} characters."));
        }
        return errors;
    }

    private static void ValidateFiveFiveFive(Grading grading, FourByFourLabels? _, List<GradingError> errors)
    {
        Require(grading.Source5, nameof(Grading.Source5), GradingProblem.SourceMissing, "Evaluate the source.", errors);
        Require(grading.Intelligence5, nameof(Grading.Intelligence5), GradingProblem.IntelligenceMissing, "Evaluate the intelligence.", errors);
        Require(grading.Handling5, nameof(Grading.Handling5), GradingProblem.HandlingMissing,
            "Choose the handling code: how far the report may be disseminated.", errors);
        ForbidThreeFiveTwo(grading, errors);
        ForbidFourByFour(grading, errors);
        if (grading.Handling5 is { } code && Enum.IsDefined(code) && code.RequiresConditions() && grading.ConditionsText() is null)
        {
            errors.Add(new(GradingProblem.ConditionsRequired, nameof(Grading.Conditions),
                $"Handling code \"{code.Label()}\" needs the conditions of dissemination written out."));
        }
    }

    private static void ValidateThreeFiveTwo(Grading grading, FourByFourLabels? _, List<GradingError> errors)
    {
        Require(grading.Source3, nameof(Grading.Source3), GradingProblem.SourceMissing, "Evaluate the source (1, 2 or 3).", errors);
        Require(grading.Intelligence3, nameof(Grading.Intelligence3), GradingProblem.IntelligenceMissing, "Assess the intelligence (A to E).", errors);
        Require(grading.Handling3, nameof(Grading.Handling3), GradingProblem.HandlingMissing, "Choose the handling code: P or C.", errors);
        ForbidFiveFiveFive(grading, errors);
        ForbidFourByFour(grading, errors);
        if (grading.Handling3 == ThreeFiveTwoHandling.C && grading.ConditionsText() is null)
        {
            errors.Add(new(GradingProblem.ConditionsRequired, nameof(Grading.Conditions), "Handling code C needs the conditions of sharing written out."));
        }
        if (grading.Handling3 == ThreeFiveTwoHandling.P && grading.ConditionsText() is not null)
        {
            errors.Add(new(GradingProblem.ConditionsNeedHandlingC, nameof(Grading.Conditions),
                "Handling code P means sharing without conditions; choose C to attach conditions."));
        }
    }

    private static void ValidateFourByFour(Grading grading, FourByFourLabels? fourByFour, List<GradingError> errors)
    {
        if (fourByFour is null || fourByFour.Problems().Count > 0)
        {
            errors.Add(new(GradingProblem.FourByFourNotConfigured, nameof(Grading.System),
                "The 4x4 system is not available: this agency has not configured its 4x4 labels."));
        }
        RequirePosition(grading.SourceReliability4, nameof(Grading.SourceReliability4), GradingProblem.SourceMissing,
            "Evaluate the reliability of the source.", errors);
        RequirePosition(grading.InformationValidity4, nameof(Grading.InformationValidity4), GradingProblem.IntelligenceMissing,
            "Evaluate the validity of the information.", errors);
        ForbidFiveFiveFive(grading, errors);
        ForbidThreeFiveTwo(grading, errors);
    }

    /// <summary>Whether the grading names an audience the dissemination policy can decide on (the structural part of <see cref="Validate"/>).</summary>
    internal static bool IsComplete(Grading grading) => Enum.IsDefined(grading.System) && grading.System switch
    {
        GradingSystem.FiveByFiveByFive => grading.Handling5 is { } h && Enum.IsDefined(h),
        GradingSystem.ThreeByFiveByTwo => grading.Handling3 is { } h && Enum.IsDefined(h)
                                          && (h == ThreeFiveTwoHandling.P || grading.ConditionsText() is not null),
        GradingSystem.FourByFour => true,
    };

    /// <summary>The grading in words, for pages and exports; 4x4 needs the agency's labels.</summary>
    public static string Describe(Grading grading, FourByFourLabels? fourByFour) => !Enum.IsDefined(grading.System) ? "not graded" : grading.System switch
    {
        GradingSystem.FiveByFiveByFive =>
            $"5x5x5: source {Say(grading.Source5, Label, "not evaluated")}; intelligence {Say(grading.Intelligence5, Label, "not evaluated")}; " +
            $"handling: {Say(grading.Handling5, Label, "not set")}",
        GradingSystem.ThreeByFiveByTwo =>
            $"3x5x2: source {Say(grading.Source3, Label, "not evaluated")}; intelligence {Say(grading.Intelligence3, Label, "not evaluated")}; " +
            $"handling {Say(grading.Handling3, Label, "not set")}",
        GradingSystem.FourByFour =>
            $"4x4: source {FourByFourLabel(fourByFour?.SourceReliability, grading.SourceReliability4)}; " +
            $"information {FourByFourLabel(fourByFour?.InformationValidity, grading.InformationValidity4)}",
    };

    private static string Say<T>(T? value, Func<T, string> label, string none) where T : struct, Enum =>
        value is null ? none : Enum.IsDefined(value.Value) ? label(value.Value) : "unknown category";

    private static string FourByFourLabel(IReadOnlyList<string>? labels, int? position) =>
        position is >= 1 and <= FourByFourLabels.Categories
            ? labels is { Count: FourByFourLabels.Categories } ? labels[position.Value - 1] : $"category {position}"
            : "not evaluated";

    private static void Require<T>(T? value, string field, GradingProblem missing, string detail, List<GradingError> errors) where T : struct, Enum
    {
        if (value is null)
        {
            errors.Add(new(missing, field, detail));
        }
        else if (!Enum.IsDefined(value.Value))
        {
            errors.Add(new(GradingProblem.UnknownCategory, field, $"'{value}' is not one of the categories. {detail}"));
        }
    }

    private static void RequirePosition(int? value, string field, GradingProblem missing, string detail, List<GradingError> errors)
    {
        if (value is null)
        {
            errors.Add(new(missing, field, detail));
        }
        else if (value is < 1 or > FourByFourLabels.Categories)
        {
            errors.Add(new(GradingProblem.UnknownCategory, field, $"Choose one of the {FourByFourLabels.Categories} categories. {detail}"));
        }
    }

    private static void ForbidFiveFiveFive(Grading g, List<GradingError> errors)
    {
        if (g.Source5 is not null || g.Intelligence5 is not null || g.Handling5 is not null)
        {
            errors.Add(Mixed(g, "5x5x5"));
        }
    }

    private static void ForbidThreeFiveTwo(Grading g, List<GradingError> errors)
    {
        if (g.Source3 is not null || g.Intelligence3 is not null || g.Handling3 is not null)
        {
            errors.Add(Mixed(g, "3x5x2"));
        }
    }

    private static void ForbidFourByFour(Grading g, List<GradingError> errors)
    {
        if (g.SourceReliability4 is not null || g.InformationValidity4 is not null)
        {
            errors.Add(Mixed(g, "4x4"));
        }
    }

    private static GradingError Mixed(Grading g, string other) =>
        new(GradingProblem.PartOfAnotherSystem, nameof(Grading.System),
            $"The report is graded in {g.System.Label()}; leave the {other} parts empty. Gradings are never converted between systems.");
}
