using System.Runtime.InteropServices;

namespace Qdms.Scenarios.Posix;

/// <summary>
/// A non-blocking file descriptor (a tty, a pty master) read and written asynchronously: an operation that would block
/// waits in <c>poll(2)</c> on the descriptor and a private wake-up pipe, so cancellation and disposal end every wait at once.
/// </summary>
public sealed class PosixFd : IDisposable
{
    private readonly int _fd;
    private readonly int _wakeRead;
    private readonly int _wakeWrite;
    private readonly Lock _gate = new();
    private int _waiters;
    private bool _disposed;

    /// <summary>Takes ownership of <paramref name="fd"/> and makes it non-blocking.</summary>
    public unsafe PosixFd(int fd)
    {
        var flags = Libc.Fcntl(fd, Libc.FGetFl, 0);
        if (flags < 0 || Libc.Fcntl(fd, Libc.FSetFl, flags | Libc.ONonBlock) < 0)
        {
            throw PosixException.Last("fcntl(O_NONBLOCK)");
        }

        var pipe = stackalloc int[2];
        if (Libc.Pipe2(pipe, Libc.ONonBlock | Libc.OCloExec) < 0)
        {
            throw PosixException.Last("pipe2");
        }

        _fd = fd;
        _wakeRead = pipe[0];
        _wakeWrite = pipe[1];
    }

    /// <summary>The descriptor, for termios calls.</summary>
    internal int Fd => _fd;

    /// <summary>Reads what is available (at least one byte), or 0 at end of file (the far end closed: EOF, EIO or hang-up).</summary>
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            ObjectDisposedException.ThrowIf(_disposed, this);
            var n = RawRead(_fd, buffer.Span);

            if (n >= 0)
            {
                return (int)n;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == Libc.EIo)
            {
                return 0;
            }

            if (errno != Libc.EAgain && errno != Libc.EIntr)
            {
                throw new PosixException("read", errno);
            }

            if (!await WaitAsync(Libc.PollIn, ct))
            {
                return 0;
            }
        }
    }

    /// <summary>Writes all of <paramref name="data"/>.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        var offset = 0;
        while (offset < data.Length)
        {
            ct.ThrowIfCancellationRequested();
            ObjectDisposedException.ThrowIf(_disposed, this);
            var n = RawWrite(_fd, data.Span[offset..]);

            if (n >= 0)
            {
                offset += (int)n;
                continue;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno != Libc.EAgain && errno != Libc.EIntr)
            {
                throw new PosixException("write", errno);
            }

            if (!await WaitAsync(Libc.PollOut, ct))
            {
                throw new PosixException("write", Libc.EIo);
            }
        }
    }

    /// <summary>Waits until the descriptor is ready for <paramref name="events"/>; false on hang-up or error.</summary>
    private Task<bool> WaitAsync(short events, CancellationToken ct)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _waiters++;
        }

        return Task.Factory.StartNew(() =>
        {
            using var registration = ct.Register(Wake);
            try
            {
                return PollOnce(events, ct);
            }
            finally
            {
                lock (_gate)
                {
                    _waiters--;
                }
            }
        }, ct, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
    }

    private static unsafe nint RawRead(int fd, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return Libc.Read(fd, p, buffer.Length);
        }
    }

    private static unsafe nint RawWrite(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            return Libc.Write(fd, p, data.Length);
        }
    }

    private unsafe bool PollOnce(short events, CancellationToken ct)
    {
        var fds = stackalloc Libc.PollFd[2];
        while (true)
        {
            fds[0] = new Libc.PollFd { Fd = _fd, Events = events };
            fds[1] = new Libc.PollFd { Fd = _wakeRead, Events = Libc.PollIn };
            var r = Libc.Poll(fds, 2, -1);
            if (r < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Libc.EIntr)
                {
                    continue;
                }

                throw new PosixException("poll", errno);
            }

            if (ct.IsCancellationRequested || _disposed)
            {
                DrainWake();
                ct.ThrowIfCancellationRequested();
                throw new ObjectDisposedException(nameof(PosixFd));
            }

            if ((fds[0].Revents & events) != 0)
            {
                return true;
            }

            if ((fds[0].Revents & (Libc.PollHup | Libc.PollErr | Libc.PollNval)) != 0)
            {
                return false;
            }

            // Woken for another waiter's cancellation: let that waiter drain the pipe, then poll again.
            Thread.Yield();
        }
    }

    private unsafe void Wake()
    {
        byte b = 1;
        _ = Libc.Write(_wakeWrite, &b, 1);
    }

    private unsafe void DrainWake()
    {
        var buf = stackalloc byte[64];
        while (Libc.Read(_wakeRead, buf, 64) > 0)
        {
        }
    }

    /// <summary>Ends every wait, then closes the descriptor and the wake-up pipe.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        Wake();
        var deadline = Environment.TickCount64 + 2000;
        while (Volatile.Read(ref _waiters) > 0 && Environment.TickCount64 < deadline)
        {
            Thread.Sleep(1);
        }

        _ = Libc.Close(_fd);
        _ = Libc.Close(_wakeRead);
        _ = Libc.Close(_wakeWrite);
    }
}
