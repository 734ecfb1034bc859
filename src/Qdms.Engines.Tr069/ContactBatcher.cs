using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Qdms.Core.Devices;

namespace Qdms.Engines.Tr069;

/// <summary>
/// Group commit of Informs: sessions hand their device contact (report, parameters, events) to <see cref="RecordAsync"/> and
/// wait; one writer takes everything queued meanwhile (up to <see cref="MaxBatch"/>) and records it in one transaction. A
/// session's task completes only after the transaction that holds its contact committed, so an InformResponse is never sent
/// for data that is not durable. When a batch fails, its contacts are retried one by one, so one bad contact fails only its own
/// Inform. The queue needs no bound of its own: the engine admits at most <c>maxSessions</c> sessions, so at most that many
/// contacts wait.
/// </summary>
internal sealed class ContactBatcher : IAsyncDisposable
{
    public const int MaxBatch = 512;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDeviceContactStore _store;
    private readonly ILogger _logger;
    private readonly Task _writer;
    private long _batches;
    private long _contacts;

    public ContactBatcher(IDeviceContactStore store, ILogger logger)
    {
        _store = store;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Transactions committed so far and the contacts they held (for the status).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    public long Contacts => Interlocked.Read(ref _contacts);

    /// <summary>
    /// Records <paramref name="contact"/> with whatever else is queued; completes once it is committed: true, or false when the
    /// device no longer owns the identity (nothing written). Throws the database's error when it could not be written.
    /// </summary>
    public Task<bool> RecordAsync(DeviceContact contact, CancellationToken ct)
    {
        var pending = new Pending(contact, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(ContactBatcher), "the engine is stopping");
        }

        return pending.Done.Task.WaitAsync(ct);
    }

    /// <summary>Stops taking contacts and waits until every queued one is written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            var recorded = await _store.RecordAsync([.. batch.Select(p => p.Contact)], CancellationToken.None);
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _contacts, batch.Count);
            for (var k = 0; k < batch.Count; k++)
            {
                batch[k].Done.TrySetResult(recorded[k]);
            }
        }
        catch (Exception e) when (batch.Count > 1)
        {
            Tr069Log.BatchFailed(_logger, e, batch.Count);
            foreach (var pending in batch)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
        }
    }

    private sealed record Pending(DeviceContact Contact, TaskCompletionSource<bool> Done);
}
