namespace Qdms.Scenarios.Kpis;

/// <summary>
/// The verdict of a run. With thresholds: pass when all hold. Without: pass when every step passed.
/// Either way a run that was aborted, stopped by a limit or stopped by hand fails, and one that could not run is an error.
/// </summary>
public enum RunVerdict
{
    Pass,
    Fail,
    Error,
}
