using Qdms.Core.Qos;
using Qdms.Qos.Augmented;
using Qdms.Qos.Configuration;
using Qdms.Qos.Probing;
using Qdms.Qos.Scheduling;
using Qdms.Qos.Targets;

namespace Qdms.Qos.Jobs;

/// <summary>The measurement jobs of a device: an RTT batch every RTT interval, and an agent fetch every augmented interval when it advertises groups.</summary>
public sealed class QosMeasurer(QosOptions options, RttProbes probes, AgentClient agent, QosRecorder recorder, TimeProvider time)
{
    /// <summary>The jobs for a target snapshot.</summary>
    public IEnumerable<QosJob> JobsFor(QosTargetSet targets)
    {
        foreach (var device in targets.Devices)
        {
            yield return new QosJob($"rtt:{device.DeviceId}", TimeSpan.FromSeconds(options.RttIntervalSeconds), ct => MeasureRttAsync(device, ct));
            if (device.AugmentedGroups.Count > 0)
            {
                yield return new QosJob($"aug:{device.DeviceId}", TimeSpan.FromSeconds(options.AugmentedIntervalSeconds), ct => FetchAgentAsync(device, ct));
            }
        }
    }

    /// <summary>One RTT batch to the device, recorded; an address that does not resolve is a failed batch.</summary>
    public async Task MeasureRttAsync(QosTrackedDevice device, CancellationToken ct)
    {
        var address = await TargetAddress.ResolveAsync(device.Address, ct);
        var m = address is null
            ? RttBatch.Summarise(device.TenantId, device.DeviceId, time.GetUtcNow(), [], options.RttProbes)
            : await new RttBatch(probes.For(address), options.RttProbes, TimeSpan.FromMilliseconds(options.RttProbeSpacingMs), options.RttTimeout)
                .RunAsync(device.TenantId, device.DeviceId, address, time, ct);
        await recorder.RecordAsync([m], !m.Failed, ct);
    }

    /// <summary>One fetch of the device agent, recorded per group; an agent that cannot be read gives failed measurements.</summary>
    public async Task FetchAgentAsync(QosTrackedDevice device, CancellationToken ct)
    {
        var oids = ExpandGroups(device.AugmentedGroups);
        try
        {
            var samples = await agent.FetchAsync(device.Address, options.AgentBatch, oids, TimeSpan.FromMilliseconds(options.AgentTimeoutMs), ct);
            await recorder.RecordAsync(AugmentedSummary.Of(device.TenantId, device.DeviceId, time.GetUtcNow(), oids, samples), true, ct);
        }
        catch (AgentFetchException e)
        {
            await recorder.RecordAsync(AugmentedSummary.Failed(device.TenantId, device.DeviceId, time.GetUtcNow(), oids), false, ct);
            throw new AgentFetchException($"device {device.DeviceId} ({device.Name}) agent at {device.Address}: {e.Message}", e);
        }
    }

    /// <summary>The OIDs to ask for: the advertised ones, a per-core group <c>1.5</c> standing for nothing by itself is dropped.</summary>
    private static List<string> ExpandGroups(IReadOnlyList<string> groups) => groups.Where(AgentOids.IsKnown).ToList();
}
