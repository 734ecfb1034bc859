using Qdms.Core.Devices;
using Qdms.Core.Measurements;

namespace Qdms.Engines.Snmp.Polling;

/// <summary>What one poll (or task) produced for the writer: values, measurements, and whether the device answered.</summary>
/// <param name="Answered">True when the device answered; false when every attempt timed out (the device is unreachable).</param>
/// <param name="Error">Why the poll failed, when it did (no secrets).</param>
internal sealed record PollOutcome(
    long DeviceId,
    long TenantId,
    bool Answered,
    IReadOnlyList<DeviceParameter> Parameters,
    IReadOnlyList<Measurement> Measurements,
    string? Error = null);
