using Qdms.Scenarios.Format;
using Qdms.Scenarios.Kpis;
using Qdms.Scenarios.Running;
using Qdms.Scenarios.Simulator;
using Qdms.Testing;

namespace Qdms.Scenarios.Tests;

/// <summary>The paper's LBS, MDT and PDA monitors (the templates under scenarios/templates) against the simulated terminal on a pty.</summary>
public sealed class MonitorTests
{
    private static string Template(string name) => File.ReadAllText(Path.Combine(RepoPaths.Root, "scenarios", "templates", name));

    private static async Task<(RunResult Result, IReadOnlyList<RunEvent> Events)> RunTemplateAsync(string name, PtySimulatorHost host, RunOptions? options = null) =>
        await Run.TextAsync(Template(name), (options ?? new RunOptions()) with { Target = host.DevicePath });

    [Fact]
    public async Task Lbs_sends_nak_and_stops_when_busy_answers_pass_twenty()
    {
        await using var host = new PtySimulatorHost(new SimulatorOptions { Faults = FaultPlan.ForCommand("AT+LBS", new SimulatorFault(FaultKind.Busy)) });
        var (result, events) = await RunTemplateAsync("lbs.yaml", host);

        // Every session answers BUSY: attempts 1-5 take 4 tries each (retry: 3), attempt 6's first BUSY is the 21st.
        // The opening AT check is a transaction too, and the one that was served.
        Assert.Equal(RunStatus.LimitReached, result.Status);
        Assert.Equal(RunVerdict.Fail, result.Verdict);
        Assert.Equal(21, result.Kpis.Counters["busy"]);
        Assert.Equal(1, host.Simulator.NakCount);
        Assert.Equal("NAK", host.Simulator.Commands[^1].Text);
        Assert.Equal(1 + 21 + 1, host.Simulator.Commands.Count);
        Assert.Equal(1 + 21, result.Kpis.Attempts);
        Assert.Equal(1, result.Kpis.Served);
        Assert.Equal(15, result.Kpis.Retries);
        Assert.Equal(6, result.Steps.Where(s => s.StepId == "attempt").Max(s => s.Attempt));
        Assert.Contains(events, e => e.Kind == RunEventKind.Tx && e.Text == "limit busy" && e.Data!.SequenceEqual("NAK\r\n"u8.ToArray()));
    }

    [Fact]
    public async Task Lbs_runs_twenty_attempts_and_counts_busy_answers_against_the_success_ratio()
    {
        var busy = new SimulatorFault(FaultKind.Busy);
        await using var host = new PtySimulatorHost(new SimulatorOptions { Faults = FaultPlan.At(new Dictionary<int, SimulatorFault> { [3] = busy, [8] = busy }) });
        var (result, _) = await RunTemplateAsync("lbs.yaml", host);

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(20, result.Steps.Count(s => s.StepId == "attempt" && s.Status == StepStatus.Pass));
        Assert.Equal(1 + 22, result.Kpis.Attempts);
        Assert.Equal(1 + 20, result.Kpis.Served);
        Assert.Equal(2, result.Kpis.Counters["busy"]);
        Assert.Equal(0, host.Simulator.NakCount);
        Assert.Equal(22, result.Timers["session"].Count);
        Assert.Equal("37.5665", result.Variables["lat"]);

        // 21/23 = 0.913 misses the template's ssr >= 0.95; p95 < 14s holds.
        var ssr = result.Thresholds.Single(t => t.Threshold.Subject == "ssr");
        Assert.False(ssr.Passed);
        Assert.Equal(21.0 / 23, ssr.Actual);
        Assert.True(result.Thresholds.Single(t => t.Threshold.Subject == "p95").Passed);
        Assert.Equal(RunVerdict.Fail, result.Verdict);
    }

    [Fact]
    public async Task Mdt_feeds_the_command_list_in_order_decodes_the_answers_and_takes_direct_commands()
    {
        await using var host = new PtySimulatorHost(new SimulatorOptions());
        var control = new RunControl();
        control.SendDirect("ATI\r\n"u8.ToArray());
        var (result, _) = await RunTemplateAsync("mdt.yaml", host, new RunOptions { Control = control });

        Assert.Equal(RunVerdict.Pass, result.Verdict);
        Assert.Equal(["ATI", "AT+STAT?", "AT+TSID?", "AT+POS?", "DM_MONITORING_REQ"], host.Simulator.Commands.Select(c => c.Text));
        Assert.Equal(["AT+STAT?", "AT+TSID?", "AT+POS?", "DM_MONITORING_REQ"], result.Steps.Select(s => s.Item));
        Assert.Equal(5, result.ReceiveBuffer.Count);
        Assert.Null(result.ReceiveBuffer[0].Fields);
        Assert.Equal("STAT", result.ReceiveBuffer[1].Fields!["command"]);
        Assert.Equal("ready", result.ReceiveBuffer[1].Fields!["1"]);
        Assert.Equal("4098", result.ReceiveBuffer[2].Fields!["0"]);
        Assert.Equal(0, result.Kpis.Unexpected);
    }

    [Fact]
    public async Task Pda_self_checks_pass_on_a_healthy_terminal()
    {
        await using var host = new PtySimulatorHost(new SimulatorOptions());
        var (result, _) = await RunTemplateAsync("pda.yaml", host);
        Assert.Equal(RunVerdict.Pass, result.Verdict);
        Assert.Equal(3 + 5 + 2, result.Steps.Count);
        Assert.Equal("37", result.Variables["cpu"]);
        Assert.Equal("1048576", result.Variables["membytes"]);
        Assert.Equal(["1", "2", "3", "*", "#"], result.Steps.Where(s => s.StepId == "keys").Select(s => s.Item));
    }

    [Fact]
    public async Task Pda_self_checks_catch_cpu_overload_and_a_graphics_memory_error()
    {
        await using var host = new PtySimulatorHost(new SimulatorOptions { CpuLoad = 95, GraphicsFault = true });
        var (result, _) = await RunTemplateAsync("pda.yaml", host);
        Assert.Equal(RunVerdict.Fail, result.Verdict);
        var cpu = result.Steps.Single(s => s.StepId == "cpu");
        Assert.Equal(StepStatus.Fail, cpu.Status);
        Assert.Equal("check 'cpu <= 80' failed: cpu = 95", cpu.Message);
        Assert.Equal(StepStatus.Fail, result.Steps.Single(s => s.StepId == "graphics").Status);
        Assert.Equal(StepStatus.Pass, result.Steps.Single(s => s.StepId == "memory").Status);
    }
}
