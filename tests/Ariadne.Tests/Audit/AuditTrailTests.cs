using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web;
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

    // Issue #9 item 11: a shorter chain is still a valid chain; the checkpoint outside the database catches it.
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Audit_verify_detects_the_newest_entries_removed(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        await GenerateActivityAsync(app);
        Assert.Equal(0, await RunVerifyAsync(app, new StringWriter()));
        var newest = await app.WithScopeAsync(s => s.GetRequiredService<AriadneDbContext>().AuditEntries.MaxAsync(e => e.Sequence));

        await TamperAsync(app, database, $"DELETE FROM audit_entries WHERE \"Sequence\" > {newest - 3}");

        var output = new StringWriter();
        Assert.Equal(1, await RunVerifyAsync(app, output));
        Assert.Contains($"the newest entries #{newest - 2} to #{newest} were removed", output.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Audit_verify_detects_every_entry_removed(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        await GenerateActivityAsync(app);
        var newest = await app.WithScopeAsync(s => s.GetRequiredService<AriadneDbContext>().AuditEntries.MaxAsync(e => e.Sequence));

        await TamperAsync(app, database, "DELETE FROM audit_entries");

        var output = new StringWriter();
        Assert.Equal(1, await RunVerifyAsync(app, output));
        Assert.Contains($"all entries were removed (#1 to #{newest})", output.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_forged_or_missing_checkpoint_fails_verification(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        await GenerateActivityAsync(app);
        var checkpoint = app.Services.GetRequiredService<AuditCheckpoint>().Path;
        var sealedHead = await File.ReadAllTextAsync(checkpoint);
        var parts = sealedHead.Trim().Split(' ');
        Assert.Equal(4, parts.Length);

        // Someone without the key moves the checkpoint back, to hide the newest entries they are about to remove.
        await File.WriteAllTextAsync(checkpoint, string.Join(' ', parts[0], "1", parts[2], parts[3]));
        var forged = new StringWriter();
        Assert.Equal(1, await RunVerifyAsync(app, forged));
        Assert.Contains("seal", forged.ToString(), StringComparison.Ordinal);

        File.Delete(checkpoint);
        var missing = new StringWriter();
        Assert.Equal(1, await RunVerifyAsync(app, missing));
        Assert.Contains("checkpoint", missing.ToString(), StringComparison.Ordinal);
        Assert.Contains("missing", missing.ToString(), StringComparison.Ordinal);

        await File.WriteAllTextAsync(checkpoint, sealedHead);
        Assert.Equal(0, await RunVerifyAsync(app, new StringWriter()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Refusals_by_policy_are_recorded_on_the_api_and_on_pages(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var police = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
        var officer = await app.CreateUserAsync(police, Roles.FrontlineOfficer);
        using var api = await app.SignInAsync(officer);
        using var pages = await app.SignInToPagesAsync(officer);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/audit?actor=someone")).StatusCode);
        var page = await pages.GetAsync("/Audit");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Accounts/AccessDenied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            var refusals = await db.AuditEntries.AsNoTracking()
                .Where(e => e.ActorUserId == officer.Id && e.Action == AuditActions.AccessDenied).ToListAsync();
            var onApi = Assert.Single(refusals, e => e.TargetId == "GET /api/v1/audit");
            Assert.Equal(AuditOutcome.Denied, onApi.Outcome);
            Assert.Equal("Endpoint", onApi.TargetType);
            Assert.Equal(police.Id, onApi.ActorOrganisationId);
            Assert.Equal(officer.UserName, onApi.ActorName);
            var onPage = Assert.Single(refusals, e => e.TargetId == "GET /Audit");
            Assert.Equal(AuditOutcome.Denied, onPage.Outcome);
            Assert.Equal("Page", onPage.TargetType);
            // The query string may hold a person's name: it stays out of the trail.
            Assert.DoesNotContain(refusals, e => (e.TargetId + e.Details).Contains("someone", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Outside_demo_mode_the_app_refuses_to_start_with_the_chain_key_in_the_data_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), "ariadne-tests", Guid.NewGuid().ToString("N"));
        var data = Path.Combine(root, "data");
        try
        {
            var refused = Assert.Throws<UnsafeConfigurationException>(() => AriadneHost.Build([$"--Database:DataDirectory={data}"]));
            Assert.Contains("Audit:ChainKeyPath", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Audit:ChainKey ", refused.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(data, "audit-chain.key")), "no key is created where it is refused");

            var keyFile = Path.Combine(root, "secrets", "audit-chain.key");
            using (AriadneHost.Build([$"--Database:DataDirectory={data}", $"--Audit:ChainKeyPath={keyFile}"]) as IDisposable)
            {
                Assert.True(File.Exists(keyFile));
            }
            // Demo mode keeps everything in one folder, so that `--demo` stays one command.
            using (AriadneHost.Build([$"--Database:DataDirectory={data}", "--demo"]) as IDisposable)
            {
                Assert.True(File.Exists(Path.Combine(data, "audit-chain.key")));
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    // Issue #9 item 17: reads are recorded through the group commit; none may be lost and the chain must hold.
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Concurrent_audited_reads_are_each_recorded_in_one_unbroken_chain(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        var unit = await app.CreateOrganisationAsync(OrganisationType.AntiTraffickingUnit);
        var workers = new List<TestUser>();
        for (var i = 0; i < 4; i++)
        {
            workers.Add(await app.CreateUserAsync(unit, Roles.Investigator));
        }
        var clients = new List<HttpClient>();
        foreach (var worker in workers)
        {
            clients.Add(await app.SignInAsync(worker));
        }
        const int readsPerClient = 15;

        var answers = await Task.WhenAll(clients.SelectMany(c => Enumerable.Range(0, readsPerClient).Select(_ => c.GetAsync("/api/v1/cases"))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var ids = workers.Select(w => (Guid?)w.Id).ToList();
        await app.WithDbAsync(async db =>
        {
            var reads = await db.AuditEntries.AsNoTracking()
                .Where(e => ids.Contains(e.ActorUserId) && e.Action == AuditActions.Search && e.TargetType == "Case").ToListAsync();
            Assert.Equal(workers.Count * readsPerClient, reads.Count);
            Assert.Equal(reads.Count, reads.Select(e => e.Sequence).Distinct().Count());
            Assert.All(workers, w => Assert.Equal(readsPerClient, reads.Count(e => e.ActorUserId == w.Id)));
        });
        var result = await app.WithScopeAsync(s =>
            s.GetRequiredService<AuditVerifier>().VerifyAsync(s.GetRequiredService<AriadneDbContext>()));
        Assert.True(result.IsIntact, result.Message);
        var total = await app.WithScopeAsync(s => s.GetRequiredService<AriadneDbContext>().AuditEntries.LongCountAsync());
        Assert.Equal(total, result.EntriesChecked);
        Assert.Equal(0, await RunVerifyAsync(app, new StringWriter()));
        clients.ForEach(c => c.Dispose());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Entries_recorded_inside_a_callers_transaction_commit_or_roll_back_with_it(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        var marker = "tx-" + Guid.NewGuid().ToString("N");
        foreach (var commit in new[] { false, true })
        {
            await app.WithScopeAsync(async s =>
            {
                var db = s.GetRequiredService<AriadneDbContext>();
                var audit = s.GetRequiredService<AuditTrail>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Organisations.Add(new Organisation { Name = marker + commit, Type = OrganisationType.Prosecution, Area = "x", CreatedAt = DateTime.UtcNow });
                await db.SaveChangesAsync();
                await audit.RecordAsync(db, AuditActions.View, "Marker", marker + commit);
                if (commit)
                {
                    await transaction.CommitAsync();
                }
                else
                {
                    await transaction.RollbackAsync();
                }
                return true;
            });
        }

        await app.WithDbAsync(async db =>
        {
            Assert.False(await db.AuditEntries.AnyAsync(e => e.TargetId == marker + false));
            Assert.False(await db.Organisations.AnyAsync(o => o.Name == marker + false));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.TargetId == marker + true));
            Assert.True(await db.Organisations.AnyAsync(o => o.Name == marker + true));
        });
        // The committed transaction moved the checkpoint to its entries; the rolled-back one left no trace there.
        var newest = await app.WithScopeAsync(s => s.GetRequiredService<AriadneDbContext>().AuditEntries.MaxAsync(e => e.Sequence));
        Assert.Equal(newest, app.Services.GetRequiredService<AuditCheckpoint>().Read().Head?.Sequence);
        Assert.Equal(0, await RunVerifyAsync(app, new StringWriter()));
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
