using System.Text.Json;

namespace Ariadne.Web.Features.Indicators;

public sealed record IndicatorCategory(string Code, string Name, string Section, string Group, string About, string Guidance);

public sealed record Indicator(string Id, string Category, string Label, string Explanation, IReadOnlyList<string> Forms,
    bool Tickable, string Source)
{
    /// <summary>Border indicators only mean something next to the inconsistency observed (IG-05, R-IND-04).</summary>
    public bool RecordsInconsistency => Category == "BOR";
}

/// <summary>One published wording of the indicator lists. Versions are never edited once published.</summary>
public sealed class CatalogueEdition
{
    public required string Version { get; init; }
    public required string Published { get; init; }
    public required string Source { get; init; }
    public required IReadOnlyList<IndicatorCategory> Categories { get; init; }
    public required IReadOnlyList<Indicator> Indicators { get; init; }

    private Dictionary<string, Indicator>? _byId;
    private Dictionary<string, IndicatorCategory>? _categories;

    public Indicator? Find(string id) =>
        (_byId ??= Indicators.ToDictionary(i => i.Id, StringComparer.OrdinalIgnoreCase)).GetValueOrDefault(id);

    public IndicatorCategory Category(string code) =>
        (_categories ??= Categories.ToDictionary(c => c.Code, StringComparer.Ordinal))[code];

    public IEnumerable<Indicator> In(IndicatorCategory category) => Indicators.Where(i => i.Category == category.Code);
}

/// <summary>
/// The indicator catalogue as data (Catalogue/indicators/v*.json in the repository). Every version ever
/// published stays loadable, because a saved screening is always shown in the wording it was made with.
/// The newest version is the one new screenings use.
/// </summary>
public sealed class IndicatorCatalogue
{
    private readonly Dictionary<string, CatalogueEdition> _editions;

    public IndicatorCatalogue(IEnumerable<CatalogueEdition> editions)
    {
        _editions = editions.ToDictionary(e => e.Version, StringComparer.Ordinal);
        if (_editions.Count == 0)
        {
            throw new InvalidOperationException("No indicator catalogue found: Catalogue/indicators/v*.json is missing.");
        }
        Current = _editions.Values.OrderBy(e => int.Parse(e.Version, System.Globalization.CultureInfo.InvariantCulture)).Last();
    }

    public CatalogueEdition Current { get; }

    public IReadOnlyCollection<string> Versions => _editions.Keys;

    public CatalogueEdition? Edition(string version) => _editions.GetValueOrDefault(version);

    public static IndicatorCatalogue Load(string directory)
    {
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "v*.json") : [];
        return new IndicatorCatalogue(files.Select(Read));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CatalogueEdition Read(string path)
    {
        using var stream = File.OpenRead(path);
        var edition = JsonSerializer.Deserialize<CatalogueEdition>(stream, Json)
                      ?? throw new InvalidDataException($"{path} is empty.");
        var categories = edition.Categories.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var stray = edition.Indicators.Where(i => !categories.Contains(i.Category)).Select(i => i.Id).ToList();
        if (stray.Count > 0)
        {
            throw new InvalidDataException($"{path}: indicators with an unknown category: {string.Join(", ", stray)}");
        }
        var duplicate = edition.Indicators.GroupBy(i => i.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{path}: indicator {duplicate.Key} appears twice.");
        }
        return edition;
    }
}

/// <summary>Forms of exploitation (domain catalogue §7.5).</summary>
public static class ExploitationForms
{
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["EXP-SEX"] = "Sexual exploitation",
        ["EXP-LAB"] = "Forced labour or services",
        ["EXP-DOM"] = "Domestic servitude",
        ["EXP-BEG"] = "Forced begging",
        ["EXP-CRIM"] = "Exploitation for criminal activity",
        ["EXP-SLAV"] = "Slavery or slavery-like practices, servitude",
        ["EXP-MAR"] = "Forced marriage",
        ["EXP-ORG"] = "Removal of organs",
        ["EXP-CHILD"] = "Child-specific forms",
    };

    public static string Name(string code) => Names.GetValueOrDefault(code, code);
}
