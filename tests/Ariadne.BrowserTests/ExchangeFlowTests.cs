using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ariadne.BrowserTests.Pages;
using Ariadne.Web.Features.Demo;
using Ariadne.Web.Features.Exchange;
using Microsoft.Playwright;

namespace Ariadne.BrowserTests;

/// <summary>
/// Issue 13, the exchange pages on a phone at 390 px: the coordinator downloads a de-personalised HTCDS export and a CTDC export
/// (the share of suppressed records shown before the download and carried in it), imports a CTDC file with a bad row (every bad
/// cell by line and column, nothing imported) and then a clean one (progress to completion); an analyst exports FollowTheMoney and
/// MISP for a recipient, and the files carry only the report that may go to that recipient.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExchangeFlowTests(BrowserHost host)
{
    private const int PhoneWidth = 390;

    private async Task SignInAsync(IPage page, string userName)
    {
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await signIn.SignInAsync(userName, DemoSeeder.Password);
    }

    private static Task<int> WidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    [Fact]
    public Task The_coordinator_downloads_a_depersonalised_htcds_export_and_a_ctdc_export_with_its_share_of_suppressed_records() =>
        host.OnPhoneAsync(async page =>
    {
        await SignInAsync(page, "demo-coordinator");
        var exchange = new ExchangePage(page);
        await exchange.OpenFromMenuAsync("Data exchange", "Data exchange");
        Assert.True(await WidthAsync(page) <= PhoneWidth, "The exchange page scrolls sideways at 390 px.");
        // De-personalised by default, and the coordinator is not offered the person's data at all.
        await Assertions.Expect(exchange.PersonalData).ToHaveCountAsync(0);

        var (htcdsName, htcds) = await exchange.DownloadAsync("Download HTCDS records");
        Assert.Equal("htcds-2.0.csv", htcdsName);
        var rows = Csv(Encoding.UTF8.GetString(htcds));
        var header = rows[0];
        Assert.Equal("cas_Status", header[0]);
        Assert.True(rows.Count > 1, "The demo's cases are exported.");
        foreach (var field in new[] { "prs_FirstName", "prs_SecondName", "prs_Birthdate" })
        {
            var column = Array.IndexOf(header, field);
            Assert.True(column >= 0, $"{field} is a field of the standard and keeps its column");
            Assert.All(rows.Skip(1), r => Assert.Equal("", r[column]));
        }
        // The demo's people by name (DemoSeeder): not in a de-personalised file.
        Assert.DoesNotContain("Kira", Encoding.UTF8.GetString(htcds), StringComparison.Ordinal);
        Assert.DoesNotContain("Daria", Encoding.UTF8.GetString(htcds), StringComparison.Ordinal);

        // Before the download: the share k-anonymity would leave out, for the default k of 11.
        await Assertions.Expect(exchange.K).ToHaveValueAsync("11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show what would be suppressed" }).ClickAsync();
        await Assertions.Expect(exchange.CtdcPreview).ToContainTextAsync("With k = 11:");
        var shown = await exchange.CtdcPreview.Locator("strong").InnerTextAsync();
        Assert.Matches(@"^\d+\.\d % of the records suppressed$", shown);
        var share = shown[..shown.IndexOf(" of the records", StringComparison.Ordinal)];

        // In the download: the records, and the summary with the same share.
        var (ctdcName, zip) = await exchange.DownloadAsync("Download CTDC records");
        Assert.Equal("ctdc-k11.zip", ctdcName);
        using var archive = new ZipArchive(new MemoryStream(zip));
        Assert.Equal(["ctdc-k11-summary.csv", "ctdc-k11.csv"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var records = Csv(Read(archive, "ctdc-k11.csv"));
        Assert.Equal(CtdcCodebook.Names, records[0].Take(CtdcCodebook.Names.Count));
        var summary = Csv(Read(archive, "ctdc-k11-summary.csv")).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(share, summary["Share suppressed"]);
        Assert.Equal("11", summary["k (every combination of quasi-identifiers occurs at least this often)"]);
        Assert.Equal(records.Count - 1, int.Parse(summary["Records exported"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(int.Parse(summary["Case records"], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(summary["Records exported"], System.Globalization.CultureInfo.InvariantCulture)
            + int.Parse(summary["Records suppressed"], System.Globalization.CultureInfo.InvariantCulture));
    });

    [Fact]
    public Task The_coordinator_imports_a_ctdc_file_with_a_bad_row_sees_where_and_that_nothing_was_imported_then_a_clean_one() =>
        host.OnPhoneAsync(async page =>
    {
        await SignInAsync(page, "demo-coordinator");
        var exchange = new ExchangePage(page);
        await exchange.OpenFromMenuAsync("Data exchange", "Data exchange");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import a CTDC file as reference figures" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import CTDC reference figures", Level = 1 })).ToBeVisibleAsync();

        // Line 1 is the header; line 4 gives a gender the codebook does not have, line 6 a year before CTDC's first.
        await exchange.ImportAsync("ctdc-bad.csv", CtdcFile(bad: true));
        await Assertions.Expect(exchange.ImportErrors).ToContainTextAsync("Nothing was imported");
        await Assertions.Expect(exchange.ImportErrors).ToContainTextAsync("2 of 6 rows are not in the CTDC format");
        var errors = exchange.ImportErrors.Locator("tbody tr");
        await Assertions.Expect(errors).ToHaveCountAsync(2);
        await Assertions.Expect(errors.Nth(0).Locator("td[data-label=Line]")).ToHaveTextAsync("4");
        await Assertions.Expect(errors.Nth(0).Locator("td[data-label=Column]")).ToHaveTextAsync("gender");
        await Assertions.Expect(errors.Nth(0).Locator("td[data-label=Problem]")).ToContainTextAsync("\"Female\" is not one of");
        await Assertions.Expect(errors.Nth(1).Locator("td[data-label=Line]")).ToHaveTextAsync("6");
        await Assertions.Expect(errors.Nth(1).Locator("td[data-label=Column]")).ToHaveTextAsync("yearOfRegistration");
        await Assertions.Expect(page.GetByText("Current reference: ctdc-bad.csv")).ToHaveCountAsync(0);
        Assert.True(await WidthAsync(page) <= PhoneWidth, "The import's error table scrolls sideways at 390 px.");

        var job = await exchange.ImportAsync("ctdc-clean.csv", CtdcFile(bad: false));
        await Assertions.Expect(exchange.Notice).ToHaveTextAsync("Imported 6 rows.");
        await Assertions.Expect(page.GetByText("Current reference: ctdc-clean.csv, 6 rows")).ToBeVisibleAsync();
        await Assertions.Expect(exchange.ImportErrors).ToHaveCountAsync(0);
        // The progress the page polls while a file is checked and imported, at its end.
        var progress = await page.APIRequest.GetAsync($"/Exchange/CtdcImport?handler=Progress&job={job}");
        var body = await progress.JsonAsync();
        Assert.Equal("Imported", body!.Value.GetProperty("phase").GetString());
        Assert.Equal(100, body.Value.GetProperty("percent").GetInt32());
        Assert.Equal(6, body.Value.GetProperty("rowsImported").GetInt64());
    });

    [Fact]
    public async Task The_analyst_exports_ftm_and_misp_for_a_recipient_and_the_files_carry_only_what_may_go_to_it()
    {
        // Two reports of the analyst's own: law enforcement including the EU may receive one (5x5x5 code 3); the other stays within
        // the originating agency (code 4). The recipient is the Romanian police (EU law enforcement, DemoSeeder).
        var tag = Guid.NewGuid().ToString("N")[..6];
        var mayGo = await SubmitReportAsync("LawEnforcementAndProsecutingIncludingEu", $"+40 722 {tag[..3]} 001");
        var mayNotGo = await SubmitReportAsync("OnlyWithinOriginatingAgency", $"+40 722 {tag[..3]} 002");

        await host.OnPhoneAsync(async page =>
        {
            await SignInAsync(page, "demo-analyst");
            var exchange = new ExchangePage(page);
            await exchange.OpenFromMenuAsync("Export intelligence", "Export intelligence for Aleph or MISP");
            await page.GetByRole(AriaRole.Checkbox, new() { Name = mayGo }).CheckAsync();
            await page.GetByRole(AriaRole.Checkbox, new() { Name = mayNotGo }).CheckAsync();
            await page.GetByLabel("Recipient").SelectOptionAsync(new SelectOptionValue { Label = "Romanian Police — Anti-Trafficking Brigade Constanța" });
            await page.GetByLabel("Why it goes to them").FillAsync("Joint investigation team");
            Assert.True(await WidthAsync(page) <= PhoneWidth, "The intelligence export scrolls sideways at 390 px.");

            var (ftmName, ftm) = await exchange.DownloadAsync("Export");
            Assert.Equal("ariadne-ftm.ijson", ftmName);
            var entities = Encoding.UTF8.GetString(ftm).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
            Assert.NotEmpty(entities);
            var datasets = entities.SelectMany(e => e.GetProperty("datasets").EnumerateArray().Select(d => d.GetString())).Distinct().ToList();
            Assert.Equal([Dataset(mayGo)], datasets);
            Assert.DoesNotContain(entities, e => e.ToString().Contains($"{tag[..3]} 002", StringComparison.Ordinal));

            await page.GetByLabel("MISP event JSON").CheckAsync();
            var (mispName, misp) = await exchange.DownloadAsync("Export");
            Assert.Equal("ariadne-misp.json", mispName);
            var events = JsonDocument.Parse(misp).RootElement.GetProperty("response").EnumerateArray().Select(e => e.GetProperty("Event")).ToList();
            var only = Assert.Single(events);
            Assert.Contains(mayGo, only.GetProperty("info").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain($"{tag[..3]} 002", Encoding.UTF8.GetString(misp), StringComparison.Ordinal);
        });
    }

    /// <summary>A submitted report of demo-analyst's through the API, as the analyst's client would send it; its reference.</summary>
    private async Task<string> SubmitReportAsync(string handling, string phone)
    {
        using var client = new HttpClient { BaseAddress = host.BaseUrl };
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "demo-analyst", password = DemoSeeder.Password });
        token.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var created = await client.PostAsJsonAsync("/api/v1/intelligence", new
        {
            items = new[] { new { kind = "Communication", subKind = "phone", value = phone } },
            freeText = "Exchange flow test: a phone seen at the car wash.",
            grading = new { system = "FiveByFiveByFive", source5 = "MostlyReliable", intelligence5 = "KnownPersonallyToSourceButNotToOfficer", handling5 = handling },
            submit = true,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
    }

    private static string Dataset(string reference) => "ariadne_" + reference.ToLowerInvariant().Replace('-', '_');

    /// <summary>A small CTDC file written here from the codebook's variables: 6 records, two of them bad when asked.</summary>
    private static string CtdcFile(bool bad)
    {
        var names = CtdcCodebook.Names;
        var text = new StringBuilder(string.Join(',', names)).Append("\r\n");
        (string Year, string Gender, string Age, string Citizenship)[] people =
        [
            ("2019", "Woman", "18—20", "ROU"), ("2019", "Man", "21—23", "BGR"), ("2020", bad ? "Female" : "Woman", "9—17", "NGA"),
            ("2021", "Man", "30—38", "VNM"), (bad ? "1999" : "2021", "Woman", "48+", "ROU"), ("2022", "Woman", "24—26", "UKR"),
        ];
        foreach (var (year, gender, age, citizenship) in people)
        {
            var row = names.Select(n => n switch
            {
                "yearOfRegistration" => year,
                "gender" => gender,
                "ageBroad" => age,
                "citizenship" => citizenship,
                "CountryOfExploitation" => "BEL",
                "isSexualExploit" => "1",
                _ => "",
            });
            text.Append(string.Join(',', row)).Append("\r\n");
        }
        return text.ToString();
    }

    private static string Read(ZipArchive archive, string name)
    {
        using var reader = new StreamReader(archive.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>RFC 4180, enough for the files under test: quoted cells may hold commas, doubled quotes and line breaks.</summary>
    private static List<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { cell.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n') { row.Add(cell.ToString().TrimEnd('\r')); cell.Clear(); rows.Add([.. row]); row.Clear(); }
            else { cell.Append(c); }
        }
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add([.. row]);
        }
        return rows;
    }
}
