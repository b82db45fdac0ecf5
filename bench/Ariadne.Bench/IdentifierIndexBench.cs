using System.Diagnostics;
using Ariadne.Matching.Index;
using static Ariadne.Bench.BenchArgs;

namespace Ariadne.Bench;

/// <summary>
/// Issue #11 done-when line 2: at 10,000,000 identifiers, exact lookup p99 ≤ 1 ms; memory per identifier; build and
/// reload times. Prints figures; asserts nothing.
/// <code>
/// dotnet run -c Release --project bench/Ariadne.Bench -- identifiers [--rows 10000000] [--seed 11] [--snapshot FILE]
/// </code>
/// Rows are identifier occurrences: reports of 1–5 identifiers each, mixed kinds, keys pre-normalised in the real
/// normalisers' formats (a sample is run through the real normalisers to show the keys agree); one in ten reuses a
/// value from a pool of 100,000 (numbers that recur across reports), the rest are drawn from spaces far larger.
/// </summary>
internal static class IdentifierIndexBench
{
    public static int Run(string[] args)
    {
        var rows = Int(args, "--rows", 10_000_000);
        var seed = Int(args, "--seed", 11);
        var snapshotPath = Option(args, "--snapshot") ?? Path.Combine(Path.GetTempPath(), $"ariadne-identifiers-{Environment.ProcessId}.idx");
        var random = new Random(seed);
        var synthetic = new SyntheticIdentifiers(random);
        Console.WriteLine($"identifier index: {rows:N0} identifiers, seed {seed}, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}, load average {LoadAverage()}");

        SyntheticIdentifiers.PrintAgreement(Enumerable.Range(0, 20_000)
            .Select(i => synthetic.Any(SyntheticIdentifiers.Regions[i % SyntheticIdentifiers.Regions.Length])));

        var pool = Enumerable.Range(0, 100_000).Select(_ => synthetic.Any("RO").Value).ToArray();
        // A sample of what was added, as copies (a query arrives as a new string, not the index's own instance).
        var probes = new List<IdentifierValue>(500_000);
        var values = new List<IdentifierValue>(5);

        var before = HeapAfterFullCollection();
        var index = new IdentifierIndex();
        var pauseBefore = GC.GetTotalPauseDuration();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var clock = Stopwatch.StartNew();
        var cpu = Cpu();
        var added = 0;
        var entries = 0;
        var addTicks = 0L;
        while (added < rows)
        {
            values.Clear();
            var count = Math.Min(random.Next(1, 6), rows - added);
            for (var i = 0; i < count; i++)
            {
                var value = random.Next(10) == 0 ? pool[random.Next(pool.Length)] : synthetic.Any(SyntheticIdentifiers.Regions[random.Next(6)]).Value;
                values.Add(value);
                if (probes.Count < probes.Capacity && random.Next(16) == 0)
                {
                    probes.Add(value with { Key = new string(value.Key.AsSpan()) });
                }
            }
            var id = synthetic.NewId();
            var start = Stopwatch.GetTimestamp();
            index.Add(id, values, changeSequence: entries);
            addTicks += Stopwatch.GetTimestamp() - start;
            added += count;
            entries++;
        }
        index.AdvanceTo(entries);
        var build = clock.Elapsed;
        var buildCpu = Cpu() - cpu;
        var adding = TimeSpan.FromSeconds((double)addTicks / Stopwatch.Frequency);
        var pauses = GC.GetTotalPauseDuration() - pauseBefore;
        var collections = $"{GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}";
        pool = null;
        var probeBytes = probes.Sum(p => 24L + 2 * p.Key.Length) + probes.Capacity * 16L;
        var after = HeapAfterFullCollection();
        var heap = after - before - probeBytes;
        var distinct = index.ValueCount;
        Console.WriteLine($"build: {Seconds(adding)} in IdentifierIndex.Add for {rows:N0} identifiers in {entries:N0} reports " +
            $"({rows / adding.TotalSeconds:N0} identifiers/s; {Seconds(build)} with generating them, CPU {Seconds(buildCpu)}), {distinct:N0} distinct values; GC pauses {Seconds(pauses)} (gen0/1/2 collections {collections})");
        Console.WriteLine($"memory: {MiB(heap)} GC heap; {(double)heap / rows:N1} bytes per identifier, {(double)heap / distinct:N1} per distinct value");

        // Misses as often as one in five: most checks find nothing.
        var queries = new IdentifierValue[1_000_000];
        for (var i = 0; i < queries.Length; i++)
        {
            queries[i] = i % 5 == 4 ? synthetic.Any("RO").Value : probes[random.Next(probes.Count)];
        }
        var hits = 0L;
        foreach (var query in queries.AsSpan(0, 50_000))
        {
            hits += index.Lookup(query.Kind, query.Key).Count; // warm-up
        }
        var ticks = new long[queries.Length];
        hits = 0;
        for (var i = 0; i < queries.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            hits += index.Lookup(queries[i].Kind, queries[i].Key).Count;
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }
        var total = TimeSpan.FromTicks(ticks.Sum() * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
        Array.Sort(ticks);
        Console.WriteLine($"exact lookup, single thread, {queries.Length:N0} queries (80 % hits, {hits:N0} reports returned): " +
            $"p50 {Micros(ticks, 50)}, p95 {Micros(ticks, 95)}, p99 {Micros(ticks, 99)}, p99.9 {Micros(ticks, 99.9)}, max {Micros(ticks, 100)}; " +
            $"{queries.Length / total.TotalSeconds:N0} lookups/s");

        clock.Restart();
        cpu = Cpu();
        IdentifierSnapshot.WriteFile(index, snapshotPath);
        var write = clock.Elapsed;
        var writeCpu = Cpu() - cpu;
        var size = new FileInfo(snapshotPath).Length;
        Console.WriteLine($"snapshot write: {Seconds(write)} (CPU {Seconds(writeCpu)}), {MiB(size)} ({(double)size / rows:N1} bytes per identifier) to {snapshotPath}");

        var answers = probes.Take(10_000).Select(p => index.Lookup(p.Kind, p.Key)).ToList();
        index.Dispose();
        index = null;
        var beforeReload = HeapAfterFullCollection();
        var reloadPauseBefore = GC.GetTotalPauseDuration();
        clock.Restart();
        cpu = Cpu();
        var result = IdentifierSnapshot.ReadFile(snapshotPath);
        var reload = clock.Elapsed;
        var reloadCpu = Cpu() - cpu;
        var reloadPauses = GC.GetTotalPauseDuration() - reloadPauseBefore;
        if (result is not SnapshotLoaded { Index: var reloaded })
        {
            Console.WriteLine("reload REFUSED: " + ((SnapshotRefused)result).Reason);
            return 1;
        }
        var reloadedHeap = HeapAfterFullCollection() - beforeReload;
        var same = probes.Take(10_000).Select((p, i) => reloaded.Lookup(p.Kind, p.Key).SequenceEqual(answers[i])).Count(x => x);
        Console.WriteLine($"snapshot reload: {Seconds(reload)} (CPU {Seconds(reloadCpu)}) of which GC pauses {Seconds(reloadPauses)} (checksum verified, {reloaded.ValueCount:N0} values, change sequence {reloaded.ChangeSequence:N0}); " +
            $"{MiB(reloadedHeap)} GC heap after reload ({(double)reloadedHeap / rows:N1} bytes per identifier); {same:N0}/10,000 sampled lookups equal the original's");
        reloaded.Dispose();
        if (Option(args, "--snapshot") is null)
        {
            File.Delete(snapshotPath);
        }
        return 0;
    }

    /// <summary>Other work on the machine skews every figure here; printed so a reader can tell.</summary>
    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    internal static long HeapAfterFullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
