using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Indicators;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Features.Screenings;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Intelligence;

/// <summary>
/// Issue 10 item 9 (R-LEG-04, R-ACT-10): the report started from a screening carries the encounter and the controller, never the
/// screened person's identity or statement, so it can reach the unit when the person declines referral.
/// </summary>
public sealed class FrontlineReportTests
{
    [Fact]
    public async Task The_report_from_a_screening_describes_the_controller_and_never_the_person()
    {
        var app = await AriadneAppFactory.SharedAsync(Databases.Sqlite);
        using var scope = app.Services.CreateScope();
        var screenings = scope.ServiceProvider.GetRequiredService<ScreeningService>();
        var screening = new Screening
        {
            OfficerName = "Officer", CatalogueVersion = app.Services.GetRequiredService<IndicatorCatalogue>().Current.Version,
            Place = "Bus station, platform 4", EncounteredAt = new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc),
            NameKind = NameKind.Name, PersonName = "Ana Identitymarker", ApproximateAge = 31, Nationality = "Moldovan",
            Statement = "Statementmarker: she said the companion keeps her passport.", Accompanied = true,
            CompanionDescription = "Tall man, red jacket, grey Volvo",
        };
        var request = FrontlineReport.FromScreening(screening, screenings.Assess(screening), "Officer", "+00 100", "BE", utc => utc);
        var json = JsonSerializer.Serialize(request);
        Assert.Contains("Tall man, red jacket, grey Volvo", json, StringComparison.Ordinal);
        Assert.Contains("Bus station, platform 4", json, StringComparison.Ordinal);
        Assert.Contains("2026-12-01T09:30", json, StringComparison.Ordinal);
        foreach (var identity in new[] { "Identitymarker", "Moldovan", "Statementmarker", "\"31\"" })
        {
            Assert.DoesNotContain(identity, json, StringComparison.Ordinal);
        }
        Assert.False(request.Submit);
    }

    [Fact]
    public void The_form_round_trips_and_keeps_the_items_it_does_not_show()
    {
        var input = new FrontlineInput
        {
            Place = "Car wash", PlaceCountry = "BE", ControllerName = "Vasile", ControllerDescription = "Shaved head",
            Vehicles = [new VehicleInput { Plate = "1-ABC-234", Country = "BE", Colour = "grey" }, new VehicleInput()],
            Phones = ["0470 12 34 56", null], Tags = ["TAC-A08"], TagNotes = new() { ["TAC-A09"] = "Two phones, one Romanian" },
            Source5 = "MostlyReliable",
        };
        var other = new ItemRequest("Financial", "iban", null, "BE71096123456769", null, null);
        var request = FrontlineReport.ToRequest(input, [other], "SCR-1", "Officer", null, submit: false);
        Assert.Equal(["TAC-A08", "TAC-A09"], request.ModusOperandiTags);
        Assert.Contains(other, request.Items!);
        var response = new ReportResponse(Guid.NewGuid(), "INT-1", "Draft", Guid.NewGuid(), "Unit", "BE", "Officer", DateTime.UtcNow, null, null,
            [], "SRC-01", null, null, request.ModusOperandiTags!, request.ModusOperandi, null, "SCR-1",
            request.Items!.Select(i => new ItemResponse(Guid.NewGuid(), i.Kind!, i.SubKind, i.Role, i.Value, null, i.Country, i.Details)).ToList(),
            [], [], new DisseminationResponse("Allow", null), null);
        var (back, others) = FrontlineReport.FromReport(response);
        Assert.Equal("Car wash", back.Place);
        Assert.Equal("Shaved head", back.ControllerDescription);
        Assert.Equal("1-ABC-234", Assert.Single(back.Vehicles).Plate);
        Assert.Equal("0470 12 34 56", Assert.Single(back.Phones));
        Assert.Equal("Two phones, one Romanian", back.TagNotes["TAC-A09"]);
        Assert.Equal("BE71096123456769", Assert.Single(others).Value);
    }
}
