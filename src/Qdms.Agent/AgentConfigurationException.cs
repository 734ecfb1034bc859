namespace Qdms.Agent;

/// <summary>The configuration cannot be used; the message names each bad key.</summary>
internal sealed class AgentConfigurationException(string message) : Exception(message);
