using Ariadne.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariadne.Web.Features.Intelligence;

// The mappings taking a protector are not IEntityTypeConfiguration: AriadneDbContext applies them with the host's protector: free text and personal values are encrypted at rest (ADR 0006).
// Enums are stored by name: the handling codes' order means nothing (§5.5.1 note), so no number is ever compared.

internal sealed class IntelligenceReportMapping(TextProtector? protector)
{
    public void Configure(EntityTypeBuilder<IntelligenceReport> r)
    {
        r.ToTable("intelligence_reports");
        r.Property(x => x.Reference).HasMaxLength(20);
        r.HasIndex(x => x.Reference).IsUnique();
        r.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(x => x.OriginatorOrganisationId).OnDelete(DeleteBehavior.Restrict);
        r.HasIndex(x => new { x.OriginatorOrganisationId, x.CreatedAt });
        r.HasIndex(x => new { x.Status, x.CreatedAt });
        r.HasIndex(x => new { x.CreatedAt, x.Id });
        r.HasIndex(x => new { x.OriginatorOrganisationId, x.Status, x.Audience }).HasDatabaseName("IX_intelligence_reports_Originator_Status_Audience");
        r.Property(x => x.AuthorName).HasMaxLength(200);
        r.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.GradingSystem).HasConversion<string>().HasMaxLength(40);
        r.Property(x => x.Source5).HasConversion<string>().HasMaxLength(60);
        r.Property(x => x.Intelligence5).HasConversion<string>().HasMaxLength(60);
        r.Property(x => x.Handling5).HasConversion<string>().HasMaxLength(60);
        r.Property(x => x.Source3).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.Intelligence3).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.Handling3).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.Conditions).HasMaxLength(GradingRules.MaxConditionsLength);
        r.Property(x => x.ExploitationTypes).HasMaxLength(400);
        r.Property(x => x.SourceType).HasMaxLength(10);
        r.Property(x => x.SourceOfficer).HasMaxLength(200);
        r.Property(x => x.SourceContact).HasMaxLength(200);
        r.Property(x => x.ModusOperandiTags).HasMaxLength(200);
        r.Property(x => x.ModusOperandi).IsProtectedText(protector);
        r.Property(x => x.FreeText).IsProtectedText(protector);
        r.Property(x => x.LinkedReference).HasMaxLength(40);
        r.Property(x => x.RiskAssessment).IsProtectedText(protector);
        r.Ignore(x => x.Grading);
        r.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SanitisedVersionMapping(TextProtector? protector)
{
    public void Configure(EntityTypeBuilder<SanitisedVersion> v)
    {
        v.ToTable("intelligence_sanitised_versions");
        v.Property(x => x.Reference).HasMaxLength(20);
        v.HasIndex(x => x.Reference).IsUnique();
        v.HasOne<IntelligenceReport>().WithMany().HasForeignKey(x => x.SourceReportId).OnDelete(DeleteBehavior.Restrict);
        v.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(x => x.OriginatorOrganisationId).OnDelete(DeleteBehavior.Restrict);
        v.HasIndex(x => x.SourceReportId);
        v.HasIndex(x => new { x.Status, x.CreatedAt });
        v.Property(x => x.AuthorName).HasMaxLength(200);
        v.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        v.Property(x => x.Title).HasMaxLength(SanitisedService.MaxTitle);
        v.Property(x => x.Summary).IsProtectedText(protector);
        v.Property(x => x.ExploitationTypes).HasMaxLength(400);
        v.Property(x => x.Countries).HasMaxLength(1000);
        v.Property(x => x.ModusOperandiTags).HasMaxLength(200);
        v.Property(x => x.Period).HasMaxLength(7);
        v.Property(x => x.ReleasedByName).HasMaxLength(200);
    }
}

internal sealed class IntelligenceDisseminationMapping : IEntityTypeConfiguration<IntelligenceDissemination>
{
    public void Configure(EntityTypeBuilder<IntelligenceDissemination> d)
    {
        d.ToTable("intelligence_disseminations");
        d.HasOne<IntelligenceReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        d.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(x => x.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);
        d.HasIndex(x => x.ReportId);
        d.HasIndex(x => new { x.ToOrganisationId, x.SentAt });
        d.Property(x => x.SentByName).HasMaxLength(200);
        d.Property(x => x.Reason).HasMaxLength(IntelligenceService.MaxReason);
        d.Property(x => x.Handling).HasMaxLength(400);
    }
}

internal sealed class IntelligenceItemMapping(TextProtector? protector)
{
    public void Configure(EntityTypeBuilder<IntelligenceItem> i)
    {
        i.ToTable("intelligence_items");
        i.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        i.Property(x => x.SubKind).HasMaxLength(40);
        i.Property(x => x.Role).HasMaxLength(40);
        i.Property(x => x.Value).IsProtectedText(protector);
        i.Property(x => x.NormalisedKey).HasMaxLength(200);
        i.HasIndex(x => x.NormalisedKey);
        i.Property(x => x.Country).HasMaxLength(2);
        i.Property(x => x.Details).IsProtectedText(protector);
    }
}

internal sealed class AnalystEvaluationMapping(TextProtector? protector)
{
    public void Configure(EntityTypeBuilder<AnalystEvaluation> e)
    {
        e.ToTable("intelligence_evaluations");
        e.HasOne<IntelligenceReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.AnalystName).HasMaxLength(200);
        e.Property(x => x.GradingSystem).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Source5).HasConversion<string>().HasMaxLength(60);
        e.Property(x => x.Intelligence5).HasConversion<string>().HasMaxLength(60);
        e.Property(x => x.Source3).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Intelligence3).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Comment).IsProtectedText(protector);
    }
}

internal sealed class HandlingChangeMapping : IEntityTypeConfiguration<HandlingChange>
{
    public void Configure(EntityTypeBuilder<HandlingChange> h)
    {
        h.ToTable("intelligence_handling_changes");
        h.HasOne<IntelligenceReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        h.Property(x => x.ChangedByName).HasMaxLength(200);
        h.Property(x => x.From).HasMaxLength(1000);
        h.Property(x => x.To).HasMaxLength(1000);
        h.Property(x => x.Reason).HasMaxLength(HandlingCodeChange.MaxReasonLength);
    }
}
