using Ariadne.Matching.Names;
using BenchmarkDotNet.Attributes;
using Bogus;

namespace Ariadne.Bench;

/// <summary>
/// The person-name index (issue #11 items 3 and 4; ADR 0012) at 100,000 Bogus names in many locales and scripts:
/// one search in Latin, one in Cyrillic, one in Arabic across scripts, and adding a name. Prints; asserts nothing.
/// The full figures at two million names come from the `names` evaluation command.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from it.</remarks>
[MemoryDiagnoser]
public class NameIndexBenchmarks : IDisposable
{
    private static readonly string[] s_locales = ["ar", "fa", "el", "ru", "uk", "ja", "ko", "zh_CN", "tr", "ro", "de", "fr", "es", "pl", "vi", "en"];

    private NameIndex _index = null!;
    private string[] _extra = [];
    private int _next;

    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Randomizer.Seed = new Random(11);
        var random = new Random(11);
        var names = s_locales.Select(l => new Bogus.DataSets.Name(l)).ToArray();
        _index = new NameIndex();
        for (var i = 0; i < Rows; i++)
        {
            var name = names[random.Next(names.Length)];
            _index.Add($"d-{i}", $"{name.FirstName()} {name.LastName()}");
        }
        _index.Add("p-1", "Георги Димитров");
        _index.Add("p-2", "Mohammed Abdullah");
        _index.TrimExcess();
        _extra = Enumerable.Range(0, 10_000).Select(_ =>
        {
            var name = names[random.Next(names.Length)];
            return $"{name.FirstName()} {name.LastName()}";
        }).ToArray();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _index?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public int SearchLatin() => _index.Search("Georgi Dimitrov").Count;

    [Benchmark]
    public int SearchCyrillic() => _index.Search("Иван Петров").Count;

    [Benchmark]
    public int SearchArabicAcrossScripts() => _index.Search("محمد عبد الله").Count;

    [Benchmark]
    public bool Add()
    {
        var i = _next++ % _extra.Length;
        return _index.Add($"a-{_next}", _extra[i]);
    }
}
