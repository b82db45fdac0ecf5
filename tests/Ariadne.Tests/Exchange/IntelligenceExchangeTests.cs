using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Tests.Intelligence;
using Ariadne.Web.Features.Intelligence;

namespace Ariadne.Tests.Exchange;

/// <summary>
/// Issue 13 item 6: FollowTheMoney and MISP exports parse against the formats' published structure (written out here from the FtM
/// schemata and the MISP core format, as no schema files ship with the repository), carry no report the exporter could not
/// disseminate to the named recipient, and every export is a logged dissemination event.
/// </summary>
public sealed class IntelligenceExchangeTests
{
    // FtM (followthemoney/schema/*.yaml): the schemata this export may write, with their required properties and the properties
    // it may set; every property value is a list of strings; entity references point at ids in the same export.
    private static readonly Dictionary<string, (string[] Required, string[] Allowed, string[] References)> FtmSchemata = new()
    {
        ["Person"] = (["name"], ["name", "alias", "country", "nationality", "birthDate", "gender", "phone", "email", "notes"], []),
        ["Company"] = (["name"], ["name", "alias", "country", "registrationNumber", "phone", "email", "notes"], []),
        ["Address"] = (["full"], ["full", "country", "notes"], []),
        ["Vehicle"] = (["name"], ["name", "registrationNumber", "model", "country", "notes"], []),
        ["BankAccount"] = ([], ["iban", "accountNumber", "country", "notes"], []),
        ["UserAccount"] = (["username"], ["username", "service", "phone", "email", "owner", "notes"], ["owner"]),
        ["Passport"] = (["holder", "number"], ["holder", "number", "country", "type"], ["holder"]),
        ["Identification"] = (["holder", "number"], ["holder", "number", "country", "type"], ["holder"]),
        ["Associate"] = (["person", "associate"], ["person", "associate", "relationship"], ["person", "associate"]),
        ["UnknownLink"] = (["subject", "object"], ["subject", "object", "role"], ["subject", "object"]),
        ["Ownership"] = (["owner", "asset"], ["owner", "asset"], ["owner", "asset"]),
    };

    // MISP core format: event keys and types, attribute keys; object templates (misp-objects) with their relations.
    private static readonly string[] EventKeys = ["uuid", "info", "date", "threat_level_id", "analysis", "distribution", "timestamp", "Attribute", "Object", "Tag"];
    private static readonly string[] AttributeKeys = ["uuid", "type", "category", "value", "to_ids", "distribution"];
    private static readonly HashSet<string> Categories = ["Internal reference", "Targeting data", "Antivirus detection", "Payload delivery",
        "Artifacts dropped", "Payload installation", "Persistence mechanism", "Network activity", "Payload type", "Attribution",
        "External analysis", "Financial fraud", "Support Tool", "Social network", "Person", "Other"];
    private static readonly HashSet<string> AttributeTypes = ["text", "date-of-birth", "gender", "nationality", "passport-number", "passport-country",
        "email-src", "iban", "bank-account-nr", "identity-card-number", "phone-number"];
    private static readonly Dictionary<string, string[]> Templates = new()
    {
        ["person"] = ["alias", "first-name", "last-name", "date-of-birth", "gender", "nationality", "role", "passport-number", "passport-country", "phone-number", "e-mail", "text"],
        ["phone"] = ["msisdn", "imei", "imsi", "text"],
        ["bank-account"] = ["iban", "account", "swift", "institution-name", "text"],
        ["vehicle"] = ["license-plate-number", "make", "model", "exterior-color", "description", "vin"],
    };

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Exports_carry_only_what_may_go_to_the_recipient_and_parse_as_ftm_and_misp(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await IntelligenceWorld.CreateAsync(app);
        var reports = new Dictionary<FiveFiveFiveHandling, Guid>();
        foreach (var code in Enum.GetValues<FiveFiveFiveHandling>())
        {
            reports[code] = (await world.SubmitAsync(code)).GetProperty("id").GetGuid();
        }
        // Written out independently of the policy: a unit of the originator's own force reads codes 1–4 and exports to German police
        // (EU law enforcement): code 1 (law enforcement anywhere) and code 3 (law enforcement in the EU) go; 2 (non-prosecuting at
        // home) and 4 (own agency), which the exporter itself may read, do not; nor does 5 (nobody).
        var mayGo = new[] { reports[FiveFiveFiveHandling.NonEuLawEnforcementWithoutAdequateSafeguards], reports[FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu] };
        var request = new { reportIds = reports.Values.ToArray(), recipientOrganisationId = world.EuPolice.Organisation.Id, reason = "Joint operation" };

        var before = await app.AuditCountAsync(IntelligenceAuditActions.Send);
        var ftm = await world.SameForce.Client.PostAsJsonAsync("/api/v1/exchange/intelligence/ftm", request);
        Assert.True(ftm.StatusCode == HttpStatusCode.OK, await ftm.Content.ReadAsStringAsync());
        var lines = (await ftm.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var ids = lines.Select(e => e.GetProperty("id").GetString()!).ToHashSet();
        Assert.Equal(lines.Count, ids.Count);
        foreach (var entity in lines)
        {
            var schema = entity.GetProperty("schema").GetString()!;
            Assert.True(FtmSchemata.TryGetValue(schema, out var rules), $"{schema} is not a schema this export may write");
            var properties = entity.GetProperty("properties");
            foreach (var property in properties.EnumerateObject())
            {
                Assert.Contains(property.Name, rules.Allowed);
                Assert.Equal(JsonValueKind.Array, property.Value.ValueKind);
                Assert.All(property.Value.EnumerateArray(), v => Assert.Equal(JsonValueKind.String, v.ValueKind));
            }
            Assert.All(rules.Required, r => Assert.True(properties.TryGetProperty(r, out var v) && v.GetArrayLength() > 0, $"{schema} without {r}"));
            Assert.All(rules.References, r => Assert.All(properties.GetProperty(r).EnumerateArray(), v => Assert.Contains(v.GetString()!, ids)));
        }
        Assert.Contains(lines, e => e.GetProperty("schema").GetString() == "Vehicle");
        Assert.Contains(lines, e => e.GetProperty("schema").GetString() == "Ownership");
        // Only the reports that may go: each export's entities name their report's dataset.
        var datasets = lines.SelectMany(e => e.GetProperty("datasets").EnumerateArray().Select(d => d.GetString()!)).ToHashSet();
        var references = await ReferencesAsync(world, mayGo);
        Assert.Equal(references.Select(Dataset).Order(), datasets.Order());
        Assert.Equal(before + mayGo.Length, await app.AuditCountAsync(IntelligenceAuditActions.Send));
        var withheld = ftm.Headers.GetValues("X-Ariadne-Withheld").Single().Split(',').Select(Guid.Parse).ToHashSet();
        Assert.Equal(reports.Values.Except(mayGo).Order(), withheld.Order());

        var misp = await world.SameForce.Client.PostAsJsonAsync("/api/v1/exchange/intelligence/misp", request);
        Assert.True(misp.StatusCode == HttpStatusCode.OK, await misp.Content.ReadAsStringAsync());
        var events = (await misp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("response").EnumerateArray().Select(e => e.GetProperty("Event")).ToList();
        Assert.Equal(mayGo.Order(), events.Select(e => e.GetProperty("uuid").GetGuid()).Order());
        foreach (var e in events)
        {
            Assert.All(EventKeys, k => Assert.True(e.TryGetProperty(k, out _), $"event without {k}"));
            Assert.Equal("0", e.GetProperty("distribution").GetString());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", e.GetProperty("date").GetString()!);
            Assert.Contains(e.GetProperty("threat_level_id").GetString(), new[] { "1", "2", "3", "4" });
            var tags = e.GetProperty("Tag").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
            Assert.Contains(tags, t => t.StartsWith("ariadne:handling=\"5x5x5 ", StringComparison.Ordinal));
            var attributes = e.GetProperty("Attribute").EnumerateArray().ToList();
            var objects = e.GetProperty("Object").EnumerateArray().ToList();
            Assert.Contains(objects, o => o.GetProperty("name").GetString() == "vehicle");
            Assert.Contains(objects, o => o.GetProperty("name").GetString() == "phone");
            foreach (var o in objects)
            {
                var name = o.GetProperty("name").GetString()!;
                Assert.True(Templates.TryGetValue(name, out var relations), $"object {name} is not a template this export uses");
                Assert.Matches("^[0-9a-f-]{36}$", o.GetProperty("template_uuid").GetString()!);
                var inner = o.GetProperty("Attribute").EnumerateArray().ToList();
                Assert.NotEmpty(inner);
                Assert.All(inner, a => Assert.Contains(a.GetProperty("object_relation").GetString()!, relations));
                attributes.AddRange(inner);
            }
            foreach (var a in attributes)
            {
                Assert.All(AttributeKeys, k => Assert.True(a.TryGetProperty(k, out _), $"attribute without {k}"));
                Assert.Contains(a.GetProperty("type").GetString()!, AttributeTypes);
                Assert.Contains(a.GetProperty("category").GetString()!, Categories);
                Assert.Equal(JsonValueKind.String, a.GetProperty("value").ValueKind);
                Assert.True(Guid.TryParse(a.GetProperty("uuid").GetString(), out _));
            }
        }

        // Nothing that may go: a readable 409 naming why, and no export at all.
        var none = await world.SameForce.Client.PostAsJsonAsync("/api/v1/exchange/intelligence/misp", new
        {
            reportIds = new[] { reports[FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator] },
            recipientOrganisationId = world.EuPolice.Organisation.Id, reason = "Joint operation",
        });
        await ProblemAssert.IsProblemAsync(none, HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await world.SameForce.Client.PostAsJsonAsync("/api/v1/exchange/intelligence/ftm",
            new { reportIds = mayGo }), HttpStatusCode.BadRequest);
    }

    private static string Dataset(string reference) => "ariadne_" + reference.ToLowerInvariant().Replace('-', '_');

    private static async Task<List<string>> ReferencesAsync(IntelligenceWorld world, IEnumerable<Guid> ids)
    {
        var references = new List<string>();
        foreach (var id in ids)
        {
            references.Add((await world.Author.Client.GetFromJsonAsync<JsonElement>($"/api/v1/intelligence/{id}")).GetProperty("reference").GetString()!);
        }
        return references;
    }
}
