namespace Qdms.Core.Engines;

/// <summary>
/// A part of QDMS that StartQdmsService / StopQdmsService (IF-01-01/02) start and stop along with the engines: hosted jobs
/// (task runner, rollouts, retention, QoS probes). Register one as a singleton <c>IQdmsServiceComponent</c>.
/// The API itself stays up while the service is stopped, so it can report and restart.
/// </summary>
/// <remarks>
/// Components are started after the engines and stopped before them. They must not throw for ordinary trouble; an exception
/// is caught, logged and reported as the component's error in the service report, and the other components go on.
/// </remarks>
public interface IQdmsServiceComponent
{
    /// <summary>A short name for the report and the log (<c>rollouts</c>, <c>retention</c>).</summary>
    string Name { get; }

    Task StartAsync(CancellationToken ct);

    Task StopAsync(CancellationToken ct);
}
