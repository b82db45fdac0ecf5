using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ariadne.Tests.Cases;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Exchange;

namespace Ariadne.Tests.Exchange;

/// <summary>
/// Issue 13 item 4: an HTCDS 2.0 export validates against the standard's field list (names and picklist values, read from the TSV
/// here); it is de-personalised by default, and carries a person only for a role that may, with that person's consent to the
/// recipient, a reason, and an audit entry.
/// </summary>
public sealed class HtcdsExportTests
{
    private static readonly string[] PersonFields = ["prs_FirstName", "prs_SecondName", "prs_Birthdate", "prs_Citizenship", "prs_PrimaryLanguage",
        "vic_AgeWhenTrafficked"];

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_export_uses_the_standards_names_and_picklist_values_and_carries_a_person_only_with_consent(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var consented = await world.OpenAdultCaseAsync();
        await world.OpenAdultCaseAsync();
        await world.OpenSuspectCaseAsync();
        var consent = await world.Unit.Client.PostAsJsonAsync($"/api/v1/cases/{consented.Id}/consents", new
        {
            purpose = "PersonalData", recipientOrganisationId = world.Prosecution.Organisation.Id, documentVersion = "IS-en-1",
            rolesExplained = true, explainedToPerson = true,
        });
        Assert.True(consent.IsSuccessStatusCode, await consent.Content.ReadAsStringAsync());
        var fields = Standards.HtcdsFields();

        // The coordinator's de-personalised CSV: every column is a field of the standard or an ext_ extension, every picklist value is listed.
        var csv = await world.Coordinator.Client.PostAsJsonAsync("/api/v1/exchange/htcds", new { format = "csv" });
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var table = ParseCsv(await csv.Content.ReadAsStringAsync());
        AssertValid(fields, table);
        Assert.True(table.Count >= 3, $"{table.Count} records");
        Assert.All(table, row => Assert.All(PersonFields, f => Assert.True(string.IsNullOrEmpty(row.GetValueOrDefault(f)), $"{f} in a de-personalised export")));
        Assert.Contains(table, r => r["ext_SuspectedOfOffence"] == "true");

        // The owning unit's personal JSON to the prosecution: only the consented person is in it.
        var before = await app.AuditCountAsync(ExchangeAuditActions.HtcdsExport);
        var json = await world.Unit.Client.PostAsJsonAsync("/api/v1/exchange/htcds", new
        {
            format = "json", personalData = true, recipientOrganisationId = world.Prosecution.Organisation.Id, reason = "Prosecution file",
        });
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var records = (await json.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => (string?)p.Value.GetString())).ToList();
        AssertValid(fields, records);
        Assert.Equal(3, records.Count);
        var person = Assert.Single(records, r => r.ContainsKey("prs_SecondName"));
        Assert.Equal(consented.PersonName, string.Join(' ', new[] { person.GetValueOrDefault("prs_FirstName"), person["prs_SecondName"] }.OfType<string>()));
        Assert.Equal("true", person["con_Consent"]);
        Assert.Equal(before + 1, await app.AuditCountAsync(ExchangeAuditActions.HtcdsExport));

        // No person for the coordinator, none without a reason or a recipient; a readable 400 each time.
        await ProblemAssert.IsProblemAsync(await world.Coordinator.Client.PostAsJsonAsync("/api/v1/exchange/htcds", new
        {
            personalData = true, recipientOrganisationId = world.Prosecution.Organisation.Id, reason = "x",
        }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await world.Unit.Client.PostAsJsonAsync("/api/v1/exchange/htcds", new
        {
            personalData = true, recipientOrganisationId = world.Prosecution.Organisation.Id,
        }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await world.Unit.Client.PostAsJsonAsync("/api/v1/exchange/htcds", new { format = "xml" }),
            HttpStatusCode.BadRequest);
        // A support worker exports no case records.
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Support.Client.PostAsJsonAsync("/api/v1/exchange/htcds", new { })).StatusCode);
    }

    private static void AssertValid(Dictionary<string, Standards.HtcdsField> fields, List<Dictionary<string, string?>> records)
    {
        foreach (var record in records)
        {
            foreach (var (name, value) in record)
            {
                if (name.StartsWith("ext_", StringComparison.Ordinal))
                {
                    continue;
                }
                Assert.True(fields.TryGetValue(name, out var field), $"{name} is not a field of HTCDS 2.0");
                if (field.Picklist is { } picklist && !string.IsNullOrEmpty(value))
                {
                    var values = field.Type.StartsWith("Multiselect", StringComparison.Ordinal) ? value.Split(';') : [value];
                    Assert.All(values, v => Assert.True(picklist.Contains(v), $"{name} = \"{v}\" is not in the standard's picklist"));
                }
            }
        }
    }

    /// <summary>RFC 4180, small: the header names the cells of each row.</summary>
    private static List<Dictionary<string, string?>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }
        var header = rows[0];
        return rows.Skip(1).Select(r => header.Select((h, i) => (h, v: i < r.Count ? r[i] : null))
            .ToDictionary(x => x.h, x => x.v)).ToList();
    }
}
