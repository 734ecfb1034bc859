namespace Qdms.Scenarios.Format;

/// <summary>A validated scenario: where to connect, how to cut frames, and the steps to run.</summary>
/// <param name="Version">The schema version (1).</param>
/// <param name="Iterations">How many times the whole step list runs.</param>
/// <param name="Pacing">The least time between the starts of two iterations.</param>
/// <param name="Verify">The checksum every received frame must carry, or null.</param>
/// <param name="Decoder">The protocol decoder that turns received frames into fields for the log, or null.</param>
public sealed record ScenarioDocument(
    int Version,
    string Name,
    string? Description,
    TransportSpec Transport,
    FramingSpec Framing,
    VerifySpec? Verify,
    string? Decoder,
    IReadOnlyDictionary<string, string> Variables,
    int Iterations,
    TimeSpan Pacing,
    IReadOnlyList<StepSpec> Steps,
    IReadOnlyList<HandlerSpec> Handlers,
    IReadOnlyList<LimitSpec> Limits,
    IReadOnlyList<Comparison> Thresholds)
{
    /// <summary>The schema version this library reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The index of the step named <paramref name="id"/>, or -1.</summary>
    public int IndexOf(string id)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}
