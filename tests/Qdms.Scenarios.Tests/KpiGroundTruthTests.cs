using Qdms.Scenarios.Kpis;
using Qdms.Scenarios.Running;
using Qdms.Scenarios.Simulator;

namespace Qdms.Scenarios.Tests;

/// <summary>KPIs computed exactly against faults injected with known ground truth.</summary>
public sealed class KpiGroundTruthTests
{
    [Theory]
    [InlineData("tcp")]
    [InlineData("pty")]
    public async Task Of_143_transactions_with_7_bad_packets_and_2_silences_the_kpis_are_exact(string kind)
    {
        // Ground truth: 4 answers with a wrong checksum and 3 truncated ones (7 bad packets), 2 never answered.
        var faults = new Dictionary<int, SimulatorFault>
        {
            [5] = new(FaultKind.BadChecksum),
            [17] = new(FaultKind.BadChecksum),
            [60] = new(FaultKind.BadChecksum),
            [143] = new(FaultKind.BadChecksum),
            [30] = new(FaultKind.Truncate),
            [31] = new(FaultKind.Truncate),
            [99] = new(FaultKind.Truncate),
            [44] = new(FaultKind.Silence),
            [120] = new(FaultKind.Silence),
        };
        await using var line = SimulatedLine.Start(kind, new SimulatorOptions { Checksums = true, Faults = FaultPlan.At(faults) });
        var (result, _) = await Run.TextAsync(line.Scenario("""
            steps:
              - id: tx
                repeat: 143
                send: { template: "AT+ECHO=${attempt}", suffix: "\r\n" }
                expect: [{ regex: '^\+ECHO: (?<n>\d+)$' }]
                timeout: 2s
            thresholds: ["ssr >= 0.95"]
            """, "verify: { checksum: xor8, format: hex, separator: \"*\" }\n"));

        var k = result.Kpis;
        Assert.Equal(143, k.Attempts);
        Assert.Equal(134, k.Served);
        Assert.Equal(134.0 / 143, k.Ssr);
        Assert.Equal(WilsonInterval.Of(134, 143), k.SsrInterval);
        Assert.Equal(2, k.Timeouts);
        Assert.Equal(7, k.Failures);
        Assert.Equal(7, k.BadPackets);
        Assert.Equal(141, k.FramesReceived);
        Assert.Equal(134, k.ResponseCount);
        Assert.Equal(0, k.Unexpected);

        var truth = line.Simulator.BadFrameOrdinals;
        Assert.Equal(7, truth.Count);
        Assert.Equal(truth.Order(), result.FlaggedFrames.Order());
        var recognition = PacketErrorRecognition.Compute(result.FlaggedFrames, truth, k.FramesReceived);
        Assert.Equal(1.0, recognition.Rate);
        Assert.Equal(0.0, recognition.FalseAlarmRate);

        // 0.937 < 0.95: the threshold fails the run.
        Assert.Equal(RunVerdict.Fail, result.Verdict);
        Assert.Equal([StepStatus.Fail], result.Steps.Where(s => s.Attempt == 5).Select(s => s.Status));
        Assert.Equal([StepStatus.Timeout], result.Steps.Where(s => s.Attempt == 44).Select(s => s.Status));
    }

    [Fact]
    public async Task Stray_bytes_are_flagged_and_counted_as_false_alarms_only_when_good()
    {
        // A line of stray bytes before answer 3 is a bad packet on its own; the real answer after it is good.
        await using var line = SimulatedLine.Start("tcp", new SimulatorOptions { Checksums = true, Faults = FaultPlan.At(new Dictionary<int, SimulatorFault> { [3] = new(FaultKind.StrayBytes) }) });
        var (result, _) = await Run.TextAsync(line.Scenario("""
            steps:
              - { repeat: 5, send: "AT\r\n", expect: OK, timeout: 2s }
            """, "verify: { checksum: xor8, separator: \"*\" }\n"));
        var truth = line.Simulator.BadFrameOrdinals;
        Assert.Equal([3L], truth);
        Assert.Equal(truth, result.FlaggedFrames);
        var r = PacketErrorRecognition.Compute(result.FlaggedFrames, truth, result.Kpis.FramesReceived);
        Assert.Equal(1.0, r.Rate);
        Assert.Equal(0.0, r.FalseAlarmRate);
        Assert.Equal(6, result.Kpis.FramesReceived);
    }
}
