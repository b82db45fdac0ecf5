using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Cli;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Audit;

public sealed class AuditTrailTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Audit_verify_detects_an_edited_entry(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        await GenerateActivityAsync(app);
        Assert.Equal(0, await RunVerifyAsync(app, new StringWriter()));
        var victim = await MiddleEntryAsync(app);

        await TamperAsync(app, database, $"UPDATE audit_entries SET \"Details\" = 'nothing to see' WHERE \"Sequence\" = {victim}");

        var output = new StringWriter();
        Assert.Equal(1, await RunVerifyAsync(app, output));
        Assert.Contains($"entry #{victim}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("altered", output.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Audit_verify_detects_a_deleted_entry(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        await GenerateActivityAsync(app);
        var victim = await MiddleEntryAsync(app);

        await TamperAsync(app, database, $"DELETE FROM audit_entries WHERE \"Sequence\" = {victim}");

        var output = new StringWriter();
        Assert.Equal(1, await RunVerifyAsync(app, output));
        Assert.Contains($"entry #{victim} was removed", output.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_entry_rewritten_with_a_recomputed_plain_hash_is_still_detected(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        await GenerateActivityAsync(app);
        var victim = await MiddleEntryAsync(app);
        // Someone with database access but without the chain key recomputes the hash with a key of their own.
        var forged = new AuditChain(new byte[32]);
        string newHash = "";
        await app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == victim);
            entry.ActorName = "someone-else";
            newHash = forged.ComputeHash(entry);
        });

        await TamperAsync(app, database,
            $"UPDATE audit_entries SET \"ActorName\" = 'someone-else', \"Hash\" = '{newHash}' WHERE \"Sequence\" = {victim}");

        var output = new StringWriter();
        Assert.Equal(1, await RunVerifyAsync(app, output));
        Assert.Contains($"#{victim}", output.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_database_itself_refuses_to_change_or_remove_audit_entries(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        await app.CreateOrganisationAsync(OrganisationType.Prosecution);

        await app.WithDbAsync(async db =>
        {
            var update = await Assert.ThrowsAnyAsync<Exception>(() =>
                db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Details\" = 'x'"));
            Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
            var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));
            Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        });
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Creates_updates_sign_ins_views_and_searches_are_all_recorded_with_who_and_organisation(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var unit = await app.CreateOrganisationAsync(OrganisationType.AntiTraffickingUnit);
        var admin = await app.CreateUserAsync(unit, Roles.OrganisationAdministrator);
        var investigator = await app.CreateUserAsync(unit, Roles.Investigator);
        using var client = await app.SignInAsync(admin);

        await client.GetAsync($"/api/v1/organisations/{unit.Id}/users");
        await client.GetAsync($"/api/v1/users/{investigator.Id}");
        await client.PutAsJsonAsync($"/api/v1/users/{investigator.Id}", new { displayName = "Renamed Investigator" });

        await app.WithDbAsync(async db =>
        {
            var mine = await db.AuditEntries.AsNoTracking().Where(e => e.ActorUserId == admin.Id).ToListAsync();
            Assert.Contains(mine, e => e.Action == AuditActions.TokenIssued && e.Outcome == AuditOutcome.Success);
            Assert.Contains(mine, e => e.Action == AuditActions.Search && e.TargetId == unit.Id.ToString());
            Assert.Contains(mine, e => e.Action == AuditActions.View && e.TargetId == investigator.Id.ToString());
            var update = Assert.Single(mine, e => e.Action == AuditActions.Update && e.TargetId == investigator.Id.ToString()
                                                   && e.Details!.Contains("DisplayName", StringComparison.Ordinal));
            Assert.DoesNotContain("Renamed", update.Details, StringComparison.Ordinal);
            Assert.All(mine, e => Assert.Equal(unit.Id, e.ActorOrganisationId));
            Assert.All(mine, e => Assert.Equal(admin.UserName, e.ActorName));
        });
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Concurrent_writers_keep_one_unbroken_chain(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        var organisation = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
        var users = new List<TestUser>();
        for (var i = 0; i < 4; i++)
        {
            users.Add(await app.CreateUserAsync(organisation, Roles.FrontlineOfficer));
        }

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => app.RequestTokenAsync(users[i % 4].UserName, users[i % 4].Password)));

        var result = await app.WithScopeAsync(s =>
            s.GetRequiredService<AuditVerifier>().VerifyAsync(s.GetRequiredService<AriadneDbContext>()));
        Assert.True(result.IsIntact, result.Message);
        Assert.True(result.EntriesChecked >= 24);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_coordinator_browses_the_trail_and_the_search_itself_is_recorded(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var coordinator = await app.CreateUserWithRoleAsync(Roles.Coordinator);
        using var client = await app.SignInAsync(coordinator);

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?actor={coordinator.UserName}&pageSize=10");

        Assert.Contains(page.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == AuditActions.TokenIssued);
        await app.WithDbAsync(async db => Assert.True(await db.AuditEntries.AnyAsync(e =>
            e.ActorUserId == coordinator.Id && e.Action == AuditActions.Search && e.Details!.Contains(coordinator.UserName))));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Export_requires_a_reason_and_records_it(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var admin = await app.CreateUserWithRoleAsync(Roles.Administrator);
        using var client = await app.SignInAsync(admin);

        var refused = await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/audit/export"), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("reason", out _));

        var export = await client.GetAsync($"/api/v1/audit/export?actor={admin.UserName}&reason=Quarterly%20access%20review");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("sequence,occurred_at_utc,actor", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.WithDbAsync(async db => Assert.True(await db.AuditEntries.AnyAsync(e =>
            e.ActorUserId == admin.Id && e.Action == AuditActions.Export && e.Reason == "Quarterly access review")));
    }

    [Fact]
    public void Csv_cells_that_a_spreadsheet_would_execute_are_neutralised()
    {
        Assert.Equal("'=HYPERLINK(\"x\")", AuditCsv.Cell("=HYPERLINK(\"x\")").Trim('"').Replace("\"\"", "\"", StringComparison.Ordinal));
        Assert.Equal("'+1", AuditCsv.Cell("+1"));
        Assert.Equal("\"a,b\"", AuditCsv.Cell("a,b"));
        Assert.Equal("plain", AuditCsv.Cell("plain"));
    }

    [Fact]
    public void Every_field_of_an_entry_is_covered_by_its_hash()
    {
        var chain = new AuditChain(new byte[32]);
        var original = new AuditEntry
        {
            Sequence = 7, OccurredAt = new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), ActorUserId = Guid.NewGuid(),
            ActorName = "a", ActorOrganisationId = Guid.NewGuid(), Action = "x", TargetType = "t", TargetId = "1",
            Reason = "r", Details = "d", IpAddress = "127.0.0.1", PreviousHash = "p",
        };
        var hash = chain.ComputeHash(original);
        var properties = typeof(AuditEntry).GetProperties().Where(p => p.Name != nameof(AuditEntry.Hash));
        foreach (var property in properties)
        {
            var copy = (AuditEntry)typeof(AuditEntry).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
                .Invoke(original, null)!;
            object? changed = property.PropertyType switch
            {
                var t when t == typeof(long) => 8L,
                var t when t == typeof(DateTime) => original.OccurredAt.AddTicks(10),
                var t when t == typeof(Guid?) => Guid.NewGuid(),
                var t when t == typeof(AuditOutcome) => AuditOutcome.Denied,
                _ => "changed",
            };
            property.SetValue(copy, changed);
            Assert.True(hash != chain.ComputeHash(copy), $"{property.Name} is not covered by the hash");
        }
    }

    private static async Task GenerateActivityAsync(AriadneAppFactory app)
    {
        var organisation = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
        var officer = await app.CreateUserAsync(organisation, Roles.FrontlineOfficer);
        await app.RequestTokenAsync(officer.UserName, officer.Password);
        await app.RequestTokenAsync(officer.UserName, "a wrong password");
    }

    private static Task<long> MiddleEntryAsync(AriadneAppFactory app) =>
        app.WithScopeAsync(async s =>
        {
            var count = await s.GetRequiredService<AriadneDbContext>().AuditEntries.CountAsync();
            Assert.True(count >= 5, $"expected some activity, found {count} entries");
            return (long)(count / 2);
        });

    private static Task<int> RunVerifyAsync(AriadneAppFactory app, StringWriter output) =>
        CommandLine.RunAsync(["audit", "verify", .. app.CommandLineSettings], output);

    /// <summary>What an insider with direct database access could do: switch off the guard, then edit.</summary>
    private static Task TamperAsync(AriadneAppFactory app, string database, string sql) =>
        app.WithDbAsync(async db =>
        {
            if (database == Databases.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries DISABLE TRIGGER USER");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;");
            }
            await db.Database.ExecuteSqlRawAsync(sql);
        });
}
