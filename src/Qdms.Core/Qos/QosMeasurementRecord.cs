using Qdms.Core.Measurements;

namespace Qdms.Core.Qos;

/// <summary>A stored measurement with its row id (Arrowhead's query answers carry one).</summary>
public sealed record QosMeasurementRecord(long Id, Measurement Measurement);
