using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Exchange;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Tests.Exchange;

/// <summary>
/// Issue 13 item 5: a CTDC-format file imports as reference data, streamed, with progress; every bad row is reported by line and
/// column and a file with any bad row imports nothing; the figures of a clean file match counts made here from the file itself.
/// </summary>
public sealed class CtdcImportTests
{
    private const int Rows = 100_000;

    // The file is written here from the codebook text (Standards), not from Ariadne's CtdcCodebook.
    private sealed record Planted(long Line, string? Column);

    private static (string Csv, List<string[]> Data, List<Planted> Bad, string[] Header) Generate(int seed, bool plantBadRows)
    {
        var codebook = Standards.CtdcVariables();
        var header = codebook.Keys.Reverse().Append("ext_note").ToArray(); // any column order; ext_ columns are ignored
        var random = new Random(seed);
        string[] countries = ["ROU", "BGR", "NGA", "VNM", "UKR", "MDA", "PHL", ""];
        var data = new List<string[]>(Rows);
        var bad = new List<Planted>();
        var text = new StringBuilder(Rows * 110);
        text.Append(string.Join(',', header)).Append("\r\n");
        for (var i = 0; i < Rows; i++)
        {
            var line = i + 2L;
            var row = header.Select(column =>
            {
                if (column == "ext_note")
                {
                    return random.Next(50) == 0 ? "\"quoted, with a comma\"" : "";
                }
                var variable = codebook[column];
                if (variable.IsRange)
                {
                    return random.Next(20) == 0 ? "" : (2002 + random.Next(21)).ToString(CultureInfo.InvariantCulture);
                }
                if (variable.IsCountry)
                {
                    return countries[random.Next(countries.Length)];
                }
                var values = variable.Values.Where(v => v != "NULL").ToList();
                return random.Next(4) == 0 ? "" : values[random.Next(values.Count)];
            }).ToArray();
            if (plantBadRows && i % 2_857 == 1_000)
            {
                // A bad row of one of five kinds, spread through the file (35 of them).
                switch (bad.Count % 5)
                {
                    case 0:
                        row[Array.IndexOf(header, "gender")] = "Female";
                        bad.Add(new(line, "gender"));
                        break;
                    case 1:
                        row[Array.IndexOf(header, "ageBroad")] = "18-20";
                        bad.Add(new(line, "ageBroad"));
                        break;
                    case 2:
                        row[Array.IndexOf(header, "citizenship")] = "Romania";
                        bad.Add(new(line, "citizenship"));
                        break;
                    case 3:
                        row[Array.IndexOf(header, "isForcedLabour")] = "2";
                        bad.Add(new(line, "isForcedLabour"));
                        break;
                    default:
                        row = row.Take(row.Length - 3).ToArray();
                        bad.Add(new(line, null));
                        break;
                }
            }
            data.Add(row);
            text.Append(string.Join(',', row)).Append("\r\n");
        }
        return (text.ToString(), data, bad, header);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_file_with_bad_rows_reports_every_one_and_imports_nothing_and_a_clean_file_imports_with_matching_figures(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        using var coordinator = await app.SignInAsAsync(Roles.Coordinator);
        // A ceiling for a loaded shared machine, not a timing assertion: two passes over 100,000 rows.
        coordinator.Timeout = TimeSpan.FromMinutes(10);

        var (badCsv, _, planted, _) = Generate(7, plantBadRows: true);
        Assert.Equal(35, planted.Count);
        var job = Guid.NewGuid();
        var refused = await coordinator.PostAsync($"/api/v1/exchange/ctdc/imports?job={job}", new StringContent(badCsv, Encoding.UTF8, "text/csv"));
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest);
        var reported = problem.GetProperty("errors").EnumerateArray()
            .Select(e => new Planted(e.GetProperty("line").GetInt64(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal(planted.OrderBy(p => p.Line), reported.OrderBy(p => p.Line));
        Assert.Equal(planted.Count, problem.GetProperty("badRows").GetInt32());
        Assert.Contains("Nothing was imported", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(0, await db.Set<CtdcReferenceRecord>().CountAsync());
            Assert.Equal(0, await db.Set<CtdcImportRun>().CountAsync());
        });
        var failed = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/ctdc/imports/{job}/progress");
        Assert.Equal("Failed", failed.GetProperty("phase").GetString());
        Assert.Equal(Rows, failed.GetProperty("rowsChecked").GetInt64());

        var (csv, data, _, header) = Generate(11, plantBadRows: false);
        job = Guid.NewGuid();
        var imported = await coordinator.PostAsync($"/api/v1/exchange/ctdc/imports?job={job}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        Assert.Equal(Rows, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").GetInt64());
        var done = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/exchange/ctdc/imports/{job}/progress");
        Assert.Equal("Imported", done.GetProperty("phase").GetString());
        Assert.Equal(100, done.GetProperty("percent").GetInt32());
        Assert.Equal(Rows, done.GetProperty("rowsImported").GetInt64());

        foreach (var variable in new[] { "gender", "ageBroad", "citizenship", "yearOfRegistration", "traffickMonths", "isForcedLabour", "recruiterRelationFamily" })
        {
            var column = Array.IndexOf(header, variable);
            var expected = data.GroupBy(r => r[column]).ToDictionary(g => g.Key, g => g.Count());
            var served = await coordinator.GetFromJsonAsync<Dictionary<string, int>>($"/api/v1/exchange/ctdc/reference/{variable}");
            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), served!.Where(e => e.Value > 0).OrderBy(e => e.Key, StringComparer.Ordinal));
        }
        // A bad variable name is a readable 400, and an investigator does not import national reference data.
        await ProblemAssert.IsProblemAsync(await coordinator.GetAsync("/api/v1/exchange/ctdc/reference/shoeSize"), HttpStatusCode.BadRequest);
        using var investigator = await app.SignInAsAsync(Roles.Investigator);
        Assert.Equal(HttpStatusCode.Forbidden, (await investigator.PostAsync("/api/v1/exchange/ctdc/imports",
            new StringContent(csv[..2000], Encoding.UTF8, "text/csv"))).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_file_that_is_not_ctdc_at_all_is_a_readable_400(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var coordinator = await app.SignInAsAsync(Roles.Coordinator);
        foreach (var body in new[] { "", "name,age\r\nAna,23\r\n", "\"unterminated,quote\r\n", new string('x', 5000) })
        {
            var answer = await coordinator.PostAsync("/api/v1/exchange/ctdc/imports", new StringContent(body, Encoding.UTF8, "text/csv"));
            var problem = await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.BadRequest);
            Assert.NotEmpty(problem.GetProperty("errors").EnumerateArray());
        }
    }
}
