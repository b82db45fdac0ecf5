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
    public DbSet<Features.Intelligence.IntelligenceReport> IntelligenceReports => Set<Features.Intelligence.IntelligenceReport>();
    public DbSet<Features.Intelligence.IntelligenceItem> IntelligenceItems => Set<Features.Intelligence.IntelligenceItem>();
    public DbSet<Features.Intelligence.AnalystEvaluation> AnalystEvaluations => Set<Features.Intelligence.AnalystEvaluation>();
    public DbSet<Features.Intelligence.HandlingChange> HandlingChanges => Set<Features.Intelligence.HandlingChange>();
    public DbSet<Features.Intelligence.IntelligenceDissemination> IntelligenceDisseminations => Set<Features.Intelligence.IntelligenceDissemination>();
    public DbSet<Features.Intelligence.SanitisedVersion> SanitisedVersions => Set<Features.Intelligence.SanitisedVersion>();
    public DbSet<Features.Intelligence.IntelligenceReportCount> IntelligenceReportCounts => Set<Features.Intelligence.IntelligenceReportCount>();
    public DbSet<Features.Statistics.StatisticsCount> StatisticsCounts => Set<Features.Statistics.StatisticsCount>();
    public DbSet<Features.Checks.IntelligenceChange> IntelligenceChanges => Set<Features.Checks.IntelligenceChange>();
    public DbSet<Features.Checks.IntelligenceCheck> IntelligenceChecks => Set<Features.Checks.IntelligenceCheck>();
    public DbSet<Features.Checks.CheckTouch> CheckTouches => Set<Features.Checks.CheckTouch>();

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

    /// <summary>
    /// Each entity's mapping lives with its feature (an <see cref="IEntityTypeConfiguration{TEntity}"/> in
    /// <c>Features/&lt;Feature&gt;/…Mappings.cs</c>). Only what is truly cross-cutting stays here.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's own model first; Features/Accounts renames its tables and adds to the user.
        base.OnModelCreating(builder);

        // Every IEntityTypeConfiguration of the features; the mappings that need a value of this context are plain
        // classes applied below.
        builder.ApplyConfigurationsFromAssembly(typeof(AriadneDbContext).Assembly);

        // The person's story is encrypted at rest with the host's protector (ADR 0006): a per-context value, so
        // these mappings take it and the model is cached per protector (ProtectedTextModelCacheKey).
        var story = ProtectedTextMapping.ProtectorOf(this);
        builder.Entity<Screening>(new ScreeningMapping(story).Configure);
        builder.Entity<ScreeningIndicator>(new ScreeningIndicatorMapping(story).Configure);
        builder.Entity<Referral>(new ReferralMapping(story).Configure);
        builder.Entity<Features.Intelligence.IntelligenceReport>(new Features.Intelligence.IntelligenceReportMapping(story).Configure);
        builder.Entity<Features.Intelligence.IntelligenceItem>(new Features.Intelligence.IntelligenceItemMapping(story).Configure);
        builder.Entity<Features.Intelligence.AnalystEvaluation>(new Features.Intelligence.AnalystEvaluationMapping(story).Configure);
        builder.Entity<Features.Intelligence.SanitisedVersion>(new Features.Intelligence.SanitisedVersionMapping(story).Configure);
        builder.Entity<Features.Checks.IntelligenceCheck>(new Features.Checks.IntelligenceCheckMapping(story).Configure);

        // Version tokens on every edited record, across features (ADR 0008).
        Versioning.Configure(builder);
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
