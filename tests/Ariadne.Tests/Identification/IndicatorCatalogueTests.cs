using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Screenings;
using Ariadne.Web.Security;

namespace Ariadne.Tests.Identification;

/// <summary>
/// The indicator catalogue served by the API is the domain catalogue's (§2), id for id, and a screening is
/// always shown in the catalogue version it was made with.
/// </summary>
public sealed partial class IndicatorCatalogueTests
{
    private const string SharedCatalogue = "shared/domain/requirements.md";
    private const string Snapshot = "docs/domain/requirements.md";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_api_serves_exactly_the_indicators_of_the_domain_catalogue(string database)
    {
        var expected = DomainIds(File.ReadAllText(DomainCatalogue()));
        Assert.True(expected.Count >= 100, $"only {expected.Count} indicator ids found in the domain catalogue");
        var app = await AriadneAppFactory.SharedAsync(database);
        using var client = await app.SignInAsAsync(Roles.FrontlineOfficer);

        var indicators = await client.GetFromJsonAsync<JsonElement>("/api/v1/indicators");
        var served = indicators.EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();

        Assert.Equal(served.Count, served.Distinct(StringComparer.Ordinal).Count());
        var missing = expected.Except(served, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var unknown = served.Except(expected, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Catalogue ids the API does not serve: " + string.Join(", ", missing));
        Assert.True(unknown.Count == 0, "API ids that are not in the domain catalogue: " + string.Join(", ", unknown));
    }

    [Fact]
    public void The_committed_snapshot_has_the_same_indicator_ids_as_the_shared_catalogue()
    {
        var shared = FindUp(SharedCatalogue);
        if (shared is null)
        {
            // Only the snapshot is at hand (e.g. a CI clone): there is nothing to compare it with.
            Assert.NotNull(FindUp(Snapshot));
            return;
        }
        var snapshot = FindUp(Snapshot);
        Assert.True(snapshot is not null, $"{Snapshot} is missing from the repository");

        var sharedIds = DomainIds(File.ReadAllText(shared));
        var snapshotIds = DomainIds(File.ReadAllText(snapshot));

        Assert.Equal(sharedIds.Order(StringComparer.Ordinal), snapshotIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_id_pattern_reads_table_rows_only()
    {
        var ids = DomainIds("""
            | GEN-01 | Signs that the person is being controlled |
            | BOR-NB | Caution |
            See GEN-02 in the text, not a row.
            | GEN-3 | one digit: not an id |
            | XYZ-01 | unknown category |
            |TRF-01| no spaces |
            """);

        Assert.Equal(new[] { "BOR-NB", "GEN-01" }, ids.Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_screening_keeps_the_wording_of_its_catalogue_version_when_a_new_one_is_published(string database)
    {
        const string newLabel = "Signs that someone else controls the person (wording of version 2)";
        var catalogue = CopyOfBuiltCatalogue();
        try
        {
            var v1 = JsonNode.Parse(File.ReadAllText(Path.Combine(catalogue, "indicators", "v1.json")))!;
            var oldLabel = v1["indicators"]!.AsArray().Single(i => (string?)i!["id"] == "GEN-01")!["label"]!.GetValue<string>();
            Assert.NotEqual(newLabel, oldLabel);
            var v2 = v1.DeepClone();
            v2["version"] = "2";
            v2["indicators"]!.AsArray().Single(i => (string?)i!["id"] == "GEN-01")!["label"] = newLabel;
            File.WriteAllText(Path.Combine(catalogue, "indicators", "v2.json"), v2.ToJsonString());

            await using var app = await AriadneAppFactory.IsolatedAsync(database,
                new Dictionary<string, string?> { ["Catalogue:Directory"] = catalogue });
            var organisation = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
            var officer = await app.CreateUserAsync(organisation, Roles.FrontlineOfficer);
            var old = new Screening
            {
                OrganisationId = organisation.Id,
                OfficerUserId = officer.Id,
                OfficerName = "Officer of last year",
                CatalogueVersion = "1",
                CreatedAt = DateTime.UtcNow.AddDays(-300),
                UpdatedAt = DateTime.UtcNow.AddDays(-300),
                Status = ScreeningStatus.Completed,
            };
            old.Indicators.Add(new ScreeningIndicator { ScreeningId = old.Id, IndicatorId = "GEN-01" });
            await app.WithDbAsync(async db =>
            {
                db.Screenings.Add(old);
                await db.SaveChangesAsync();
            });
            using var client = await app.SignInAsync(officer);

            var shown = await client.GetFromJsonAsync<JsonElement>($"/api/v1/screenings/{old.Id}");
            Assert.Equal("1", shown.GetProperty("catalogueVersion").GetString());
            var ticked = Assert.Single(shown.GetProperty("indicators").EnumerateArray());
            Assert.Equal("GEN-01", ticked.GetProperty("id").GetString());
            Assert.Equal(oldLabel, ticked.GetProperty("label").GetString());

            var current = await client.GetFromJsonAsync<JsonElement>("/api/v1/indicators");
            var gen01 = current.EnumerateArray().Single(i => i.GetProperty("id").GetString() == "GEN-01");
            Assert.Equal(newLabel, gen01.GetProperty("label").GetString());
            Assert.Equal("2", gen01.GetProperty("version").GetString());
            var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/indicators?version=1");
            Assert.Equal(oldLabel, first.EnumerateArray().Single(i => i.GetProperty("id").GetString() == "GEN-01").GetProperty("label").GetString());
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/indicators?version=3")).StatusCode);

            var created = await client.PostAsJsonAsync("/api/v1/screenings", new { indicators = new[] { new { id = "GEN-01" } } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var fresh = await created.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("2", fresh.GetProperty("catalogueVersion").GetString());
            Assert.Equal(newLabel, Assert.Single(fresh.GetProperty("indicators").EnumerateArray()).GetProperty("label").GetString());

            // Editing the old screening keeps it on its own version.
            var edited = await client.PutAsJsonAsync($"/api/v1/screenings/{old.Id}",
                new { place = "Harbour", indicators = new[] { new { id = "GEN-01", note = "seen again" } } });
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
            var after = await edited.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("1", after.GetProperty("catalogueVersion").GetString());
            Assert.Equal(oldLabel, Assert.Single(after.GetProperty("indicators").EnumerateArray()).GetProperty("label").GetString());
        }
        finally
        {
            Directory.Delete(catalogue, recursive: true);
        }
    }

    /// <summary>
    /// The shared domain catalogue next to the clone (found by walking up from the test binaries), or else the
    /// snapshot committed in the repository.
    /// </summary>
    private static string DomainCatalogue() =>
        FindUp(SharedCatalogue) ?? FindUp(Snapshot)
        ?? throw new FileNotFoundException($"Neither {SharedCatalogue} nor {Snapshot} was found above {AppContext.BaseDirectory}");

    private static string? FindUp(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static HashSet<string> DomainIds(string markdown) =>
        IndicatorRow().Matches(markdown).Select(m => $"{m.Groups[1].Value}-{m.Groups[2].Value}").ToHashSet(StringComparer.Ordinal);

    private static string CopyOfBuiltCatalogue()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Catalogue");
        Assert.True(File.Exists(Path.Combine(source, "indicators", "v1.json")), $"no built catalogue at {source}");
        var target = Path.Combine(Path.GetTempPath(), "ariadne-catalogue-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }

    [GeneratedRegex(@"^\| (GEN|SEX|LAB|DOM|BOR|SIG|CTE|CTL|CHS|TRF)-(\d\d|NB) \|", RegexOptions.Multiline)]
    private static partial Regex IndicatorRow();
}
