using Qdms.Core.Qos;
using Qdms.Qos.Metrics;

namespace Qdms.Qos.Services;

/// <summary>One measurement in a <c>mgmt/query</c> answer, with its device's UUID and system names.</summary>
public sealed record QosQueryRecord(QosMetricGroup Group, QosMeasurementRecord Record, Guid Uuid, IReadOnlyList<string> Systems);
