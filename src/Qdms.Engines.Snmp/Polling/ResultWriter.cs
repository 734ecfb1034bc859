using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Qdms.Core.Devices;
using Qdms.Core.Events;
using Qdms.Core.Measurements;
using Qdms.Core.Snmp;

namespace Qdms.Engines.Snmp.Polling;

/// <summary>
/// Writes what polls, tasks and traps produce in batches through one bounded queue (pollers wait when it is full: backpressure,
/// never unbounded memory): parameters of many devices in one transaction, contacts in one statement, measurements and events
/// in one transaction each. A device that stops answering is marked unreachable, and online again when it answers, each with an event.
/// </summary>
internal sealed class ResultWriter(
    ISnmpPollStore pollStore,
    IMeasurementStore measurements,
    IDeviceEventStore events,
    StatusBook statuses,
    TimeProvider time,
    ILogger logger)
{
    public const int QueueCapacity = 20_000;
    public const int MaxBatch = 5_000;
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(200);

    private readonly Channel<object> _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true });
    private long _batches;
    private long _parameters;
    private long _measurements;
    private long _events;
    private long _failures;

    public long Batches => Interlocked.Read(ref _batches);

    public long ParametersWritten => Interlocked.Read(ref _parameters);

    public long MeasurementsWritten => Interlocked.Read(ref _measurements);

    public long EventsWritten => Interlocked.Read(ref _events);

    public long WriteFailures => Interlocked.Read(ref _failures);

    public int Queued => _queue.Reader.Count;

    public ValueTask WriteAsync(PollOutcome outcome, CancellationToken ct) => _queue.Writer.WriteAsync(outcome, ct);

    public ValueTask WriteAsync(NewDeviceEvent deviceEvent, CancellationToken ct) => _queue.Writer.WriteAsync(deviceEvent, ct);

    /// <summary>Ends the queue; <see cref="RunAsync"/> writes what is left and returns.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    public async Task RunAsync(CancellationToken ct)
    {
        var batch = new List<object>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(ct))
        {
            var deadline = time.GetUtcNow() + Gather;
            while (batch.Count < MaxBatch)
            {
                if (_queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                    continue;
                }

                var left = deadline - time.GetUtcNow();
                if (left <= TimeSpan.Zero || _queue.Reader.Completion.IsCompleted)
                {
                    break;
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(left);
                try
                {
                    if (!await _queue.Reader.WaitToReadAsync(wait.Token))
                    {
                        break;
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    break;
                }
            }

            await FlushAsync(batch, ct);
            batch.Clear();
        }
    }

    private async Task FlushAsync(List<object> batch, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var parameters = new List<DeviceParameter>();
        var metrics = new List<Measurement>();
        var newEvents = new List<NewDeviceEvent>();
        var contacts = new HashSet<long>();
        var unreachable = new List<long>();
        foreach (var item in batch)
        {
            switch (item)
            {
                case NewDeviceEvent e:
                    newEvents.Add(e);
                    break;
                case PollOutcome { Answered: true, Error: null } o:
                    parameters.AddRange(o.Parameters);
                    metrics.AddRange(o.Measurements);
                    contacts.Add(o.DeviceId);
                    if (statuses.Set(o.DeviceId, DeviceStatus.Online) == DeviceStatus.Unreachable)
                    {
                        newEvents.Add(new NewDeviceEvent(o.TenantId, o.DeviceId, "snmp", "reachable", EventSeverity.Info, now, "The device answers SNMP again."));
                    }

                    break;
                case PollOutcome { Answered: false } o:
                    if (statuses.Set(o.DeviceId, DeviceStatus.Unreachable) != DeviceStatus.Unreachable)
                    {
                        unreachable.Add(o.DeviceId);
                        newEvents.Add(new NewDeviceEvent(o.TenantId, o.DeviceId, "snmp", "unreachable", EventSeverity.Major, now, $"The device does not answer SNMP: {o.Error}"));
                    }

                    break;
            }
        }

        if (await TryAsync("parameters", () => pollStore.WriteParametersAsync(parameters, ct)))
        {
            Interlocked.Add(ref _parameters, parameters.Count);
        }

        await TryAsync("contacts", () => pollStore.RecordContactsAsync(contacts.ToList(), now, ct));
        foreach (var id in unreachable)
        {
            await TryAsync("status", () => pollStore.SetStatusAsync(id, DeviceStatus.Unreachable, now, ct));
        }

        if (metrics.Count > 0 && await TryAsync("measurements", () => measurements.AppendAsync(metrics, ct)))
        {
            Interlocked.Add(ref _measurements, metrics.Count);
        }

        if (newEvents.Count > 0 && await TryAsync("events", () => events.AppendAsync(newEvents, ct)))
        {
            Interlocked.Add(ref _events, newEvents.Count);
        }

        Interlocked.Increment(ref _batches);
    }

    private async Task<bool> TryAsync(string what, Func<Task> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Interlocked.Increment(ref _failures);
            SnmpEngineLog.WriteFailed(logger, what, e);
            return false;
        }
    }
}
