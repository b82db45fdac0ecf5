using System.Globalization;

namespace Ariadne.Bench;

/// <summary>`--name value` options of the bench verbs.</summary>
internal static class BenchArgs
{
    public static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    public static int Int(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

    public static bool Flag(string[] args, string name) => args.Contains(name);

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    /// <summary>
    /// CPU time this process used so far. Printed beside wall-clock times: on a machine shared with other work (load
    /// average above the core count) wall-clock time overstates what the code costs; CPU time does not.
    /// </summary>
    public static TimeSpan Cpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>"load average 1/5/15 min: a b c" from /proc/loadavg (Linux), printed beside figures taken on a shared machine.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "load average unknown";

    public static string MiB(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " MiB";

    /// <summary>Percentile of sorted stopwatch ticks, in microseconds.</summary>
    public static string Micros(long[] sortedTicks, double percentile)
    {
        var at = Math.Clamp((int)Math.Ceiling(percentile / 100 * sortedTicks.Length) - 1, 0, sortedTicks.Length - 1);
        return (sortedTicks[at] * 1_000_000.0 / System.Diagnostics.Stopwatch.Frequency).ToString("0.0", CultureInfo.InvariantCulture) + " µs";
    }
}
