using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Cli;
using Ariadne.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Tests.Demo;

/// <summary>Issue #9 item 16: `demo seed` fills a database at scale without the HTTP API, audited and with an intact chain.</summary>
public sealed class NationalSeedTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Demo_seed_adds_cases_in_every_stage_and_screenings_with_one_audit_entry_per_batch_and_kind(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        var output = new StringWriter();

        Assert.Equal(0, await CommandLine.RunAsync(["demo", "seed", "--cases", "300", "--screenings", "900", .. app.CommandLineSettings], output));

        Assert.Contains("300 cases", output.ToString(), StringComparison.Ordinal);
        await app.WithDbAsync(async db =>
        {
            var seeded = db.Cases.AsNoTracking().Where(c => c.Reference.StartsWith("C-S"));
            Assert.Equal(300, await seeded.CountAsync());
            // A realistic spread, not one stage: most closed, some in every other stage.
            var stages = await seeded.GroupBy(c => c.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            Assert.True(stages.Count >= 5, string.Join(", ", stages.Select(s => $"{s.Key}={s.Count}")));
            Assert.Equal(900, await db.Screenings.CountAsync(s => s.CatalogueVersion == "seed"));
            Assert.Equal(300, await db.Referrals.CountAsync(r => r.Reference.StartsWith("R-S")));
            var bulk = await db.AuditEntries.AsNoTracking().Where(e => e.Details != null && e.Details.StartsWith("bulk import")).ToListAsync();
            Assert.Contains(bulk, e => e.Action == AuditActions.Create && e.TargetType == "Case" && e.Details == "bulk import: 300 rows");
            var screeningCreates = await db.AuditEntries.CountAsync(e => e.Action == AuditActions.Create && e.TargetType == "Screening");
            Assert.True(screeningCreates < 100, $"{screeningCreates} entries: one per batch and kind of row, not one per row");
            // The bulk path writes what a save writes: statements encrypted at rest, rows read back through the model.
            var referral = await db.Referrals.AsNoTracking().FirstAsync(r => r.Reference.StartsWith("R-S"));
            Assert.StartsWith("Seeded referral", referral.StatementText, StringComparison.Ordinal);
            var stored = await db.Database.SqlQueryRaw<string>("SELECT \"StatementText\" AS \"Value\" FROM referrals WHERE \"Id\" = {0}", referral.Id)
                .SingleAsync();
            Assert.StartsWith(Web.Data.TextProtector.Prefix, stored, StringComparison.Ordinal);
            var opened = await db.Cases.AsNoTracking().Include(c => c.Participants).FirstAsync(c => c.ReferralId == referral.Id);
            Assert.Contains(opened.Participants, p => p.Kind == Web.Features.Cases.ParticipantKind.Owner);
        });
        Assert.Equal(0, await CommandLine.RunAsync(["audit", "verify", .. app.CommandLineSettings], new StringWriter()));
    }
}
