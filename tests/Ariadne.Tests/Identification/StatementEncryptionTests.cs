using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ariadne.Tests.Identification;

/// <summary>
/// Statements and the free-text account of the person's story are encrypted at rest (issue 9 item 9, ADR 0006):
/// unique markers typed through the API are then searched for in the raw database (SQLite's file bytes with its
/// -wal, or every row of every PostgreSQL table cast to text). None may be found; the API still reads them back.
/// </summary>
public sealed class StatementEncryptionTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Markers_typed_into_every_story_field_are_not_in_the_database_files(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        var station = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
        var unit = await app.CreateOrganisationAsync(OrganisationType.AntiTraffickingUnit);
        using var officer = await app.SignInAsync(await app.CreateUserAsync(station, Roles.FrontlineOfficer));
        using var investigator = await app.SignInAsync(await app.CreateUserAsync(unit, Roles.Investigator));
        var marker = "Mk" + Guid.NewGuid().ToString("N")[..12];

        async Task<string> ScreeningAsync(string suffix)
        {
            var response = await officer.PostAsJsonAsync("/api/v1/screenings", new
            {
                intakeChannel = "ENC-02", place = "Station", encounteredAt = DateTimeOffset.UtcNow.AddHours(-1), approximateAge = 30,
                accompanied = true, companionSeemsToControl = true, companionDescription = marker + suffix + " companion",
                immediateDanger = true, dangerDetails = marker + suffix + " danger", offenderFlag = true,
                suspectedOffence = marker + suffix + " offence", statement = marker + suffix + " statement",
                indicators = new[] { new { id = "GEN-01", note = marker + suffix + " note" } },
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        }

        var kept = await ScreeningAsync("a");
        var referred = await ScreeningAsync("b");
        var declined = await ScreeningAsync("c");
        Assert.True((await officer.PostAsJsonAsync($"/api/v1/screenings/{referred}/referral", new { unitId = unit.Id, consent = "Given" })).IsSuccessStatusCode);
        Assert.True((await officer.PostAsJsonAsync($"/api/v1/screenings/{declined}/referral", new { unitId = unit.Id, consent = "Refused" })).IsSuccessStatusCode);

        // Readable through the application...
        Assert.Contains(marker + "a statement", await officer.GetStringAsync($"/api/v1/screenings/{kept}"), StringComparison.Ordinal);
        var incoming = await investigator.GetFromJsonAsync<JsonArray>("/api/v1/referrals/incoming");
        Assert.Equal(2, incoming!.Count);
        foreach (var referral in incoming)
        {
            Assert.Contains(marker, await investigator.GetStringAsync($"/api/v1/referrals/incoming/{referral!["id"]}"), StringComparison.Ordinal);
        }

        // ...and nowhere in the database itself.
        Assert.Empty(await RawHitsAsync(app, marker));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Rows_stored_in_plain_text_before_encryption_are_encrypted_on_startup(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        var station = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
        using var officer = await app.SignInAsync(await app.CreateUserAsync(station, Roles.FrontlineOfficer));
        var marker = "Legacy" + Guid.NewGuid().ToString("N")[..12];
        var created = await officer.PostAsJsonAsync("/api/v1/screenings", new { place = "Station", statement = "will be replaced" });
        var id = Guid.Parse((await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());

        // As a database written before this change holds it: plain text, no prefix, and no record of the encryption.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE screenings SET \"Statement\" = {0} WHERE \"Id\" = {1}", marker + " statement", id));
        await app.WithDbAsync(db => db.Settings.Where(s => s.Key == ProtectedTextMigration.DoneKey).ExecuteDeleteAsync());
        Assert.NotEmpty(await RawHitsAsync(app, marker));

        // What the startup step does (DatabaseInitialiser); the second start finds its record and does nothing.
        var time = app.Services.GetRequiredService<TimeProvider>();
        await app.WithDbAsync(async db => Assert.Equal(1, await ProtectedTextMigration.EncryptPlainRowsOnceAsync(db, time, default)));
        await app.WithDbAsync(async db => Assert.True(await db.Settings.AnyAsync(s => s.Key == ProtectedTextMigration.DoneKey)));
        await app.WithDbAsync(async db => Assert.Equal(0, await ProtectedTextMigration.EncryptPlainRowsOnceAsync(db, time, default)));

        Assert.Empty(await RawHitsAsync(app, marker));
        Assert.Contains(marker + " statement", await officer.GetStringAsync($"/api/v1/screenings/{id}"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Once_recorded_the_encryption_of_plain_rows_does_not_scan_the_tables_again_at_startup(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        // The first start of a new database recorded that there is nothing left in plain text.
        await app.WithDbAsync(async db => Assert.True(await db.Settings.AnyAsync(s => s.Key == ProtectedTextMigration.DoneKey)));
        var station = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
        using var officer = await app.SignInAsync(await app.CreateUserAsync(station, Roles.FrontlineOfficer));
        var created = await officer.PostAsJsonAsync("/api/v1/screenings", new { place = "Station", statement = "will be replaced" });
        var id = Guid.Parse((await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        var marker = "Unscanned" + Guid.NewGuid().ToString("N")[..12];
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE screenings SET \"Statement\" = {0} WHERE \"Id\" = {1}", marker, id));

        // A start after the record: the plain row (which no release writes any more) is left as it is, because the
        // tables are not scanned; the full scan is what would have found it.
        var time = app.Services.GetRequiredService<TimeProvider>();
        await app.WithDbAsync(async db => Assert.Equal(0, await ProtectedTextMigration.EncryptPlainRowsOnceAsync(db, time, default)));
        Assert.NotEmpty(await RawHitsAsync(app, marker));
        await app.WithDbAsync(async db => Assert.Equal(1, await ProtectedTextMigration.EncryptPlainRowsAsync(db, default)));
    }

    /// <summary>Where the marker is stored readably: SQLite file bytes (UTF-8 and UTF-16), or PostgreSQL rows as text.</summary>
    private static async Task<List<string>> RawHitsAsync(AriadneAppFactory app, string marker)
    {
        var hits = new List<string>();
        if (app.Database == Databases.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-journal" }.Where(File.Exists))
            {
                byte[] bytes;
                await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                {
                    using var copy = new MemoryStream();
                    await stream.CopyToAsync(copy);
                    bytes = copy.ToArray();
                }
                foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
                {
                    if (bytes.AsSpan().IndexOf(encoding.GetBytes(marker)) >= 0)
                    {
                        hits.Add($"{Path.GetFileName(path)} ({encoding.WebName})");
                    }
                }
            }
            return hits;
        }
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" t WHERE t::text LIKE '%' || @m || '%'", connection);
            count.Parameters.AddWithValue("m", marker);
            if ((long)(await count.ExecuteScalarAsync())! > 0)
            {
                hits.Add(table);
            }
        }
        return hits;
    }
}
