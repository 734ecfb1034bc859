using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Qdms.Scenarios.Posix;

/// <summary>
/// <c>struct termios</c> as glibc lays it out on Linux x86_64: four tcflag_t, c_line, c_cc[NCCS = 32], then
/// c_ispeed and c_ospeed (60 bytes with padding).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Termios
{
    public uint IFlag;
    public uint OFlag;
    public uint CFlag;
    public uint LFlag;
    public byte Line;
    public ControlChars Cc;
    public uint ISpeed;
    public uint OSpeed;

    // c_iflag
    public const uint IgnBrk = 0x1, BrkInt = 0x2, IgnPar = 0x4, ParMrk = 0x8, InPck = 0x10, IStrip = 0x20, InLcr = 0x40, IgnCr = 0x80,
        ICrNl = 0x100, IXon = 0x400, IXAny = 0x800, IXOff = 0x1000;

    // c_oflag
    public const uint OPost = 0x1;

    // c_cflag
    public const uint CSize = 0x30, Cs5 = 0x0, Cs6 = 0x10, Cs7 = 0x20, Cs8 = 0x30, CStopB = 0x40, CRead = 0x80, ParEnb = 0x100,
        ParOdd = 0x200, HupCl = 0x400, CLocal = 0x800, CmsPar = 0x40000000, CrtsCts = 0x80000000;

    // c_lflag
    public const uint ISig = 0x1, ICanon = 0x2, Echo = 0x8, EchoE = 0x10, EchoK = 0x20, EchoNl = 0x40, IExten = 0x8000;

    // c_cc indexes
    public const int VTime = 5, VMin = 6, VStart = 8, VStop = 9;

    /// <summary><c>cc_t c_cc[32]</c>.</summary>
    [InlineArray(32)]
    public struct ControlChars
    {
        private byte _element;
    }
}
