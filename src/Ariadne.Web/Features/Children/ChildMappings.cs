using Ariadne.Web.Data;
using Ariadne.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariadne.Web.Features.Children;

internal sealed class AgeAssessmentMapping : IEntityTypeConfiguration<AgeAssessment>
{
    public void Configure(EntityTypeBuilder<AgeAssessment> a)
    {
        a.ToTable("age_assessments");
        a.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        a.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.Result).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.AssessedByName).HasMaxLength(ColumnLengths.Name);
        a.HasIndex(x => x.CaseId);
    }
}
