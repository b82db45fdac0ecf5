using System.Runtime.InteropServices;

namespace Ariadne.Bench;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>), printed beside wall-clock latency
/// because these 2-core machines are shared: a query's wall time includes waiting for a core, its CPU time does not.
/// </summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: the struct is blittable, and the bench needs no unsafe code for one call.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static bool Available { get; } = OperatingSystem.IsLinux() && Probe();

    private static bool Probe()
    {
        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    public static double Microseconds()
    {
        if (!Available || ClockGetTime(ClockThreadCpuTimeId, out var t) != 0)
        {
            return 0;
        }
        return t.Seconds * 1e6 + t.Nanoseconds / 1e3;
    }
}
