using Ariadne.Matching.Index;
using BenchmarkDotNet.Attributes;

namespace Ariadne.Bench;

/// <summary>
/// Exact lookup and add on an index of a million synthetic identifiers (issue #11 item 4). Prints; asserts nothing.
/// Run: <c>dotnet run -c Release --project bench/Ariadne.Bench -- --filter '*IdentifierIndex*'</c>.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from it.</remarks>
[MemoryDiagnoser]
public class IdentifierIndexBenchmarks : IDisposable
{
    private const int Batch = 1_000;
    private IdentifierIndex _index = new();
    private IdentifierValue[] _hits = [];
    private IdentifierValue[] _misses = [];
    private IdentifierValue[][] _newReports = [];
    private Guid[] _newIds = [];

    [Params(1_000_000)]
    public int Identifiers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        var synthetic = new SyntheticIdentifiers(random);
        _index.Dispose();
        _index = new IdentifierIndex();
        var added = new List<IdentifierValue>();
        for (var count = 0; count < Identifiers;)
        {
            IdentifierValue[] values = [.. Enumerable.Range(0, random.Next(1, 6)).Select(_ => synthetic.Any("RO").Value)];
            _index.Add(synthetic.NewId(), values);
            count += values.Length;
            if (random.Next(100) == 0)
            {
                added.AddRange(values);
            }
        }
        _hits = [.. added.Take(Batch).Select(v => v with { Key = new string(v.Key.AsSpan()) })];
        _misses = [.. Enumerable.Range(0, Batch).Select(_ => synthetic.Any("BG").Value)];
        _newReports = [.. Enumerable.Range(0, Batch).Select(_ => new[] { synthetic.Any("UA").Value, synthetic.Any("UA").Value, _hits[random.Next(Batch)] })];
        _newIds = [.. Enumerable.Range(0, Batch).Select(_ => synthetic.NewId())];
    }

    [Benchmark(Description = "exact lookup, value present", OperationsPerInvoke = Batch)]
    public int LookupHit()
    {
        var found = 0;
        foreach (var value in _hits)
        {
            found += _index.Lookup(value.Kind, value.Key).Count;
        }
        return found;
    }

    [Benchmark(Description = "exact lookup, value absent", OperationsPerInvoke = Batch)]
    public int LookupMiss()
    {
        var found = 0;
        foreach (var value in _misses)
        {
            found += _index.Lookup(value.Kind, value.Key).Count;
        }
        return found;
    }

    /// <summary>Add a report of three identifiers (one already indexed) and remove it again, so the index stays the same size.</summary>
    [Benchmark(Description = "add + remove a report of 3 identifiers", OperationsPerInvoke = Batch)]
    public void AddThenRemove()
    {
        for (var i = 0; i < Batch; i++)
        {
            _index.Add(_newIds[i], _newReports[i]);
        }
        for (var i = 0; i < Batch; i++)
        {
            _index.Remove(_newIds[i]);
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _index.Dispose();
        GC.SuppressFinalize(this);
    }
}
