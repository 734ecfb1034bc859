using Qdms.Scenarios.Posix;

namespace Qdms.Scenarios.Tests;

public sealed class SerialLineTests
{
    [Fact]
    public async Task Opening_a_pty_slave_sets_its_termios_and_bytes_pass_both_ways()
    {
        using var pty = PtyPair.Open();
        // A pty keeps speed, stop bits and flow control but ignores character size and parity (see Termios_flags_encode_…).
        var wanted = new SerialSettings(19200, 8, SerialParity.None, 2, SerialFlowControl.RtsCts);
        using var line = SerialLine.Open(pty.SlavePath, wanted);
        Assert.Equal(wanted, pty.ReadSlaveSettings());

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await line.WriteAsync("AT\r"u8.ToArray(), cts.Token);
        var buf = new byte[16];
        var n = await pty.Master.ReadAsync(buf, cts.Token);
        Assert.Equal("AT\r"u8.ToArray(), buf[..n]);
        await pty.Master.WriteAsync("OK\r\n"u8.ToArray(), cts.Token);
        n = await line.ReadAsync(buf, cts.Token);
        Assert.Equal("OK\r\n"u8.ToArray(), buf[..n]);
    }

    [Fact]
    public void Xon_xoff_is_set_on_the_line()
    {
        using var pty = PtyPair.Open();
        var wanted = new SerialSettings(9600, 8, SerialParity.None, 1, SerialFlowControl.XonXoff);
        using var line = SerialLine.Open(pty.SlavePath, wanted);
        Assert.Equal(wanted, pty.ReadSlaveSettings());
    }

    [Theory]
    [InlineData(7, SerialParity.Even, 2, SerialFlowControl.RtsCts)]
    [InlineData(5, SerialParity.Odd, 1, SerialFlowControl.None)]
    [InlineData(8, SerialParity.Mark, 1, SerialFlowControl.XonXoff)]
    [InlineData(6, SerialParity.Space, 2, SerialFlowControl.None)]
    public unsafe void Termios_flags_encode_character_size_parity_stop_bits_and_flow(int bits, SerialParity parity, int stop, SerialFlowControl flow)
    {
        var t = new Termios { CFlag = Termios.Cs8 | Termios.ParEnb, LFlag = Termios.ICanon | Termios.Echo, OFlag = Termios.OPost, IFlag = Termios.ICrNl };
        var wanted = new SerialSettings(115200, bits, parity, stop, flow);
        SerialLine.Apply(ref t, wanted);
        Assert.Equal(0u, t.LFlag & (Termios.ICanon | Termios.Echo));
        Assert.Equal(0u, t.OFlag & Termios.OPost);
        Assert.Equal(0u, t.IFlag & Termios.ICrNl);
        Assert.Equal(1, t.Cc[Termios.VMin]);
        var back = SerialLine.Describe(&t);
        Assert.Equal(wanted with { Baud = back.Baud }, back);
    }

    [Fact]
    public async Task A_pending_read_ends_when_cancelled()
    {
        using var pty = PtyPair.Open();
        using var line = SerialLine.Open(pty.SlavePath, new SerialSettings());
        using var cts = new CancellationTokenSource();
        var read = line.ReadAsync(new byte[8], cts.Token).AsTask();
        Assert.False(read.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Opening_a_missing_device_fails_with_the_path()
    {
        var e = Assert.Throws<PosixException>(() => SerialLine.Open("/dev/qdms-no-such-tty", new SerialSettings()));
        Assert.Contains("/dev/qdms-no-such-tty", e.Message);
    }
}
