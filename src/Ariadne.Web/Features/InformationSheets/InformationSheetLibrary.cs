using System.Text.Json;

namespace Ariadne.Web.Features.InformationSheets;

public sealed record SheetSection(string Id, string Heading, string Text);

/// <summary>One information sheet (§6.1, INF-01..INF-11) in one language.</summary>
public sealed record InformationSheet(
    string Language,
    string Name,
    string EnglishName,
    string Direction,
    string Version,
    string ReviewStatus,
    string ReviewNote,
    string Title,
    string Intro,
    IReadOnlyList<SheetSection> Sections,
    string Emergency,
    string ContactsHeading,
    string Footer)
{
    public bool IsReviewed => ReviewStatus == "Reviewed";

    public string EmergencyLine(string number) => Emergency.Replace("{emergencyNumber}", number, StringComparison.Ordinal);
}

/// <summary>
/// The printable information sheets (Catalogue/information-sheets/v*/{language}.json). A translation stays
/// marked "awaiting native review" until a native speaker has checked it, and that mark is printed on it.
/// </summary>
public sealed class InformationSheetLibrary
{
    private readonly List<InformationSheet> _sheets;

    public InformationSheetLibrary(IEnumerable<InformationSheet> sheets)
    {
        _sheets = sheets.ToList();
        if (!_sheets.Any(s => s.Language == "en"))
        {
            throw new InvalidOperationException("The English information sheet is missing from Catalogue/information-sheets.");
        }
        Current = _sheets
            .GroupBy(s => s.Language, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(s => int.Parse(s.Version, System.Globalization.CultureInfo.InvariantCulture)).First())
            .OrderBy(s => s.Language == "en" ? 0 : 1).ThenBy(s => s.EnglishName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The newest version of each language, English first.</summary>
    public IReadOnlyList<InformationSheet> Current { get; }

    public InformationSheet? Find(string? language, string? version = null) => version is null
        ? Current.FirstOrDefault(s => s.Language == language)
        : _sheets.FirstOrDefault(s => s.Language == language && s.Version == version);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static InformationSheetLibrary Load(string directory)
    {
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.json", SearchOption.AllDirectories) : [];
        return new InformationSheetLibrary(files.Select(f =>
        {
            using var stream = File.OpenRead(f);
            return JsonSerializer.Deserialize<InformationSheet>(stream, Json) ?? throw new InvalidDataException($"{f} is empty.");
        }));
    }
}
