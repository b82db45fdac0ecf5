using System.Security.Claims;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Children;
using Ariadne.Web.Features.Consent;
using Ariadne.Web.Features.Jurisdiction;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Safety;
using Ariadne.Web.Features.Support;
using Ariadne.Web.Security;

namespace Ariadne.Tests.Cases;

/// <summary>
/// <see cref="CaseAccess"/> on its own (V-02, V-08, CH-PR-05): a signed-in user's claims and a case in memory, no host. And
/// the two V-01 rules on their own: who sees a shelter's address and name, and which venues and venue texts are allowed.
/// </summary>
public sealed class CaseAccessTests
{
    private static readonly JurisdictionProfile Profile = new();
    private static readonly Guid Unit = Guid.NewGuid(), Police = Guid.NewGuid(), Prosecution = Guid.NewGuid(), Guardianship = Guid.NewGuid();

    private static ClaimsPrincipal User(Guid organisation, OrganisationType type, string role, Guid? userId = null) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, (userId ?? Guid.NewGuid()).ToString()),
            new Claim(AriadneClaims.OrganisationId, organisation.ToString()),
            new Claim(AriadneClaims.OrganisationType, type.ToString()),
            new Claim(ClaimTypes.Role, role),
        ], "test"));

    private static Case ACase(bool child = false)
    {
        var c = new Case
        {
            Reference = "C-TEST", OpenedByName = "Test", OwnerOrganisationId = Unit,
            AgeStatus = child ? AgeStatus.PresumedMinor : AgeStatus.Unknown,
        };
        c.Participants.Add(new CaseParticipant { CaseId = c.Id, OrganisationId = Unit, Kind = ParticipantKind.Owner });
        c.Participants.Add(new CaseParticipant { CaseId = c.Id, OrganisationId = Police, Kind = ParticipantKind.Referrer });
        c.Participants.Add(new CaseParticipant { CaseId = c.Id, OrganisationId = Prosecution, Kind = ParticipantKind.Invited });
        c.Participants.Add(new CaseParticipant { CaseId = c.Id, OrganisationId = Guardianship, Kind = ParticipantKind.Guardian });
        return c;
    }

    private static ConsentRecord Consent(Guid caseId, ConsentPurpose purpose, Guid to, bool withdrawn = false) => new()
    {
        CaseId = caseId, Purpose = purpose, RecipientOrganisationId = to, DocumentVersion = "IS-1", RecordedByName = "Test",
        WithdrawnAt = withdrawn ? DateTime.UtcNow : null,
    };

    [Fact]
    public void Each_part_gets_its_view()
    {
        var c = ACase();
        Assert.Equal(CaseView.Personal, CaseAccess.For(User(Unit, OrganisationType.AntiTraffickingUnit, Roles.Investigator), c, [], Profile).View);
        Assert.Equal(CaseView.StatusOnly, CaseAccess.For(User(Police, OrganisationType.FrontlinePolice, Roles.FrontlineOfficer), c, [], Profile).View);
        Assert.Equal(CaseView.Depersonalised, CaseAccess.For(User(Prosecution, OrganisationType.Prosecution, Roles.Prosecutor), c, [], Profile).View);
        Assert.Equal(CaseView.None, CaseAccess.For(User(Guid.NewGuid(), OrganisationType.AntiTraffickingUnit, Roles.Investigator), c, [], Profile).View);
        Assert.Equal(CaseView.Depersonalised,
            CaseAccess.For(User(Guid.NewGuid(), OrganisationType.NationalReferralCoordinator, Roles.Coordinator), c, [], Profile).View);
        // Administrators manage accounts, never cases, even in the owning organisation.
        Assert.Equal(CaseView.None, CaseAccess.For(User(Unit, OrganisationType.AntiTraffickingUnit, Roles.Administrator), c, [], Profile).View);
    }

    [Fact]
    public void Consent_to_the_viewers_organisation_opens_identity_and_statements_until_it_is_withdrawn()
    {
        var c = ACase();
        var prosecutor = User(Prosecution, OrganisationType.Prosecution, Roles.Prosecutor);
        var identity = CaseAccess.For(prosecutor, c, [Consent(c.Id, ConsentPurpose.PersonalData, Prosecution)], Profile);
        Assert.Equal(CaseView.Personal, identity.View);
        Assert.False(identity.SeesStatements);
        Assert.True(CaseAccess.For(prosecutor, c, [Consent(c.Id, ConsentPurpose.Statements, Prosecution)], Profile).SeesStatements);
        Assert.Equal(CaseView.Depersonalised,
            CaseAccess.For(prosecutor, c, [Consent(c.Id, ConsentPurpose.PersonalData, Prosecution, withdrawn: true)], Profile).View);
        // A consent to another organisation gives this one nothing.
        Assert.Equal(CaseView.Depersonalised, CaseAccess.For(prosecutor, c, [Consent(c.Id, ConsentPurpose.PersonalData, Police)], Profile).View);
    }

    [Fact]
    public void The_guardian_sees_a_childs_case_in_full_and_an_adults_de_personalised()
    {
        var guardian = User(Guardianship, OrganisationType.Guardianship, Roles.Guardian);
        var child = CaseAccess.For(guardian, ACase(child: true), [], Profile);
        Assert.True(child.IsGuardian);
        Assert.Equal(CaseView.Personal, child.View);
        Assert.True(child.Allows(CaseOperation.RecordChildWork));
        var adult = CaseAccess.For(guardian, ACase(child: false), [], Profile);
        Assert.False(adult.IsGuardian);
        Assert.Equal(CaseView.Depersonalised, adult.View);
    }

    [Fact]
    public void The_named_safety_coordinator_keeps_the_plan_without_seeing_identity()
    {
        var c = ACase();
        var officer = Guid.NewGuid();
        c.SafetyCoordinatorUserId = officer;
        var coordinator = CaseAccess.For(User(Prosecution, OrganisationType.FrontlinePolice, Roles.Investigator, officer), c, [], Profile);
        Assert.True(coordinator.Allows(CaseOperation.KeepSafetyPlan));
        Assert.False(coordinator.SeesPersonalData);
        var colleague = CaseAccess.For(User(Prosecution, OrganisationType.FrontlinePolice, Roles.Investigator), c, [], Profile);
        Assert.False(colleague.Allows(CaseOperation.KeepSafetyPlan));
    }

    [Fact]
    public void Only_the_organisation_a_pending_handover_waits_for_may_accept_it()
    {
        var c = ACase();
        var prosecutor = User(Prosecution, OrganisationType.Prosecution, Roles.Prosecutor);
        Assert.True(CaseAccess.For(prosecutor, c, [], Profile, pendingHandoverTo: Prosecution).Allows(CaseOperation.AcceptHandover));
        Assert.False(CaseAccess.For(prosecutor, c, [], Profile, pendingHandoverTo: Police).Allows(CaseOperation.AcceptHandover));
        var coordinator = User(Guid.NewGuid(), OrganisationType.NationalReferralCoordinator, Roles.Coordinator);
        Assert.False(CaseAccess.For(coordinator, c, [], Profile).Allows(CaseOperation.HandOver));
    }

    // ------------------------------------------------------------------------------------------------ V-01 on its own

    private static Shelter AShelter(Guid organisation) => new() { OrganisationId = organisation, Name = "Harbour Street house", AddressCipher = [] };

    [Theory]
    [InlineData(OrganisationType.VictimSupport, true, true)]
    [InlineData(OrganisationType.VictimSupport, false, false)]
    // Even a law-enforcement organisation somehow recorded as running a shelter never reads its address.
    [InlineData(OrganisationType.AntiTraffickingUnit, true, false)]
    [InlineData(OrganisationType.Prosecution, true, false)]
    public void The_shelter_address_goes_only_to_the_organisation_running_it(OrganisationType runner, bool viewerRunsIt, bool sees)
    {
        var runs = Guid.NewGuid();
        Assert.Equal(sees, SupportWork.MaySeeAddress(viewerRunsIt ? runs : Guid.NewGuid(), AShelter(runs), runner));
    }

    [Theory]
    // viewer runs it, viewer is law enforcement, viewer sees personal data → sees the name
    [InlineData(true, false, false, true)]
    [InlineData(false, false, true, true)]
    [InlineData(false, false, false, false)]
    [InlineData(false, true, true, false)]
    [InlineData(false, true, false, false)]
    public void Law_enforcement_and_de_personalised_viewers_read_a_shelter_as_a_code(bool runsIt, bool lawEnforcement, bool personal, bool seesName)
    {
        var runs = Guid.NewGuid();
        Assert.Equal(seesName, SupportWork.MaySeeShelterName(runsIt ? runs : Guid.NewGuid(), lawEnforcement, personal, AShelter(runs),
            OrganisationType.VictimSupport));
    }

    [Fact]
    public void A_shelters_code_is_stable_distinct_and_says_nothing_of_it()
    {
        var shelter = AShelter(Guid.NewGuid());
        Assert.Equal(SupportWork.ShelterCode(shelter.Id), SupportWork.ShelterCode(shelter.Id));
        Assert.NotEqual(SupportWork.ShelterCode(shelter.Id), SupportWork.ShelterCode(Guid.NewGuid()));
        Assert.Matches("^SHELTER-[0-9A-F]{8}$", SupportWork.ShelterCode(shelter.Id));
        Assert.DoesNotContain(shelter.Id.ToString("N")[..8], SupportWork.ShelterCode(shelter.Id), StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<VenueType, bool, bool> EveryVenue()
    {
        var data = new TheoryData<VenueType, bool, bool>();
        foreach (var venue in Enum.GetValues<VenueType>())
        {
            foreach (var lawEnforcement in new[] { false, true })
            {
                foreach (var child in new[] { false, true })
                {
                    data.Add(venue, lawEnforcement, child);
                }
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(EveryVenue))]
    public void The_venue_rule_refuses_exactly_the_forbidden_venues(VenueType venue, bool lawEnforcement, bool child)
    {
        // V-01: law enforcement never at a shelter; CH-PR-16: a child never at police premises or the place of exploitation;
        // nobody at the place of exploitation.
        var forbidden = (venue == VenueType.Shelter && lawEnforcement)
                        || (child && venue == VenueType.PolicePremises)
                        || venue == VenueType.PlaceOfExploitation;
        Assert.Equal(forbidden, SafetyWork.VenueProblem(venue, lawEnforcement, child) is not null);
    }

    [Theory]
    // personal view, arranged it, law enforcement, arranged by → sees the venue text
    [InlineData(true, false, false, OrganisationType.VictimSupport, true)]
    [InlineData(false, true, false, OrganisationType.VictimSupport, true)]
    [InlineData(false, false, false, OrganisationType.VictimSupport, false)]
    [InlineData(true, false, true, OrganisationType.VictimSupport, false)]
    [InlineData(true, false, true, OrganisationType.Guardianship, false)]
    [InlineData(true, false, true, OrganisationType.AntiTraffickingUnit, true)]
    [InlineData(false, true, true, OrganisationType.AntiTraffickingUnit, true)]
    [InlineData(false, false, true, OrganisationType.AntiTraffickingUnit, false)]
    public void A_venue_text_is_for_personal_viewers_and_its_author_and_never_a_support_organisations_to_law_enforcement(bool personal,
        bool arrangedIt, bool lawEnforcement, OrganisationType arrangedBy, bool sees) =>
        Assert.Equal(sees, SafetyWork.MaySeeVenueText(personal, arrangedIt, lawEnforcement, arrangedBy));
}
