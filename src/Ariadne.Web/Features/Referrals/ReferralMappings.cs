using Ariadne.Web.Data;
using Ariadne.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariadne.Web.Features.Referrals;

/// <summary>The statement sent with a referral is encrypted at rest like the screening's, so this takes the context's protector.</summary>
/// <remarks>Not an IEntityTypeConfiguration: it needs the context's protector, so AriadneDbContext applies it itself.</remarks>
internal sealed class ReferralMapping(TextProtector? story)
{
    public void Configure(EntityTypeBuilder<Referral> r)
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
        // The sent list: one organisation's referrals, newest first (script 0009).
        r.HasIndex(x => new { x.FromOrganisationId, x.ReferredAt });
        // The days at the ends of a statistics period (migration 0023).
        r.HasIndex(x => x.ReferredAt);
    }
}

internal sealed class AnonymousNotificationMapping : IEntityTypeConfiguration<AnonymousNotification>
{
    public void Configure(EntityTypeBuilder<AnonymousNotification> n)
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
    }
}
