namespace Qdms.Portal.Tests.Support;

/// <summary>
/// A measurement, not a test: it runs only when <c>QDMS_PORTAL_BENCH=1</c> (<c>bash portal/bench.sh</c>), and is reported as
/// skipped otherwise. Its figures go to docs/benchmarks.md; nothing is asserted about a timing.
/// </summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("QDMS_PORTAL_BENCH") != "1")
        {
            Skip = "a benchmark: run it with QDMS_PORTAL_BENCH=1 (bash portal/bench.sh)";
        }
    }
}
