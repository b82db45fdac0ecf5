using Ariadne.Web.Features.Accounts;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Organisations;
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
