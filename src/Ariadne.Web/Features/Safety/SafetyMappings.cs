using Ariadne.Web.Data;
using Ariadne.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariadne.Web.Features.Safety;

internal sealed class RiskAssessmentMapping : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> r)
    {
        r.ToTable("risk_assessments");
        r.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        foreach (var e in new[] { nameof(RiskAssessment.Purpose), nameof(RiskAssessment.ThreatToPerson),
                     nameof(RiskAssessment.ThreatToFamily), nameof(RiskAssessment.ReTrafficking) })
        {
            r.Property(e).HasConversion<string>().HasMaxLength(20);
        }
        r.Property(x => x.Summary).HasMaxLength(ColumnLengths.Note);
        r.Property(x => x.ReviewerName).HasMaxLength(ColumnLengths.Name);
        r.Property(x => x.AssessedByName).HasMaxLength(ColumnLengths.Name);
        r.HasIndex(x => new { x.CaseId, x.Purpose });
    }
}

internal sealed class SafetyActionMapping : IEntityTypeConfiguration<SafetyAction>
{
    public void Configure(EntityTypeBuilder<SafetyAction> a)
    {
        a.ToTable("safety_actions");
        a.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        a.Property(x => x.Description).HasMaxLength(500);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.RecordedByName).HasMaxLength(ColumnLengths.Name);
        a.HasIndex(x => x.CaseId);
    }
}

internal sealed class CaseMeetingMapping : IEntityTypeConfiguration<CaseMeeting>
{
    public void Configure(EntityTypeBuilder<CaseMeeting> m)
    {
        m.ToTable("case_meetings");
        m.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        m.Property(x => x.Purpose).HasMaxLength(200);
        m.Property(x => x.Venue).HasConversion<string>().HasMaxLength(40);
        m.Property(x => x.VenueDescription).HasMaxLength(500);
        m.Property(x => x.ArrangedByName).HasMaxLength(ColumnLengths.Name);
        m.HasIndex(x => x.CaseId);
    }
}

internal sealed class CaseDocumentMapping : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> d)
    {
        d.ToTable("case_documents");
        d.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        d.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        d.Property(x => x.Title).HasMaxLength(200);
        d.Property(x => x.RecordedByName).HasMaxLength(ColumnLengths.Name);
        d.HasIndex(x => x.CaseId);
    }
}
