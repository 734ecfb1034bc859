using System.Text.Json.Serialization;

namespace Qdms.Qos.Augmented;

/// <summary>Source-generated JSON of the device agent's answer.</summary>
[JsonSerializable(typeof(Dictionary<string, double[]>))]
internal sealed partial class AgentJson : JsonSerializerContext;
