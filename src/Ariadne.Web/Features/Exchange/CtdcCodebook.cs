using System.Globalization;

namespace Ariadne.Web.Features.Exchange;

/// <summary>The kind of values a CTDC variable holds (codebook "Type").</summary>
public enum CtdcVariableType
{
    /// <summary>A year within the codebook's range.</summary>
    Year,
    /// <summary>One of the listed categories.</summary>
    Category,
    /// <summary>An ISO 3166-1 alpha-3 code.</summary>
    Country,
    /// <summary>"1", or missing.</summary>
    Binary,
}

public sealed record CtdcVariable(string Name, CtdcVariableType Type, IReadOnlyList<string> Categories);

/// <summary>
/// The 27 variables of the CTDC Global Synthetic Data codebook (v2024, <c>shared/domain/standards</c>), in the codebook's order, with
/// the values each may hold. Missing data is an empty cell (the codebook's NULL). The export writes these columns and the import
/// validates against them; both name the codebook's spelling exactly (the list says <c>meansWithholdDocs</c>, the detailed
/// description <c>meansWithholdDocuments</c>: the list and the published files use the short name).
/// </summary>
public static class CtdcCodebook
{
    public const int FirstYear = 2002;
    /// <summary>The 2024 release covers 2002–2022; later releases and national files carry later years, so any plausible year passes.</summary>
    public const int MaxYear = 2100;

    public static readonly IReadOnlyList<string> Genders = ["Man", "Woman", "Trans/Transgender/NonConforming"];

    // The codebook writes the bands with an em dash ("0—8"); so do the published files.
    public static readonly IReadOnlyList<string> AgeBands = ["0—8", "9—17", "18—20", "21—23", "24—26", "27—29", "30—38", "39—47", "48+"];

    public static readonly IReadOnlyList<string> TraffickMonths = ["0—12 (0-1 yr)", "13—24 (1-2 yrs)", "25+ (2+ yrs)"];

    public static readonly IReadOnlyList<string> BinaryVariables =
    [
        "meansDebtBondageEarnings", "meansThreats", "meansAbusePsyPhySex", "meansFalsePromises", "meansDrugsAlcohol", "meansDenyBasicNeeds",
        "meansExcessiveWorkHours", "meansWithholdDocs", "isForcedLabour", "isSexualExploit", "isOtherExploit", "typeOfLabourAgriculture",
        "typeOfLabourConstruction", "typeOfLabourDomesticWork", "typeOfLabourHospitality", "typeOfSexProstitution", "typeOfSexPornography",
        "recruiterRelationIntimatePartner", "recruiterRelationFriend", "recruiterRelationFamily", "recruiterRelationOther",
    ];

    public static readonly IReadOnlyList<CtdcVariable> Variables =
    [
        new("yearOfRegistration", CtdcVariableType.Year, []),
        new("gender", CtdcVariableType.Category, Genders),
        new("ageBroad", CtdcVariableType.Category, AgeBands),
        new("citizenship", CtdcVariableType.Country, []),
        new("CountryOfExploitation", CtdcVariableType.Country, []),
        new("traffickMonths", CtdcVariableType.Category, TraffickMonths),
        .. BinaryVariables.Select(v => new CtdcVariable(v, CtdcVariableType.Binary, [])),
    ];

    public static readonly IReadOnlyList<string> Names = Variables.Select(v => v.Name).ToList();

    private static readonly Dictionary<string, CtdcVariable> ByName = Variables.ToDictionary(v => v.Name, StringComparer.Ordinal);

    public static CtdcVariable? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Null when <paramref name="value"/> is a valid value of the variable (empty is missing data); otherwise why not.</summary>
    public static string? Check(CtdcVariable variable, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }
        return variable.Type switch
        {
            CtdcVariableType.Year => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                                     && year is >= FirstYear and <= MaxYear
                ? null
                : $"a year from {FirstYear} to {MaxYear} is expected, not \"{Shorten(value)}\"",
            CtdcVariableType.Category => variable.Categories.Contains(value, StringComparer.Ordinal)
                ? null
                : $"\"{Shorten(value)}\" is not one of {string.Join(", ", variable.Categories)}",
            CtdcVariableType.Country => value.Length == 3 && value.All(char.IsAsciiLetterUpper)
                ? null
                : $"an ISO 3166-1 alpha-3 code is expected, not \"{Shorten(value)}\"",
            CtdcVariableType.Binary => value == "1" ? null : $"1 or empty is expected, not \"{Shorten(value)}\"",
        };
    }

    /// <summary>The codebook band of an age in years (the age when assisted or identified).</summary>
    public static string? AgeBand(int? age) => age switch
    {
        null or < 0 => null,
        <= 8 => "0—8",
        <= 17 => "9—17",
        <= 20 => "18—20",
        <= 23 => "21—23",
        <= 26 => "24—26",
        <= 29 => "27—29",
        <= 38 => "30—38",
        <= 47 => "39—47",
        _ => "48+",
    };

    // A bad cell is quoted back to the person importing; a megabyte of it is not.
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
