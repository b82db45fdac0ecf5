using Ariadne.Web.Features.Cases;
using Ariadne.Web.Features.Exchange;
using Ariadne.Web.Features.Shared.Csv;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ariadne.Tests.Exchange;

/// <summary>Issue 13 item 5 (STR-V1..V4): the CTDC export is k-anonymous, and speaks the codebook's names and codes.</summary>
public sealed class KAnonymiserTests
{
    private static KRecord Record(byte a, byte b, byte c) => new(
    [
        [(a % 9).ToString(System.Globalization.CultureInfo.InvariantCulture), (a % 9 / 3).ToString(System.Globalization.CultureInfo.InvariantCulture), null],
        [(b % 3).ToString(System.Globalization.CultureInfo.InvariantCulture), null],
        [(c % 11).ToString(System.Globalization.CultureInfo.InvariantCulture), (c % 2).ToString(System.Globalization.CultureInfo.InvariantCulture), null],
    ]);

    [Property(MaxTest = 300)]
    public Property Every_quasi_identifier_combination_in_the_output_occurs_at_least_k_times(Tuple<byte, byte, byte>[] rows, PositiveInt kSeed,
        NonNegativeInt toleranceSeed)
    {
        var k = 1 + kSeed.Get % 15;
        var tolerance = toleranceSeed.Get % 4 * 0.1;
        var records = (rows ?? []).Select(r => Record(r.Item1, r.Item2, r.Item3)).ToList();

        var result = KAnonymiser.Apply(records, k, tolerance);

        var combinations = result.Kept.Select(i => string.Join("|", result.ValuesOf(records[i]).Select(v => v ?? "∅")))
            .GroupBy(x => x).Select(g => g.Count()).ToList();
        var everyClassAtLeastK = combinations.All(count => count >= k);
        var accounted = result.Kept.Count + result.Suppressed == records.Count && result.Kept.Distinct().Count() == result.Kept.Count;
        // Generalising can always reach one class of everything, so no more than the tolerated share is lost when k records exist.
        var littleLost = records.Count < k || result.Suppressed <= tolerance * records.Count;
        return (everyClassAtLeastK && accounted && littleLost).Label($"k={k} n={records.Count} kept={result.Kept.Count} levels={string.Join(",", result.Levels)}");
    }

    [Fact]
    public void The_suppressed_share_is_what_was_left_out()
    {
        // 20 identical records and one outlier that no generalisation short of suppressing everything could hide, tolerance 10 %.
        var records = Enumerable.Repeat(Record(1, 1, 1), 20).Append(Record(5, 2, 7)).ToList();
        var result = KAnonymiser.Apply(records, 5, 0.1);
        Assert.Equal(1, result.Suppressed);
        Assert.Equal(1.0 / 21, result.SuppressedShare, 6);
        Assert.Equal([0, 0, 0], result.Levels);
    }

    [Fact]
    public void A_ctdc_table_of_random_cases_uses_the_codebook_names_and_codes_and_is_k_anonymous()
    {
        var codebook = Standards.CtdcVariables();
        Assert.Equal(27, codebook.Count);
        var random = new Random(13);
        string[] genders = ["Female", "Male", "Other", "Unknown"];
        string?[] nationalities = ["RO", "BG", "NG", "VN", "UA", "MD", null, "Ruritanian"];
        string[] forms = ["EXP-SEX", "EXP-LAB", "EXP-DOM", "EXP-CRIM", "EXP-BEG", "EXP-SEX EXP-LAB", ""];
        var facts = Enumerable.Range(0, 3000).Select(_ => new CtdcCaseFacts(2019 + random.Next(8), genders[random.Next(4)],
            random.Next(10) == 0 ? null : random.Next(6, 70), (AgeStatus)random.Next(4), nationalities[random.Next(nationalities.Length)],
            random.Next(3) == 0 ? "DE" : "BE", forms[random.Next(forms.Length)])).ToList();
        var records = facts.Select(CtdcTable.From).ToList();
        const int k = 11;

        var anonymity = KAnonymiser.Apply(records.Select(r => r.QuasiIdentifiers).ToList(), k);
        var csv = CsvWriter.ToText([CtdcTable.Columns, .. CtdcTable.Rows(records, anonymity)]);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();

        var header = lines[0];
        Assert.All(codebook.Keys, name => Assert.Contains(name, header));
        Assert.All(header, column => Assert.True(codebook.ContainsKey(column) || column.StartsWith("ext_", StringComparison.Ordinal),
            $"column {column} is neither a codebook variable nor a named extension"));
        foreach (var row in lines.Skip(1))
        {
            Assert.Equal(header.Length, row.Length);
            for (var i = 0; i < header.Length; i++)
            {
                if (codebook.TryGetValue(header[i], out var variable))
                {
                    Assert.True(variable.Allows(row[i]), $"{header[i]} = \"{row[i]}\" is not a value of the codebook");
                }
            }
        }
        // Every combination of the quasi-identifier columns (codebook and extension alike) occurs at least k times.
        string[] quasi = ["yearOfRegistration", "gender", "ageBroad", "citizenship", "CountryOfExploitation", .. CtdcTable.Extensions.OfType<string>()];
        var indexes = quasi.Select(q => Array.IndexOf(header, q)).ToList();
        var classes = lines.Skip(1).GroupBy(r => string.Join("|", indexes.Select(i => r[i]))).ToList();
        Assert.All(classes, g => Assert.True(g.Count() >= k, $"{g.Key} occurs {g.Count()} times"));
        Assert.Equal(lines.Count - 1, anonymity.Kept.Count);
        Assert.InRange(anonymity.SuppressedShare, 0, 1);
        Assert.Contains(lines.Skip(1), r => r[Array.IndexOf(header, "isForcedLabour")] == "1");
    }
}
