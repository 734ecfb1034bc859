using Qdms.Scenarios.Running;
using Qdms.Scenarios.Simulator;

namespace Qdms.Scenarios.Tests;

/// <summary>The runner against the simulated terminal, over an in-process pty pair and over TCP loopback.</summary>
public sealed class RunnerTests
{
    public static TheoryData<string> Lines => new() { "pty", "tcp" };

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Each_matcher_kind_matches_and_regex_captures_feed_later_templates(string kind)
    {
        await using var line = SimulatedLine.Start(kind);
        var (result, _) = await Run.TextAsync(line.Scenario("""
            timeout: 5s
            steps:
              - { id: ascii, send: "AT\r\n", expect: OK }
              - { id: hex, send: { hex: "41 54 0D 0A" }, expect: [{ hex: "4F 4B" }] }
              - id: regex
                send: "AT+ECHO=hello\r\n"
                expect: [{ regex: '^\+ECHO: (?<said>\w+)$' }]
              - id: template
                send: { template: "AT+ECHO=${said}2", suffix: "\r\n" }
                expect: "+ECHO: hello2"
              - { id: mask, send: "AT+ECHO=xy\r\n", expect: [{ mask: "2B 45 43 48 4F 3A 20 ?? 79" }] }
              - { id: mask_miss, send: "AT+ECHO=xz\r\n", expect: [{ mask: "2B 45 43 48 4F 3A 20 ?? 79" }], strict: true }
            """));
        Assert.Equal(["Pass", "Pass", "Pass", "Pass", "Pass", "Unexpected"], result.Steps.Select(s => s.Status.ToString()));
        Assert.Equal("hello", result.Variables["said"]);
        Assert.Equal(["AT", "AT", "AT+ECHO=hello", "AT+ECHO=hello2", "AT+ECHO=xy", "AT+ECHO=xz"], line.Simulator.Commands.Select(c => c.Text));
        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(1, result.Kpis.Unexpected);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task A_timeout_fails_the_step_and_the_run_goes_on(string kind)
    {
        await using var line = SimulatedLine.Start(kind, new SimulatorOptions { Faults = FaultPlan.At(new Dictionary<int, SimulatorFault> { [1] = new(FaultKind.Silence) }) });
        var (result, _) = await Run.TextAsync(line.Scenario("""
            steps:
              - { id: a, send: "AT\r\n", expect: OK, timeout: 150ms }
              - { id: b, send: "ATI\r\n", expect: "QDMS-SIM 1.0", timeout: 5s }
            """));
        Assert.Equal([StepStatus.Timeout, StepStatus.Pass], result.Steps.Select(s => s.Status));
        Assert.Null(result.Steps[0].ResponseMicros);
        Assert.Equal(1, result.Kpis.Timeouts);
        Assert.Equal(2, result.Kpis.Attempts);
        Assert.Equal(1, result.Kpis.Served);
        Assert.Equal(Kpis.RunVerdict.Fail, result.Verdict);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Fail_on_fails_the_step_and_continue_goes_to_the_next(string kind)
    {
        await using var line = SimulatedLine.Start(kind);
        var (result, _) = await Run.TextAsync(line.Scenario("""
            steps:
              - { id: a, send: "AT+NOPE\r\n", expect: OK, fail_on: [ERROR], on_fail: continue }
              - { id: b, send: "AT\r\n", expect: OK }
            """));
        Assert.Equal([StepStatus.Fail, StepStatus.Pass], result.Steps.Select(s => s.Status));
        Assert.Equal("fail_on matched", result.Steps[0].Message);
        Assert.Equal(1, result.Kpis.Failures);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Abort_ends_the_run_at_the_failed_step(string kind)
    {
        await using var line = SimulatedLine.Start(kind);
        var (result, _) = await Run.TextAsync(line.Scenario("""
            steps:
              - { id: a, send: "AT+NOPE\r\n", expect: OK, fail_on: [ERROR], on_fail: abort }
              - { id: b, send: "AT\r\n", expect: OK }
            """));
        Assert.Equal(RunStatus.Aborted, result.Status);
        Assert.Single(result.Steps);
        Assert.Equal(["AT+NOPE"], line.Simulator.Commands.Select(c => c.Text));
        Assert.Equal(Kpis.RunVerdict.Fail, result.Verdict);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Goto_jumps_over_the_steps_between(string kind)
    {
        await using var line = SimulatedLine.Start(kind);
        var (result, _) = await Run.TextAsync(line.Scenario("""
            steps:
              - { id: a, send: "AT+NOPE\r\n", expect: OK, fail_on: [ERROR], on_fail: { goto: c } }
              - { id: b, send: "ATI\r\n", expect: "QDMS-SIM 1.0" }
              - { id: c, send: "AT\r\n", expect: OK }
            """));
        Assert.Equal(["a", "c"], result.Steps.Select(s => s.StepId));
        Assert.Equal(["AT+NOPE", "AT"], line.Simulator.Commands.Select(c => c.Text));
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Retry_sends_again_until_the_step_passes(string kind)
    {
        var busy = new SimulatorFault(FaultKind.Busy);
        await using var line = SimulatedLine.Start(kind, new SimulatorOptions { Faults = FaultPlan.At(new Dictionary<int, SimulatorFault> { [1] = busy, [2] = busy }) });
        var (result, _) = await Run.TextAsync(line.Scenario("""
            steps:
              - id: a
                send: "AT+LBS\r\n"
                expect: [{ regex: '^\+LBS: ' }, { ascii: BUSY, outcome: fail, count: busy }]
                on_fail: { retry: 3 }
            """));
        Assert.Equal([StepStatus.Fail, StepStatus.Fail, StepStatus.Pass], result.Steps.Select(s => s.Status));
        Assert.Equal([0, 1, 2], result.Steps.Select(s => s.Retry));
        Assert.Equal(2, result.Kpis.Retries);
        Assert.Equal(3, result.Kpis.Attempts);
        Assert.Equal(1, result.Kpis.Served);
        Assert.Equal(2, result.Kpis.Counters["busy"]);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task A_run_can_start_at_a_middle_step(string kind)
    {
        await using var line = SimulatedLine.Start(kind);
        var (result, _) = await Run.TextAsync(line.Scenario("""
            steps:
              - { id: a, send: "AT+ECHO=a\r\n", expect: "+ECHO: a" }
              - { id: b, send: "AT+ECHO=b\r\n", expect: "+ECHO: b" }
              - { id: c, send: "AT+ECHO=c\r\n", expect: "+ECHO: c" }
            """), new RunOptions { StartAt = "b" });
        Assert.Equal(["b", "c"], result.Steps.Select(s => s.StepId));
        Assert.Equal(["AT+ECHO=b", "AT+ECHO=c"], line.Simulator.Commands.Select(c => c.Text));
        Assert.Equal(Kpis.RunVerdict.Pass, result.Verdict);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Pause_holds_the_run_at_a_step_boundary_until_resumed(string kind)
    {
        await using var line = SimulatedLine.Start(kind);
        var control = new RunControl();
        var pauseAfterA = new DelegateSink(e =>
        {
            if (e is { Kind: RunEventKind.StepEnded, Step: "a" })
            {
                control.Pause();
            }
        });
        var run = Run.TextAsync(line.Scenario("""
            steps:
              - { id: a, send: "AT+ECHO=a\r\n", expect: "+ECHO: a" }
              - { id: b, send: "AT+ECHO=b\r\n", expect: "+ECHO: b" }
            """), new RunOptions { Control = control, Sinks = [pauseAfterA] });
        await control.WhenPausedAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(run.IsCompleted);
        Assert.Equal(1, line.CommandCount);
        control.Resume();
        var (result, events) = await run;
        Assert.Equal(["a", "b"], result.Steps.Select(s => s.StepId));
        var kinds = events.Select(e => e.Kind).ToList();
        Assert.True(kinds.IndexOf(RunEventKind.Paused) < kinds.IndexOf(RunEventKind.Resumed));
        Assert.Equal("b", events.Single(e => e.Kind == RunEventKind.Paused).Step);
    }

    [Fact]
    public async Task Stop_while_paused_ends_the_run()
    {
        await using var line = SimulatedLine.Start("pty");
        var control = new RunControl();
        control.Pause();
        var run = Run.TextAsync(line.Scenario("steps:\n  - { send: \"AT\\r\\n\", expect: OK }\n"), new RunOptions { Control = control });
        await control.WhenPausedAsync().WaitAsync(TimeSpan.FromSeconds(30));
        control.Stop();
        var (result, _) = await run;
        Assert.Equal(RunStatus.Stopped, result.Status);
        Assert.Empty(result.Steps);
        Assert.Equal(0, line.CommandCount);
    }

    [Fact]
    public async Task A_handler_consumes_unsolicited_input_and_strict_steps_reject_it()
    {
        await using var line = SimulatedLine.Start("pty", new SimulatorOptions { Faults = FaultPlan.ForCommand("AT+ECHO", new SimulatorFault(FaultKind.Slow, TimeSpan.FromMilliseconds(300))) });
        var ringOnSend = new DelegateSink(e =>
        {
            if (e.Kind == RunEventKind.Tx)
            {
                _ = line.Pty.SendUnsolicitedAsync("RING");
            }
        });
        var (result, _) = await Run.TextAsync(line.Scenario("""
            handlers:
              - { match: { regex: '^RING$' }, count: ring }
            steps:
              - { id: a, send: "AT+ECHO=1\r\n", expect: "+ECHO: 1" }
              - { id: b, send: "AT+ECHO=2\r\n", expect: "+ECHO: 2" }
            """), new RunOptions { Sinks = [ringOnSend] });
        Assert.All(result.Steps, s => Assert.Equal(StepStatus.Pass, s.Status));
        Assert.Equal(2, result.Kpis.Counters["ring"]);
        Assert.Equal(0, result.Kpis.Unexpected);

        await using var line2 = SimulatedLine.Start("pty", new SimulatorOptions { Faults = FaultPlan.ForCommand("AT+ECHO", new SimulatorFault(FaultKind.Slow, TimeSpan.FromMilliseconds(300))) });
        var ring2 = new DelegateSink(e =>
        {
            if (e.Kind == RunEventKind.Tx)
            {
                _ = line2.Pty.SendUnsolicitedAsync("RING");
            }
        });
        var (strict, _) = await Run.TextAsync(line2.Scenario("""
            steps:
              - { id: a, send: "AT+ECHO=1\r\n", expect: "+ECHO: 1" }
              - { id: b, send: "AT+ECHO=2\r\n", expect: "+ECHO: 2", strict: true }
            """), new RunOptions { Sinks = [ring2] });
        Assert.Equal([StepStatus.Pass, StepStatus.Unexpected], strict.Steps.Select(s => s.Status));
        Assert.True(strict.Kpis.Unexpected >= 2);
    }

    [Fact]
    public async Task A_transport_that_cannot_open_fails_the_run_before_anything_is_sent()
    {
        var text = "version: 1\nname: t\ntransport: { kind: serial, device: /dev/qdms-missing-tty }\nsteps:\n  - { send: \"AT\\r\\n\", expect: OK }\n";
        var (result, events) = await Run.TextAsync(text);
        Assert.Equal(RunStatus.Error, result.Status);
        Assert.Equal(Kpis.RunVerdict.Error, result.Verdict);
        Assert.StartsWith("transport (line 3, column 12 (transport)): cannot open serial /dev/qdms-missing-tty", result.Message);
        Assert.DoesNotContain(events, e => e.Kind == RunEventKind.Tx);
        Assert.Empty(result.Steps);
    }

    [Fact]
    public async Task Udp_datagrams_are_frames()
    {
        using var peer = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)peer.Client.LocalEndPoint!).Port;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answering = Task.Run(async () =>
        {
            var got = await peer.ReceiveAsync(cts.Token);
            await peer.SendAsync("\x06OK"u8.ToArray(), got.RemoteEndPoint, cts.Token);
            return got.Buffer;
        });
        var (result, _) = await Run.TextAsync($"version: 1\nname: u\ntransport: {{ kind: udp, host: 127.0.0.1, port: {port} }}\nsteps:\n  - {{ send: {{ hex: \"05 01\" }}, expect: [{{ mask: \"06 ?? 4B\" }}] }}\n");
        Assert.Equal(new byte[] { 5, 1 }, await answering);
        Assert.Equal(StepStatus.Pass, Assert.Single(result.Steps).Status);
    }

    [Fact]
    public async Task Iterations_run_the_steps_again_with_the_iteration_variable()
    {
        await using var line = SimulatedLine.Start("tcp");
        var (result, _) = await Run.TextAsync(line.Scenario("""
            iterations: 3
            pacing: 20ms
            steps:
              - { send: { template: "AT+ECHO=${iteration}", suffix: "\r\n" }, expect: [{ regex: '^\+ECHO: \d$' }] }
            """));
        Assert.Equal([1, 2, 3], result.Steps.Select(s => s.Iteration));
        Assert.Equal(["AT+ECHO=1", "AT+ECHO=2", "AT+ECHO=3"], line.Simulator.Commands.Select(c => c.Text));
    }

    [Fact]
    public async Task Idle_gap_framing_cuts_frames_where_the_line_goes_quiet()
    {
        await using var line = SimulatedLine.Start("pty");
        var text = line.Scenario("""
            steps:
              - { send: "AT\r\n", expect: [{ hex: "4F 4B 0D 0A" }] }
              - { send: "ATI\r\n", expect: [{ regex: '^QDMS-SIM 1\.0\r\n$' }] }
            """).Replace("framing: { kind: delimiter, delimiter: \"\\r\\n\" }", "framing: { kind: idle, gap: 30ms }");
        Assert.Contains("kind: idle", text);
        var (result, _) = await Run.TextAsync(text);
        Assert.Equal([StepStatus.Pass, StepStatus.Pass], result.Steps.Select(s => s.Status));
    }

    [Fact]
    public async Task A_checksum_is_appended_to_what_is_sent()
    {
        // CRC-16/CCITT-FALSE of "AT+ECHO=123456789" is 0xFCED (computed apart, in Python).
        await using var line = SimulatedLine.Start("tcp");
        var (result, events) = await Run.TextAsync(line.Scenario("""
            steps:
              - { send: { ascii: "AT+ECHO=123456789", checksum: crc16-ccitt, suffix: "\r\n" }, expect: "+ECHO: 123456789FCED" }
            """));
        Assert.Equal(StepStatus.Pass, Assert.Single(result.Steps).Status);
        Assert.Equal("AT+ECHO=123456789FCED", Assert.Single(line.Simulator.Commands).Text);
        Assert.Equal("AT+ECHO=123456789FCED\r\n"u8.ToArray(), events.Single(e => e.Kind == RunEventKind.Tx).Data);
    }
}
