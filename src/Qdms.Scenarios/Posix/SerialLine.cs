namespace Qdms.Scenarios.Posix;

/// <summary>Opens a tty and sets its line with termios: raw mode, speed, character size, parity, stop bits and flow control.</summary>
public static unsafe class SerialLine
{
    private static readonly (int Baud, uint Code)[] Speeds =
    [
        (50, 0x1), (75, 0x2), (110, 0x3), (134, 0x4), (150, 0x5), (200, 0x6), (300, 0x7), (600, 0x8), (1200, 0x9), (1800, 0xA),
        (2400, 0xB), (4800, 0xC), (9600, 0xD), (19200, 0xE), (38400, 0xF), (57600, 0x1001), (115200, 0x1002), (230400, 0x1003),
        (460800, 0x1004), (500000, 0x1005), (576000, 0x1006), (921600, 0x1007), (1000000, 0x1008), (1152000, 0x1009),
        (1500000, 0x100A), (2000000, 0x100B), (2500000, 0x100C), (3000000, 0x100D), (3500000, 0x100E), (4000000, 0x100F),
    ];

    /// <summary>The baud rates termios knows.</summary>
    public static IEnumerable<int> SupportedBauds => Speeds.Select(s => s.Baud);

    /// <summary>Opens <paramref name="path"/> (O_RDWR | O_NOCTTY | O_NONBLOCK) and applies <paramref name="settings"/>.</summary>
    public static PosixFd Open(string path, SerialSettings settings)
    {
        var fd = Libc.Open(path, Libc.ORdWr | Libc.ONoCtty | Libc.ONonBlock | Libc.OCloExec);
        if (fd < 0)
        {
            throw PosixException.Last($"open {path}");
        }

        try
        {
            Configure(fd, settings, path);
            _ = Libc.TcFlush(fd, Libc.TcIoFlush);
            return new PosixFd(fd);
        }
        catch
        {
            _ = Libc.Close(fd);
            throw;
        }
    }

    internal static void Configure(int fd, SerialSettings s, string path)
    {
        var speed = Speeds.FirstOrDefault(x => x.Baud == s.Baud).Code;
        if (speed == 0)
        {
            throw new ArgumentException($"baud {s.Baud} is not a termios speed", nameof(s));
        }

        Termios t;
        if (Libc.TcGetAttr(fd, &t) != 0)
        {
            throw PosixException.Last($"tcgetattr {path}");
        }

        Apply(ref t, s);
        if (Libc.CfSetSpeed(&t, speed) != 0)
        {
            throw PosixException.Last($"cfsetspeed {path}");
        }

        if (Libc.TcSetAttr(fd, Libc.TcsaNow, &t) != 0)
        {
            throw PosixException.Last($"tcsetattr {path}");
        }
    }

    /// <summary>Sets raw mode and the character format of <paramref name="s"/> in <paramref name="t"/> (the speed is set apart).</summary>
    internal static void Apply(ref Termios t, SerialSettings s)
    {
        // cfmakeraw, spelled out so every bit is ours.
        t.IFlag &= ~(Termios.IgnBrk | Termios.BrkInt | Termios.ParMrk | Termios.IStrip | Termios.InLcr | Termios.IgnCr | Termios.ICrNl
            | Termios.IXon | Termios.IXOff | Termios.IXAny | Termios.InPck);
        t.OFlag &= ~Termios.OPost;
        t.LFlag &= ~(Termios.Echo | Termios.EchoNl | Termios.EchoE | Termios.EchoK | Termios.ICanon | Termios.ISig | Termios.IExten);
        t.CFlag &= ~(Termios.CSize | Termios.ParEnb | Termios.ParOdd | Termios.CmsPar | Termios.CStopB | Termios.CrtsCts);
        t.CFlag |= Termios.CRead | Termios.CLocal | s.DataBits switch
        {
            5 => Termios.Cs5,
            6 => Termios.Cs6,
            7 => Termios.Cs7,
            8 => Termios.Cs8,
            _ => throw new ArgumentException($"data bits must be 5 to 8; got {s.DataBits}", nameof(s)),
        };
        t.CFlag |= s.Parity switch
        {
            SerialParity.None => 0u,
            SerialParity.Even => Termios.ParEnb,
            SerialParity.Odd => Termios.ParEnb | Termios.ParOdd,
            SerialParity.Mark => Termios.ParEnb | Termios.CmsPar | Termios.ParOdd,
            SerialParity.Space => Termios.ParEnb | Termios.CmsPar,
            _ => 0u,
        };
        if (s.Parity != SerialParity.None)
        {
            t.IFlag |= Termios.InPck;
        }

        t.CFlag |= s.StopBits switch
        {
            1 => 0u,
            2 => Termios.CStopB,
            _ => throw new ArgumentException($"stop bits must be 1 or 2; got {s.StopBits}", nameof(s)),
        };
        switch (s.FlowControl)
        {
            case SerialFlowControl.RtsCts:
                t.CFlag |= Termios.CrtsCts;
                break;
            case SerialFlowControl.XonXoff:
                t.IFlag |= Termios.IXon | Termios.IXOff;
                t.Cc[Termios.VStart] = 0x11;
                t.Cc[Termios.VStop] = 0x13;
                break;
        }

        // VMIN 1: a non-blocking read with nothing to read fails with EAGAIN (VMIN 0 would return 0, which reads as end of file).
        t.Cc[Termios.VMin] = 1;
        t.Cc[Termios.VTime] = 0;
    }

    internal static SerialSettings Read(int fd)
    {
        Termios t;
        if (Libc.TcGetAttr(fd, &t) != 0)
        {
            throw PosixException.Last("tcgetattr");
        }

        return Describe(&t);
    }

    /// <summary>The settings <paramref name="t"/> encodes.</summary>
    internal static SerialSettings Describe(Termios* t)
    {
        var code = Libc.CfGetOSpeed(t);
        var baud = Speeds.FirstOrDefault(x => x.Code == code).Baud;
        var bits = (t->CFlag & Termios.CSize) switch
        {
            Termios.Cs5 => 5,
            Termios.Cs6 => 6,
            Termios.Cs7 => 7,
            _ => 8,
        };
        var parity = (t->CFlag & Termios.ParEnb) == 0 ? SerialParity.None
            : (t->CFlag & Termios.CmsPar) != 0 ? ((t->CFlag & Termios.ParOdd) != 0 ? SerialParity.Mark : SerialParity.Space)
            : (t->CFlag & Termios.ParOdd) != 0 ? SerialParity.Odd : SerialParity.Even;
        var flow = (t->CFlag & Termios.CrtsCts) != 0 ? SerialFlowControl.RtsCts
            : (t->IFlag & Termios.IXon) != 0 ? SerialFlowControl.XonXoff : SerialFlowControl.None;
        return new SerialSettings(baud, bits, parity, (t->CFlag & Termios.CStopB) != 0 ? 2 : 1, flow);
    }
}
