using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Tests.Intelligence;
using Ariadne.Web.Features.Intelligence;

namespace Ariadne.Tests.Checks;

/// <summary>Small intent helpers for check tests: planted reports with a phone number of their own, and check calls.</summary>
internal static class CheckWorld
{
    /// <summary>A Belgian mobile number nobody else's test uses, in international and in local (Belgian) writing.</summary>
    public static (string International, string Local, string E164) NewPhone()
    {
        var digits = Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        return ($"+32 47{digits[..1]} {digits[1..3]} {digits[3..5]} {digits[5..]}", $"047{digits[..1]} {digits[1..3]} {digits[3..5]} {digits[5..]}",
            $"+3247{digits}");
    }

    /// <summary>A submitted 5x5x5 report of <paramref name="author"/> holding the phone (and a person's name when given).</summary>
    public static async Task<(Guid Id, string Reference)> ReportAsync(IntelligenceWorld.Member author, FiveFiveFiveHandling handling, string phone,
        string? personName = null, bool submit = true, IEnumerable<object>? moreItems = null)
    {
        var items = new List<object> { new { kind = "Communication", subKind = "phone", value = phone } };
        items.AddRange(moreItems ?? []);
        if (personName is not null)
        {
            items.Add(new { kind = "Person", subKind = "individual", role = "suspect", value = personName });
        }
        var response = await author.Client.PostAsJsonAsync("/api/v1/intelligence", new
        {
            exploitationTypes = new[] { "EXP-LAB" },
            sourceType = "SRC-01",
            freeText = "Planted for a check test",
            items,
            grading = new
            {
                system = "FiveByFiveByFive", source5 = "MostlyReliable", intelligence5 = "KnownPersonallyToSourceButNotToOfficer",
                handling5 = handling.ToString(), conditions = handling.RequiresConditions() ? "Not to be used in court" : null,
                specialHandling = false,
            },
            submit,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("id").GetGuid(), json.GetProperty("reference").GetString()!);
    }

    /// <summary>
    /// The usual start of a check test: a host ready to check, and one phone in two reports — one the other force may see
    /// (the author's, for EU law enforcement) and one it may not (the same force's, no further dissemination).
    /// </summary>
    public static async Task<(IntelligenceWorld World, (string International, string Local, string E164) Phone, (Guid Id, string Reference) Shown,
        (Guid Id, string Reference) Hidden)> ShownAndHiddenAsync(AriadneAppFactory app)
    {
        await WaitReadyAsync(app);
        var world = await IntelligenceWorld.CreateAsync(app);
        var phone = NewPhone();
        var shown = await ReportAsync(world.Author, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu, phone.International);
        var hidden = await ReportAsync(world.SameForce, FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator, phone.International);
        return (world, phone, shown, hidden);
    }

    /// <summary>
    /// <paramref name="count"/> submitted reports of <paramref name="originator"/> coded "no further dissemination", each holding
    /// the item <paramref name="item"/> makes, written straight to the database (thousands of them, as fast as one save).
    /// </summary>
    public static Task PlantHiddenAsync(AriadneAppFactory app, IntelligenceWorld.Member originator, int count, Func<Guid, IntelligenceItem> item) =>
        app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            for (var i = 0; i < count; i++)
            {
                var report = new IntelligenceReport
                {
                    Reference = $"INT-H-{i:D5}-{Guid.NewGuid().ToString("N")[..6]}", OriginatorOrganisationId = originator.Organisation.Id,
                    AuthorUserId = originator.User.Id, AuthorName = "Hidden", CreatedAt = now.AddSeconds(-i), SubmittedAt = now,
                    Status = ReportStatus.Submitted,
                };
                report.SetGrading(Grading.FiveByFiveByFive(FiveFiveFiveSource.MostlyReliable, FiveFiveFiveIntelligence.CannotBeJudged,
                    FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator));
                report.Items.Add(item(report.Id));
                db.IntelligenceReports.Add(report);
            }
            await db.SaveChangesAsync();
        });

    public static object Phone(string value, string? reportId = null, string purpose = "Deconfliction before a visit",
        string? caseReference = "C-TEST-1", bool acknowledge = true, string? scope = null) => new
    {
        identifiers = new[] { new { kind = "phone", value } },
        purpose,
        reportId,
        caseReference,
        scope,
        acknowledgeWarning = acknowledge,
    };

    public static async Task<(HttpStatusCode Status, JsonElement Body, string Raw)> CheckAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/checks", request);
        var raw = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, raw.Length > 0 ? JsonDocument.Parse(raw).RootElement.Clone() : default, raw);
    }

    /// <summary>Waits until the host's /health/ready answers 200 (the check index is loaded).</summary>
    public static async Task WaitReadyAsync(AriadneAppFactory app)
    {
        using var client = app.CreateClient();
        for (var i = 0; i < 300; i++)
        {
            if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("The host never became ready.");
    }
}
