using System.Globalization;
using Ariadne.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariadne.Web.Features.Exchange;

/// <summary>One CTDC file imported as reference data (global figures beside the national ones). Written only when the whole file was clean.</summary>
public sealed class CtdcImportRun
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string FileName { get; set; }
    public DateTime ImportedAt { get; set; }
    public Guid ImportedByUserId { get; set; }
    public required string ImportedByName { get; set; }
    public int Rows { get; set; }
}

/// <summary>
/// One row of an imported CTDC file: the six categorical variables as the codebook writes them, and the 21 binary variables as
/// bits of <see cref="Flags"/> in <see cref="CtdcCodebook.BinaryVariables"/> order (bit i set: the value is 1), so the table stays
/// narrow and a count by any variable is one indexed scan.
/// </summary>
public sealed class CtdcReferenceRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ImportId { get; set; }
    public int? YearOfRegistration { get; set; }
    public string? Gender { get; set; }
    public string? AgeBroad { get; set; }
    public string? Citizenship { get; set; }
    public string? CountryOfExploitation { get; set; }
    public string? TraffickMonths { get; set; }
    public int Flags { get; set; }
}

internal sealed class CtdcImportRunMapping : IEntityTypeConfiguration<CtdcImportRun>
{
    public void Configure(EntityTypeBuilder<CtdcImportRun> r)
    {
        r.ToTable("ctdc_import_runs");
        r.Property(x => x.FileName).HasMaxLength(260);
        r.Property(x => x.ImportedByName).HasMaxLength(200);
        r.HasIndex(x => x.ImportedAt);
    }
}

internal sealed class CtdcReferenceRecordMapping : IEntityTypeConfiguration<CtdcReferenceRecord>
{
    public void Configure(EntityTypeBuilder<CtdcReferenceRecord> r)
    {
        r.ToTable("ctdc_reference_records");
        r.HasOne<CtdcImportRun>().WithMany().HasForeignKey(x => x.ImportId).OnDelete(DeleteBehavior.Cascade);
        r.Property(x => x.Gender).HasMaxLength(40);
        r.Property(x => x.AgeBroad).HasMaxLength(10);
        r.Property(x => x.Citizenship).HasMaxLength(3);
        r.Property(x => x.CountryOfExploitation).HasMaxLength(3);
        r.Property(x => x.TraffickMonths).HasMaxLength(20);
        r.HasIndex(x => x.ImportId);
    }
}

/// <summary>
/// The CTDC reference figures for the statistics pages: counts by one codebook variable over the latest imported file. Missing data
/// is counted under the empty key, as the codebook's NULL. The statistics feature asks this; it never reads the tables itself.
/// </summary>
public sealed class CtdcReference(AriadneDbContext db)
{
    public async Task<CtdcImportRun?> CurrentAsync(CancellationToken ct = default) =>
        await db.Set<CtdcImportRun>().AsNoTracking().OrderByDescending(r => r.ImportedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    /// <summary>Counts by <paramref name="variable"/> (a codebook name); null when the name is not a codebook variable.</summary>
    public async Task<IReadOnlyDictionary<string, int>?> CountsByAsync(string variable, CancellationToken ct = default)
    {
        if (CtdcCodebook.Find(variable) is null)
        {
            return null;
        }
        if (await CurrentAsync(ct) is not { } run)
        {
            return new Dictionary<string, int>();
        }
        var rows = db.Set<CtdcReferenceRecord>().AsNoTracking().Where(r => r.ImportId == run.Id);
        var bit = CtdcCodebook.BinaryVariables.ToList().IndexOf(variable);
        if (bit >= 0)
        {
            var mask = 1 << bit;
            var set = await rows.CountAsync(r => (r.Flags & mask) != 0, ct);
            return new Dictionary<string, int> { ["1"] = set, [""] = run.Rows - set };
        }
        if (variable == "yearOfRegistration")
        {
            var years = await rows.GroupBy(r => r.YearOfRegistration).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            return years.ToDictionary(g => g.Key?.ToString(CultureInfo.InvariantCulture) ?? "", g => g.Count, StringComparer.Ordinal);
        }
        IQueryable<string?> column = variable switch
        {
            "gender" => rows.Select(r => r.Gender),
            "ageBroad" => rows.Select(r => r.AgeBroad),
            "citizenship" => rows.Select(r => r.Citizenship),
            "CountryOfExploitation" => rows.Select(r => r.CountryOfExploitation),
            _ => rows.Select(r => r.TraffickMonths),
        };
        var grouped = await column.GroupBy(v => v).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return grouped.ToDictionary(g => g.Key ?? "", g => g.Count, StringComparer.Ordinal);
    }
}
