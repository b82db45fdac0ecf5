using Ariadne.Web.Data;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariadne.Web.Features.Consent;

internal sealed class ConsentRecordMapping : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> c)
    {
        c.ToTable("consents");
        c.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne<Organisation>().WithMany().HasForeignKey(x => x.RecipientOrganisationId).OnDelete(DeleteBehavior.Restrict);
        c.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(30);
        c.Property(x => x.GivenBy).HasConversion<string>().HasMaxLength(20);
        c.Property(x => x.DocumentVersion).HasMaxLength(50);
        c.Property(x => x.RecordedByName).HasMaxLength(ColumnLengths.Name);
        c.Property(x => x.WithdrawnByName).HasMaxLength(ColumnLengths.Name);
        c.Property(x => x.WithdrawalNote).HasMaxLength(ColumnLengths.Note);
        c.HasIndex(x => x.CaseId);
    }
}
