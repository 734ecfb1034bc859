using System.Diagnostics;
using System.Globalization;
using System.Text;
using Qdms.Scenarios.Checksums;
using Qdms.Scenarios.Format;

namespace Qdms.Scenarios.Running;

internal sealed partial class ScenarioRun
{
    private enum FlowKind
    {
        Next,
        Jump,
        Abort,
    }

    private readonly record struct Flow(FlowKind Kind, string? Target = null);

    private readonly record struct Once(StepStatus Status, string? Goto);

    private async Task<Flow> ExecuteStepAsync(StepSpec step, int iteration, CancellationToken ct)
    {
        var items = step.ForEach ?? [null!];
        foreach (var item in items)
        {
            for (var attempt = 1; attempt <= step.Repeat; attempt++)
            {
                for (var retry = 0; ; retry++)
                {
                    if (!await BoundaryAsync(step, ct))
                    {
                        return new Flow(FlowKind.Next);
                    }

                    var once = await ExecuteOnceAsync(step, iteration, attempt, retry, item, ct);
                    if (_stopStatus is not null)
                    {
                        return new Flow(FlowKind.Next);
                    }

                    if (once.Status == StepStatus.Pass)
                    {
                        if (once.Goto is { } g)
                        {
                            return new Flow(FlowKind.Jump, g);
                        }

                        break;
                    }

                    if (once.Goto is { } failGoto)
                    {
                        return new Flow(FlowKind.Jump, failGoto);
                    }

                    switch (step.OnFail.Action)
                    {
                        case OnFailAction.Retry when retry < step.OnFail.Retries:
                            _retries++;
                            Emit(RunEventKind.Info, step.Id, null, $"retry {retry + 1} of {step.OnFail.Retries}");
                            continue;
                        case OnFailAction.Abort:
                            return new Flow(FlowKind.Abort);
                        case OnFailAction.Goto:
                            return new Flow(FlowKind.Jump, step.OnFail.Target);
                    }

                    break;
                }
            }
        }

        return new Flow(FlowKind.Next);
    }

    /// <summary>A step boundary: pause or stop here; write queued direct commands.</summary>
    private async Task<bool> BoundaryAsync(StepSpec step, CancellationToken ct)
    {
        var go = await options.Control.PassBoundaryAsync(
            () => Emit(RunEventKind.Paused, step.Id, null, "paused before this step"),
            () => Emit(RunEventKind.Resumed, step.Id, null, "resumed"),
            ct);
        if (!go)
        {
            _stopStatus = RunStatus.Stopped;
            _stopMessage = $"stopped before step '{step.Id}'";
            return false;
        }

        while (options.Control.TryTakeDirect(out var direct))
        {
            await DirectCommandAsync(direct, ct);
        }

        return true;
    }

    /// <summary>
    /// A direct command (the MDT monitor's typed command): written between steps; the first frame that arrives within
    /// <see cref="RunOptions.DirectCommandTimeout"/> is its answer and goes to the receive buffer.
    /// </summary>
    private async Task DirectCommandAsync(byte[] command, CancellationToken ct)
    {
        DrainUnsolicited(null);
        await FlushPendingSendsAsync(ct);
        await _transport!.SendAsync(command, ct);
        var sent = NowMicros;
        Emit(RunEventKind.Tx, null, command, "direct command", sent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.DirectCommandTimeout);
        try
        {
            var frame = await _frames.Reader.ReadAsync(timeout.Token);
            if (Admit(frame, null, out _))
            {
                Emit(RunEventKind.Frame, null, frame.Data, $"direct answer in {frame.Micros - sent} us", frame.Micros);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Emit(RunEventKind.Info, null, null, $"no answer to the direct command within {Durations.Format(options.DirectCommandTimeout)}");
        }
    }

    private async Task<Once> ExecuteOnceAsync(StepSpec step, int iteration, int attempt, int retry, string? item, CancellationToken ct)
    {
        var started = NowMicros;
        _vars["attempt"] = attempt.ToString(CultureInfo.InvariantCulture);
        _vars["step"] = step.Id;
        if (item is not null)
        {
            _vars[step.ForEachVariable] = item;
        }

        Emit(RunEventKind.StepStarted, step.Id, null, Describe(step, attempt, retry, item));
        if (step.StartTimer is { } timer)
        {
            _timerStarts[timer] = started;
        }

        DrainUnsolicited(step);
        await FlushPendingSendsAsync(ct);
        long? sentAt = null;
        if (step.Send is { } payload)
        {
            var bytes = payload.Render(Lookup);
            await _transport!.SendAsync(bytes, ct);
            sentAt = NowMicros;
            Emit(RunEventKind.Tx, step.Id, bytes, null, sentAt);
            if (step.IsTransaction)
            {
                _attempts++;
            }
        }

        var status = StepStatus.Pass;
        string? matched = null, message = null, jump = null;
        long? response = null;
        if (step.Expect.Count > 0)
        {
            (status, matched, message, jump, response) = await AwaitAnswerAsync(step, sentAt ?? NowMicros, ct);
        }

        if (status == StepStatus.Pass)
        {
            foreach (var check in step.Checks)
            {
                var value = _vars.GetValueOrDefault(check.Subject);
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !check.Holds(number))
                {
                    status = StepStatus.Fail;
                    message = $"check '{check.Text}' failed: {check.Subject} = {value ?? "(unset)"}";
                    break;
                }
            }
        }

        if (status == StepStatus.Pass)
        {
            foreach (var (name, template) in step.Set)
            {
                _vars[name] = Template.Expand(template, Lookup);
            }

            if (step.IsTransaction && response is { } r)
            {
                _served++;
                _times.Record(r);
            }
        }
        else if (status == StepStatus.Timeout)
        {
            _timeouts++;
        }
        else
        {
            _failures++;
        }

        if (step.Pause > TimeSpan.Zero)
        {
            await Task.Delay(step.Pause, ct);
        }

        if (step.StopTimer is { } stop && _timerStarts.Remove(stop, out var from))
        {
            var span = NowMicros - from;
            (_timers.TryGetValue(stop, out var list) ? list : _timers[stop] = []).Add(span);
            Emit(RunEventKind.Info, step.Id, null, $"timer {stop}: {span} us");
        }

        _results.Add(new StepResult(step.Id, step.Index, iteration, attempt, retry, item, status, response, matched, message, started));
        Emit(RunEventKind.StepEnded, step.Id, null, $"{status.ToString().ToLowerInvariant()}"
            + (response is { } rt ? $" in {rt} us" : "") + (matched is null ? "" : $" ({matched})") + (message is null ? "" : $": {message}"));
        return new Once(status, jump);
    }

    private async Task<(StepStatus, string?, string?, string?, long?)> AwaitAnswerAsync(StepSpec step, long since, CancellationToken ct)
    {
        var deadline = since + (long)(step.Timeout.Ticks / 10);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        IDisposable? armed = null;
        try
        {
            return await AwaitAnswerAsync(step, since, deadline, timeout, () => armed ??= DeadlineTimer.Shared.Schedule(
                Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * ((deadline - NowMicros) / 1e6)), timeout.Cancel), ct);
        }
        finally
        {
            armed?.Dispose();
        }
    }

    private async Task<(StepStatus, string?, string?, string?, long?)> AwaitAnswerAsync(
        StepSpec step, long since, long deadline, CancellationTokenSource timeout, Func<IDisposable> arm, CancellationToken ct)
    {
        while (true)
        {
            if (_frames.Reader.TryRead(out var frame))
            {
                var verdict = Classify(step, frame);
                await FlushPendingSendsAsync(ct);
                if (verdict is { } v)
                {
                    return (v.Status, v.Matched, v.Message, v.Goto, frame.Micros - since);
                }

                if (_stopStatus is not null)
                {
                    return (StepStatus.Fail, null, _stopMessage, null, null);
                }

                continue;
            }

            var remaining = deadline - NowMicros;
            if (remaining <= 0)
            {
                return (StepStatus.Timeout, null, $"no expected answer within {Durations.Format(step.Timeout)}", null, null);
            }

            arm();

            try
            {
                if (!await _frames.Reader.WaitToReadAsync(timeout.Token))
                {
                    await _frames.Reader.Completion;
                    throw new IOException("the terminal closed the line");
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The deadline passed: the loop reports the timeout (or takes a frame that arrived at the last moment).
            }
        }
    }

    private readonly record struct FrameVerdict(StepStatus Status, string? Matched, string? Message, string? Goto);

    /// <summary>What a frame means to a waiting step: its answer (pass or fail), or null when it was consumed otherwise.</summary>
    private FrameVerdict? Classify(StepSpec step, Incoming frame)
    {
        if (!Admit(frame, step.Id, out var body))
        {
            return new FrameVerdict(StepStatus.Fail, null, $"bad packet (frame {frame.Ordinal}: checksum)", null);
        }

        foreach (var f in step.FailOn)
        {
            if (f.IsMatch(body, new Dictionary<string, string>()))
            {
                Emit(RunEventKind.Frame, step.Id, frame.Data, $"fail_on {f.Describe()}", frame.Micros);
                return new FrameVerdict(StepStatus.Fail, f.Describe(), "fail_on matched", null);
            }
        }

        foreach (var alt in step.Expect)
        {
            var captures = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!alt.Matcher.IsMatch(body, captures))
            {
                continue;
            }

            foreach (var (k, v) in captures)
            {
                _vars[k] = v;
            }

            Emit(RunEventKind.Frame, step.Id, frame.Data, $"matched {alt.Matcher.Describe()}" + (alt.Outcome == AlternativeOutcome.Fail ? " (fail)" : ""), frame.Micros);
            if (alt.Count is { } counter)
            {
                Count(counter, step.Id);
            }

            return new FrameVerdict(alt.Outcome == AlternativeOutcome.Pass ? StepStatus.Pass : StepStatus.Fail, alt.Matcher.Describe(),
                alt.Outcome == AlternativeOutcome.Fail ? "a failing answer" : null, alt.Goto);
        }

        if (Handle(frame, step.Id, body))
        {
            return null;
        }

        _unexpected++;
        Emit(RunEventKind.Frame, step.Id, frame.Data, "unexpected", frame.Micros);
        return step.Strict ? new FrameVerdict(StepStatus.Unexpected, null, $"unexpected frame {frame.Ordinal}", null) : null;
    }

    /// <summary>Frames that arrived between steps: handlers or unexpected (bad packets are flagged either way).</summary>
    private void DrainUnsolicited(StepSpec? step)
    {
        while (_frames.Reader.TryRead(out var frame))
        {
            if (!Admit(frame, step?.Id, out var body))
            {
                continue;
            }

            if (!Handle(frame, step?.Id, body))
            {
                _unexpected++;
                Emit(RunEventKind.Frame, step?.Id, frame.Data, "unexpected (between steps)", frame.Micros);
            }
        }
    }

    /// <summary>Counts the frame, decodes it into the receive buffer, and verifies its checksum; false for a bad packet.</summary>
    private bool Admit(Incoming frame, string? stepId, out byte[] body)
    {
        _framesReceived++;
        body = frame.Data;
        if (doc.Verify is { } verify)
        {
            if (!Checksum.Verify(verify, frame.Data, out var b))
            {
                _bad++;
                _flagged.Add(frame.Ordinal);
                Emit(RunEventKind.Frame, stepId, frame.Data, $"bad packet: {verify.Checksum} check failed", frame.Micros);
                return false;
            }

            body = b.ToArray();
        }

        _buffer.AddLast(new ReceivedFrame(frame.Ordinal, frame.Micros, body, _decoder?.Decode(body)));
        if (_buffer.Count > options.ReceiveBufferSize)
        {
            _buffer.RemoveFirst();
        }

        return true;
    }

    private bool Handle(Incoming frame, string? stepId, byte[] body)
    {
        foreach (var h in doc.Handlers)
        {
            var captures = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!h.Match.IsMatch(body, captures))
            {
                continue;
            }

            foreach (var (k, v) in captures)
            {
                _vars[k] = v;
            }

            Emit(RunEventKind.Frame, stepId, frame.Data, $"handler {h.Match.Describe()}", frame.Micros);
            if (h.Reply is { } reply)
            {
                _pendingSends.Add((reply.Render(Lookup), stepId, "handler reply"));
            }

            if (h.Count is { } counter)
            {
                Count(counter, stepId);
            }

            return true;
        }

        return false;
    }

    private void Count(string counter, string? stepId)
    {
        var value = _counters[counter] = _counters.GetValueOrDefault(counter) + 1;
        foreach (var limit in doc.Limits)
        {
            if (limit.Counter != counter || value <= limit.Max || !_firedLimits.Add(limit))
            {
                continue;
            }

            Emit(RunEventKind.Info, stepId, null, $"{counter} = {value} > {limit.Max}" + (limit.Stop ? ": stopping the run" : ""));
            if (limit.Send is { } payload)
            {
                _pendingSends.Add((payload.Render(Lookup), stepId, $"limit {counter}"));
            }

            if (limit.Stop)
            {
                _stopStatus = RunStatus.LimitReached;
                _stopMessage = $"{counter} went above {limit.Max} ({value})";
            }
        }
    }

    /// <summary>Writes what handlers and limits decided to send while frames were classified.</summary>
    private async Task FlushPendingSendsAsync(CancellationToken ct)
    {
        foreach (var (data, step, why) in _pendingSends)
        {
            await _transport!.SendAsync(data, ct);
            Emit(RunEventKind.Tx, step, data, why);
        }

        _pendingSends.Clear();
    }

    private string? Lookup(string name) => _vars.GetValueOrDefault(name);

    private static string Describe(StepSpec step, int attempt, int retry, string? item)
    {
        var sb = new StringBuilder();
        if (step.Repeat > 1)
        {
            sb.Append(CultureInfo.InvariantCulture, $"attempt {attempt}/{step.Repeat}");
        }

        if (retry > 0)
        {
            sb.Append(sb.Length > 0 ? ", " : "").Append(CultureInfo.InvariantCulture, $"retry {retry}");
        }

        if (item is not null)
        {
            sb.Append(sb.Length > 0 ? ", " : "").Append(item);
        }

        return sb.ToString();
    }
}
