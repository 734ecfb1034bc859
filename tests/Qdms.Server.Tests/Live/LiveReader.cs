using System.Threading.Channels;
using Qdms.Client;

namespace Qdms.Server.Tests.Live;

/// <summary>Reads a live stream in the background into a queue; tests wait for the messages they expect, with a deadline.</summary>
internal sealed class LiveReader : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly Channel<LiveMessage> _messages = Channel.CreateUnbounded<LiveMessage>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    private LiveReader(QdmsClient client, long? deviceId, IEnumerable<string>? topics)
    {
        _pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var m in client.ReadLiveAsync(deviceId, topics, _stop.Token))
                {
                    _messages.Writer.TryWrite(m);
                }

                _messages.Writer.TryComplete();
            }
            catch (Exception e)
            {
                _messages.Writer.TryComplete(e is OperationCanceledException ? null : e);
            }
        });
    }

    /// <summary>Opens a stream and returns once its <c>ready</c> message arrived (the subscription is in place).</summary>
    public static async Task<LiveReader> OpenAsync(QdmsClient client, long? deviceId = null, IEnumerable<string>? topics = null)
    {
        var reader = new LiveReader(client, deviceId, topics);
        var ready = await reader.NextAsync();
        Assert.Equal("ready", ready.Type);
        return reader;
    }

    /// <summary>The next message; fails after the deadline or when the stream ended.</summary>
    public async Task<LiveMessage> NextAsync()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            return await _messages.Reader.ReadAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No live message within {Deadline.TotalSeconds} s.");
        }
    }

    /// <summary>Reads until a message matches; returns it with every message read before it.</summary>
    public async Task<(LiveMessage Match, List<LiveMessage> Before)> WaitForAsync(Func<LiveMessage, bool> match)
    {
        var before = new List<LiveMessage>();
        while (true)
        {
            var m = await NextAsync();
            if (match(m))
            {
                return (m, before);
            }

            before.Add(m);
        }
    }

    /// <summary>Every message until the server ends the stream.</summary>
    public async Task<List<LiveMessage>> ReadToEndAsync()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var all = new List<LiveMessage>();
        await foreach (var m in _messages.Reader.ReadAllAsync(deadline.Token))
        {
            all.Add(m);
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        _stop.Dispose();
    }
}
