using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;
using Qdms.Scenarios.Format;
using Qdms.Scenarios.Framing;
using Qdms.Scenarios.Kpis;
using Qdms.Scenarios.Posix;
using Qdms.Scenarios.Transports;

namespace Qdms.Scenarios.Running;

/// <summary>The state of one run: the open line, the receive loop, variables, counters and results.</summary>
internal sealed partial class ScenarioRun(ScenarioDocument doc, RunOptions options) : IAsyncDisposable
{
    private readonly Lock _emitGate = new();
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly Channel<Incoming> _frames = Channel.CreateBounded<Incoming>(new BoundedChannelOptions(10_000) { SingleReader = true, SingleWriter = true });
    private readonly Dictionary<string, string> _vars = new(doc.Variables.Concat(options.Variables).GroupBy(kv => kv.Key).Select(g => g.Last()), StringComparer.Ordinal);
    private readonly Dictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly HashSet<LimitSpec> _firedLimits = [];
    private readonly Dictionary<string, long> _timerStarts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _timers = new(StringComparer.Ordinal);
    private readonly List<StepResult> _results = [];
    private readonly List<(byte[] Data, string? Step, string Why)> _pendingSends = [];
    private readonly HashSet<long> _flagged = [];
    private readonly LinkedList<ReceivedFrame> _buffer = new();
    private readonly ResponseTimeHistogram _times = new();
    private readonly IFrameDecoder? _decoder = doc.Decoder is { } d ? FrameDecoders.Get(d) : null;
    private readonly CancellationTokenSource _pumpStop = new();
    private IScenarioTransport? _transport;
    private Task? _pump;
    private long _sequence;
    private long _attempts, _served, _timeouts, _failures, _retries, _unexpected, _framesReceived, _bad;
    private RunStatus? _stopStatus;
    private string? _stopMessage;

    private readonly record struct Incoming(long Ordinal, long Micros, byte[] Data);

    public async Task<RunResult> ExecuteAsync(int startIndex, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var transport = options.Target is { } target ? doc.Transport.WithTarget(target) : doc.Transport;
        try
        {
            _transport = await (options.OpenTransport ?? TransportFactory.OpenAsync)(transport, ct);
        }
        catch (Exception e) when (e is IOException or SocketException or ArgumentException or UnauthorizedAccessException)
        {
            var reason = $"transport ({transport.Position}): cannot open {transport.Describe()}: {e.Message}";
            Emit(RunEventKind.Ended, null, null, $"error: {reason}");
            return Finish(startedAt, RunStatus.Error, reason);
        }

        Emit(RunEventKind.Started, null, null, $"{doc.Name} over {transport.Describe()}");
        _pump = Task.Run(() => PumpAsync(_pumpStop.Token), CancellationToken.None);
        RunStatus status = RunStatus.Completed;
        string? message = null;
        try
        {
            (status, message) = await IterateAsync(startIndex, ct);
        }
        catch (Exception e) when (e is IOException or SocketException or ChannelClosedException or ObjectDisposedException)
        {
            status = RunStatus.Error;
            message = $"the line failed: {e.Message}";
        }

        var result = Finish(startedAt, status, message);
        Emit(RunEventKind.Ended, null, null, $"{result.Status.ToString().ToLowerInvariant()}, verdict {result.Verdict.ToString().ToLowerInvariant()}"
            + (message is null ? "" : $": {message}"));
        return result;
    }

    private async Task<(RunStatus, string?)> IterateAsync(int startIndex, CancellationToken ct)
    {
        var iterationStart = Stopwatch.GetTimestamp();
        for (var iteration = 1; iteration <= doc.Iterations; iteration++)
        {
            if (iteration > 1 && doc.Pacing > TimeSpan.Zero)
            {
                var wait = doc.Pacing - Stopwatch.GetElapsedTime(iterationStart);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, ct);
                }
            }

            iterationStart = Stopwatch.GetTimestamp();
            _vars["iteration"] = iteration.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (doc.Iterations > 1)
            {
                Emit(RunEventKind.Info, null, null, $"iteration {iteration} of {doc.Iterations}");
            }

            var index = iteration == 1 ? startIndex : 0;
            var executions = 0;
            while (index < doc.Steps.Count)
            {
                if (++executions > options.MaxStepExecutionsPerIteration)
                {
                    return (RunStatus.Aborted, $"more than {options.MaxStepExecutionsPerIteration} step executions in one iteration (a goto loop?)");
                }

                var flow = await ExecuteStepAsync(doc.Steps[index], iteration, ct);
                if (_stopStatus is { } stopped)
                {
                    return (stopped, _stopMessage);
                }

                switch (flow.Kind)
                {
                    case FlowKind.Next:
                        index++;
                        break;
                    case FlowKind.Jump:
                        index = doc.IndexOf(flow.Target!);
                        break;
                    case FlowKind.Abort:
                        return (RunStatus.Aborted, $"step '{doc.Steps[index].Id}' failed and its on_fail is abort");
                }
            }
        }

        return (RunStatus.Completed, null);
    }

    private RunResult Finish(DateTimeOffset startedAt, RunStatus status, string? message)
    {
        var kpis = KpiReport.From(_attempts, _served, _timeouts, _failures, _retries, _unexpected, _framesReceived, _bad, _times,
            new Dictionary<string, long>(_counters));
        var thresholds = ThresholdResult.Evaluate(doc.Thresholds, kpis);
        var verdict = status switch
        {
            RunStatus.Error => RunVerdict.Error,
            RunStatus.Aborted or RunStatus.LimitReached or RunStatus.Stopped => RunVerdict.Fail,
            _ when thresholds.Count > 0 => thresholds.All(t => t.Passed) ? RunVerdict.Pass : RunVerdict.Fail,
            _ => _results.All(r => r.Status == StepStatus.Pass) ? RunVerdict.Pass : RunVerdict.Fail,
        };
        return new RunResult(doc.Name, status, verdict, message, startedAt, Stopwatch.GetElapsedTime(_start), _results.ToList(), kpis, thresholds,
            _timers.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<long>)kv.Value.ToList()), new Dictionary<string, string>(_vars),
            _flagged.ToHashSet(), _buffer.ToList());
    }

    private long Micros(long timestamp) => (timestamp - _start) * 1_000_000 / Stopwatch.Frequency;

    private long NowMicros => Micros(Stopwatch.GetTimestamp());

    private void Emit(RunEventKind kind, string? step, byte[]? data, string? text, long? micros = null)
    {
        lock (_emitGate)
        {
            var e = new RunEvent(++_sequence, micros ?? NowMicros, kind, step, data, text);
            foreach (var sink in options.Sinks)
            {
                sink.OnEvent(e);
            }
        }
    }

    /// <summary>Reads the line until it closes or the run ends: logs every chunk, cuts frames, queues them for the steps.</summary>
    private async Task PumpAsync(CancellationToken ct)
    {
        var assembler = FrameAssembler.For(doc.Framing);
        var buffer = new byte[64 * 1024];
        long ordinal = 0;
        var transport = _transport!;
        try
        {
            ValueTask<int> pending = transport.ReceiveAsync(buffer, ct);
            while (true)
            {
                if (doc.Framing.Kind == FramingKind.Idle && assembler.HasPending && !pending.IsCompleted)
                {
                    var readTask = pending.AsTask();
                    if (await Task.WhenAny(readTask, Task.Delay(doc.Framing.Gap, ct)) != readTask)
                    {
                        await QueueAsync(assembler.Flush()!, Stopwatch.GetTimestamp());
                        pending = new ValueTask<int>(readTask);
                        continue;
                    }

                    pending = new ValueTask<int>(readTask);
                }

                var n = await pending;
                var at = Stopwatch.GetTimestamp();
                if (n == 0)
                {
                    if (assembler.Flush() is { } rest)
                    {
                        await QueueAsync(rest, at);
                    }

                    Emit(RunEventKind.Info, null, null, "the terminal closed the line");
                    break;
                }

                var chunk = buffer.AsSpan(0, n).ToArray();
                Emit(RunEventKind.Rx, null, chunk, null, Micros(at));
                foreach (var frame in assembler.Push(chunk))
                {
                    await QueueAsync(frame, at);
                }

                pending = transport.ReceiveAsync(buffer, ct);
            }

            _frames.Writer.TryComplete();
        }
        catch (OperationCanceledException)
        {
            _frames.Writer.TryComplete();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or PosixException)
        {
            _frames.Writer.TryComplete(e);
        }

        async ValueTask QueueAsync(byte[] frame, long at) => await _frames.Writer.WriteAsync(new Incoming(++ordinal, Micros(at), frame), ct);
    }

    public async ValueTask DisposeAsync()
    {
        _pumpStop.Cancel();
        if (_transport is not null)
        {
            await _transport.DisposeAsync();
        }

        if (_pump is not null)
        {
            try
            {
                await _pump.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException)
            {
            }
        }

        _pumpStop.Dispose();
    }
}
