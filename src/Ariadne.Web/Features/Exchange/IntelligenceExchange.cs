using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ariadne.Web.Features.Intelligence;

namespace Ariadne.Web.Features.Exchange;

public enum IntelligenceFormat
{
    /// <summary>FollowTheMoney entities as JSON lines, for Aleph.</summary>
    FollowTheMoney,
    /// <summary>MISP events (core format) with objects and attributes.</summary>
    Misp,
}

/// <summary>Reports to export to one named recipient, and why (the originator sees it).</summary>
public sealed record IntelligenceExportRequest(IReadOnlyList<Guid>? ReportIds, Guid? RecipientOrganisationId, string? Reason);

/// <summary>A report left out of an export, and why (usually: refer to the originator).</summary>
public sealed record WithheldReport(Guid ReportId, string Reason);

/// <summary>A report going out, with the handling code it goes under and the originator's conditions.</summary>
public sealed record ExportedReport(ReportResponse Report, DisseminationSent Sent);

public sealed record IntelligenceExportResult(IReadOnlyList<ExportedReport> Reports, IReadOnlyList<WithheldReport> Withheld,
    IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>
/// Exports intelligence reports for Aleph (FollowTheMoney) and MISP. Each report goes through <see cref="IntelligenceService.SendAsync"/>:
/// the same read permission, the same dissemination policy for the named recipient under the originator's handling code, and the
/// same logged dissemination event (who, to whom, code, report, why, and the format). A report that may not go is withheld with
/// the policy's reason; the export never carries it. The content comes from the export read, which the originator's access log
/// shows as well.
/// </summary>
public sealed class IntelligenceExchange(IntelligenceService intelligence)
{
    public const int MaxReports = 100;

    public async Task<IntelligenceExportResult> ExportAsync(ClaimsPrincipal user, IntelligenceFormat format, IntelligenceExportRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var ids = request.ReportIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0)
        {
            errors["reportIds"] = ["Choose at least one report."];
        }
        else if (ids.Count > MaxReports)
        {
            errors["reportIds"] = [$"At most {MaxReports} reports in one export."];
        }
        if (request.RecipientOrganisationId is null)
        {
            errors["recipientOrganisationId"] = ["Name the organisation that receives the export: the handling code is decided for it."];
        }
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["Say why it goes to them: the originator sees it."];
        }
        if (errors.Count > 0)
        {
            return new IntelligenceExportResult([], [], errors);
        }
        var channel = format == IntelligenceFormat.Misp ? "MISP export" : "FollowTheMoney (Aleph) export";
        var exported = new List<ExportedReport>();
        var withheld = new List<WithheldReport>();
        foreach (var id in ids)
        {
            var sent = await intelligence.SendAsync(user, id, new SendRequest(request.RecipientOrganisationId, request.Reason), channel);
            if (sent.Error is { Fields: { } fields })
            {
                // The recipient or reason is wrong for every report alike.
                return new IntelligenceExportResult([], [], fields);
            }
            if (sent.Error is { } error)
            {
                withheld.Add(new WithheldReport(id, error.Message));
                continue;
            }
            var read = await intelligence.OpenAsync(user, id, IntelligenceAuditActions.Export);
            if (read.Value is null)
            {
                withheld.Add(new WithheldReport(id, read.Error?.Message ?? IntelligenceError.NotFound.Message));
                continue;
            }
            exported.Add(new ExportedReport(read.Value, sent.Value!));
        }
        return new IntelligenceExportResult(exported, withheld);
    }
}

/// <summary>
/// FollowTheMoney entities of reports (schemata as published in followthemoney's <c>schema/*.yaml</c>): Person and Company for the
/// persons and businesses, Address, Vehicle, Passport or Identification, BankAccount, UserAccount for a messaging handle; phones and
/// e-mails are FtM property types, not schemata, so they sit on the party of the report (or on a UserAccount when it names none).
/// Links: Associate between two people, UnknownLink between other parties, Ownership of a vehicle or account. Every value is a list
/// of strings; every entity names the report's dataset, and every thing (not the links and documents, which are intervals and have
/// no notes) carries the handling code it went under in its notes.
/// </summary>
public static class FollowTheMoney
{
    public static IEnumerable<JsonObject> Entities(ExportedReport exported)
    {
        var report = exported.Report;
        var dataset = "ariadne_" + report.Reference.ToLowerInvariant().Replace('-', '_');
        var handling = $"Ariadne intelligence report {report.Reference}; handling: {exported.Sent.Handling}" +
                       (exported.Sent.Conditions is { } c ? $"; conditions: {c}" : "");
        var entities = new List<JsonObject>();
        JsonObject Entity(string schema, string id, Dictionary<string, List<string>> properties, bool notes = true)
        {
            if (notes)
            {
                properties["notes"] = [handling];
            }
            var props = new JsonObject();
            foreach (var (name, values) in properties.Where(p => p.Value.Count > 0))
            {
                props[name] = new JsonArray(values.Distinct(StringComparer.Ordinal).Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
            }
            var entity = new JsonObject { ["id"] = id, ["schema"] = schema, ["properties"] = props, ["datasets"] = new JsonArray(dataset) };
            entities.Add(entity);
            return entity;
        }
        static string Id(Guid item) => "ariadne-" + item.ToString("N");
        static string LinkId(params string[] parts) =>
            "ariadne-link-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts))))[..32];
        static List<string> Country(string? c) => c is { Length: 2 } ? [c.ToLowerInvariant()] : [];

        var parties = report.Items.Where(i => i.Kind == nameof(IntelligenceItemKind.Person) && Names(i).Count > 0).ToList();
        var main = parties.FirstOrDefault(p => p.Role == "suspect") ?? parties.FirstOrDefault();
        var partyProps = new Dictionary<Guid, Dictionary<string, List<string>>>();
        foreach (var p in parties)
        {
            var business = string.Equals(p.SubKind, "business", StringComparison.OrdinalIgnoreCase);
            var props = new Dictionary<string, List<string>> { ["name"] = [Names(p)[0]], ["alias"] = Names(p).Skip(1).ToList(), ["country"] = Country(p.Country), ["phone"] = [], ["email"] = [] };
            if (!business)
            {
                props["nationality"] = Country(p.Country);
                props["birthDate"] = Detail(p, "dateOfBirth") is { } born ? [born] : [];
                props["gender"] = Detail(p, "gender") is { } g && g.ToLowerInvariant() is "male" or "female" or "other" ? [g.ToLowerInvariant()] : [];
            }
            else
            {
                props["registrationNumber"] = Detail(p, "registration") is { } r ? [r] : [];
            }
            partyProps[p.Id] = props;
        }
        var unattached = new List<ItemResponse>();
        foreach (var item in report.Items.Where(i => !string.IsNullOrWhiteSpace(i.Value)))
        {
            var value = item.Value!;
            switch (Enum.Parse<IntelligenceItemKind>(item.Kind))
            {
                case IntelligenceItemKind.Communication:
                    var sub = item.SubKind?.ToLowerInvariant();
                    if (sub is "phone" or "email" && main is not null)
                    {
                        partyProps[main.Id][sub].Add(value);
                    }
                    else
                    {
                        unattached.Add(item);
                    }
                    break;
                case IntelligenceItemKind.Person:
                case IntelligenceItemKind.Address:
                case IntelligenceItemKind.Location:
                case IntelligenceItemKind.Vehicle:
                case IntelligenceItemKind.Document:
                case IntelligenceItemKind.Financial:
                case IntelligenceItemKind.Route:
                    break;
            }
        }
        foreach (var p in parties)
        {
            var schema = string.Equals(p.SubKind, "business", StringComparison.OrdinalIgnoreCase) ? "Company" : "Person";
            Entity(schema, Id(p.Id), partyProps[p.Id]);
        }
        foreach (var item in report.Items.Where(i => !string.IsNullOrWhiteSpace(i.Value) || parties.Contains(i)))
        {
            var value = item.Value ?? "";
            switch (Enum.Parse<IntelligenceItemKind>(item.Kind))
            {
                case IntelligenceItemKind.Address:
                case IntelligenceItemKind.Location:
                    Entity("Address", Id(item.Id), new() { ["full"] = [value], ["country"] = Country(item.Country) });
                    if (main is not null)
                    {
                        Entity("UnknownLink", LinkId(Id(main.Id), Id(item.Id)), new()
                        {
                            ["subject"] = [Id(main.Id)], ["object"] = [Id(item.Id)], ["role"] = [item.Role ?? "address"],
                        }, notes: false);
                    }
                    break;
                case IntelligenceItemKind.Vehicle:
                    Entity("Vehicle", Id(item.Id), new()
                    {
                        ["name"] = [value], ["registrationNumber"] = [value], ["country"] = Country(item.Country),
                        ["model"] = new[] { Detail(item, "make"), Detail(item, "model") }.OfType<string>().ToList() is { Count: > 0 } m
                            ? [string.Join(' ', m)]
                            : [],
                    });
                    if (main is not null)
                    {
                        Entity("Ownership", LinkId(Id(main.Id), Id(item.Id)), new() { ["owner"] = [Id(main.Id)], ["asset"] = [Id(item.Id)] }, notes: false);
                    }
                    break;
                case IntelligenceItemKind.Financial:
                    var iban = string.Equals(item.SubKind, "iban", StringComparison.OrdinalIgnoreCase);
                    Entity("BankAccount", Id(item.Id), new()
                    {
                        [iban ? "iban" : "accountNumber"] = [value], ["country"] = Country(item.Country),
                    });
                    if (main is not null)
                    {
                        Entity("Ownership", LinkId(Id(main.Id), Id(item.Id)), new() { ["owner"] = [Id(main.Id)], ["asset"] = [Id(item.Id)] }, notes: false);
                    }
                    break;
                case IntelligenceItemKind.Document:
                    var holder = parties.FirstOrDefault(p => p.Role == item.Role && p.SubKind != "business") ?? main;
                    var passport = string.Equals(item.SubKind, "passport", StringComparison.OrdinalIgnoreCase);
                    if (holder is null)
                    {
                        // Identification needs a holder; with nobody named, the holder is an unnamed person known by the document.
                        Entity("Person", Id(Guid.CreateVersion7()), new() { ["name"] = [$"Holder of {item.SubKind ?? "document"} {value}"] });
                        var holderId = entities[^1]["id"]!.GetValue<string>();
                        Entity(passport ? "Passport" : "Identification", Id(item.Id), new()
                        {
                            ["holder"] = [holderId], ["number"] = [value], ["country"] = Country(item.Country), ["type"] = [item.SubKind ?? "document"],
                        }, notes: false);
                        break;
                    }
                    Entity(passport ? "Passport" : "Identification", Id(item.Id), new()
                    {
                        ["holder"] = [Id(holder.Id)], ["number"] = [value], ["country"] = Country(item.Country), ["type"] = [item.SubKind ?? "document"],
                    }, notes: false);
                    break;
                case IntelligenceItemKind.Person:
                    if (main is not null && item.Id != main.Id && parties.Contains(item))
                    {
                        var bothPeople = !string.Equals(item.SubKind, "business", StringComparison.OrdinalIgnoreCase)
                                         && !string.Equals(main.SubKind, "business", StringComparison.OrdinalIgnoreCase);
                        if (bothPeople)
                        {
                            Entity("Associate", LinkId(Id(main.Id), Id(item.Id)), new()
                            {
                                ["person"] = [Id(main.Id)], ["associate"] = [Id(item.Id)], ["relationship"] = [item.Role ?? "named in the same report"],
                            }, notes: false);
                        }
                        else
                        {
                            Entity("UnknownLink", LinkId(Id(main.Id), Id(item.Id)), new()
                            {
                                ["subject"] = [Id(main.Id)], ["object"] = [Id(item.Id)], ["role"] = [item.Role ?? "named in the same report"],
                            }, notes: false);
                        }
                    }
                    break;
                case IntelligenceItemKind.Communication:
                    if (unattached.Contains(item))
                    {
                        var sub = item.SubKind?.ToLowerInvariant() ?? "account";
                        var props = new Dictionary<string, List<string>> { ["username"] = [value], ["service"] = [sub] };
                        if (sub is "phone" or "email")
                        {
                            props[sub] = [value];
                        }
                        if (main is not null)
                        {
                            props["owner"] = [Id(main.Id)];
                        }
                        Entity("UserAccount", Id(item.Id), props);
                    }
                    break;
                case IntelligenceItemKind.Route:
                    // A route leg is a movement, not a party or asset: it stays in the report.
                    break;
            }
        }
        return entities;
    }

    /// <summary>The schemata this export writes (all concrete FtM schemata).</summary>
    public static readonly IReadOnlyList<string> Schemata =
        ["Person", "Company", "Address", "Vehicle", "Passport", "Identification", "BankAccount", "UserAccount", "Associate", "UnknownLink", "Ownership"];

    private static string? Detail(ItemResponse item, string name) =>
        item.Details is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!.Trim()
            : null;

    internal static string? DetailOf(ItemResponse item, string name) => Detail(item, name);

    /// <summary>A party's names: the value as entered, then the names of its details (a frontline report gives names only there).</summary>
    internal static List<string> Names(ItemResponse item)
    {
        var names = new List<string>();
        if (!string.IsNullOrWhiteSpace(item.Value))
        {
            names.Add(item.Value.Trim());
        }
        if (item.Details is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("names", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            names.AddRange(list.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(n.GetString()))
                .Select(n => n.GetString()!.Trim()));
        }
        return names.Distinct(StringComparer.Ordinal).ToList();
    }
}

/// <summary>
/// MISP events in the MISP core format (draft-dulaunoy-misp-core-format): one event per report, with objects from the public
/// object templates (person, phone, bank-account, vehicle) and attributes for what has no template here (e-mail, address,
/// handles, businesses, documents without a holder). The handling code travels: distribution 0 (the receiving organisation only:
/// onward sharing is the originator's decision, never MISP's) and tags — <c>ariadne:handling="…"</c> with the code,
/// <c>ariadne:conditions</c> when the originator set conditions, and <c>tlp:red</c> because every code restricts onward sharing.
/// </summary>
public static class MispEvents
{
    public sealed record Template(string Name, string Uuid, int Version, string MetaCategory);

    public static readonly Template Person = new("person", "a15b0477-e9d1-4b9c-9546-abe78a4f4248", 8, "misc");
    public static readonly Template Phone = new("phone", "d7e4fbdd-b551-4862-bddb-a0b470a38509", 5, "misc");
    public static readonly Template BankAccount = new("bank-account", "b4712203-95a8-4883-80e9-b566f5df11c9", 1, "financial");
    public static readonly Template Vehicle = new("vehicle", "683c076c-f695-4ff2-8efa-e98a418049f4", 5, "misc");

    /// <summary>Distribution 0: "your organisation only", the organisation that receives the event.</summary>
    public const string Distribution = "0";
    /// <summary>Attributes and objects inherit the event's distribution (5).</summary>
    public const string Inherit = "5";

    public static JsonObject Event(ExportedReport exported, string originatorName, string recipientName)
    {
        var report = exported.Report;
        var attributes = new JsonArray();
        var objects = new JsonArray();
        var date = (report.SubmittedAt ?? report.CreatedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var timestamp = new DateTimeOffset(DateTime.SpecifyKind(report.SubmittedAt ?? report.CreatedAt, DateTimeKind.Utc)).ToUnixTimeSeconds()
            .ToString(CultureInfo.InvariantCulture);

        JsonObject Attribute(string type, string category, string value, string? relation = null, string? comment = null, Guid? id = null)
        {
            var a = new JsonObject
            {
                ["uuid"] = (id ?? Guid.NewGuid()).ToString(), ["type"] = type, ["category"] = category, ["value"] = value,
                ["to_ids"] = false, ["distribution"] = Inherit, ["timestamp"] = timestamp, ["comment"] = comment ?? "",
            };
            if (relation is not null)
            {
                a["object_relation"] = relation;
            }
            return a;
        }
        void Object(Template template, Guid id, string? comment, params (string Relation, string Type, string Category, string? Value)[] values)
        {
            var list = new JsonArray(values.Where(v => !string.IsNullOrWhiteSpace(v.Value))
                .Select(v => (JsonNode)Attribute(v.Type, v.Category, v.Value!, v.Relation)).ToArray());
            objects.Add(new JsonObject
            {
                ["uuid"] = id.ToString(), ["name"] = template.Name, ["meta-category"] = template.MetaCategory, ["template_uuid"] = template.Uuid,
                ["template_version"] = template.Version.ToString(CultureInfo.InvariantCulture), ["distribution"] = Inherit,
                ["timestamp"] = timestamp, ["comment"] = comment ?? "", ["Attribute"] = list,
            });
        }

        var people = report.Items.Where(i => i.Kind == nameof(IntelligenceItemKind.Person) && FollowTheMoney.Names(i).Count > 0
                                             && !string.Equals(i.SubKind, "business", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var item in report.Items.Where(i => !string.IsNullOrWhiteSpace(i.Value) || people.Contains(i)))
        {
            var value = item.Value ?? "";
            switch (Enum.Parse<IntelligenceItemKind>(item.Kind))
            {
                case IntelligenceItemKind.Person when people.Contains(item):
                    var documents = report.Items.Where(d => d.Kind == nameof(IntelligenceItemKind.Document) && d.Role == item.Role
                                                            && string.Equals(d.SubKind, "passport", StringComparison.OrdinalIgnoreCase)
                                                            && people.First(p => p.Role == item.Role) == item).ToList();
                    Object(Person, item.Id, null,
                        [
                            .. FollowTheMoney.Names(item).Select(n => ("alias", "text", "Person", (string?)n)),
                            ("date-of-birth", "date-of-birth", "Person", FollowTheMoney.DetailOf(item, "dateOfBirth")),
                            ("gender", "gender", "Person", Gender(FollowTheMoney.DetailOf(item, "gender"))),
                            ("nationality", "nationality", "Person", item.Country),
                            ("role", "text", "Person", Role(item.Role)),
                            .. documents.SelectMany(d => new[]
                            {
                                ("passport-number", "passport-number", "Person", d.Value),
                                ("passport-country", "passport-country", "Person", d.Country),
                            }),
                        ]);
                    break;
                case IntelligenceItemKind.Person:
                    attributes.Add(Attribute("text", "Attribution", value, comment: $"business ({item.Role ?? "role not stated"})", id: item.Id));
                    break;
                case IntelligenceItemKind.Communication when string.Equals(item.SubKind, "phone", StringComparison.OrdinalIgnoreCase):
                    Object(Phone, item.Id, item.Role, ("msisdn", "text", "Other", value));
                    break;
                case IntelligenceItemKind.Communication when string.Equals(item.SubKind, "email", StringComparison.OrdinalIgnoreCase):
                    attributes.Add(Attribute("email-src", "Social network", value, comment: item.Role, id: item.Id));
                    break;
                case IntelligenceItemKind.Communication:
                    attributes.Add(Attribute("text", "Social network", value, comment: item.SubKind ?? "handle", id: item.Id));
                    break;
                case IntelligenceItemKind.Financial:
                    var iban = string.Equals(item.SubKind, "iban", StringComparison.OrdinalIgnoreCase);
                    Object(BankAccount, item.Id, item.Role, iban ? ("iban", "iban", "Financial fraud", value) : ("account", "bank-account-nr", "Financial fraud", value));
                    break;
                case IntelligenceItemKind.Vehicle:
                    Object(Vehicle, item.Id, item.Country is { } c ? "registered in " + c : null,
                        ("license-plate-number", "text", "Other", value),
                        ("make", "text", "Other", FollowTheMoney.DetailOf(item, "make")),
                        ("model", "text", "Other", FollowTheMoney.DetailOf(item, "model")),
                        ("exterior-color", "text", "Other", FollowTheMoney.DetailOf(item, "colour")));
                    break;
                case IntelligenceItemKind.Document when string.Equals(item.SubKind, "passport", StringComparison.OrdinalIgnoreCase)
                                                          && people.Any(p => p.Role == item.Role):
                    break;
                case IntelligenceItemKind.Document when string.Equals(item.SubKind, "passport", StringComparison.OrdinalIgnoreCase):
                    attributes.Add(Attribute("passport-number", "Person", value, comment: item.Country, id: item.Id));
                    break;
                case IntelligenceItemKind.Document:
                    attributes.Add(Attribute("identity-card-number", "Person", value, comment: item.SubKind, id: item.Id));
                    break;
                case IntelligenceItemKind.Address:
                case IntelligenceItemKind.Location:
                    attributes.Add(Attribute("text", "Other", value, comment: $"{item.Kind.ToLowerInvariant()} ({item.Role ?? "role not stated"})", id: item.Id));
                    break;
                case IntelligenceItemKind.Route:
                    attributes.Add(Attribute("text", "Other", value, comment: "route", id: item.Id));
                    break;
            }
        }
        var tags = new JsonArray(
            new JsonObject { ["name"] = "tlp:red" },
            new JsonObject { ["name"] = $"ariadne:handling=\"{exported.Sent.Handling}\"" },
            new JsonObject { ["name"] = $"ariadne:recipient=\"{recipientName}\"" });
        if (exported.Sent.Conditions is { } conditions)
        {
            tags.Add(new JsonObject { ["name"] = $"ariadne:conditions=\"{conditions}\"" });
        }
        return new JsonObject
        {
            ["Event"] = new JsonObject
            {
                ["uuid"] = report.Id.ToString(), ["info"] = $"Ariadne intelligence report {report.Reference}", ["date"] = date,
                ["timestamp"] = timestamp, ["threat_level_id"] = "4", ["analysis"] = "2", ["distribution"] = Distribution,
                ["published"] = false, ["Orgc"] = new JsonObject { ["name"] = originatorName },
                ["Tag"] = tags, ["Attribute"] = attributes, ["Object"] = objects,
            },
        };
    }

    private static string? Gender(string? gender) => gender?.ToLowerInvariant() switch
    {
        "male" => "Male",
        "female" => "Female",
        null => null,
        _ => "Other",
    };

    private static string? Role(string? role) => role switch
    {
        "suspect" => "Suspect",
        "victim" => "Victim",
        "witness" => "Witness",
        _ => null,
    };
}
