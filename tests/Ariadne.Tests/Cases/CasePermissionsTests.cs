using Ariadne.Web.Features.Cases;

namespace Ariadne.Tests.Cases;

/// <summary>
/// The case permission table (§1.3, V-01..V-08, CH-PR-05, R-SC-02, issue 9 items 6 and 13) as a pure function: every
/// operation × every kind of viewer against a table written out here from the rules, not copied from the production
/// switch. No host, no database.
/// </summary>
public sealed class CasePermissionsTests
{
    /// <summary>The viewers of a case, in the domain's words: their organisation's part and the facts about them.</summary>
    private static readonly Dictionary<string, (ParticipantKind? Part, PermissionFacts Facts)> Viewers = new(StringComparer.Ordinal)
    {
        ["owning unit"] = (ParticipantKind.Owner, new PermissionFacts(DecisionRole: true)),
        ["owning unit, child"] = (ParticipantKind.Owner, new PermissionFacts(DecisionRole: true, Child: true)),
        ["owning support organisation"] = (ParticipantKind.Owner, new PermissionFacts(SupportWorker: true)),
        ["referring police"] = (ParticipantKind.Referrer, new PermissionFacts()),
        ["referring police, consent to identity"] = (ParticipantKind.Referrer, new PermissionFacts(ConsentToPersonalData: true)),
        ["invited prosecution"] = (ParticipantKind.Invited, new PermissionFacts()),
        ["invited prosecution, consent to identity"] = (ParticipantKind.Invited, new PermissionFacts(ConsentToPersonalData: true)),
        ["invited prosecution, consent to statements"] = (ParticipantKind.Invited, new PermissionFacts(ConsentToStatements: true)),
        ["invited police, safety coordinator"] = (ParticipantKind.Invited, new PermissionFacts(SafetyCoordinator: true)),
        ["support worker providing a service"] = (ParticipantKind.Support, new PermissionFacts(SupportWorker: true)),
        ["guardian of a child"] = (ParticipantKind.Guardian, new PermissionFacts(GuardianRole: true, GuardianshipService: true, Child: true)),
        ["guardianship service, adult"] = (ParticipantKind.Guardian, new PermissionFacts(GuardianRole: true, GuardianshipService: true)),
        ["guardianship service invited, child"] = (ParticipantKind.Invited, new PermissionFacts(GuardianRole: true, GuardianshipService: true, Child: true)),
        ["coordinator overseeing"] = (null, new PermissionFacts(Coordinator: true, DecisionRole: true)),
        ["coordinator overseeing, no decision role"] = (null, new PermissionFacts(Coordinator: true)),
        ["unit a handover awaits"] = (ParticipantKind.HandoverReceiver, new PermissionFacts(DecisionRole: true, HandoverAwaitsViewer: true)),
        ["invited unit a handover awaits"] = (ParticipantKind.Invited, new PermissionFacts(DecisionRole: true, HandoverAwaitsViewer: true)),
        ["coordinator with no handover awaiting"] = (null, new PermissionFacts(Coordinator: true, DecisionRole: true, HandoverAwaitsViewer: false)),
        ["former owner"] = (ParticipantKind.FormerOwner, new PermissionFacts(DecisionRole: true)),
        ["stranger"] = (null, new PermissionFacts(DecisionRole: true, SupportWorker: true)),
    };

    private const string Owners = "owning unit|owning unit, child|owning support organisation";
    private const string Working = Owners + "|invited prosecution|invited prosecution, consent to identity|invited prosecution, consent to statements" +
                                   "|invited police, safety coordinator|support worker providing a service|guardian of a child" +
                                   "|guardianship service, adult|guardianship service invited, child|unit a handover awaits" +
                                   "|invited unit a handover awaits|former owner";
    private const string Coordinators = "coordinator overseeing|coordinator overseeing, no decision role|coordinator with no handover awaiting";

    /// <summary>Who may do what, written from the rules.</summary>
    private static readonly Dictionary<CaseOperation, string> Table = new()
    {
        // Every organisation with a part follows the status; the coordinator oversees every case (V-08, NRM-P3).
        [CaseOperation.ReadStatus] = Working + "|" + Coordinators + "|referring police|referring police, consent to identity",
        // The referrer sees the status only; everyone else with a part, and the coordinator, sees the de-personalised case.
        [CaseOperation.Read] = Working + "|" + Coordinators,
        // Identity: the owner, a child's guardian, and whoever the person consented to (V-02..V-05).
        [CaseOperation.ReadPersonalData] = Owners + "|guardian of a child|invited prosecution, consent to identity|referring police, consent to identity",
        [CaseOperation.ReadStatements] = Owners + "|guardian of a child|invited prosecution, consent to statements",
        // The competent authority decides: a decision role in the owning organisation or the coordinator (L2, L5).
        [CaseOperation.Decide] = "owning unit|owning unit, child|coordinator overseeing|coordinator with no handover awaiting",
        [CaseOperation.RequestReconsideration] = "referring police|referring police, consent to identity|support worker providing a service",
        [CaseOperation.WorkLifecycle] = Owners,
        [CaseOperation.Assign] = Owners,
        // Item 6: only the owner hands over; the coordinator does not take cases over on its own.
        [CaseOperation.HandOver] = Owners,
        [CaseOperation.AcceptHandover] = "unit a handover awaits|invited unit a handover awaits",
        [CaseOperation.InviteParticipant] = Owners,
        [CaseOperation.ProposeService] = Owners,
        [CaseOperation.ProvideService] = "owning support organisation|support worker providing a service",
        // LE-D9 and matrix §1.3: the owner, a support organisation working with the person, a child's guardian.
        [CaseOperation.AssessRisk] = Owners + "|support worker providing a service|guardian of a child",
        [CaseOperation.ArrangeMeeting] = Owners + "|support worker providing a service|guardian of a child",
        [CaseOperation.PlanReturn] = Owners,
        // R-TR-01: the owner records a change of the person's status.
        [CaseOperation.ChangePersonStatus] = Owners,
        // Issue 12 item 6: the owning organisation and the coordinator look for the same person in other cases.
        [CaseOperation.FindDuplicates] = Owners + "|" + Coordinators,
        [CaseOperation.NameSafetyCoordinator] = Owners,
        // R-SC-02: the safety coordinator keeps the plan with the owner, whatever else it sees.
        [CaseOperation.ReadSafetyPlan] = Owners + "|guardian of a child|invited prosecution, consent to identity|referring police, consent to identity" +
                                         "|invited police, safety coordinator",
        [CaseOperation.KeepSafetyPlan] = Owners + "|invited police, safety coordinator",
        [CaseOperation.RecordStatement] = Owners + "|guardian of a child|invited prosecution, consent to statements",
        [CaseOperation.RecordConsent] = Owners + "|guardian of a child",
        // CH-PR-05: by the owner or a guardianship service taking part (that the person is a child is the case's state: 409).
        [CaseOperation.RecordGuardian] = Owners + "|guardian of a child|guardianship service, adult|guardianship service invited, child",
        [CaseOperation.AcknowledgeGuardian] = "guardian of a child",
        [CaseOperation.AssessAge] = Owners + "|guardian of a child",
        // The guardian acts for a child only; the owner works the child procedure of any (presumed) child.
        [CaseOperation.RecordChildWork] = Owners + "|guardian of a child",
    };

    public static TheoryData<CaseOperation, string> EveryPair()
    {
        var data = new TheoryData<CaseOperation, string>();
        foreach (var operation in Enum.GetValues<CaseOperation>())
        {
            foreach (var viewer in Viewers.Keys)
            {
                data.Add(operation, viewer);
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(EveryPair))]
    public void Every_operation_for_every_viewer_is_as_the_table_says(CaseOperation operation, string viewer)
    {
        var (part, facts) = Viewers[viewer];
        var expected = Table[operation].Split('|').Contains(viewer, StringComparer.Ordinal);
        Assert.Equal(expected, CasePermissions.Allows(part, operation, facts));
    }

    [Fact]
    public void The_table_names_every_operation_and_only_known_viewers()
    {
        Assert.Equal(Enum.GetValues<CaseOperation>().Order(), Table.Keys.Order());
        foreach (var (operation, who) in Table)
        {
            Assert.All(who.Split('|'), v => Assert.True(Viewers.ContainsKey(v), $"{operation}: unknown viewer '{v}'"));
        }
    }

    [Fact]
    public void Nobody_without_a_part_does_anything_but_the_coordinators_oversight()
    {
        var stranger = new PermissionFacts(DecisionRole: true, SupportWorker: true, GuardianRole: true, GuardianshipService: true,
            SafetyCoordinator: true, Child: true, ConsentToPersonalData: true, ConsentToStatements: true, HandoverAwaitsViewer: true);
        foreach (var operation in Enum.GetValues<CaseOperation>())
        {
            Assert.False(CasePermissions.Allows(null, operation, stranger), operation.ToString());
        }
    }

    [Fact]
    public void Operations_have_one_requirement_each_named_after_them()
    {
        foreach (var operation in Enum.GetValues<CaseOperation>())
        {
            Assert.Equal(operation.ToString(), CaseOperations.For(operation).Name);
            Assert.Same(CaseOperations.For(operation), CaseOperations.For(operation));
        }
    }
}
