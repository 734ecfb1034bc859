namespace Qdms.Scenarios.Format;

/// <summary><c>on_fail</c>: continue | abort | {goto: step} | {retry: n}.</summary>
public sealed record OnFailPolicy(OnFailAction Action, string? Target = null, int Retries = 0)
{
    /// <summary>The default: continue.</summary>
    public static OnFailPolicy Continue { get; } = new(OnFailAction.Continue);
}
