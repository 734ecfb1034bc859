using Qdms.Core.Engines;

namespace Qdms.Storage.Stores;

/// <summary>The words engine states have in the database.</summary>
internal static class EngineStateNames
{
    public static string ToDb(EngineDesiredState s) => s == EngineDesiredState.Running ? "running" : "stopped";

    public static EngineDesiredState DesiredFromDb(string s) => s == "running" ? EngineDesiredState.Running : EngineDesiredState.Stopped;

    public static string ToDb(EngineState s) => s switch
    {
        EngineState.Active => "active",
        EngineState.Starting => "starting",
        EngineState.Failed => "failed",
        _ => "inactive",
    };

    public static EngineState ActualFromDb(string s) => s switch
    {
        "active" => EngineState.Active,
        "starting" => EngineState.Starting,
        "failed" => EngineState.Failed,
        _ => EngineState.Inactive,
    };
}
