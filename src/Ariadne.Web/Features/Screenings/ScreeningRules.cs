using System.ComponentModel.DataAnnotations;
using Ariadne.Web.Features.Indicators;
using Ariadne.Web.Features.Shared;

namespace Ariadne.Web.Features.Screenings;

public sealed record IndicatorInput([property: MaxLength(20)] string Id, [property: MaxLength(ScreeningRules.NoteText)] string? Note);

/// <summary>The whole screening as the officer last left it: the API and the page's autosave send the same.</summary>
public sealed record ScreeningRequest(
    string? IntakeChannel = null,
    [property: MaxLength(ScreeningRules.ShortText)] string? Place = null,
    DateTimeOffset? EncounteredAt = null,
    [property: MaxLength(ScreeningRules.ShortText)] string? ColleaguePresent = null,
    string? NameKind = null,
    [property: MaxLength(ScreeningRules.ShortText)] string? PersonName = null,
    int? ApproximateAge = null,
    bool? SuspectedMinor = null,
    bool? WithParentOrGuardian = null,
    string? Gender = null,
    [property: MaxLength(ScreeningRules.ShortText)] string? Nationality = null,
    [property: MaxLength(ScreeningRules.ShortText)] string? Language = null,
    bool? InterpreterNeeded = null,
    bool? Accompanied = null,
    bool? CompanionSeemsToControl = null,
    bool? SeparatedFromCompanion = null,
    [property: MaxLength(ScreeningRules.NoteText)] string? CompanionDescription = null,
    bool? ImmediateDanger = null,
    [property: MaxLength(ScreeningRules.NoteText)] string? DangerDetails = null,
    IReadOnlyList<IndicatorInput>? Indicators = null,
    [property: MaxLength(ScreeningRules.LongText)] string? Statement = null,
    bool? PresumedVictim = null,
    bool? OffenderFlag = null,
    [property: MaxLength(ScreeningRules.NoteText)] string? SuspectedOffence = null,
    // The version the client read (GET answers it in "details"): a client that sends back what it read is checked
    // against later changes even without If-Match (ADR 0008).
    int? Version = null);

/// <summary>
/// Validation and update of a screening, shared by the API and the pages. Each field that is valid is
/// applied even when another is not, so an autosave never throws away good typing because of one bad field;
/// the API refuses the whole request instead (it saves nothing when there are errors).
/// </summary>
public static class ScreeningRules
{
    public const int ShortText = 200;
    public const int NoteText = 1000;
    public const int LongText = 20_000;

    public static Dictionary<string, string[]> Apply(Screening s, ScreeningRequest r, CatalogueEdition catalogue, DateTime now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var before = (s.IntakeChannel, s.Place, s.EncounteredAt, s.DangerDetails);

        if (r.IntakeChannel is { Length: > 0 } channel && !IntakeChannels.IsKnown(channel))
        {
            errors["intakeChannel"] = ["Choose how the person came to your attention (ENC-01 to ENC-06)."];
        }
        else
        {
            s.IntakeChannel = Clean(r.IntakeChannel);
        }
        s.Place = Text(errors, "place", r.Place, ShortText, "Place", s.Place);
        if (r.EncounteredAt is { } at && at.UtcDateTime > now.AddMinutes(10))
        {
            errors["encounteredAt"] = ["The time of the encounter cannot be in the future."];
        }
        else
        {
            s.EncounteredAt = r.EncounteredAt?.UtcDateTime;
        }
        s.ColleaguePresent = Text(errors, "colleaguePresent", r.ColleaguePresent, ShortText, "Colleague present", s.ColleaguePresent);

        s.NameKind = Choice(errors, "nameKind", r.NameKind, NameKind.Unknown, "Choose name, alias or unknown.");
        s.PersonName = s.NameKind == NameKind.Unknown ? null : Text(errors, "personName", r.PersonName, ShortText, "Name", s.PersonName);
        if (r.ApproximateAge is < 0 or > 120)
        {
            errors["approximateAge"] = ["Approximate age must be between 0 and 120, or left empty if unknown."];
        }
        else
        {
            s.ApproximateAge = r.ApproximateAge;
        }
        s.SuspectedMinor = r.SuspectedMinor ?? false;
        s.WithParentOrGuardian = r.WithParentOrGuardian ?? false;
        s.Gender = Choice(errors, "gender", r.Gender, Gender.Unknown, "Choose female, male, other or unknown.");
        s.Nationality = Text(errors, "nationality", r.Nationality, ShortText, "Nationality", s.Nationality);
        s.Language = Text(errors, "language", r.Language, ShortText, "Language", s.Language);
        s.InterpreterNeeded = r.InterpreterNeeded ?? false;

        s.Accompanied = r.Accompanied ?? false;
        s.CompanionSeemsToControl = s.Accompanied && (r.CompanionSeemsToControl ?? false);
        s.SeparatedFromCompanion = s.Accompanied && (r.SeparatedFromCompanion ?? false);
        s.CompanionDescription = s.Accompanied ? Text(errors, "companionDescription", r.CompanionDescription, NoteText, "Companion", s.CompanionDescription) : null;
        s.ImmediateDanger = r.ImmediateDanger ?? false;
        s.DangerDetails = s.ImmediateDanger ? Text(errors, "dangerDetails", r.DangerDetails, NoteText, "Danger details", s.DangerDetails) : null;

        ApplyIndicators(s, r.Indicators ?? [], catalogue, errors);
        s.Statement = Text(errors, "statement", r.Statement, LongText, "Statement", s.Statement);

        var presumed = r.PresumedVictim ?? false;
        if (presumed && !s.PresumedVictim)
        {
            s.PresumedVictimDeclaredAt = now;
        }
        else if (!presumed)
        {
            s.PresumedVictimDeclaredAt = null;
        }
        s.PresumedVictim = presumed;
        s.OffenderFlag = r.OffenderFlag ?? false;
        s.SuspectedOffence = s.OffenderFlag ? Text(errors, "suspectedOffence", r.SuspectedOffence, NoteText, "Suspected offence", s.SuspectedOffence) : null;
        if (s.Status != ScreeningStatus.Draft)
        {
            // Completion checked these; a later change (a `PUT {}`, a cleared field) cannot empty them again. What
            // was missing before (a record older than the rule) is not held against this change.
            foreach (var (field, messages) in ReadyToComplete(s))
            {
                var kept = field switch
                {
                    "intakeChannel" => (s.IntakeChannel = before.IntakeChannel) is not null,
                    "place" => (s.Place = before.Place) is not null,
                    "encounteredAt" => (s.EncounteredAt = before.EncounteredAt) is not null,
                    "dangerDetails" => (s.DangerDetails = before.DangerDetails) is not null,
                    _ => false,
                };
                if (kept)
                {
                    errors[field] = messages;
                }
            }
        }
        s.UpdatedAt = now;
        return errors;
    }

    /// <summary>What must be known before guidance is final and the screening can be referred.</summary>
    public static Dictionary<string, string[]> ReadyToComplete(Screening s)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (s.IntakeChannel is null)
        {
            errors["intakeChannel"] = ["Say how the person came to your attention."];
        }
        if (s.Place is null)
        {
            errors["place"] = ["Say where the encounter took place."];
        }
        if (s.EncounteredAt is null)
        {
            errors["encounteredAt"] = ["Say when the encounter took place."];
        }
        if (s.ImmediateDanger && s.DangerDetails is null)
        {
            errors["dangerDetails"] = ["Describe the danger, so the receiving unit can act on it."];
        }
        return errors;
    }

    public static ScreeningRequest ToRequest(Screening s) => new(
        s.IntakeChannel, s.Place, s.EncounteredAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
        s.ColleaguePresent, s.NameKind.ToString(), s.PersonName, s.ApproximateAge, s.SuspectedMinor, s.WithParentOrGuardian,
        s.Gender.ToString(), s.Nationality, s.Language, s.InterpreterNeeded, s.Accompanied, s.CompanionSeemsToControl,
        s.SeparatedFromCompanion, s.CompanionDescription, s.ImmediateDanger, s.DangerDetails,
        s.Indicators.Select(i => new IndicatorInput(i.IndicatorId, i.Note)).ToList(), s.Statement, s.PresumedVictim,
        s.OffenderFlag, s.SuspectedOffence);

    private static void ApplyIndicators(Screening s, IReadOnlyList<IndicatorInput> input, CatalogueEdition catalogue,
        Dictionary<string, string[]> errors)
    {
        var wanted = new Dictionary<string, string?>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var item in input)
        {
            var indicator = item?.Id is { } id ? catalogue.Find(id) : null;
            if (indicator is not { Tickable: true })
            {
                unknown.Add(item?.Id ?? "(empty)");
                continue;
            }
            var note = Clean(item!.Note);
            if (note?.Length > NoteText)
            {
                errors[$"indicators.{indicator.Id}"] = [$"The note on {indicator.Id} is longer than {NoteText} characters."];
                note = s.Indicators.FirstOrDefault(i => i.IndicatorId == indicator.Id)?.Note;
            }
            wanted[indicator.Id] = note;
        }
        if (unknown.Count > 0)
        {
            errors["indicators"] = [$"Not indicators of catalogue version {catalogue.Version}: {string.Join(", ", unknown)}."];
        }
        s.Indicators.RemoveAll(i => !wanted.ContainsKey(i.IndicatorId));
        foreach (var (id, note) in wanted)
        {
            var existing = s.Indicators.FirstOrDefault(i => i.IndicatorId == id);
            if (existing is null)
            {
                s.Indicators.Add(new ScreeningIndicator { ScreeningId = s.Id, IndicatorId = id, Note = note });
            }
            else if (existing.Note != note)
            {
                existing.Note = note;
            }
        }
    }

    private static T Choice<T>(Dictionary<string, string[]> errors, string field, string? value, T fallback, string message)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }
        if (Enums.Named<T>(value, ignoreCase: true) is { } parsed)
        {
            return parsed;
        }
        errors[field] = [message];
        return fallback;
    }

    /// <summary>A text that is too long is refused and the saved value kept: nothing is cut off silently.</summary>
    private static string? Text(Dictionary<string, string[]> errors, string field, string? value, int max, string name, string? current)
    {
        var clean = Clean(value);
        if (clean?.Length > max)
        {
            errors[field] = [$"{name} is too long: at most {max} characters (now {clean.Length}). The last saved text is kept."];
            return current;
        }
        return clean;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
