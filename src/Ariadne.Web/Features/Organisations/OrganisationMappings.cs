using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariadne.Web.Features.Organisations;

internal sealed class OrganisationMapping : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> o)
    {
        o.ToTable("organisations");
        o.Property(x => x.Name).HasMaxLength(200);
        o.HasIndex(x => x.Name).IsUnique();
        o.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
        o.Property(x => x.Area).HasMaxLength(200);
        o.Property(x => x.Phone).HasMaxLength(50);
        o.Property(x => x.Email).HasMaxLength(200);
        o.Property(x => x.Country).HasMaxLength(2);
        o.Property(x => x.IntelligenceCategory).HasConversion<string>().HasMaxLength(40);
        o.HasOne<Organisation>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        o.Ignore(x => x.EffectiveAgencyId);
    }
}
