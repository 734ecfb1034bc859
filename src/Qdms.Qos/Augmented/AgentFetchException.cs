namespace Qdms.Qos.Augmented;

/// <summary>A device agent could not be read: unreachable, slow, refused, or it answered something else than the protocol.</summary>
public sealed class AgentFetchException(string message, Exception? inner = null) : Exception(message, inner);
