namespace Qdms.Core.Engines;

/// <summary>
/// One running protocol engine (IF-02): a TR-069 ACS, an SNMP trap receiver, an LwM2M server, an echo server …
/// The <see cref="EngineManager"/> creates a fresh object through <see cref="IDmEngineType.Create"/> for every start,
/// calls <see cref="StartAsync"/> once and <see cref="StopAsync"/> once, then drops it; an engine need not support restarts.
/// </summary>
/// <remarks>
/// <para><see cref="StartAsync"/> (IF-02-01) returns when the engine serves (its ports are bound) and throws when it cannot;
/// the exception's message becomes the instance's last error, so make it say what failed ("port 7000: address already in use").
/// A start that throws must leave nothing bound or running; the manager still calls <see cref="StopAsync"/> afterwards.</para>
/// <para><see cref="StopAsync"/> (IF-02-02) releases everything (sockets, tasks) and is safe to call more than once.</para>
/// <para><see cref="Status"/> (IF-02-03) is cheap, never blocks and never throws; an engine that breaks while running reports
/// <see cref="EngineState.Failed"/> with its error.</para>
/// </remarks>
public interface IDmEngine
{
    Task StartAsync(CancellationToken ct);

    Task StopAsync(CancellationToken ct);

    EngineStatus Status { get; }
}
