namespace Qdms.Engines.Snmp.Tasks;

/// <summary>A task that cannot run as asked: its fault code and text go to the task as they are.</summary>
internal sealed class TaskFault(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
