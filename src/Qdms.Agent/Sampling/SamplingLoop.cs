using System.Diagnostics;

namespace Qdms.Agent.Sampling;

/// <summary>Drives <see cref="DeviceSampler"/> once per configured interval until stopped.</summary>
internal static class SamplingLoop
{
    public static async Task RunAsync(DeviceSampler sampler, AgentOptions options, CancellationToken ct)
    {
        sampler.Sample(Stopwatch.GetTimestamp());
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.SampleIntervalMs));
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                sampler.Sample(Stopwatch.GetTimestamp());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
