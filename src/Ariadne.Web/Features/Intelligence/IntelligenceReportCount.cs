using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>
/// The three columns the visibility predicate reads (<see cref="IntelligenceAudience.VisibleTo{T}"/>): a report has them, and so does
/// a row of <see cref="IntelligenceReportCount"/>, so the one predicate selects reports for a page and count rows for the total.
/// </summary>
public interface IAudienceRow
{
    Guid OriginatorOrganisationId { get; }
    ReportStatus Status { get; }
    int? Audience { get; }
}

/// <summary>
/// How many reports share one (originator, status, audience): kept by the database itself — triggers on
/// <c>intelligence_reports</c>, migration 0013 — in the same transaction as every insert, update and delete, whoever writes
/// (the services, the start-up audience refresh, a bulk load in plain SQL). A viewer's exact total is then the sum of the few
/// hundred rows the visibility predicate selects instead of a count of tens of thousands of reports (issue 10: list ≤ 20 ms with
/// the exact total). Read-only here: nothing in C# writes it. ADR 0015.
/// </summary>
public sealed class IntelligenceReportCount : IAudienceRow
{
    public Guid OriginatorOrganisationId { get; set; }
    public ReportStatus Status { get; set; }
    /// <summary>Never NULL in this table: the triggers store a report's NULL audience ("not computed") as 0, which admits no one.</summary>
    public int? Audience { get; set; }
    public long Count { get; set; }
}

internal sealed class IntelligenceReportCountMapping : IEntityTypeConfiguration<IntelligenceReportCount>
{
    public void Configure(EntityTypeBuilder<IntelligenceReportCount> c)
    {
        c.ToTable("intelligence_report_counts");
        // Keyless: EF never tracks or writes these rows; the unique index is what the triggers' upsert conflicts on.
        c.HasNoKey();
        c.HasIndex(x => new { x.OriginatorOrganisationId, x.Status, x.Audience }).IsUnique()
            .HasDatabaseName("IX_intelligence_report_counts_Originator_Status_Audience");
        c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
    }
}
