using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Intelligence;

namespace Ariadne.Tests.Intelligence;

/// <summary>
/// The dissemination policy (V-13, R-EVAL-06, §5.5.1, ADR 0011) as a pure function: every handling code of every grading
/// system × every kind of recipient, against a table written out here from the labels, not computed from the production
/// switch. No host, no database.
/// </summary>
public sealed class DisseminationPolicyTests
{
    private static readonly Guid OriginatingUnit = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid OriginatingForce = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    internal static readonly Originator Origin = new(OriginatingUnit, OriginatingForce, "AT");

    private const string Conditions = "Not to be shared further; no action without consulting the originator.";

    /// <summary>One recipient of every kind, relative to an Austrian police unit of force F1.</summary>
    internal static readonly Dictionary<string, Recipient> Recipients = new(StringComparer.Ordinal)
    {
        ["originating unit"] = new(OriginatingUnit, OrganisationType.FrontlinePolice, OriginatingForce, "AT", true, RecipientCategory.LawEnforcement),
        ["other unit of the same force"] = Domestic(OrganisationType.FrontlinePolice, RecipientCategory.LawEnforcement, OriginatingForce),
        ["police of another force"] = Domestic(OrganisationType.FrontlinePolice, RecipientCategory.LawEnforcement),
        ["police of another force, country in lower case"] =
            new(Guid.NewGuid(), OrganisationType.FrontlinePolice, Guid.NewGuid(), "at", true, RecipientCategory.LawEnforcement),
        ["anti-trafficking unit"] = Domestic(OrganisationType.AntiTraffickingUnit, RecipientCategory.LawEnforcement),
        ["border guard"] = Domestic(OrganisationType.BorderGuard, RecipientCategory.LawEnforcement),
        ["customs"] = Domestic(OrganisationType.Customs, RecipientCategory.LawEnforcement),
        ["prosecution"] = Domestic(OrganisationType.Prosecution, RecipientCategory.Prosecuting),
        ["victim support"] = Domestic(OrganisationType.VictimSupport, RecipientCategory.NonProsecuting),
        ["labour inspectorate"] = Domestic(OrganisationType.LabourInspectorate, RecipientCategory.NonProsecuting),
        ["labour inspectorate with police powers"] = Domestic(OrganisationType.LabourInspectorate, RecipientCategory.LawEnforcement),
        ["guardianship service"] = Domestic(OrganisationType.Guardianship, RecipientCategory.NonProsecuting),
        ["referral coordinator"] = Domestic(OrganisationType.NationalReferralCoordinator, RecipientCategory.NonProsecuting),
        ["domestic liaison partner, non-prosecuting"] = Domestic(OrganisationType.ForeignLiaisonPartner, RecipientCategory.NonProsecuting),
        ["EU police"] = Abroad("DE", true, RecipientCategory.LawEnforcement),
        ["Europol liaison officer"] = Abroad("NL", true, RecipientCategory.LawEnforcement),
        ["EU prosecutor"] = Abroad("DE", true, RecipientCategory.Prosecuting),
        ["EU support organisation"] = Abroad("DE", true, RecipientCategory.NonProsecuting),
        ["non-EU police"] = Abroad("RS", false, RecipientCategory.LawEnforcement),
        ["non-EU prosecutor"] = Abroad("RS", false, RecipientCategory.Prosecuting),
        ["non-EU support organisation"] = Abroad("RS", false, RecipientCategory.NonProsecuting),
        ["police partner of unknown country"] = Abroad("", false, RecipientCategory.LawEnforcement),
        ["system administration"] = Domestic(OrganisationType.Administration, RecipientCategory.NonProsecuting),
        ["shelter registered as law enforcement"] = Domestic(OrganisationType.VictimSupport, RecipientCategory.LawEnforcement),
        ["customs registered as prosecuting"] = Domestic(OrganisationType.Customs, RecipientCategory.Prosecuting),
    };

    /// <summary>The columns of the table: every handling code of every system, graded as the validation requires.</summary>
    internal static readonly (string Column, Grading Grading)[] Gradings =
    [
        ("5x5x5 non-EU LE", Five(FiveFiveFiveHandling.NonEuLawEnforcementWithoutAdequateSafeguards, Conditions)),
        ("5x5x5 non-prosecuting", Five(FiveFiveFiveHandling.NonProsecutingOrganisationsWithinCountryOfOrigin, Conditions)),
        ("5x5x5 LE+prosecuting incl. EU", Five(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu)),
        ("5x5x5 originating agency", Five(FiveFiveFiveHandling.OnlyWithinOriginatingAgency)),
        ("5x5x5 no further", Five(FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator)),
        ("3x5x2 P", Grading.ThreeByFiveByTwo(ThreeFiveTwoSource.Reliable, ThreeFiveTwoIntelligence.A, ThreeFiveTwoHandling.P)),
        ("3x5x2 C", Grading.ThreeByFiveByTwo(ThreeFiveTwoSource.Untested, ThreeFiveTwoIntelligence.B, ThreeFiveTwoHandling.C, Conditions)),
        ("4x4", Grading.FourByFour(1, 2)),
    ];

    /// <summary>
    /// Written from the labels (ADR 0011). A = allow, C = allow with the originator's conditions shown, R = refer to originator.
    /// Columns: 5x5x5 codes in the catalogue's order (non-EU LE, non-prosecuting, LE+prosecuting incl. EU, originating agency,
    /// no further), then 3x5x2 P, 3x5x2 C, 4x4.
    /// </summary>
    private static readonly Dictionary<string, string> Table = new(StringComparer.Ordinal)
    {
        //                                                   1 2 3 4 5 P C 4
        ["originating unit"] = "A A A A A A A A",
        ["other unit of the same force"] = "C C A A R A C R",
        ["police of another force"] = "C R A R R A C R",
        ["police of another force, country in lower case"] = "C R A R R A C R",
        ["anti-trafficking unit"] = "C R A R R A C R",
        ["border guard"] = "C R A R R A C R",
        ["customs"] = "C R A R R A C R",
        ["prosecution"] = "R R A R R A C R",
        ["victim support"] = "R C R R R R R R",
        ["labour inspectorate"] = "R C R R R R R R",
        ["labour inspectorate with police powers"] = "C R A R R A C R",
        ["guardianship service"] = "R C R R R R R R",
        ["referral coordinator"] = "R C R R R R R R",
        ["domestic liaison partner, non-prosecuting"] = "R C R R R R R R",
        ["EU police"] = "C R A R R A C R",
        ["Europol liaison officer"] = "C R A R R A C R",
        ["EU prosecutor"] = "R R R R R A C R",
        ["EU support organisation"] = "R R R R R R R R",
        ["non-EU police"] = "C R R R R R R R",
        ["non-EU prosecutor"] = "R R R R R R R R",
        ["non-EU support organisation"] = "R R R R R R R R",
        ["police partner of unknown country"] = "C R R R R R R R",
        ["system administration"] = "R R R R R R R R",
        ["shelter registered as law enforcement"] = "R R R R R R R R",
        ["customs registered as prosecuting"] = "R R R R R R R R",
    };

    public static TheoryData<string, int> EveryPair()
    {
        var data = new TheoryData<string, int>();
        foreach (var recipient in Recipients.Keys)
        {
            for (var column = 0; column < Gradings.Length; column++)
            {
                data.Add(recipient, column);
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(EveryPair))]
    public void Every_handling_code_for_every_recipient_is_as_the_table_says(string recipient, int column)
    {
        var (name, grading) = Gradings[column];
        var expected = Table[recipient].Split(' ')[column];

        var decision = DisseminationPolicy.Decide(grading, specialHandlingCleared: false, Origin, Recipients[recipient]);

        var actual = decision.Outcome switch
        {
            DisseminationOutcome.Allow => "A",
            DisseminationOutcome.AllowWithConditions => "C",
            DisseminationOutcome.ReferToOriginator => "R",
        };
        Assert.True(expected == actual, $"{recipient} × {name}: expected {expected}, got {actual} ({decision.Detail})");
        // The recipient is shown exactly the originator's conditions; a referral always says why, in words.
        Assert.Equal(actual == "C" ? Conditions : null, decision.Conditions);
        Assert.Equal(actual == "R", decision.Reason is not null && !string.IsNullOrWhiteSpace(decision.Detail));
    }

    [Fact]
    public void The_table_covers_every_handling_code_of_every_system_and_every_kind_of_organisation()
    {
        Assert.Equal(Enum.GetValues<FiveFiveFiveHandling>().Order(),
            Gradings.Where(g => g.Grading.System == GradingSystem.FiveByFiveByFive).Select(g => g.Grading.Handling5!.Value).Order());
        Assert.Equal(Enum.GetValues<ThreeFiveTwoHandling>().Order(),
            Gradings.Where(g => g.Grading.System == GradingSystem.ThreeByFiveByTwo).Select(g => g.Grading.Handling3!.Value).Order());
        Assert.Contains(Gradings, g => g.Grading.System == GradingSystem.FourByFour);
        Assert.Equal(Enum.GetValues<OrganisationType>().Order(), Recipients.Values.Select(r => r.Type).Distinct().Order());
        Assert.Equal(Recipients.Keys.Order(StringComparer.Ordinal), Table.Keys.Order(StringComparer.Ordinal));
        Assert.All(Table, row => Assert.Equal(Gradings.Length, row.Value.Split(' ').Length));
        foreach (var grading in Gradings)
        {
            Assert.Empty(GradingRules.Validate(grading.Grading, new FourByFourLabels(["a", "b", "c", "d"], ["e", "f", "g", "h"])));
        }
    }

    [Fact]
    public void Referrals_say_which_rule_sent_them_back()
    {
        Decision(Five(FiveFiveFiveHandling.OnlyWithinOriginatingAgency), "police of another force", ReferralReason.OutsideHandlingCode);
        Decision(Gradings[^1].Grading, "other unit of the same force", ReferralReason.NoHandlingDimension);
        Decision(Five(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu), "system administration", ReferralReason.NotAnIntelligenceRecipient);
        Decision(Five(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu), "shelter registered as law enforcement",
            ReferralReason.NotAnIntelligenceRecipient);
        Decision(new Grading(GradingSystem.FiveByFiveByFive, FiveFiveFiveSource.Untested, FiveFiveFiveIntelligence.CannotBeJudged),
            "police of another force", ReferralReason.GradingIncomplete);
        Decision(Grading.ThreeByFiveByTwo(ThreeFiveTwoSource.Reliable, ThreeFiveTwoIntelligence.A, ThreeFiveTwoHandling.C, "  "),
            "police of another force", ReferralReason.GradingIncomplete);
        Decision(Five((FiveFiveFiveHandling)42), "police of another force", ReferralReason.GradingIncomplete);
        Decision(Five(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu) with { System = (GradingSystem)9 }, "police of another force",
            ReferralReason.GradingIncomplete);

        static void Decision(Grading grading, string recipient, ReferralReason reason)
        {
            var decision = DisseminationPolicy.Decide(grading, false, Origin, Recipients[recipient]);
            Assert.Equal(DisseminationOutcome.ReferToOriginator, decision.Outcome);
            Assert.Equal(reason, decision.Reason);
        }
    }

    [Fact]
    public void The_refusal_names_the_handling_label_and_the_recipient_in_words()
    {
        var decision = DisseminationPolicy.Decide(Five(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu), false, Origin,
            Recipients["non-EU police"]);
        Assert.Contains(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu.Label(), decision.Detail, StringComparison.Ordinal);
        Assert.Contains("law-enforcement agency outside the EU", decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_conditions_on_a_code_that_does_not_require_them_are_shown_to_every_recipient_beyond_the_unit()
    {
        var grading = Five(FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, "  Consult DS Novak before any arrest.  ");
        var decision = DisseminationPolicy.Decide(grading, false, Origin, Recipients["prosecution"]);
        Assert.Equal(DisseminationOutcome.AllowWithConditions, decision.Outcome);
        Assert.Equal("Consult DS Novak before any arrest.", decision.Conditions);
        Assert.Equal(DisseminationOutcome.Allow, DisseminationPolicy.Decide(grading, false, Origin, Recipients["originating unit"]).Outcome);
    }

    [Fact]
    public void Every_handling_code_has_its_audience_in_words()
    {
        Assert.All(Enum.GetValues<FiveFiveFiveHandling>(), h => Assert.False(string.IsNullOrWhiteSpace(h.Audience())));
        Assert.All(Enum.GetValues<ThreeFiveTwoHandling>(), h => Assert.False(string.IsNullOrWhiteSpace(h.Audience())));
    }

    [Fact]
    public void No_input_makes_the_policy_throw_and_an_undeclared_value_is_referred()
    {
        var police = Recipients["police of another force"];
        Recipient[] undeclared = [police with { Type = (OrganisationType)99 }, police with { Category = (RecipientCategory)(-1) }];
        Recipient[] incomplete = [police with { Country = null! }, police with { AgencyId = Guid.Empty }];
        Grading[] unusable = [new Grading((GradingSystem)0), Five((FiveFiveFiveHandling)0), new Grading(GradingSystem.ThreeByFiveByTwo)];
        foreach (var grading in Gradings.Select(g => g.Grading).Concat(unusable))
        {
            foreach (var recipient in undeclared.Concat(incomplete))
            {
                var decision = DisseminationPolicy.Decide(grading, false, Origin with { Country = null! }, recipient);
                if (undeclared.Contains(recipient) || unusable.Contains(grading))
                {
                    Assert.Equal(DisseminationOutcome.ReferToOriginator, decision.Outcome);
                }
            }
        }
        // The originating unit keeps even an ungraded draft.
        Assert.Equal(DisseminationOutcome.Allow, DisseminationPolicy.Decide(new Grading(GradingSystem.FiveByFiveByFive), false, Origin,
            Recipients["originating unit"]).Outcome);
        // Without a known country nobody is "home": the code for home non-prosecuting organisations reaches none of them.
        Assert.Equal(DisseminationOutcome.ReferToOriginator, DisseminationPolicy.Decide(Gradings[1].Grading, false, Origin with { Country = " " },
            Recipients["victim support"] with { Country = " " }).Outcome);
    }

    internal static Grading Five(FiveFiveFiveHandling handling, string? conditions = null, bool specialHandling = false) =>
        Grading.FiveByFiveByFive(FiveFiveFiveSource.MostlyReliable, FiveFiveFiveIntelligence.KnownPersonallyToSourceButNotToOfficer, handling,
            conditions, specialHandling);

    private static Recipient Domestic(OrganisationType type, RecipientCategory category, Guid? agency = null) =>
        new(Guid.NewGuid(), type, agency ?? Guid.NewGuid(), "AT", true, category);

    private static Recipient Abroad(string country, bool eu, RecipientCategory category) =>
        new(Guid.NewGuid(), OrganisationType.ForeignLiaisonPartner, Guid.NewGuid(), country, eu, category);
}
