using Ariadne.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ariadne.Web.Features.Jurisdiction;

internal sealed class StoredSettingMapping : IEntityTypeConfiguration<StoredSetting>
{
    public void Configure(EntityTypeBuilder<StoredSetting> s)
    {
        s.ToTable("settings");
        s.HasKey(x => x.Key);
        s.Property(x => x.Key).HasMaxLength(50);
        s.Property(x => x.UpdatedByName).HasMaxLength(ColumnLengths.Name);
    }
}
