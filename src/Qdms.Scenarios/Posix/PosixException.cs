using System.Runtime.InteropServices;

namespace Qdms.Scenarios.Posix;

/// <summary>A libc call failed; the message names the call and the errno text.</summary>
public sealed class PosixException(string call, int errno) : IOException($"{call}: {Libc.Describe(errno)}")
{
    /// <summary>The errno value.</summary>
    public int Errno { get; } = errno;

    internal static PosixException Last(string call) => new(call, Marshal.GetLastPInvokeError());
}
