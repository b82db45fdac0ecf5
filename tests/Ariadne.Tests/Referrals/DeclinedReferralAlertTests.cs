using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Referrals;
using Ariadne.Web.Features.Screenings;
using Ariadne.Web.Security;

namespace Ariadne.Tests.Referrals;

/// <summary>An adult who declines referral still gets the unit alerted when in danger, without their identity (R-ACT-01, R-LEG-04, R-ACT-10).</summary>
public sealed class DeclinedReferralAlertTests
{
    /// <summary>The rule written out again, row by row: alert level × immediate danger × controlling companion.</summary>
    public static TheoryData<AlertLevel, bool, bool, bool> Table => new()
    {
        { AlertLevel.None, false, false, false },
        { AlertLevel.None, false, true, false },
        { AlertLevel.None, true, false, true },
        { AlertLevel.None, true, true, true },
        { AlertLevel.Attention, false, false, false },
        { AlertLevel.Attention, false, true, true },
        { AlertLevel.Attention, true, false, true },
        { AlertLevel.Attention, true, true, true },
        { AlertLevel.Alarm, false, false, true },
        { AlertLevel.Alarm, false, true, true },
        { AlertLevel.Alarm, true, false, true },
        { AlertLevel.Alarm, true, true, true },
    };

    [Theory, MemberData(nameof(Table))]
    public void R_ACT_01_an_alert_is_due_when_the_table_says(AlertLevel level, bool danger, bool controller, bool due) =>
        Assert.Equal(due, DeclinedReferralAlert.IsDue(level, danger, controller));

    [Fact]
    public void The_table_covers_every_alert_level() =>
        Assert.Equal(Enum.GetValues<AlertLevel>().Length * 4, Table.Count);

    /// <summary>A police station with an officer and a unit with an investigator, both signed in to the API.</summary>
    private static async Task<(Organisation Station, Organisation Unit, HttpClient Officer, HttpClient Investigator)> StationAndUnitAsync(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var station = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
        var unit = await app.CreateOrganisationAsync(OrganisationType.AntiTraffickingUnit);
        return (station, unit, await app.SignInAsync(await app.CreateUserAsync(station, Roles.FrontlineOfficer)),
            await app.SignInAsync(await app.CreateUserAsync(unit, Roles.Investigator)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task R_LEG_04_a_declined_referral_in_danger_alerts_the_unit_without_the_persons_identity(string database)
    {
        var (station, unit, officer, investigator) = await StationAndUnitAsync(database);
        var tag = Guid.NewGuid().ToString("N")[..8];

        var screening = await officer.PostAsJsonAsync("/api/v1/screenings", new
        {
            intakeChannel = "ENC-02", place = "Platform 4 " + tag, encounteredAt = DateTimeOffset.UtcNow.AddHours(-1),
            nameKind = "Name", personName = "NameMarker" + tag, approximateAge = 31, nationality = "NationalityMarker" + tag,
            accompanied = true, companionSeemsToControl = true, companionDescription = "Tall man in a grey coat " + tag,
            immediateDanger = true, dangerDetails = "Threatened on the phone " + tag,
            statement = "StatementMarker" + tag + " she said her passport was taken",
            indicators = new object[] { new { id = "GEN-01", note = "NoteMarker" + tag }, new { id = "GEN-02" }, new { id = "GEN-03" } },
        });
        Assert.Equal(HttpStatusCode.Created, screening.StatusCode);
        var id = (await screening.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var refer = await officer.PostAsJsonAsync($"/api/v1/screenings/{id}/referral", new { unitId = unit.Id, consent = "Refused" });
        var outcome = await refer.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(refer.IsSuccessStatusCode, outcome?.ToJsonString());
        Assert.Equal(nameof(ReferralResult.CountedAnonymouslyAndUnitAlerted), outcome!["result"]!.GetValue<string>());

        // In the unit's intake queue, as a referral of its own kind, waiting to be acknowledged.
        var queue = await investigator.GetFromJsonAsync<JsonArray>("/api/v1/referrals/incoming");
        var alert = queue!.Single(r => r!["fromOrganisation"]!.GetValue<string>() == station.Name)!;
        Assert.Equal(nameof(ReferralKind.DeclinedReferralAlert), alert["kind"]!.GetValue<string>());
        Assert.Equal("Sent", alert["status"]!.GetValue<string>());
        Assert.True(alert["immediateDanger"]!.GetValue<bool>());

        var read = await investigator.GetStringAsync($"/api/v1/referrals/incoming/{alert["id"]}");
        foreach (var carried in new[] { "Platform 4 " + tag, "Threatened on the phone " + tag, "Tall man in a grey coat " + tag, "GEN-01", "GEN-02", "GEN-03", station.Name })
        {
            Assert.Contains(carried, read, StringComparison.Ordinal);
        }
        foreach (var identity in new[] { "NameMarker", "NationalityMarker", "StatementMarker", "NoteMarker", "Approximate age", "Name:", "Alias" })
        {
            Assert.DoesNotContain(identity, read, StringComparison.Ordinal);
        }

        // An alert opens no case: the person did not agree to one.
        var open = await investigator.PostAsJsonAsync("/api/v1/cases", new { referralId = alert["id"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, open.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await investigator.PostAsync($"/api/v1/referrals/incoming/{alert["id"]}/acknowledge", null)).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_declined_referral_without_danger_stays_an_anonymous_count(string database)
    {
        var (station, unit, officer, investigator) = await StationAndUnitAsync(database);

        var screening = await officer.PostAsJsonAsync("/api/v1/screenings", new
        {
            intakeChannel = "ENC-02", place = "Market", encounteredAt = DateTimeOffset.UtcNow.AddHours(-1), approximateAge = 40,
            statement = "Worked long hours", indicators = new[] { new { id = "GEN-01" } },
        });
        var id = (await screening.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var refer = await officer.PostAsJsonAsync($"/api/v1/screenings/{id}/referral", new { unitId = unit.Id, consent = "Refused" });

        Assert.Equal(nameof(ReferralResult.CountedAnonymously), (await refer.Content.ReadFromJsonAsync<JsonObject>())!["result"]!.GetValue<string>());
        Assert.Empty((await investigator.GetFromJsonAsync<JsonArray>("/api/v1/referrals/incoming"))!);
    }
}
