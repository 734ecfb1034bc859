using System.Diagnostics;

namespace Qdms.Agent.Sampling;

/// <summary>Drives <see cref="DeviceSampler"/> once per configured interval while the host runs.</summary>
internal sealed class SamplingService(DeviceSampler sampler, AgentOptions options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        sampler.Sample(Stopwatch.GetTimestamp());
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.SampleIntervalMs));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            sampler.Sample(Stopwatch.GetTimestamp());
        }
    }
}
