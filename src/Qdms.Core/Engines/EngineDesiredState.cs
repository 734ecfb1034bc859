namespace Qdms.Core.Engines;

/// <summary>What an operator asked an engine instance to be; restored after a restart.</summary>
public enum EngineDesiredState
{
    Stopped = 0,
    Running = 1,
}
