namespace Qdms.Qos.Scoring;

/// <summary>One metric's part in a provider's score: its value in percent (100 = worst), its normalised weight and their product.</summary>
/// <param name="Missing">True when the window held no batch of the group, so the value is 100.</param>
/// <param name="Batches">Batches of the group in the window (failed ones included).</param>
public readonly record struct MetricScore(string Metric, double Value, double Weight, double Contribution, bool Missing, int Batches);
