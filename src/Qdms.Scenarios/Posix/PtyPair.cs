using System.Text;

namespace Qdms.Scenarios.Posix;

/// <summary>
/// An in-process pseudo-terminal pair (posix_openpt, grantpt, unlockpt, ptsname_r): the far end of a serial line for tests and
/// the simulator. <see cref="SlavePath"/> is opened like any serial device; <see cref="Master"/> is the terminal's side.
/// A keep-alive descriptor of the slave stays open so the master never sees a hang-up between the runner's opens.
/// </summary>
public sealed unsafe class PtyPair : IDisposable
{
    private readonly int _keepAlive;

    private PtyPair(PosixFd master, string slavePath, int keepAlive)
    {
        Master = master;
        SlavePath = slavePath;
        _keepAlive = keepAlive;
    }

    /// <summary>The master side (the terminal's end).</summary>
    public PosixFd Master { get; }

    /// <summary>The slave device path, e.g. <c>/dev/pts/7</c>.</summary>
    public string SlavePath { get; }

    /// <summary>Opens a new pair; the slave starts in raw mode.</summary>
    public static PtyPair Open()
    {
        var fd = Libc.PosixOpenPt(Libc.ORdWr | Libc.ONoCtty | Libc.OCloExec);
        if (fd < 0)
        {
            throw PosixException.Last("posix_openpt");
        }

        try
        {
            if (Libc.GrantPt(fd) != 0)
            {
                throw PosixException.Last("grantpt");
            }

            if (Libc.UnlockPt(fd) != 0)
            {
                throw PosixException.Last("unlockpt");
            }

            var name = stackalloc byte[128];
            var rc = Libc.PtsNameR(fd, name, 128);
            if (rc != 0)
            {
                throw new PosixException("ptsname_r", rc);
            }

            var path = Encoding.UTF8.GetString(new ReadOnlySpan<byte>(name, 128).TrimEnd((byte)0).ToArray().TakeWhile(b => b != 0).ToArray());
            var keep = Libc.Open(path, Libc.ORdWr | Libc.ONoCtty | Libc.OCloExec);
            if (keep < 0)
            {
                throw PosixException.Last($"open {path}");
            }

            SerialLine.Configure(keep, new SerialSettings(), path);
            return new PtyPair(new PosixFd(fd), path, keep);
        }
        catch
        {
            _ = Libc.Close(fd);
            throw;
        }
    }

    /// <summary>Reads the slave's current line settings (to check what a serial open configured).</summary>
    public SerialSettings ReadSlaveSettings() => SerialLine.Read(_keepAlive);

    /// <summary>Closes both sides.</summary>
    public void Dispose()
    {
        Master.Dispose();
        _ = Libc.Close(_keepAlive);
    }
}
