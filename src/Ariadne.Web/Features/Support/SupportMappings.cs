using Ariadne.Web.Data;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Safety;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariadne.Web.Features.Support;

internal sealed class ServiceProposalMapping : IEntityTypeConfiguration<ServiceProposal>
{
    public void Configure(EntityTypeBuilder<ServiceProposal> p)
    {
        p.ToTable("service_proposals");
        p.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ProviderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        p.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ProposedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
        p.Property(x => x.ServiceCode).HasMaxLength(10);
        p.Property(x => x.ProposedByName).HasMaxLength(ColumnLengths.Name);
        p.Property(x => x.RespondedByName).HasMaxLength(ColumnLengths.Name);
        p.Property(x => x.Note).HasMaxLength(ColumnLengths.Note);
        p.Property(x => x.StatusReason).HasMaxLength(ColumnLengths.Note);
        p.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        p.HasIndex(x => x.CaseId);
        p.HasIndex(x => new { x.ProviderOrganisationId, x.Status });
    }
}

internal sealed class ShelterMapping : IEntityTypeConfiguration<Shelter>
{
    public void Configure(EntityTypeBuilder<Shelter> s)
    {
        s.ToTable("shelters");
        s.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        s.Property(x => x.Name).HasMaxLength(100);
        s.HasIndex(x => new { x.OrganisationId, x.Name }).IsUnique();
        s.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class ShelterPlacementMapping : IEntityTypeConfiguration<ShelterPlacement>
{
    public void Configure(EntityTypeBuilder<ShelterPlacement> p)
    {
        p.ToTable("shelter_placements");
        p.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne<Shelter>().WithMany().HasForeignKey(x => x.ShelterId).OnDelete(DeleteBehavior.Restrict);
        p.HasOne<ServiceProposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Restrict);
        p.HasOne<RiskAssessment>().WithMany().HasForeignKey(x => x.RiskAssessmentId).OnDelete(DeleteBehavior.Restrict);
        p.Property(x => x.PlacedByName).HasMaxLength(ColumnLengths.Name);
        p.HasIndex(x => x.CaseId);
    }
}
