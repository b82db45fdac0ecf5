using System.Text.RegularExpressions;

namespace Ariadne.Tests.Exchange;

/// <summary>
/// The exchange standards read from their text in <c>docs/domain/standards</c> (a snapshot of <c>shared/domain/standards</c>),
/// independently of Ariadne's own tables: the tests compare exports with what the documents say, not with the code's copy.
/// </summary>
internal static partial class Standards
{
    public static string Path(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "docs", "domain", "standards", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("docs/domain/standards/" + name);
    }

    /// <summary>HTCDS 2.0 fields: name including prefix → picklist values (empty for a non-picklist field).</summary>
    public static Dictionary<string, HtcdsField> HtcdsFields()
    {
        var fields = new Dictionary<string, HtcdsField>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path("htcds-2.0-fields.tsv")).Skip(1))
        {
            var cells = line.Split('\t');
            if (cells.Length < 11 || string.IsNullOrWhiteSpace(cells[7]) || cells[7] == "N/A")
            {
                continue;
            }
            var type = cells[8];
            var picklist = type.Contains("Picklist", StringComparison.Ordinal) && !cells[10].StartsWith("Use ", StringComparison.Ordinal)
                ? cells[10].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
                : null;
            fields[cells[7].Trim()] = new HtcdsField(cells[7].Trim(), type, picklist);
        }
        return fields;
    }

    public sealed record HtcdsField(string Name, string Type, HashSet<string>? Picklist);

    /// <summary>The CTDC codebook's variables (its list of variables) and, for categorical ones, the listed categories.</summary>
    public static Dictionary<string, CtdcVariable> CtdcVariables()
    {
        var text = File.ReadAllLines(Path("ctdc-global-synthetic-codebook-v2024.txt"));
        var names = new List<string>();
        var inList = false;
        foreach (var line in text)
        {
            if (line.Contains("LIST OF VARIABLES", StringComparison.Ordinal))
            {
                inList = true;
                continue;
            }
            if (inList && ListEntry().Match(line) is { Success: true } m)
            {
                names.Add(m.Groups[2].Value);
                if (m.Groups[1].Value == "27")
                {
                    break;
                }
            }
        }
        var variables = new Dictionary<string, CtdcVariable>(StringComparer.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (VariableHeading().Match(text[i]) is not { Success: true } heading)
            {
                continue;
            }
            var number = int.Parse(heading.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var name = names[number - 1];
            var type = text.Skip(i).First(l => l.StartsWith("Type:", StringComparison.Ordinal))["Type:".Length..].Trim();
            var values = new List<string>();
            var j = Array.FindIndex(text, i, l => l.StartsWith("Values and categories", StringComparison.Ordinal)) + 1;
            for (; j < text.Length && !text[j].StartsWith("Definition", StringComparison.Ordinal); j++)
            {
                var bullet = text[j].Trim();
                if (bullet.StartsWith('•'))
                {
                    var value = bullet[1..].Trim();
                    var bracket = value.IndexOf(" [", StringComparison.Ordinal);
                    values.Add(bracket >= 0 ? value[..bracket].Trim() : value);
                }
            }
            variables[name] = new CtdcVariable(name, type, values);
        }
        return variables;
    }

    public sealed record CtdcVariable(string Name, string Type, List<string> Values)
    {
        public bool IsCountry => Values.Any(v => v.Contains("Alpha-3", StringComparison.Ordinal));
        public bool IsRange => Values.Any(v => v.StartsWith("Range", StringComparison.Ordinal));

        /// <summary>Whether a CSV cell is a value of this variable: empty is NULL (missing data).</summary>
        public bool Allows(string cell) => cell.Length == 0
            || (IsCountry ? cell.Length == 3 && cell.All(char.IsAsciiLetterUpper)
                : IsRange ? int.TryParse(cell, out var year) && year >= 2002
                : Values.Contains(cell, StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\s+(\d+)\s+([A-Za-z]+)\s*$")]
    private static partial Regex ListEntry();

    [GeneratedRegex(@"^\f?Variable (\d+)\s*$")]
    private static partial Regex VariableHeading();
}
