using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ariadne.Matching.Names;

namespace Ariadne.Bench;

/// <summary>
/// The name evaluation command of issue #11 item 6, so anyone can score the engine on their own data:
/// <c>names --index FILE [--index FILE …] [--rows N] --queries FILE [--top 10] [--out FILE]</c>.
/// Prints figures; asserts nothing. Bad arguments give a readable message and exit code 2.
/// </summary>
internal static class NamesEvaluation
{
    private const string Usage =
        "usage: names --index FILE [--index FILE ...] [--rows N] --queries FILE [--top 10] [--out FILE] [--snapshot FILE]\n" +
        "  --index    TSV entity_id<TAB>name, no header; rows are indexed in file order across files until --rows\n" +
        "  --queries  TSV query<TAB>expected_entity_id[<TAB>script<TAB>category], no header\n" +
        "  --out      one line per query: query, expected, rank or 0, top entity ids, microseconds\n" +
        "  --snapshot also write the index to FILE, reload it and print both times\n" +
        "  --candidates entries scored per query (default " + "100" + "), to measure the recall/latency trade-off";

    private sealed record Query(string Name, string Expected, string Script, string Category);

    public static int Run(string[] args)
    {
        try
        {
            return RunChecked(args);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"names: {e.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"names: {e.Message}");
            return 2;
        }
        catch (UnauthorizedAccessException e)
        {
            Console.Error.WriteLine($"names: {e.Message}");
            return 2;
        }
    }

    private sealed class UsageException(string message) : Exception(message);

    private static int RunChecked(string[] args)
    {
        var indexFiles = new List<string>();
        string? queriesFile = null, outFile = null, snapshotFile = null;
        long rows = long.MaxValue;
        var top = 10;
        var candidates = NameIndex.DefaultCandidates;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--index":
                    indexFiles.Add(value ?? throw new UsageException("--index needs a file"));
                    i++;
                    break;
                case "--queries":
                    queriesFile = value ?? throw new UsageException("--queries needs a file");
                    i++;
                    break;
                case "--out":
                    outFile = value ?? throw new UsageException("--out needs a file");
                    i++;
                    break;
                case "--snapshot":
                    snapshotFile = value ?? throw new UsageException("--snapshot needs a file");
                    i++;
                    break;
                case "--rows":
                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out rows) || rows < 1)
                    {
                        throw new UsageException($"--rows needs a positive whole number, not '{value}'");
                    }
                    i++;
                    break;
                case "--candidates":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out candidates) || candidates < 1)
                    {
                        throw new UsageException($"--candidates needs a positive whole number, not '{value}'");
                    }
                    i++;
                    break;
                case "--top":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > 1000)
                    {
                        throw new UsageException($"--top needs a whole number from 1 to 1000, not '{value}'");
                    }
                    i++;
                    break;
                default:
                    throw new UsageException($"unknown argument '{args[i]}'");
            }
        }
        if (indexFiles.Count == 0)
        {
            throw new UsageException("at least one --index file is needed");
        }
        if (queriesFile is null)
        {
            throw new UsageException("--queries is needed");
        }
        foreach (var file in indexFiles.Append(queriesFile))
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"no such file: {file}");
            }
        }
        foreach (var file in new[] { outFile, snapshotFile })
        {
            // Checked before the build, not after minutes of work.
            if (file is not null && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder && !Directory.Exists(folder))
            {
                throw new UsageException($"no such folder for {file}");
            }
        }
        var queries = ReadQueries(queriesFile);
        if (queries.Count == 0)
        {
            throw new UsageException($"{queriesFile} holds no query lines (query<TAB>expected_entity_id)");
        }

        // Build: rows in file order across the files until --rows.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var index = new NameIndex(candidates);
        var clock = Stopwatch.StartNew();
        long read = 0, skipped = 0;
        foreach (var file in indexFiles)
        {
            foreach (var line in File.ReadLines(file))
            {
                if (read >= rows)
                {
                    break;
                }
                read++;
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab <= 0 || !index.Add(line[..tab], line[(tab + 1)..].TrimEnd('\r')))
                {
                    skipped++;
                }
            }
        }
        index.TrimExcess();
        var buildTime = clock.Elapsed;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var (keys, postings) = index.Size;
        var indexed = index.Count;
        var heapDelta = heapAfter - heapBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rows read {read:N0}, indexed {indexed:N0}, skipped {skipped:N0} (no entity id or no letters); keys {keys:N0}, postings {postings:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"build {buildTime.TotalSeconds:0.0} s ({indexed / Math.Max(0.001, buildTime.TotalSeconds):N0} names/s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: managed heap delta {heapDelta / 1048576.0:N1} MiB ({(double)heapDelta / Math.Max(1, indexed):N0} bytes per name), working set {Environment.WorkingSet / 1048576.0:N1} MiB"));

        if (snapshotFile is not null)
        {
            Snapshot(index, snapshotFile);
        }

        // The garbage of the build (and of a reloaded snapshot) is collected now, not during the timed queries; a
        // searching service keeps blocking collections short the same way.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.SustainedLowLatency;

        // Warm-up: JIT and caches, not counted.
        foreach (var q in queries.Take(50))
        {
            index.Search(q.Name, top);
        }

        // Single thread: latency per query.
        var results = new (int Rank, IReadOnlyList<NameHit> Hits, double Micros)[queries.Count];
        var cpu = new double[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            var cpuStart = ThreadCpu.Microseconds();
            var start = Stopwatch.GetTimestamp();
            var hits = index.Search(queries[i].Name, top);
            var micros = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            cpu[i] = ThreadCpu.Microseconds() - cpuStart;
            var rank = 0;
            for (var r = 0; r < hits.Count; r++)
            {
                if (string.Equals(hits[r].EntityId, queries[i].Expected, StringComparison.Ordinal))
                {
                    rank = r + 1;
                    break;
                }
            }
            results[i] = (rank, hits, micros);
        }
        var latencies = results.Select(r => r.Micros).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency single thread over {queries.Count:N0} queries: p50 {Percentile(latencies, 50) / 1000:0.000} ms, p95 {Percentile(latencies, 95) / 1000:0.000} ms, p99 {Percentile(latencies, 99) / 1000:0.000} ms, max {latencies[^1] / 1000:0.000} ms"));

        // The same queries' CPU time on this thread: wall time on a machine shared with other work includes the time the
        // thread waited for a core; this does not (it still feels the other work through the caches).
        if (ThreadCpu.Available)
        {
            Array.Sort(cpu);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cpu time single thread (excludes waiting for a core): p50 {Percentile(cpu, 50) / 1000:0.000} ms, p95 {Percentile(cpu, 95) / 1000:0.000} ms, p99 {Percentile(cpu, 99) / 1000:0.000} ms, max {cpu[^1] / 1000:0.000} ms"));
        }

        // Two threads: the same queries split between them, for at least two seconds.
        var passes = 0;
        long answered = 0;
        var throughputClock = Stopwatch.StartNew();
        while (throughputClock.Elapsed < TimeSpan.FromSeconds(2) || passes == 0)
        {
            Parallel.For(0, queries.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => index.Search(queries[i].Name, top));
            answered += queries.Count;
            passes++;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput two threads: {answered / throughputClock.Elapsed.TotalSeconds:N0} queries/s ({answered:N0} queries in {throughputClock.Elapsed.TotalSeconds:0.0} s)"));

        PrintRecall("overall", Enumerable.Range(0, queries.Count), results, top);
        foreach (var group in Enumerable.Range(0, queries.Count).GroupBy(i => queries[i].Script).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            PrintRecall($"script {group.Key}", group, results, top);
        }
        foreach (var group in Enumerable.Range(0, queries.Count).GroupBy(i => queries[i].Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            PrintRecall($"category {group.Key}", group, results, top);
        }

        if (outFile is not null)
        {
            using var writer = new StreamWriter(outFile, append: false, new UTF8Encoding(false));
            for (var i = 0; i < queries.Count; i++)
            {
                var (rank, hits, micros) = results[i];
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{queries[i].Name}\t{queries[i].Expected}\t{rank}\t{string.Join(',', hits.Select(h => h.EntityId))}\t{micros:0}"));
            }
            Console.WriteLine($"per-query lines written to {outFile}");
        }
        return 0;
    }

    private static void Snapshot(NameIndex index, string file)
    {
        var clock = Stopwatch.StartNew();
        using (var stream = new BufferedStream(File.Create(file), 1 << 20))
        {
            index.WriteSnapshot(stream);
        }
        var write = clock.Elapsed;
        clock.Restart();
        using (var stream = new BufferedStream(File.OpenRead(file), 1 << 20))
        {
            using var reloaded = NameIndex.ReadSnapshot(stream);
            var reload = clock.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"snapshot {new FileInfo(file).Length / 1048576.0:N1} MiB: write {write.TotalSeconds:0.0} s, reload {reload.TotalSeconds:0.0} s ({reloaded.Count:N0} names)"));
        }
    }

    private static void PrintRecall(string label, IEnumerable<int> which, (int Rank, IReadOnlyList<NameHit> Hits, double Micros)[] results, int top)
    {
        var ranks = which.Select(i => results[i].Rank).ToArray();
        var at1 = ranks.Count(r => r == 1) / (double)ranks.Length;
        var atTop = ranks.Count(r => r >= 1 && r <= Math.Min(10, top)) / (double)ranks.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recall {label,-28} n={ranks.Length,5}  @1 {at1:0.000}  @{Math.Min(10, top)} {atTop:0.000}"));
    }

    private static double Percentile(double[] sorted, int p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static List<Query> ReadQueries(string file)
    {
        var queries = new List<Query>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            var parts = line.TrimEnd('\r').Split('\t');
            if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new UsageException($"{file} line {lineNumber}: expected query<TAB>expected_entity_id");
            }
            queries.Add(new Query(parts[0], parts[1], parts.Length > 2 ? parts[2] : "(none)", parts.Length > 3 ? parts[3] : "(none)"));
        }
        return queries;
    }
}
