using System.Globalization;
using System.Text;
using Ariadne.Web.Features.Indicators;
using Ariadne.Web.Features.Screenings;

namespace Ariadne.Web.Features.Referrals;

public sealed record StatementSection(string Heading, IReadOnlyList<string> Lines);

/// <summary>
/// The clear and complete written statement a specialised unit can use (R-ACT-08, R-ACT-11): composed from
/// the structured screening, followed by the officer's own words unchanged. Plain text, so what was sent is
/// exactly what is read and printed.
/// </summary>
public static class WrittenStatement
{
    public static IReadOnlyList<StatementSection> Compose(Screening s, CatalogueEdition catalogue, Assessment a,
        string organisationName, string? recipientName, TimeZoneInfo zone)
    {
        string When(DateTime? utc) => utc is { } t
            ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : "not recorded";

        var flags = new List<string>();
        if (s.PresumedVictim)
        {
            flags.Add($"PRESUMED VICTIM, declared by the officer {When(s.PresumedVictimDeclaredAt)}. Do not detain, charge or remove (R-LEG-01, R-LEG-02).");
        }
        if (a.PresumedMinor)
        {
            flags.Add(a.Unaccompanied ? "PRESUMED CHILD, UNACCOMPANIED: guardian referral is immediate (R-ACT-05)." : "PRESUMED CHILD: child procedure applies until an age assessment says otherwise.");
        }
        if (s.ImmediateDanger)
        {
            flags.Add("IMMEDIATE DANGER reported: " + (s.DangerDetails ?? "no details"));
        }
        if (s.OffenderFlag)
        {
            flags.Add("Also recorded as a suspected offender (" + (s.SuspectedOffence ?? "offence not stated") +
                      "). The presumed-victim status takes precedence for offences resulting from being trafficked (R-IND-07).");
        }

        var sections = new List<StatementSection>
        {
            new("Referral", [
                $"From: {organisationName}, officer {s.OfficerName}",
                $"To: {recipientName ?? "not yet chosen"}",
                $"Assessment: {a.OutcomeText}. Alert level: {a.Alert}. This is guidance, not a decision: the competent authority decides.",
            ]),
        };
        if (flags.Count > 0)
        {
            sections.Add(new("Flags", flags));
        }
        sections.Add(new("Encounter", [
            $"How: {s.IntakeChannel} {IntakeChannels.Label(s.IntakeChannel)}",
            $"Where: {s.Place ?? "not recorded"}",
            $"When: {When(s.EncounteredAt)}",
            $"Colleague present: {s.ColleaguePresent ?? "none recorded"}",
        ]));
        sections.Add(new("The person", [
            $"Name: {(s.NameKind == NameKind.Unknown ? "unknown" : $"{s.PersonName} ({s.NameKind.ToString().ToLowerInvariant()})")}",
            $"Approximate age: {s.ApproximateAge?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}{(s.SuspectedMinor ? "; there are reasons to believe the person is a child" : "")}",
            $"Gender: {s.Gender}",
            $"Nationality: {s.Nationality ?? "unknown"}",
            $"Language: {s.Language ?? "unknown"}{(s.InterpreterNeeded ? "; needs an interpreter" : "")}",
        ]));
        if (s.Accompanied)
        {
            sections.Add(new("Companion", [
                s.CompanionSeemsToControl ? "Accompanied by someone who seemed to control the person." : "Accompanied.",
                s.SeparatedFromCompanion ? "The person was separated from the companion before questioning." : "The person was NOT separated from the companion.",
                $"Description: {s.CompanionDescription ?? "none recorded"}",
            ]));
        }
        var indicatorLines = a.ByCategory.SelectMany(c => c.Found.Select(f =>
            $"[{f.Indicator.Id}] {c.Category.Name}: {f.Indicator.Label}" + (f.Note is null ? "" : $" Observed: {f.Note}"))).ToList();
        if (indicatorLines.Count == 0)
        {
            indicatorLines.Add("No indicators were recorded.");
        }
        indicatorLines.Add($"Indicator catalogue version {catalogue.Version}.");
        if (a.ByForm.Count > 0)
        {
            indicatorLines.Add("Forms of exploitation the indicators point to: " +
                               string.Join("; ", a.ByForm.Select(f => $"{f.Name} ({f.Count})")) + ".");
        }
        sections.Add(new("Indicators observed", indicatorLines));
        sections.Add(new("Mandatory actions", a.Actions.Select(x =>
            $"{x.Id}: {(x.DoneAt is { } done ? $"done {When(done)} by {x.DoneBy}" : "not recorded as done")}").ToList()));
        if (s.InformationSheets.Count > 0)
        {
            sections.Add(new("Information given", s.InformationSheets.OrderBy(i => i.GivenAt).Select(i =>
                $"Information sheet v{i.SheetVersion} in '{i.Language}' given {When(i.GivenAt)} by {i.GivenByName}.").ToList()));
        }
        sections.Add(new("Officer's statement", [s.Statement ?? "(no statement written)"]));
        return sections;
    }

    public static string ToText(IReadOnlyList<StatementSection> sections)
    {
        var text = new StringBuilder();
        foreach (var section in sections)
        {
            text.Append("== ").Append(section.Heading).AppendLine(" ==");
            foreach (var line in section.Lines)
            {
                text.AppendLine(line);
            }
            text.AppendLine();
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>Splits a stored statement back into sections for display.</summary>
    public static IReadOnlyList<StatementSection> Parse(string text)
    {
        var sections = new List<StatementSection>();
        string? heading = null;
        var lines = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.StartsWith("== ", StringComparison.Ordinal) && trimmed.EndsWith(" ==", StringComparison.Ordinal))
            {
                if (heading is not null)
                {
                    sections.Add(new(heading, Trim(lines)));
                }
                heading = trimmed[3..^3];
                lines = [];
            }
            else
            {
                lines.Add(trimmed);
            }
        }
        if (heading is not null)
        {
            sections.Add(new(heading, Trim(lines)));
        }
        return sections;
    }

    private static List<string> Trim(List<string> lines)
    {
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }
}
