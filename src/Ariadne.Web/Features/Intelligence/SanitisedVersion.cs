using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ariadne.Web.Features.Intelligence;

public enum SanitisedStatus
{
    /// <summary>Being written: seen by its writer's organisation and the supervisors who may release it.</summary>
    Draft,
    /// <summary>Released by an approver of the source's originating agency: readable by support organisations and the forum.</summary>
    Released,
}

/// <summary>
/// Sanitised thematic intelligence (V-06, V-14, issue 10 item 8): a de-personalised version of a report, kept in a store of its
/// own ("a separate store with no personal identifiers", V-06). It holds coded facts (forms of exploitation, countries and
/// their roles, tactical areas, the month) and a text an analyst writes; nothing of it points back to the source for a reader
/// who may not open the source (the source's id and reference are given only to those who may).
/// </summary>
public sealed class SanitisedVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>THM-2026-…: what a support organisation quotes when it asks about it.</summary>
    public required string Reference { get; set; }
    public Guid SourceReportId { get; set; }
    /// <summary>The source's originating organisation: its agency's supervisors release the version, and its country is the forum's.</summary>
    public Guid OriginatorOrganisationId { get; set; }
    public Guid AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";
    public Guid AuthorOrganisationId { get; set; }
    public DateTime CreatedAt { get; set; }
    public SanitisedStatus Status { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Encrypted at rest: until it is released, an analyst may have typed something that must not leave.</summary>
    public string Summary { get; set; } = "";
    /// <summary>Catalogue codes, comma-separated.</summary>
    public string ExploitationTypes { get; set; } = "";
    /// <summary>"RO:origin,BE:destination": countries only, never places.</summary>
    public string Countries { get; set; } = "";
    public string ModusOperandiTags { get; set; } = "";
    /// <summary>yyyy-MM: a month, never a day, so the version cannot be tied to one encounter.</summary>
    public string Period { get; set; } = "";
    public Guid? ReleasedByUserId { get; set; }
    public string? ReleasedByName { get; set; }
    public DateTime? ReleasedAt { get; set; }
}

/// <summary>What can be done with a sanitised version; the switch in <see cref="SanitisedPermissions.Allows"/> has no default arm.</summary>
public enum SanitisedOperation
{
    /// <summary>Read it: a released version by its audience; a draft by its writer's organisation and the releasing supervisors.</summary>
    Read,
    /// <summary>Change a draft's text and codes.</summary>
    Edit,
    /// <summary>Release it to support organisations and the multi-agency forum.</summary>
    Release,
}

/// <summary>The facts about one viewer and one sanitised version that the table needs.</summary>
public sealed record SanitisedFacts(
    bool Released,
    bool ThematicReader,
    bool InForumCountry,
    bool WriterOrganisation,
    bool WritesIntelligence,
    bool SupervisorOfOriginatingAgency,
    bool Author);

/// <summary>
/// Who reads, edits and releases sanitised thematic intelligence (V-06, V-14). Released versions go to the national forum:
/// support organisations, the coordinator, prosecutors and law enforcement of the originator's country; a version is released
/// only by a dissemination supervisor of the source's originating agency who did not write it (the originator decides what
/// leaves, V-13; four eyes, V-18), at the configured authority level (<see cref="SanitisedRelease"/>).
/// </summary>
public static class SanitisedPermissions
{
    public static bool Allows(SanitisedOperation operation, SanitisedFacts f) => operation switch
    {
        SanitisedOperation.Read => f.Released
            ? f.ThematicReader && (f.InForumCountry || f.SupervisorOfOriginatingAgency || (f.WriterOrganisation && f.WritesIntelligence))
            : (f.WriterOrganisation && f.WritesIntelligence) || f.SupervisorOfOriginatingAgency,
        SanitisedOperation.Edit => !f.Released && f.WriterOrganisation && f.WritesIntelligence,
        SanitisedOperation.Release => !f.Released && f.SupervisorOfOriginatingAgency && !f.Author,
    };

    /// <summary>Who writes a sanitised version of a report they may read: analysts, investigators and supervisors, of a submitted one.</summary>
    public static bool MayDerive(IntelligenceReach reach, bool submitted) => reach == IntelligenceReach.ReadWriteWithinHandling && submitted;

    /// <summary>Roles for whom thematic material is written: every intelligence role, support workers and the coordinator (the forum).</summary>
    public static readonly string[] ReaderRoles = [.. IntelligencePermissions.ApiRoles, Security.Roles.Coordinator];
}

/// <summary>The release of a sanitised version as pure functions: who may, and whether the text still names anything of the source.</summary>
public static class SanitisedRelease
{
    /// <summary>Why this approver may not release now (agency, level, four eyes, findings), or null when they may.</summary>
    public static string? Refusal(SpecialHandlingSettings settings, Guid originatingAgencyId, Guid sanitisedAuthorId, Approver approver,
        IReadOnlyList<SanitisationFinding> findings)
    {
        var refusal = SpecialHandling.ApproverRefusal(approver, new SpecialHandlingFacts(sanitisedAuthorId, originatingAgencyId, null, null),
            settings.DisseminationApprovalLevel, "release a sanitised version");
        if (refusal is not null)
        {
            return refusal;
        }
        return findings.Count == 0
            ? null
            : "The text still contains what identifies someone in the source report: " +
              string.Join("; ", findings.Select(f => $"{f.Kind.ToString().ToLowerInvariant()} “{f.Value}”")) + ". Rewrite it, then release.";
    }

    /// <summary>Everything of the source that must not appear in its sanitised version (names, values, dates, free text).</summary>
    public static SourceIdentifiers IdentifiersOf(IntelligenceReport report)
    {
        var names = new List<string>();
        var values = new List<string>();
        var dates = new List<PartialDate>();
        var texts = new List<string>();
        Add(names, report.SourceOfficer);
        Add(values, report.SourceContact);
        Add(texts, report.FreeText);
        Add(texts, report.ModusOperandi);
        Add(texts, report.RiskAssessment);
        foreach (var item in report.Items)
        {
            (item.Kind == IntelligenceItemKind.Person ? names : values).Add(item.Value ?? "");
            Add(values, item.NormalisedKey);
            if (item.Details is null)
            {
                continue;
            }
            try
            {
                using var json = JsonDocument.Parse(item.Details);
                Walk(json.RootElement, "", names, values, dates, texts);
            }
            catch (JsonException)
            {
                // Stored details are validated JSON; were one not, its whole text is what must not be copied.
                texts.Add(item.Details);
            }
        }
        return new SourceIdentifiers(names.Where(n => n.Length > 0).ToList(), values.Where(v => v.Length > 0).ToList(), dates, texts);
    }

    /// <summary>Names and dates by their field's name, other leaves with digits as values; every leaf is text that must not be copied.</summary>
    private static void Walk(JsonElement e, string field, List<string> names, List<string> values, List<PartialDate> dates, List<string> texts)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    Walk(p.Value, p.Name, names, values, dates, texts);
                }
                break;
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray())
                {
                    Walk(x, field, names, values, dates, texts);
                }
                break;
            case JsonValueKind.String when e.GetString() is { Length: > 0 } s:
                var f = field.ToLowerInvariant();
                if (f.Contains("name", StringComparison.Ordinal) || f.Contains("alias", StringComparison.Ordinal))
                {
                    names.Add(s);
                }
                else if ((f.Contains("birth", StringComparison.Ordinal) || f is "dob" || f.Contains("date", StringComparison.Ordinal))
                         && PartialDateOf(s) is { } date)
                {
                    dates.Add(date);
                }
                else if (s.Any(char.IsDigit))
                {
                    // A number, a plate, a reference in the details is an identifier; a colour, a make or a nationality code is not,
                    // and flagging "white" or "BG" in thematic prose would bury the real findings in false alarms.
                    values.Add(s);
                }
                texts.Add(s);
                break;
            case JsonValueKind.Number:
                values.Add(e.GetRawText());
                break;
        }
    }

    /// <summary>"1990", "1990-04", "1990-04-12" (a full timestamp counts by its date).</summary>
    internal static PartialDate? PartialDateOf(string s)
    {
        var parts = s.Trim().Split('T')[0].Split('-');
        int? Part(int i) => parts.Length > i && int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return Part(0) is { } year and >= 1000 and <= 9999
            ? new PartialDate(year, Part(1) is { } m and >= 1 and <= 12 ? m : null, Part(1) is not null && Part(2) is { } d and >= 1 and <= 31 ? d : null)
            : null;
    }

    private static void Add(List<string> list, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            list.Add(value);
        }
    }
}

/// <summary>
/// The first draft of a sanitised version, derived from the report's coded fields only (never its free text, names or
/// identifiers): what the analyst starts from and rewrites into thematic prose.
/// </summary>
public static class SanitisedDraft
{
    public sealed record Derived(string Title, string Summary, string ExploitationTypes, string Countries, string ModusOperandiTags, string Period);

    public static Derived From(IntelligenceReport report)
    {
        var forms = Split(report.ExploitationTypes);
        var countries = report.Items.Where(i => i.Kind is IntelligenceItemKind.Location or IntelligenceItemKind.Route && i.Country is not null)
            .Select(i => (Country: i.Country!, Role: Role(i.Role)))
            .Distinct().OrderBy(c => RoleOrder(c.Role)).ThenBy(c => c.Country, StringComparer.Ordinal).ToList();
        var tags = Split(report.ModusOperandiTags);
        var period = (report.SubmittedAt ?? report.CreatedAt).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var formNames = forms.Count == 0 ? "Trafficking in human beings" : string.Join(", ", forms.Select(Indicators.ExploitationForms.Name));
        var origins = countries.Where(c => c.Role == "origin").Select(c => c.Country).ToList();
        var destinations = countries.Where(c => c.Role is "destination" or "exploitation").Select(c => c.Country).Distinct().ToList();
        var title = formNames + (origins.Count > 0 || destinations.Count > 0
            ? $": {(origins.Count > 0 ? string.Join("/", origins) : "?")} → {(destinations.Count > 0 ? string.Join("/", destinations) : "?")}"
            : "");

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Reported in {Month(period)}. Forms of exploitation: {formNames}.");
        if (countries.Count > 0)
        {
            text.Append(" Countries: ").Append(string.Join(", ", countries.Select(c => $"{CountryName(c.Country)} ({c.Role})"))).Append('.');
        }
        var people = report.Items.Where(i => i.Kind == IntelligenceItemKind.Person)
            .GroupBy(i => i.SubKind == "business" ? "business" : Role(i.Role)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Count(g.Count(), g.Key)).ToList();
        if (people.Count > 0)
        {
            text.Append(" People involved: ").Append(string.Join(", ", people)).Append('.');
        }
        var means = report.Items.Where(i => i.Kind is IntelligenceItemKind.Vehicle or IntelligenceItemKind.Communication
                or IntelligenceItemKind.Document or IntelligenceItemKind.Financial)
            .GroupBy(i => i.Kind).OrderBy(g => g.Key).Select(g => Count(g.Count(), KindWord(g.Key))).ToList();
        if (means.Count > 0)
        {
            text.Append(" Means used: ").Append(string.Join(", ", means)).Append('.');
        }
        if (tags.Count > 0)
        {
            text.Append(" Modus operandi: ").Append(string.Join("; ", tags.Select(TacticalAreas.Name))).Append('.');
        }
        return new Derived(title, text.ToString(), string.Join(',', forms),
            string.Join(',', countries.Select(c => $"{c.Country}:{c.Role}")), string.Join(',', tags), period);
    }

    private static string Role(string? role) => role is { Length: > 0 } r ? r.ToLowerInvariant() : "other";

    private static int RoleOrder(string role) => role switch
    {
        "origin" => 0,
        "transit" => 1,
        "destination" => 2,
        "exploitation" => 3,
        _ => 4,
    };

    private static string KindWord(IntelligenceItemKind kind) => kind switch
    {
        IntelligenceItemKind.Vehicle => "vehicle",
        IntelligenceItemKind.Communication => "means of communication",
        IntelligenceItemKind.Document => "travel or identity document",
        IntelligenceItemKind.Financial => "financial trace",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : what switch
    {
        "business" => $"{n} businesses",
        "means of communication" => $"{n} means of communication",
        "other" => $"{n} others",
        _ => $"{n} {what}s",
    };

    private static string Month(string period) =>
        DateTime.TryParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : period;

    /// <summary>The English name of an ISO country code when the runtime knows it, else the code.</summary>
    public static string CountryName(string code)
    {
        try
        {
            return Ariadne.Web.Features.Organisations.Countries.Normalise(code) is { } c ? new RegionInfo(c).EnglishName : code;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }

    internal static List<string> Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
}
