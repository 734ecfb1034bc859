namespace Qdms.Engines.Tr069;

/// <summary>A task whose arguments cannot become an RPC; the task fails with the message.</summary>
internal sealed class TaskArgumentException(string message) : Exception(message);
