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

        Interlocked.Add(ref _measurements, await AppendByDeviceAsync("measurements", metrics, m => m.DeviceId, measurements.AppendAsync, ct));
        Interlocked.Add(ref _events, await AppendByDeviceAsync("events", newEvents, e => e.DeviceId, events.AppendAsync, ct));

        Interlocked.Increment(ref _batches);
    }

    /// <summary>
    /// Appends the rows in one transaction; when that fails (a device deleted since it was polled breaks a foreign key), device
    /// by device, so one bad device costs only its own rows. Returns how many rows were stored.
    /// </summary>
    private async Task<int> AppendByDeviceAsync<T>(string what, List<T> rows, Func<T, long?> device, Func<IReadOnlyList<T>, CancellationToken, Task> append, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        try
        {
            await append(rows, ct);
            return rows.Count;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var stored = 0;
            foreach (var group in rows.GroupBy(device))
            {
                var part = group.ToList();
                if (await TryAsync(what, () => append(part, ct)))
                {
                    stored += part.Count;
                }
            }

            return stored;
        }
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
