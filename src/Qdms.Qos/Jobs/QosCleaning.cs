using Qdms.Core.Measurements;
using Qdms.Core.Qos;
using Qdms.Qos.Configuration;
using Qdms.Qos.Journal;

namespace Qdms.Qos.Jobs;

/// <summary>
/// The cleaning job: deletes measurements older than <c>raw.measurement.data.max.age</c> (one bulk delete on the time index)
/// and the evaluator's log entries of the same age, then forgets devices that left the inventory longer than
/// <c>inactive.device.max.age</c> ago and have no measurement left.
/// </summary>
public sealed class QosCleaning(QosOptions options, IMeasurementStore measurements, IQosDeviceStore devices, IQosLogStore logs, QosJournal journal, TimeProvider time)
{
    private const string Logger = "qos.cleaning";

    /// <summary>One pass; returns (measurements deleted, devices forgotten).</summary>
    public async Task<(long Measurements, int Devices)> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rawCutoff = now - TimeSpan.FromMinutes(options.RawMeasurementMaxAgeMinutes);
        var deleted = await measurements.DeleteOlderThanAsync(rawCutoff, ct);
        await logs.DeleteOlderThanAsync(rawCutoff, ct);
        var forgotten = await devices.ForgetInactiveAsync(now - TimeSpan.FromMinutes(options.InactiveDeviceMaxAgeMinutes), ct);
        if (deleted > 0 || forgotten > 0)
        {
            journal.Info(Logger, $"Deleted {deleted} measurements older than {rawCutoff:O}; forgot {forgotten} inactive devices");
        }

        return (deleted, forgotten);
    }
}
