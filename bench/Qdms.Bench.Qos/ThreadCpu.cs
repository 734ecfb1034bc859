using System.Runtime.InteropServices;

namespace Qdms.Bench.Qos;

/// <summary>
/// CPU time of the calling thread (user + system, µs) from <c>getrusage(RUSAGE_THREAD)</c>: on a shared machine it shows what
/// a call costs apart from the time spent waiting for a core, which wall-clock latency also counts.
/// </summary>
internal static partial class ThreadCpu
{
    private const int RusageThread = 1;

    public static double Microseconds()
    {
        return GetRusage(RusageThread, out var u) == 0
            ? (u.UserSeconds + u.SystemSeconds) * 1e6 + u.UserMicros + u.SystemMicros
            : double.NaN;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicros;
        public long SystemSeconds;
        public long SystemMicros;
        public long MaxRss;
        public long Ixrss;
        public long Idrss;
        public long Isrss;
        public long MinFlt;
        public long MajFlt;
        public long NSwap;
        public long InBlock;
        public long OuBlock;
        public long MsgSnd;
        public long MsgRcv;
        public long NSignals;
        public long NVcsw;
        public long NIvcsw;
    }
}
