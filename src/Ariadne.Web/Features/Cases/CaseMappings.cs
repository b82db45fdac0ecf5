using Ariadne.Web.Data;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Screenings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariadne.Web.Features.Cases;

internal sealed class CaseMapping : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> c)
    {
        c.ToTable("cases");
        c.Property(x => x.Reference).HasMaxLength(20);
        c.HasIndex(x => x.Reference).IsUnique();
        c.HasIndex(x => x.ReferralId).IsUnique();
        c.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        c.Property(x => x.OpenedByName).HasMaxLength(ColumnLengths.Name);
        c.Property(x => x.OwnerName).HasMaxLength(ColumnLengths.Name);
        c.Property(x => x.NextDueWhat).HasMaxLength(100);
        foreach (var e in new[] { nameof(Case.Stage), nameof(Case.StageBeforeClosure), nameof(Case.ReasonableGrounds),
                     nameof(Case.Conclusive), nameof(Case.NegativeDecisionLevel), nameof(Case.ClosureReason), nameof(Case.AgeStatus) })
        {
            c.Property(e).HasConversion<string>().HasMaxLength(30);
        }
        c.Property(x => x.PersonName).HasMaxLength(ScreeningRules.ShortText);
        c.Property(x => x.Gender).HasMaxLength(20);
        c.Property(x => x.Nationality).HasMaxLength(ScreeningRules.ShortText);
        c.Property(x => x.Language).HasMaxLength(ScreeningRules.ShortText);
        c.Property(x => x.ExploitationForms).HasMaxLength(400);
        c.Property(x => x.GuardianName).HasMaxLength(ColumnLengths.Name);
        c.Property(x => x.SafetyCoordinatorName).HasMaxLength(ColumnLengths.Name);
        c.Property(x => x.ReturnOrganiser).HasMaxLength(10);
        c.Property(x => x.ReturnPlannedByName).HasMaxLength(ColumnLengths.Name);
        c.Property(x => x.ReturnSuspendedBecause).HasMaxLength(200);
        c.Property(x => x.DispositionConsultedParties).HasMaxLength(200);
        c.Property(x => x.DispositionSummary).HasMaxLength(ColumnLengths.Note);
        c.HasIndex(x => new { x.Stage, x.NextDueAt });
        c.HasIndex(x => new { x.OwnerOrganisationId, x.Stage });
        c.HasIndex(x => x.LastActivityAt);
        // The days at the ends of a statistics period, by each date a figure counts by (migration 0023).
        c.HasIndex(x => x.OpenedAt);
        c.HasIndex(x => x.ReasonableGroundsAt);
        c.HasIndex(x => x.ConclusiveAt);
        c.HasIndex(x => x.ReflectionStartedAt);
        c.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Outcomes).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseStatusChangeMapping : IEntityTypeConfiguration<CaseStatusChange>
{
    public void Configure(EntityTypeBuilder<CaseStatusChange> x)
    {
        x.ToTable("case_status_changes");
        x.HasOne<Case>().WithMany().HasForeignKey(y => y.CaseId).OnDelete(DeleteBehavior.Cascade);
        x.Property(y => y.Reason).HasMaxLength(ColumnLengths.Note);
        x.Property(y => y.RecordedByName).HasMaxLength(ColumnLengths.Name);
        x.HasIndex(y => new { y.CaseId, y.EffectiveAt });
    }
}

internal sealed class CaseParticipantMapping : IEntityTypeConfiguration<CaseParticipant>
{
    public void Configure(EntityTypeBuilder<CaseParticipant> p)
    {
        p.ToTable("case_participants");
        p.HasKey(x => new { x.CaseId, x.OrganisationId });
        p.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        p.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        p.HasIndex(x => x.OrganisationId);
    }
}

internal sealed class CaseOutcomeMapping : IEntityTypeConfiguration<CaseOutcome>
{
    public void Configure(EntityTypeBuilder<CaseOutcome> o)
    {
        o.ToTable("case_outcomes");
        o.HasKey(x => new { x.CaseId, x.Code });
        o.Property(x => x.Code).HasMaxLength(20);
        o.Property(x => x.RecordedByName).HasMaxLength(ColumnLengths.Name);
    }
}

internal sealed class CaseEventMapping : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> e)
    {
        e.ToTable("case_events");
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Kind).HasMaxLength(50);
        e.Property(x => x.Summary).HasMaxLength(500);
        e.Property(x => x.Detail).HasMaxLength(ColumnLengths.Note);
        e.Property(x => x.ActorName).HasMaxLength(ColumnLengths.Name);
        e.Property(x => x.FromStage).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.ToStage).HasConversion<string>().HasMaxLength(30);
        e.HasIndex(x => new { x.CaseId, x.At });
    }
}

internal sealed class CaseHandoverMapping : IEntityTypeConfiguration<CaseHandover>
{
    public void Configure(EntityTypeBuilder<CaseHandover> h)
    {
        h.ToTable("case_handovers");
        h.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        h.HasOne<Organisation>().WithMany().HasForeignKey(x => x.FromOrganisationId).OnDelete(DeleteBehavior.Restrict);
        h.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);
        h.Property(x => x.Reason).HasMaxLength(ColumnLengths.Note);
        h.Property(x => x.RequestedByName).HasMaxLength(ColumnLengths.Name);
        h.Property(x => x.RespondedByName).HasMaxLength(ColumnLengths.Name);
        h.Property(x => x.DeclineReason).HasMaxLength(ColumnLengths.Note);
        h.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        h.HasIndex(x => new { x.Status, x.ToOrganisationId });
        h.HasIndex(x => x.CaseId);
    }
}
