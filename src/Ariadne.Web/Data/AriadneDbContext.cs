using Ariadne.Web.Features.Accounts;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Children;
using Ariadne.Web.Features.Consent;
using Ariadne.Web.Features.Jurisdiction;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Safety;
using Ariadne.Web.Features.Screenings;
using Ariadne.Web.Features.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Data;

public class AriadneDbContext : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>
{
    private readonly AuditTrail? _auditTrail;
    private readonly ExpectedVersions? _expectedVersions;

    public AriadneDbContext(DbContextOptions<AriadneDbContext> options, AuditTrail auditTrail, ExpectedVersions expectedVersions)
        : base(options)
    {
        _auditTrail = auditTrail;
        _expectedVersions = expectedVersions;
    }

    /// <summary>For schema work only (migration checks): a context built this way cannot save.</summary>
    protected AriadneDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Screening> Screenings => Set<Screening>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<AnonymousNotification> AnonymousNotifications => Set<AnonymousNotification>();
    public DbSet<StoredSetting> Settings => Set<StoredSetting>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CaseHandover> Handovers => Set<CaseHandover>();
    public DbSet<ServiceProposal> ServiceProposals => Set<ServiceProposal>();
    public DbSet<Shelter> Shelters => Set<Shelter>();
    public DbSet<ShelterPlacement> Placements => Set<ShelterPlacement>();
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
    public DbSet<AgeAssessment> AgeAssessments => Set<AgeAssessment>();
    public DbSet<SafetyAction> SafetyActions => Set<SafetyAction>();
    public DbSet<CaseMeeting> Meetings => Set<CaseMeeting>();
    public DbSet<CaseDocument> CaseDocuments => Set<CaseDocument>();
    public DbSet<CaseStatusChange> CaseStatusChanges => Set<CaseStatusChange>();

    /// <summary>
    /// Every stored time is UTC. SQLite keeps no kind, so values read back are marked UTC here; the API then
    /// writes them with a "Z" and pages convert them to the jurisdiction's time zone correctly.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    // Protected columns carry a converter bound to the host's key ring, so the model is cached per protector.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ProtectedTextModelCacheKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The person's story in free text is encrypted at rest (issue 9, item 9; ADR 0006). Its columns are
        // unbounded: cipher text is longer than what was typed; the length limits are the rules' (ScreeningRules).
        var story = ProtectedTextMapping.ProtectorOf(this);

        // Identity's tables under plain names, like Ariadne's own.
        builder.Entity<ApplicationUser>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");

        builder.Entity<Organisation>(o =>
        {
            o.ToTable("organisations");
            o.Property(x => x.Name).HasMaxLength(200);
            o.HasIndex(x => x.Name).IsUnique();
            o.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
            o.Property(x => x.Area).HasMaxLength(200);
            o.Property(x => x.Phone).HasMaxLength(50);
            o.Property(x => x.Email).HasMaxLength(200);
        });

        builder.Entity<ApplicationUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(200);
            u.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId)
                .OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Screening>(s =>
        {
            s.ToTable("screenings");
            s.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            s.Property(x => x.OfficerName).HasMaxLength(200);
            s.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
            s.Property(x => x.CatalogueVersion).HasMaxLength(20);
            s.Property(x => x.IntakeChannel).HasMaxLength(10);
            s.Property(x => x.Place).HasMaxLength(ScreeningRules.ShortText);
            s.Property(x => x.ColleaguePresent).HasMaxLength(ScreeningRules.ShortText);
            s.Property(x => x.NameKind).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.PersonName).HasMaxLength(ScreeningRules.ShortText);
            s.Property(x => x.Gender).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.Nationality).HasMaxLength(ScreeningRules.ShortText);
            s.Property(x => x.Language).HasMaxLength(ScreeningRules.ShortText);
            s.Property(x => x.CompanionDescription).IsProtectedText(story);
            s.Property(x => x.DangerDetails).IsProtectedText(story);
            s.Property(x => x.Statement).IsProtectedText(story);
            s.Property(x => x.SuspectedOffence).IsProtectedText(story);
            s.HasIndex(x => new { x.OrganisationId, x.Status, x.UpdatedAt });
            s.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.ScreeningId).OnDelete(DeleteBehavior.Cascade);
            s.HasMany(x => x.Actions).WithOne().HasForeignKey(x => x.ScreeningId).OnDelete(DeleteBehavior.Cascade);
            s.HasMany(x => x.InformationSheets).WithOne().HasForeignKey(x => x.ScreeningId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ScreeningIndicator>(i =>
        {
            i.ToTable("screening_indicators");
            i.HasKey(x => new { x.ScreeningId, x.IndicatorId });
            i.Property(x => x.IndicatorId).HasMaxLength(20);
            i.Property(x => x.Note).IsProtectedText(story);
        });
        builder.Entity<ScreeningAction>(a =>
        {
            a.ToTable("screening_actions");
            a.HasKey(x => new { x.ScreeningId, x.ActionId });
            a.Property(x => x.ActionId).HasMaxLength(20);
            a.Property(x => x.DoneByName).HasMaxLength(200);
        });
        builder.Entity<InformationSheetGiven>(i =>
        {
            i.ToTable("information_sheets_given");
            // The id is set in code: without this, EF would take a new record added to the screening's list for
            // an existing row and try to update it.
            i.Property(x => x.Id).ValueGeneratedNever();
            i.Property(x => x.Language).HasMaxLength(10);
            i.Property(x => x.SheetVersion).HasMaxLength(20);
            i.Property(x => x.GivenByName).HasMaxLength(200);
            i.HasIndex(x => x.ScreeningId);
        });
        builder.Entity<Referral>(r =>
        {
            r.ToTable("referrals");
            r.Property(x => x.Reference).HasMaxLength(20);
            r.HasIndex(x => x.Reference).IsUnique();
            r.HasOne(x => x.Screening).WithMany().HasForeignKey(x => x.ScreeningId).OnDelete(DeleteBehavior.Restrict);
            r.HasOne<Organisation>().WithMany().HasForeignKey(x => x.FromOrganisationId).OnDelete(DeleteBehavior.Restrict);
            r.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);
            r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            r.Property(x => x.Consent).HasConversion<string>().HasMaxLength(30);
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
            r.Property(x => x.ReferredByName).HasMaxLength(200);
            r.Property(x => x.AcknowledgedByName).HasMaxLength(200);
            r.Property(x => x.StatementText).IsProtectedText(story);
            r.HasIndex(x => new { x.ToOrganisationId, x.Status });
            r.HasIndex(x => x.FromOrganisationId);
        });
        builder.Entity<AnonymousNotification>(n =>
        {
            n.ToTable("anonymous_notifications");
            n.Property(x => x.Month).HasMaxLength(7);
            n.Property(x => x.ReportingOrganisationType).HasMaxLength(40);
            n.Property(x => x.IntakeChannel).HasMaxLength(10);
            n.Property(x => x.AgeGroup).HasMaxLength(20);
            n.Property(x => x.Gender).HasMaxLength(20);
            n.Property(x => x.Forms).HasMaxLength(400);
            n.Property(x => x.IndicatorCategories).HasMaxLength(200);
            n.HasIndex(x => x.Month);
        });

        OnCasesCreating(builder);
        Versioning.Configure(builder);

        builder.Entity<AuditEntry>(a =>
        {
            a.ToTable("audit_entries");
            a.HasKey(x => x.Sequence);
            a.Property(x => x.Sequence).ValueGeneratedNever();
            a.Property(x => x.Action).HasMaxLength(100);
            a.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.ActorName).HasMaxLength(256);
            a.Property(x => x.TargetType).HasMaxLength(100);
            a.Property(x => x.TargetId).HasMaxLength(200);
            a.Property(x => x.Reason).HasMaxLength(1000);
            a.Property(x => x.Details).HasMaxLength(4000);
            a.Property(x => x.IpAddress).HasMaxLength(64);
            a.Property(x => x.PreviousHash).HasMaxLength(64);
            a.Property(x => x.Hash).HasMaxLength(64);
            a.HasIndex(x => x.OccurredAt);
            a.HasIndex(x => x.ActorUserId);
            a.HasIndex(x => x.Action);
        });
    }

    private static void OnCasesCreating(ModelBuilder builder)
    {
        const int name = 200;
        const int note = 2000;
        builder.Entity<StoredSetting>(s =>
        {
            s.ToTable("settings");
            s.HasKey(x => x.Key);
            s.Property(x => x.Key).HasMaxLength(50);
            s.Property(x => x.UpdatedByName).HasMaxLength(name);
        });
        builder.Entity<Case>(c =>
        {
            c.ToTable("cases");
            c.Property(x => x.Reference).HasMaxLength(20);
            c.HasIndex(x => x.Reference).IsUnique();
            c.HasIndex(x => x.ReferralId).IsUnique();
            c.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Restrict);
            c.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
            c.Property(x => x.OpenedByName).HasMaxLength(name);
            c.Property(x => x.OwnerName).HasMaxLength(name);
            c.Property(x => x.NextDueWhat).HasMaxLength(100);
            foreach (var e in new[] { nameof(Case.Stage), nameof(Case.StageBeforeClosure), nameof(Case.ReasonableGrounds),
                         nameof(Case.Conclusive), nameof(Case.NegativeDecisionLevel), nameof(Case.ClosureReason), nameof(Case.AgeStatus) })
            {
                c.Property(e).HasConversion<string>().HasMaxLength(30);
            }
            c.Property(x => x.PersonName).HasMaxLength(ScreeningRules.ShortText);
            c.Property(x => x.Gender).HasMaxLength(20);
            c.Property(x => x.Nationality).HasMaxLength(ScreeningRules.ShortText);
            c.Property(x => x.Language).HasMaxLength(ScreeningRules.ShortText);
            c.Property(x => x.ExploitationForms).HasMaxLength(400);
            c.Property(x => x.GuardianName).HasMaxLength(name);
            c.Property(x => x.SafetyCoordinatorName).HasMaxLength(name);
            c.Property(x => x.ReturnOrganiser).HasMaxLength(10);
            c.Property(x => x.ReturnPlannedByName).HasMaxLength(name);
            c.Property(x => x.ReturnSuspendedBecause).HasMaxLength(200);
            c.Property(x => x.DispositionConsultedParties).HasMaxLength(200);
            c.Property(x => x.DispositionSummary).HasMaxLength(note);
            c.HasIndex(x => new { x.Stage, x.NextDueAt });
            c.HasIndex(x => new { x.OwnerOrganisationId, x.Stage });
            c.HasIndex(x => x.LastActivityAt);
            c.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            c.HasMany(x => x.Outcomes).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CaseStatusChange>(x =>
        {
            x.ToTable("case_status_changes");
            x.HasOne<Case>().WithMany().HasForeignKey(y => y.CaseId).OnDelete(DeleteBehavior.Cascade);
            x.Property(y => y.Reason).HasMaxLength(note);
            x.Property(y => y.RecordedByName).HasMaxLength(name);
            x.HasIndex(y => new { y.CaseId, y.EffectiveAt });
        });
        builder.Entity<CaseParticipant>(p =>
        {
            p.ToTable("case_participants");
            p.HasKey(x => new { x.CaseId, x.OrganisationId });
            p.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            p.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            p.HasIndex(x => x.OrganisationId);
        });
        builder.Entity<CaseOutcome>(o =>
        {
            o.ToTable("case_outcomes");
            o.HasKey(x => new { x.CaseId, x.Code });
            o.Property(x => x.Code).HasMaxLength(20);
            o.Property(x => x.RecordedByName).HasMaxLength(name);
        });
        builder.Entity<CaseEvent>(e =>
        {
            e.ToTable("case_events");
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Kind).HasMaxLength(50);
            e.Property(x => x.Summary).HasMaxLength(500);
            e.Property(x => x.Detail).HasMaxLength(note);
            e.Property(x => x.ActorName).HasMaxLength(name);
            e.Property(x => x.FromStage).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.ToStage).HasConversion<string>().HasMaxLength(30);
            e.HasIndex(x => new { x.CaseId, x.At });
        });
        builder.Entity<CaseHandover>(h =>
        {
            h.ToTable("case_handovers");
            h.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            h.HasOne<Organisation>().WithMany().HasForeignKey(x => x.FromOrganisationId).OnDelete(DeleteBehavior.Restrict);
            h.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);
            h.Property(x => x.Reason).HasMaxLength(note);
            h.Property(x => x.RequestedByName).HasMaxLength(name);
            h.Property(x => x.RespondedByName).HasMaxLength(name);
            h.Property(x => x.DeclineReason).HasMaxLength(note);
            h.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            h.HasIndex(x => new { x.Status, x.ToOrganisationId });
            h.HasIndex(x => x.CaseId);
        });
        builder.Entity<ServiceProposal>(p =>
        {
            p.ToTable("service_proposals");
            p.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            p.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ProviderOrganisationId).OnDelete(DeleteBehavior.Restrict);
            p.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ProposedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
            p.Property(x => x.ServiceCode).HasMaxLength(10);
            p.Property(x => x.ProposedByName).HasMaxLength(name);
            p.Property(x => x.RespondedByName).HasMaxLength(name);
            p.Property(x => x.Note).HasMaxLength(note);
            p.Property(x => x.StatusReason).HasMaxLength(note);
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            p.HasIndex(x => x.CaseId);
            p.HasIndex(x => new { x.ProviderOrganisationId, x.Status });
        });
        builder.Entity<Shelter>(s =>
        {
            s.ToTable("shelters");
            s.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            s.Property(x => x.Name).HasMaxLength(100);
            s.HasIndex(x => new { x.OrganisationId, x.Name }).IsUnique();
            s.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
        });
        builder.Entity<ShelterPlacement>(p =>
        {
            p.ToTable("shelter_placements");
            p.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            p.HasOne<Shelter>().WithMany().HasForeignKey(x => x.ShelterId).OnDelete(DeleteBehavior.Restrict);
            p.HasOne<ServiceProposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Restrict);
            p.HasOne<RiskAssessment>().WithMany().HasForeignKey(x => x.RiskAssessmentId).OnDelete(DeleteBehavior.Restrict);
            p.Property(x => x.PlacedByName).HasMaxLength(name);
            p.HasIndex(x => x.CaseId);
        });
        builder.Entity<ConsentRecord>(c =>
        {
            c.ToTable("consents");
            c.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            c.HasOne<Organisation>().WithMany().HasForeignKey(x => x.RecipientOrganisationId).OnDelete(DeleteBehavior.Restrict);
            c.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(30);
            c.Property(x => x.GivenBy).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.DocumentVersion).HasMaxLength(50);
            c.Property(x => x.RecordedByName).HasMaxLength(name);
            c.Property(x => x.WithdrawnByName).HasMaxLength(name);
            c.Property(x => x.WithdrawalNote).HasMaxLength(note);
            c.HasIndex(x => x.CaseId);
        });
        builder.Entity<RiskAssessment>(r =>
        {
            r.ToTable("risk_assessments");
            r.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            foreach (var e in new[] { nameof(RiskAssessment.Purpose), nameof(RiskAssessment.ThreatToPerson),
                         nameof(RiskAssessment.ThreatToFamily), nameof(RiskAssessment.ReTrafficking) })
            {
                r.Property(e).HasConversion<string>().HasMaxLength(20);
            }
            r.Property(x => x.Summary).HasMaxLength(note);
            r.Property(x => x.ReviewerName).HasMaxLength(name);
            r.Property(x => x.AssessedByName).HasMaxLength(name);
            r.HasIndex(x => new { x.CaseId, x.Purpose });
        });
        builder.Entity<AgeAssessment>(a =>
        {
            a.ToTable("age_assessments");
            a.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            a.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.Result).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.AssessedByName).HasMaxLength(name);
            a.HasIndex(x => x.CaseId);
        });
        builder.Entity<SafetyAction>(a =>
        {
            a.ToTable("safety_actions");
            a.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            a.Property(x => x.Description).HasMaxLength(500);
            a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.RecordedByName).HasMaxLength(name);
            a.HasIndex(x => x.CaseId);
        });
        builder.Entity<CaseMeeting>(m =>
        {
            m.ToTable("case_meetings");
            m.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            m.Property(x => x.Purpose).HasMaxLength(200);
            m.Property(x => x.Venue).HasConversion<string>().HasMaxLength(40);
            m.Property(x => x.VenueDescription).HasMaxLength(500);
            m.Property(x => x.ArrangedByName).HasMaxLength(name);
            m.HasIndex(x => x.CaseId);
        });
        builder.Entity<CaseDocument>(d =>
        {
            d.ToTable("case_documents");
            d.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            d.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            d.Property(x => x.Title).HasMaxLength(200);
            d.Property(x => x.RecordedByName).HasMaxLength(name);
            d.HasIndex(x => x.CaseId);
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_auditTrail is null)
        {
            throw new InvalidOperationException("This context was built for schema work and cannot save.");
        }
        return SaveVersionedAsync(_auditTrail, acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Versions are checked and moved inside the audited save, after the audit has listed the changed fields, so
    /// the trail does not gain a "Version" change for every step (ADR 0008).
    /// </summary>
    private async Task<int> SaveVersionedAsync(AuditTrail auditTrail, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        List<(Type, object)> met = [];
        try
        {
            var written = await auditTrail.SaveChainedAsync(this, () =>
            {
                met = Versioning.Prepare(this, _expectedVersions);
                return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }, cancellationToken);
            _expectedVersions?.Settle(met);
            return written;
        }
        catch (DbUpdateException e) when (WriteConflicts.Describe(e) is not null)
        {
            // What this request read is out of date: whatever it does next (answer 409, show the page again with
            // the message) reads afresh instead of trying to save the stale changes a second time; the version the client
            // sent has been answered, and must not refuse the audit entry of the page shown again.
            ChangeTracker.Clear();
            _expectedVersions?.Forget();
            throw;
        }
    }
}
