using System.Globalization;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Features.Shared.Csv;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Exchange;

/// <summary>What a case contributes to a CTDC record: never a name, a date of birth or a reference.</summary>
public sealed record CtdcCaseFacts(int Year, string? Gender, int? Age, AgeStatus AgeStatus, string? Nationality, string? CountryOfExploitation,
    string ExploitationForms);

/// <summary>One case-level CTDC record before anonymisation: the codebook values, and the quasi-identifiers' generalisation levels.</summary>
public sealed record CtdcRecord(IReadOnlyDictionary<string, string?> Values, KRecord QuasiIdentifiers);

/// <summary>
/// Case → CTDC Global Synthetic Data record, and the anonymised table. The quasi-identifiers are the year, gender, age band,
/// citizenship and country of exploitation (what a neighbour or an exploiter could know); each generalises one step into an
/// extension column (<c>ext_</c>: the five-year period, child or adult, EU or not) before it is suppressed, so the codebook's
/// columns only ever hold codebook values. The forms of exploitation are what the figures are about and are not generalised.
/// </summary>
public static class CtdcTable
{
    public static readonly IReadOnlyList<string> QuasiIdentifiers = ["yearOfRegistration", "gender", "ageBroad", "citizenship", "CountryOfExploitation"];

    /// <summary>Where each quasi-identifier's first generalisation goes (the codebook has no column for it).</summary>
    public static readonly IReadOnlyList<string?> Extensions = ["ext_yearPeriod", null, "ext_ageGroup", "ext_citizenshipRegion", "ext_exploitationRegion"];

    public static readonly IReadOnlyList<string> Columns = [.. CtdcCodebook.Names, .. Extensions.OfType<string>()];

    public static CtdcRecord From(CtdcCaseFacts c)
    {
        var values = CtdcCodebook.Names.ToDictionary(n => n, _ => (string?)null, StringComparer.Ordinal);
        var forms = c.ExploitationForms.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        // EXP codes of the catalogue (§4.5) onto the codebook's types; domestic servitude is forced labour in domestic work.
        if (forms.Contains("EXP-LAB") || forms.Contains("EXP-DOM"))
        {
            values["isForcedLabour"] = "1";
        }
        if (forms.Contains("EXP-DOM"))
        {
            values["typeOfLabourDomesticWork"] = "1";
        }
        if (forms.Contains("EXP-SEX"))
        {
            values["isSexualExploit"] = "1";
        }
        if (forms.Overlaps(["EXP-BEG", "EXP-CRIM", "EXP-SLAV", "EXP-MAR", "EXP-ORG", "EXP-CHILD"]))
        {
            values["isOtherExploit"] = "1";
        }
        var year = c.Year.ToString(CultureInfo.InvariantCulture);
        var period = $"{c.Year - c.Year % 5}-{c.Year - c.Year % 5 + 4}";
        var citizenship = IsoCountries.Alpha3(c.Nationality);
        var exploitation = IsoCountries.Alpha3(c.CountryOfExploitation);
        var group = c.Age is { } age ? (age < 18 ? "minor" : "adult")
            : c.AgeStatus switch
            {
                AgeStatus.PresumedMinor or AgeStatus.ConfirmedMinor => "minor",
                AgeStatus.ConfirmedAdult => "adult",
                AgeStatus.Unknown => null,
            };
        var qi = new KRecord(
        [
            [year, period, null],
            [Gender(c.Gender), null],
            [CtdcCodebook.AgeBand(c.Age), group, null],
            [citizenship, citizenship is null ? null : IsoCountries.Region(c.Nationality), null],
            [exploitation, exploitation is null ? null : IsoCountries.Region(c.CountryOfExploitation), null],
        ]);
        return new CtdcRecord(values, qi);
    }

    /// <summary>The CTDC gender of Ariadne's screening gender; "Unknown" is missing data.</summary>
    public static string? Gender(string? gender) => gender switch
    {
        "Female" => "Woman",
        "Male" => "Man",
        "Other" => "Trans/Transgender/NonConforming",
        _ => null,
    };

    /// <summary>The rows of the anonymised table, in <see cref="Columns"/> order.</summary>
    public static IEnumerable<string?[]> Rows(IReadOnlyList<CtdcRecord> records, KAnonymity anonymity)
    {
        foreach (var index in anonymity.Kept)
        {
            var record = records[index];
            var row = new Dictionary<string, string?>(record.Values, StringComparer.Ordinal);
            for (var q = 0; q < QuasiIdentifiers.Count; q++)
            {
                var level = anonymity.Levels[q];
                var value = record.QuasiIdentifiers.Levels[q][level];
                row[QuasiIdentifiers[q]] = level == 0 ? value : null;
                if (Extensions[q] is { } extension)
                {
                    row[extension] = level == 1 ? value : null;
                }
            }
            yield return Columns.Select(c => row.GetValueOrDefault(c)).ToArray();
        }
    }
}

/// <summary>The result of a CTDC export, told to the person exporting (the share of suppressed records is part of the figures).</summary>
public sealed record CtdcExportSummary(int Records, int Exported, int Suppressed, double SuppressedShare, int K, IReadOnlyDictionary<string, int> Levels);

/// <summary>The CTDC export of the national coordinator: every case, k-anonymised, audited with its size and suppression.</summary>
public sealed class CtdcExport(AriadneDbContext db, AuditTrail audit)
{
    public const int MaxK = 1000;

    public async Task<(IReadOnlyList<CtdcRecord> Records, KAnonymity Anonymity)> BuildAsync(int k, CancellationToken ct)
    {
        var countries = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Country, ct);
        var facts = await db.Cases.AsNoTracking()
            .Select(c => new { c.OpenedAt, c.Gender, c.ApproximateAge, c.DateOfBirth, c.AgeStatus, c.Nationality, c.ExploitationForms, c.OwnerOrganisationId })
            .ToListAsync(ct);
        var records = facts.Select(c => CtdcTable.From(new CtdcCaseFacts(c.OpenedAt.Year, c.Gender, AgeAt(c.ApproximateAge, c.DateOfBirth, c.OpenedAt),
            c.AgeStatus, c.Nationality, countries.GetValueOrDefault(c.OwnerOrganisationId), c.ExploitationForms))).ToList();
        return (records, KAnonymiser.Apply(records.Select(r => r.QuasiIdentifiers).ToList(), k));
    }

    /// <summary>Writes the table <see cref="BuildAsync"/> made, and audits the export with its size and suppression.</summary>
    public async Task<CtdcExportSummary> WriteAsync(IReadOnlyList<CtdcRecord> records, KAnonymity anonymity, Stream output, CancellationToken ct)
    {
        await WriteRecordsAsync(records, anonymity, output, ct);
        return await AuditAsync(anonymity, ct);
    }

    /// <summary>
    /// The page's download: a ZIP of the records (<c>ctdc-k{k}.csv</c>, exactly what the API sends) and the summary of what was left
    /// out (<c>ctdc-k{k}-summary.csv</c>), so the share of suppressed records travels with the file and the records stay in the
    /// codebook's format. Built in a temporary file (ZipArchive writes synchronously; the response only takes asynchronous writes),
    /// then streamed; audited as the CSV export is.
    /// </summary>
    public async Task<CtdcExportSummary> WriteZipAsync(IReadOnlyList<CtdcRecord> records, KAnonymity anonymity, Stream output, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), "ariadne-ctdc-export-" + Guid.NewGuid().ToString("N") + ".zip");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                using (var zip = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
                {
                    await using (var entry = zip.CreateEntry($"ctdc-k{anonymity.K}.csv").Open())
                    {
                        await WriteRecordsAsync(records, anonymity, entry, ct);
                    }
                    await using (var entry = zip.CreateEntry($"ctdc-k{anonymity.K}-summary.csv").Open())
                    {
                        var csv = CsvWriter.ForStream(entry);
                        foreach (var row in SummaryRows(Summarise(anonymity)))
                        {
                            await csv.WriteRowAsync(row, ct);
                        }
                        await csv.FlushAsync(ct);
                    }
                }
                file.Position = 0;
                await file.CopyToAsync(output, ct);
            }
        }
        finally
        {
            File.Delete(path);
        }
        return await AuditAsync(anonymity, ct);
    }

    /// <summary>What the export left out, as the summary file and the page state it.</summary>
    public static IEnumerable<string?[]> SummaryRows(CtdcExportSummary summary)
    {
        yield return ["Measure", "Value"];
        yield return ["k (every combination of quasi-identifiers occurs at least this often)", summary.K.ToString(CultureInfo.InvariantCulture)];
        yield return ["Case records", summary.Records.ToString(CultureInfo.InvariantCulture)];
        yield return ["Records exported", summary.Exported.ToString(CultureInfo.InvariantCulture)];
        yield return ["Records suppressed", summary.Suppressed.ToString(CultureInfo.InvariantCulture)];
        yield return ["Share suppressed", ShareText(summary.SuppressedShare)];
        foreach (var (name, level) in summary.Levels)
        {
            yield return [$"Quasi-identifier {name}", LevelText(name, level)];
        }
    }

    /// <summary>The share as a percentage with one decimal, the way the page, the summary file and the audit entry write it.</summary>
    public static string ShareText(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    /// <summary>How far a quasi-identifier was generalised: as recorded, one step up (into its extension column), or left out.</summary>
    public static string LevelText(string quasiIdentifier, int level)
    {
        var q = CtdcTable.QuasiIdentifiers.ToList().IndexOf(quasiIdentifier);
        var extension = q >= 0 ? CtdcTable.Extensions[q] : null;
        return level switch
        {
            0 => "as recorded",
            1 when extension is not null => $"generalised (in {extension})",
            _ => "left out",
        };
    }

    private static async Task WriteRecordsAsync(IReadOnlyList<CtdcRecord> records, KAnonymity anonymity, Stream output, CancellationToken ct)
    {
        var csv = CsvWriter.ForStream(output);
        csv.WriteRow(CtdcTable.Columns);
        foreach (var row in CtdcTable.Rows(records, anonymity))
        {
            await csv.WriteRowAsync(row, ct);
        }
        await csv.FlushAsync(ct);
    }

    private async Task<CtdcExportSummary> AuditAsync(KAnonymity anonymity, CancellationToken ct)
    {
        var summary = Summarise(anonymity);
        await audit.RecordAsync(db, ExchangeAuditActions.CtdcExport, "Exchange",
            details: $"CTDC export: {summary.Exported} of {summary.Records} records, k = {anonymity.K}, " +
                     $"{ShareText(summary.SuppressedShare)} suppressed", cancellationToken: ct);
        return summary;
    }

    public static CtdcExportSummary Summarise(KAnonymity anonymity) => new(anonymity.Total, anonymity.Kept.Count, anonymity.Suppressed,
        anonymity.SuppressedShare, anonymity.K,
        CtdcTable.QuasiIdentifiers.Select((q, i) => (q, i)).ToDictionary(x => x.q, x => anonymity.Levels.Count > x.i ? anonymity.Levels[x.i] : 0));

    /// <summary>The age when the case was opened: from the date of birth when known, else the approximate age.</summary>
    public static int? AgeAt(int? approximate, DateOnly? born, DateTime openedAt)
    {
        if (born is { } b)
        {
            var opened = DateOnly.FromDateTime(openedAt);
            var age = opened.Year - b.Year - (opened < b.AddYears(opened.Year - b.Year) ? 1 : 0);
            return age >= 0 ? age : null;
        }
        return approximate;
    }
}

/// <summary>ISO 3166-1 codes as CTDC writes them (alpha-3), and the one generalisation step of a country: EU member or not.</summary>
public static class IsoCountries
{
    /// <summary>The alpha-3 code of an alpha-2 or alpha-3 code; null for free text ("Ruritanian") or anything unknown.</summary>
    public static string? Alpha3(string? country)
    {
        var c = country?.Trim().ToUpperInvariant();
        if (c is null || !c.All(char.IsAsciiLetterUpper))
        {
            return null;
        }
        if (c.Length == 3)
        {
            return c;
        }
        if (c.Length != 2 || c == Countries.NotStated)
        {
            return null;
        }
        try
        {
            var three = new RegionInfo(c).ThreeLetterISORegionName;
            return three.Length == 3 && three.All(char.IsAsciiLetterUpper) ? three : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>"EU" or "non-EU" (ISO alpha-2 input); coarse on purpose: it is the step before suppression.</summary>
    public static string? Region(string? country)
    {
        var c = country?.Trim().ToUpperInvariant();
        if (c is { Length: 3 } && Alpha2Of.Value.TryGetValue(c, out var two))
        {
            c = two;
        }
        return Countries.Normalise(c) is { } code && code != Countries.NotStated ? (Countries.IsEuMember(code) ? "EU" : "non-EU") : null;
    }

    private static readonly Lazy<Dictionary<string, string>> Alpha2Of = new(() => CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
        .OfType<RegionInfo>().Where(r => r.TwoLetterISORegionName.Length == 2 && r.ThreeLetterISORegionName.Length == 3)
        .GroupBy(r => r.ThreeLetterISORegionName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().TwoLetterISORegionName, StringComparer.Ordinal));
}

public static class ExchangeAuditActions
{
    public const string HtcdsExport = "exchange.htcds-export";
    public const string CtdcExport = "exchange.ctdc-export";
    public const string CtdcImport = "exchange.ctdc-import";
    public const string TargetType = "Exchange";
}
