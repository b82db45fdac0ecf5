using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariadne.Web.Features.Statistics;

/// <summary>
/// What the screenings, referrals and cases of one organisation contribute to one figure in one calendar month (UTC), kept by
/// database triggers in the same transaction as every write to those tables (migration 0023, ADR 0023), so a figure over whole
/// months sums a few thousand of these rows instead of grouping a million screenings. <see cref="Row"/> and <see cref="Column"/> hold
/// the raw values the figure groups by ("" for none); labels, age bands, regions and organisation types are applied when the figure is
/// read (<see cref="StatisticsQueries"/>), disclosure control after that. Read-only here: nothing in C# writes it.
/// </summary>
public sealed class StatisticsCount
{
    public string Figure { get; set; } = "";
    /// <summary>"yyyy-MM" (UTC).</summary>
    public string Month { get; set; } = "";
    public Guid OrganisationId { get; set; }
    public string Row { get; set; } = "";
    public string Column { get; set; } = "";
    public long Count { get; set; }
}

internal sealed class StatisticsCountMapping : IEntityTypeConfiguration<StatisticsCount>
{
    public void Configure(EntityTypeBuilder<StatisticsCount> c)
    {
        c.ToTable("statistics_counts");
        // Keyless: EF never tracks or writes these rows; the unique index is what the triggers' upsert conflicts on.
        c.HasNoKey();
        c.HasIndex(x => new { x.Figure, x.Month, x.OrganisationId, x.Row, x.Column }).IsUnique()
            .HasDatabaseName("IX_statistics_counts_Figure_Month_OrganisationId_Row_Column");
        c.Property(x => x.Figure).HasMaxLength(40);
        c.Property(x => x.Month).HasMaxLength(7);
        c.Property(x => x.Row).HasMaxLength(400);
        c.Property(x => x.Column).HasMaxLength(400);
    }
}
