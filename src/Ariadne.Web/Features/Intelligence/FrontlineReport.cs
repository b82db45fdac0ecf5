using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ariadne.Web.Features.Screenings;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>A vehicle as the officer types it on the phone form.</summary>
public sealed class VehicleInput
{
    public string? Plate { get; set; }
    public string? Country { get; set; }
    public string? Make { get; set; }
    public string? Colour { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Plate) && string.IsNullOrWhiteSpace(Make) && string.IsNullOrWhiteSpace(Colour);
}

/// <summary>
/// The phone-sized frontline report (issue 10 item 9, §5.7): the encounter's place and time, the suspected controller, vehicles,
/// phones, the tactical areas as prompts with a note each, what the officer saw, and the grading for submission.
/// </summary>
public sealed class FrontlineInput
{
    public List<string> ExploitationTypes { get; set; } = [];
    public string? Place { get; set; }
    public string? PlaceCountry { get; set; }
    public DateTime? ObservedAt { get; set; }
    public string? ControllerName { get; set; }
    public string? ControllerDescription { get; set; }
    public List<VehicleInput> Vehicles { get; set; } = [];
    public List<string?> Phones { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public Dictionary<string, string?> TagNotes { get; set; } = [];
    public string? FreeText { get; set; }
    public string? Source5 { get; set; }
    public string? Intelligence5 { get; set; }
    public string? Handling5 { get; set; }
    public string? Conditions { get; set; }
    public bool SpecialHandling { get; set; }
}

/// <summary>
/// Maps the frontline form to the key-data report and back, as pure functions, so that the page only shows and posts: the
/// service's rules (validation, normalised keys, grading) are the API's. Items the form does not show (added through the API by
/// an analyst, say) pass through untouched, so saving the form never loses them.
/// </summary>
public static partial class FrontlineReport
{
    /// <summary>The place of the encounter carries this role, so the form finds it again among a report's locations.</summary>
    public const string EncounterRole = "encounter";
    public const string SuspectRole = "suspect";

    /// <summary>
    /// The first draft from a screening (R-LEG-04, R-ACT-10): where and when, the companion who seemed to control the person as the
    /// suspected controller, the forms of exploitation the indicators point to; never the person's name, age, nationality or
    /// statement: intelligence about the controller must reach the unit even when the person declines referral.
    /// </summary>
    public static CreateReportRequest FromScreening(Screening screening, Assessment assessment, string officer, string? contact,
        string? country, Func<DateTime, DateTime> toLocal)
    {
        var input = new FrontlineInput
        {
            ExploitationTypes = assessment.ByForm.Select(f => f.Form).Where(Indicators.ExploitationForms.Names.ContainsKey).ToList(),
            Place = screening.Place,
            // The officer met the person in their own unit's country; a known country lets the place count in thematic summaries.
            PlaceCountry = Organisations.Countries.IsKnown(country) ? country : null,
            ObservedAt = screening.EncounteredAt is { } at ? toLocal(at) : null,
            ControllerDescription = screening.Accompanied ? screening.CompanionDescription : null,
        };
        return ToRequest(input, [], "SCR-" + screening.Id.ToString("N"), officer, contact, submit: false);
    }

    /// <summary>The report as the form's fields, and the items the form does not show.</summary>
    public static (FrontlineInput Input, List<ItemRequest> Others) FromReport(ReportResponse report)
    {
        var input = new FrontlineInput
        {
            ExploitationTypes = report.ExploitationTypes.ToList(),
            FreeText = report.FreeText,
            Tags = report.ModusOperandiTags.ToList(),
            Source5 = report.Grading?.Source5,
            Intelligence5 = report.Grading?.Intelligence5,
            Handling5 = report.Grading?.Handling5,
            Conditions = report.Grading?.Conditions,
            SpecialHandling = report.Grading?.SpecialHandling ?? false,
        };
        foreach (var line in (report.ModusOperandi ?? "").Split('\n'))
        {
            if (TagNote().Match(line.Trim()) is { Success: true } m)
            {
                input.TagNotes[m.Groups[1].Value] = m.Groups[2].Value;
            }
        }
        var others = new List<ItemRequest>();
        bool placeTaken = false, controllerTaken = false;
        foreach (var i in report.Items)
        {
            if (i.Kind == nameof(IntelligenceItemKind.Location) && i.Role == EncounterRole && !placeTaken)
            {
                placeTaken = true;
                input.Place = i.Value;
                input.PlaceCountry = i.Country;
                input.ObservedAt = Text(i.Details, "observedAt") is { } at
                                   && DateTime.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? local : null;
            }
            else if (i.Kind == nameof(IntelligenceItemKind.Person) && i.Role == SuspectRole && i.SubKind != "business" && !controllerTaken)
            {
                controllerTaken = true;
                input.ControllerName = i.Value;
                input.ControllerDescription = Text(i.Details, "description");
            }
            else if (i.Kind == nameof(IntelligenceItemKind.Vehicle))
            {
                input.Vehicles.Add(new VehicleInput { Plate = i.Value, Country = i.Country, Make = Text(i.Details, "make"), Colour = Text(i.Details, "colour") });
            }
            else if (i.Kind == nameof(IntelligenceItemKind.Communication) && i.SubKind == "phone")
            {
                input.Phones.Add(i.Value);
            }
            else
            {
                others.Add(new ItemRequest(i.Kind, i.SubKind, i.Role, i.Value, i.Country, i.Details));
            }
        }
        return (input, others);
    }

    /// <summary>The form as the API's request; <paramref name="others"/> are appended unchanged.</summary>
    public static CreateReportRequest ToRequest(FrontlineInput input, IReadOnlyList<ItemRequest> others, string? linkedReference, string officer,
        string? contact, bool submit)
    {
        var items = new List<ItemRequest>();
        if (!string.IsNullOrWhiteSpace(input.Place) || input.ObservedAt is not null)
        {
            items.Add(new ItemRequest(nameof(IntelligenceItemKind.Location), null, EncounterRole, input.Place, input.PlaceCountry,
                Json(new Dictionary<string, string?> { ["observedAt"] = input.ObservedAt?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) })));
        }
        if (!string.IsNullOrWhiteSpace(input.ControllerName) || !string.IsNullOrWhiteSpace(input.ControllerDescription))
        {
            items.Add(new ItemRequest(nameof(IntelligenceItemKind.Person), "individual", SuspectRole, input.ControllerName, null,
                Json(new Dictionary<string, string?> { ["description"] = input.ControllerDescription })));
        }
        foreach (var v in input.Vehicles.Where(v => !v.IsEmpty))
        {
            items.Add(new ItemRequest(nameof(IntelligenceItemKind.Vehicle), null, null, v.Plate, v.Country,
                Json(new Dictionary<string, string?> { ["make"] = v.Make, ["colour"] = v.Colour })));
        }
        foreach (var phone in input.Phones.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            items.Add(new ItemRequest(nameof(IntelligenceItemKind.Communication), "phone", null, phone, null, null));
        }
        items.AddRange(others);
        var notes = TacticalAreas.All.Where(a => !string.IsNullOrWhiteSpace(input.TagNotes.GetValueOrDefault(a.Code)))
            .Select(a => $"{a.Code}: {input.TagNotes[a.Code]!.Trim().ReplaceLineEndings(" ")}").ToList();
        // A note for an area counts as a tag: the officer wrote about it.
        var tags = input.Tags.Concat(notes.Select(n => n[..7])).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();
        return new CreateReportRequest(
            input.ExploitationTypes.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList(),
            SourceType: "SRC-01", // frontline police and border personnel (§5.3)
            SourceOfficer: officer,
            SourceContact: contact,
            ModusOperandiTags: tags,
            ModusOperandi: notes.Count == 0 ? null : string.Join('\n', notes),
            FreeText: input.FreeText,
            LinkedReference: linkedReference,
            Items: items,
            Grading: GradingOf(input),
            Submit: submit);
    }

    /// <summary>The 5x5x5 grading from the form; null while nothing of it is chosen, so a draft keeps what it had.</summary>
    private static Grading? GradingOf(FrontlineInput i)
    {
        if (string.IsNullOrEmpty(i.Source5) && string.IsNullOrEmpty(i.Intelligence5) && string.IsNullOrEmpty(i.Handling5)
            && string.IsNullOrWhiteSpace(i.Conditions) && !i.SpecialHandling)
        {
            return null;
        }
        return new Grading(GradingSystem.FiveByFiveByFive,
            Source5: Shared.Enums.Named<FiveFiveFiveSource>(i.Source5),
            Intelligence5: Shared.Enums.Named<FiveFiveFiveIntelligence>(i.Intelligence5),
            Handling5: Shared.Enums.Named<FiveFiveFiveHandling>(i.Handling5),
            Conditions: string.IsNullOrWhiteSpace(i.Conditions) ? null : i.Conditions.Trim(),
            SpecialHandling: i.SpecialHandling);
    }

    private static JsonElement? Json(Dictionary<string, string?> fields)
    {
        var present = fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value!.Trim());
        return present.Count == 0 ? null : JsonSerializer.SerializeToElement(present);
    }

    private static string? Text(JsonElement? details, string name) =>
        details is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    [GeneratedRegex(@"^(TAC-A(?:0[1-9]|10)): ?(.*)$")]
    private static partial Regex TagNote();
}
