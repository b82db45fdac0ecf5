using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariadne.Web.Features.Audit;

internal sealed class AuditEntryMapping : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> a)
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
    }
}
