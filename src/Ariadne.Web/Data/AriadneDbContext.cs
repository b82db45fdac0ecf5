using Ariadne.Web.Features.Accounts;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Screenings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Data;

public class AriadneDbContext : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>
{
    private readonly AuditTrail? _auditTrail;

    public AriadneDbContext(DbContextOptions<AriadneDbContext> options, AuditTrail auditTrail)
        : base(options) => _auditTrail = auditTrail;

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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

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
            s.Property(x => x.CompanionDescription).HasMaxLength(ScreeningRules.NoteText);
            s.Property(x => x.DangerDetails).HasMaxLength(ScreeningRules.NoteText);
            s.Property(x => x.Statement).HasMaxLength(ScreeningRules.LongText);
            s.Property(x => x.SuspectedOffence).HasMaxLength(ScreeningRules.NoteText);
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
            i.Property(x => x.Note).HasMaxLength(ScreeningRules.NoteText);
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

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_auditTrail is null)
        {
            throw new InvalidOperationException("This context was built for schema work and cannot save.");
        }
        return _auditTrail.SaveChainedAsync(this, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken),
            cancellationToken);
    }
}
