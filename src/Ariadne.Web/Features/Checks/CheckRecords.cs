using Ariadne.Web.Data;
using Ariadne.Web.Features.Intelligence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariadne.Web.Features.Checks;

/// <summary>
/// One write to an intelligence report (created, edited, submitted, re-coded, deleted), numbered by the database in the same
/// transaction as the write (<see cref="IntelligenceChangeInterceptor"/>). Each host's check index applies the rows after the
/// last one it has seen, so a report saved through one host is found by a check on any other (ADR 0016).
/// </summary>
public sealed class IntelligenceChange
{
    public long Sequence { get; set; }
    public Guid ReportId { get; set; }
    public DateTime ChangedAt { get; set; }
}

public enum CheckStatus
{
    /// <summary>Answered in full for the asker's reach.</summary>
    Answered,
    /// <summary>
    /// Prompted by material coded "only within originating agency" or "no further dissemination" and asked beyond the asker's
    /// agency: answered within the agency only until the originator approves (§5.6 derived rules).
    /// </summary>
    AwaitingApproval,
    /// <summary>The originator approved the check going outside; it was then answered in full.</summary>
    Approved,
}

/// <summary>
/// An intelligence check (§5.6 CHK-01..04): who asked, why, for which report or case, under which handling code (inherited from
/// the report that prompted it), and how it was answered. The values asked are personal data and are kept encrypted.
/// </summary>
public sealed class IntelligenceCheck
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AskedByUserId { get; set; }
    public string AskedByName { get; set; } = "";
    public Guid OrganisationId { get; set; }
    public DateTime AskedAt { get; set; }
    public string Purpose { get; set; } = "";
    public Guid? ForReportId { get; set; }
    public string? ForCaseReference { get; set; }
    /// <summary>The handling code of the prompting report, as <see cref="IntelligenceService.HandlingOf"/> writes it.</summary>
    public string Handling { get; set; } = "";
    /// <summary>The asked values as JSON (<see cref="CheckRequest"/>), encrypted at rest.</summary>
    public string Query { get; set; } = "";
    public CheckStatus Status { get; set; }
    /// <summary>Whether the check reached beyond the asker's own agency (the CHK-02/03 warning was acknowledged).</summary>
    public bool BeyondAgency { get; set; }
    public Guid? ApprovedByUserId { get; set; }
    public string? ApprovedByName { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public int HitsShown { get; set; }
    public int RestrictedMarkers { get; set; }
}

/// <summary>
/// A report a check touched, for the originator's deconfliction view ("checks on our material"): whether the asker was shown it
/// or only referred to the originator.
/// </summary>
public sealed class CheckTouch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CheckId { get; set; }
    public Guid ReportId { get; set; }
    public Guid OriginatorOrganisationId { get; set; }
    public bool Shown { get; set; }
    public DateTime TouchedAt { get; set; }
}

internal sealed class IntelligenceChangeMapping : IEntityTypeConfiguration<IntelligenceChange>
{
    public void Configure(EntityTypeBuilder<IntelligenceChange> c)
    {
        c.ToTable("intelligence_changes");
        c.HasKey(x => x.Sequence);
        c.Property(x => x.Sequence).ValueGeneratedOnAdd();
    }
}

internal sealed class IntelligenceCheckMapping(TextProtector? protector)
{
    public void Configure(EntityTypeBuilder<IntelligenceCheck> c)
    {
        c.ToTable("intelligence_checks");
        c.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        c.HasIndex(x => new { x.OrganisationId, x.AskedAt });
        c.HasIndex(x => new { x.AskedByUserId, x.AskedAt });
        c.Property(x => x.AskedByName).HasMaxLength(200);
        c.Property(x => x.Purpose).HasMaxLength(CheckRules.MaxPurpose);
        c.Property(x => x.ForCaseReference).HasMaxLength(40);
        c.Property(x => x.Handling).HasMaxLength(400);
        c.Property(x => x.Query).IsProtectedText(protector);
        c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        c.Property(x => x.ApprovedByName).HasMaxLength(200);
    }
}

internal sealed class CheckTouchMapping : IEntityTypeConfiguration<CheckTouch>
{
    public void Configure(EntityTypeBuilder<CheckTouch> t)
    {
        t.ToTable("intelligence_check_touches");
        t.HasOne<IntelligenceCheck>().WithMany().HasForeignKey(x => x.CheckId).OnDelete(DeleteBehavior.Cascade);
        t.HasIndex(x => x.CheckId);
        t.HasIndex(x => new { x.OriginatorOrganisationId, x.TouchedAt });
        t.HasIndex(x => x.ReportId);
    }
}
