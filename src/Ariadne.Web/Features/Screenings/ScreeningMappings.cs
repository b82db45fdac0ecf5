using Ariadne.Web.Data;
using Ariadne.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariadne.Web.Features.Screenings;

// The person's story in free text is encrypted at rest (issue 9, item 9; ADR 0006). Its columns are unbounded:
// cipher text is longer than what was typed; the length limits are the rules' (ScreeningRules). The protector is
// the context's (null for a schema-only context), so these mappings take it and are applied by the context itself.

/// <remarks>Not an IEntityTypeConfiguration: it needs the context's protector, so AriadneDbContext applies it itself.</remarks>
internal sealed class ScreeningMapping(TextProtector? story)
{
    public void Configure(EntityTypeBuilder<Screening> s)
    {
        s.ToTable("screenings");
        s.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        s.Property(x => x.OfficerName).HasMaxLength(200);
        s.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        s.Property(x => x.CatalogueVersion).HasMaxLength(20);
        s.Property(x => x.IntakeChannel).HasMaxLength(10);
        s.Property(x => x.Place).HasMaxLength(ScreeningRules.ShortText);
        s.Property(x => x.ColleaguePresent).HasMaxLength(ScreeningRules.ShortText);
        s.Property(x => x.NameKind).HasConversion<string>().HasMaxLength(20);
        s.Property(x => x.PersonName).HasMaxLength(ScreeningRules.ShortText);
        s.Property(x => x.Gender).HasConversion<string>().HasMaxLength(20);
        s.Property(x => x.Nationality).HasMaxLength(ScreeningRules.ShortText);
        s.Property(x => x.Language).HasMaxLength(ScreeningRules.ShortText);
        s.Property(x => x.CompanionDescription).IsProtectedText(story);
        s.Property(x => x.DangerDetails).IsProtectedText(story);
        s.Property(x => x.Statement).IsProtectedText(story);
        s.Property(x => x.SuspectedOffence).IsProtectedText(story);
        s.HasIndex(x => new { x.OrganisationId, x.Status, x.UpdatedAt });
        // The screening list, newest change first, walked in index order instead of sorting all the organisation's
        // screenings (script 0009: 0.6 s to 0.02 s for 115,000 screenings).
        s.HasIndex(x => new { x.OrganisationId, x.UpdatedAt });
        // The days at the ends of a statistics period (migration 0023; whole months come from statistics_counts): every column
        // the screening figures read, so a million rows' table is not visited.
        s.HasIndex(x => new { x.Status, x.CompletedAt, x.OrganisationId, x.IntakeChannel, x.Gender, x.ApproximateAge, x.PresumedVictim })
            .HasDatabaseName("IX_screenings_statistics");
        s.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.ScreeningId).OnDelete(DeleteBehavior.Cascade);
        s.HasMany(x => x.Actions).WithOne().HasForeignKey(x => x.ScreeningId).OnDelete(DeleteBehavior.Cascade);
        s.HasMany(x => x.InformationSheets).WithOne().HasForeignKey(x => x.ScreeningId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <remarks>Not an IEntityTypeConfiguration: it needs the context's protector, so AriadneDbContext applies it itself.</remarks>
internal sealed class ScreeningIndicatorMapping(TextProtector? story)
{
    public void Configure(EntityTypeBuilder<ScreeningIndicator> i)
    {
        i.ToTable("screening_indicators");
        i.HasKey(x => new { x.ScreeningId, x.IndicatorId });
        i.Property(x => x.IndicatorId).HasMaxLength(20);
        i.Property(x => x.Note).IsProtectedText(story);
    }
}

internal sealed class ScreeningActionMapping : IEntityTypeConfiguration<ScreeningAction>
{
    public void Configure(EntityTypeBuilder<ScreeningAction> a)
    {
        a.ToTable("screening_actions");
        a.HasKey(x => new { x.ScreeningId, x.ActionId });
        a.Property(x => x.ActionId).HasMaxLength(20);
        a.Property(x => x.DoneByName).HasMaxLength(200);
    }
}

internal sealed class InformationSheetGivenMapping : IEntityTypeConfiguration<InformationSheetGiven>
{
    public void Configure(EntityTypeBuilder<InformationSheetGiven> i)
    {
        i.ToTable("information_sheets_given");
        // The id is set in code: without this, EF would take a new record added to the screening's list for
        // an existing row and try to update it.
        i.Property(x => x.Id).ValueGeneratedNever();
        i.Property(x => x.Language).HasMaxLength(10);
        i.Property(x => x.SheetVersion).HasMaxLength(20);
        i.Property(x => x.GivenByName).HasMaxLength(200);
        i.HasIndex(x => x.ScreeningId);
    }
}
