using System.Collections.Concurrent;
using System.Threading.Channels;
using Qdms.Core.Measurements;
using Qdms.Core.Qos;
using Qdms.Qos.Journal;
using Qdms.Qos.Window;

namespace Qdms.Qos.Jobs;

/// <summary>
/// Where measurement jobs put their results: into the in-memory window at once (evaluations see them immediately) and
/// through a bounded queue into the measurement store in batches — one transaction per batch rather than per device. A full
/// queue makes jobs wait (backpressure). A batch the database refuses is retried at the next flush, then dropped with a log entry.
/// </summary>
public sealed class QosRecorder(IMeasurementStore measurements, IQosDeviceStore devices, IQosLogStore logs, QosWindowStore window, QosJournal journal, TimeProvider time)
{
    public const int MaxBatch = 5000;
    private const string Logger = "qos.recorder";
    private readonly Channel<Measurement> _queue = Channel.CreateBounded<Measurement>(new BoundedChannelOptions(100_000) { SingleReader = true });
    private readonly ConcurrentDictionary<long, byte> _active = new();
    private List<Measurement>? _retry;
    private bool _retried;
    private long _written;

    /// <summary>Measurements written to the store so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Records measurements of one job; <paramref name="answered"/> marks the device active.</summary>
    public async ValueTask RecordAsync(IReadOnlyList<Measurement> batch, bool answered, CancellationToken ct)
    {
        foreach (var m in batch)
        {
            window.Record(m);
            await _queue.Writer.WriteAsync(m, ct);
        }

        if (answered && batch.Count > 0)
        {
            _active.TryAdd(batch[0].DeviceId, 0);
        }
    }

    /// <summary>Writes what waits, every <paramref name="period"/>, until cancelled; then flushes once more.</summary>
    public async Task RunAsync(TimeSpan period, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, time, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await FlushAsync(ct);
        }

        await FlushAsync(CancellationToken.None);
    }

    /// <summary>Writes every waiting measurement, activity mark and log entry now.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                var batch = _retry ?? [];
                _retry = null;
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var m))
                {
                    batch.Add(m);
                }

                if (batch.Count == 0)
                {
                    break;
                }

                try
                {
                    await measurements.AppendAsync(batch, ct);
                    Interlocked.Add(ref _written, batch.Count);
                    _retried = false;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    if (!_retried)
                    {
                        _retried = true;
                        _retry = batch;
                        journal.Warn(Logger, $"Writing {batch.Count} measurements failed; retrying at the next flush: {e.GetBaseException().Message}", e);
                    }
                    else
                    {
                        _retried = false;
                        journal.Error(Logger, $"Dropped {batch.Count} measurements after a second failed write: {e.GetBaseException().Message}", e);
                    }

                    break;
                }
            }

            var active = _active.Keys.ToList();
            foreach (var id in active)
            {
                _active.TryRemove(id, out _);
            }

            await devices.MarkActiveAsync(active, time.GetUtcNow(), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            journal.Warn(Logger, $"Recording device activity failed: {e.GetBaseException().Message}", e);
        }

        try
        {
            await journal.FlushAsync(logs, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // the entries stay queued for the next flush; the process log already has them
        }
    }
}
