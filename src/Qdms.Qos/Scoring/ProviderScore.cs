namespace Qdms.Qos.Scoring;

/// <summary>A provider's score (0 best … 100 worst) with its per-metric breakdown.</summary>
/// <param name="Known">False when no device of the caller's tenant hosts a system of this name: it scores 100 and ranks last.</param>
/// <param name="MissingGroups">Groups (Arrowhead names) without data in the window, for the answer's warnings.</param>
public sealed record ProviderScore(string Provider, long? DeviceId, bool Known, double Score, IReadOnlyList<MetricScore> Metrics, IReadOnlyList<string> MissingGroups);
