using Qdms.Core.Errors;
using Qdms.Core.Security;
using Qdms.Qos.Configuration;
using Qdms.Qos.Scoring;
using Qdms.Qos.Targets;

namespace Qdms.Qos.Services;

/// <summary>
/// Arrowhead's qualityEvaluation: filter and sort providers (system names) by their weighted KPI scores. Names are resolved
/// only among the caller's tenant's devices (all tenants for a sysop); a name no device there hosts is unknown and scores worst.
/// </summary>
public sealed class QosEvaluationService(QosOptions options, QosTargets targets, QosScorer scorer, TimeProvider time)
{
    public const int MaxProviders = 100_000;

    /// <summary>Scores of the distinct providers, in the order first given.</summary>
    public IReadOnlyList<ProviderScore> Evaluate(Caller caller, IReadOnlyList<string>? providers, QosEvaluationPlan plan)
    {
        QosAccess.CheckBlacklist(caller, options);
        if (providers is null || providers.Count == 0)
        {
            throw new ValidationException("providers", "providers must list at least one system name.");
        }

        if (providers.Count > MaxProviders)
        {
            throw new PayloadTooLargeException($"providers lists {providers.Count} systems; at most {MaxProviders} are evaluated in one request.");
        }

        var set = targets.Current;
        var scope = caller.Scope;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var resolved = new List<(string, long?)>(providers.Count);
        foreach (var name in providers)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ValidationException("providers", "providers must not contain an empty name.");
            }

            if (seen.Add(name))
            {
                resolved.Add((name, set.Resolve(scope, name)));
            }
        }

        return scorer.Score(plan, resolved, time.GetUtcNow(), options.RttTimeout);
    }

    /// <summary>Passed: known providers scoring at most <paramref name="threshold"/>, in the order given; dropped: the others.</summary>
    public (IReadOnlyList<ProviderScore> Passed, IReadOnlyList<ProviderScore> Dropped) Filter(IReadOnlyList<ProviderScore> scores, double? threshold)
    {
        if (threshold is not { } limit || !double.IsFinite(limit))
        {
            throw new ValidationException("threshold", "threshold is required for filter: a score from 0 (best) to 100 (worst); providers scoring above it are dropped.");
        }

        var passed = scores.Where(s => s.Known && s.Score <= limit).ToList();
        var dropped = scores.Where(s => !(s.Known && s.Score <= limit)).ToList();
        return (passed, dropped);
    }
}
