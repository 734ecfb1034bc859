using Qdms.Qos.Scoring;

namespace Qdms.Qos.Services;

/// <summary>
/// The QoS figures of a tenant's measured devices: <see cref="Bands"/>[i] counts the devices with data whose score is in
/// [<see cref="BandEdges"/>[i], <see cref="BandEdges"/>[i + 1]) (the last band includes 100).
/// </summary>
public sealed record QosOverview(
    QosEvaluationPlan Plan,
    int Measured,
    int NoData,
    IReadOnlyList<int> Bands,
    IReadOnlyList<(ProviderScore Score, string Name)> Best,
    IReadOnlyList<(ProviderScore Score, string Name)> Worst)
{
    /// <summary>Score band edges: good below 25, fair below 50, poor below 75, bad up to 100.</summary>
    public static IReadOnlyList<double> BandEdges { get; } = [0, 25, 50, 75, 100];

    /// <summary>The band index of a score (0 … 100).</summary>
    public static int BandOf(double score)
    {
        for (var i = BandEdges.Count - 2; i > 0; i--)
        {
            if (score >= BandEdges[i])
            {
                return i;
            }
        }

        return 0;
    }
}
