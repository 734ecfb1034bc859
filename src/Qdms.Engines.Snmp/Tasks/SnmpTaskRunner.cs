using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Qdms.Core.Devices;
using Qdms.Core.Snmp;
using Qdms.Engines.Snmp.Access;
using Qdms.Engines.Snmp.Polling;
using Qdms.Protocols.Snmp.Client;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Engines.Snmp.Tasks;

/// <summary>
/// Runs the queued <c>get</c>, <c>set</c> and <c>refresh</c> tasks of SNMP devices: looks for due tasks every
/// <c>taskPollMs</c>, claims each (queued → sent) so no other engine runs it, runs at most <see cref="MaxParallel"/> at once,
/// stores the values read as parameters and the result as JSON; SNMP errors become faults with their RFC name as code.
/// </summary>
internal sealed class SnmpTaskRunner(
    ISnmpAccess access,
    ISnmpPollStore pollStore,
    IDeviceTaskStore tasks,
    ResultWriter writer,
    Func<long, CancellationToken, Task<PolledDevice?>> resolve,
    TimeSpan interval,
    TimeProvider time,
    ILogger logger)
{
    public const int MaxParallel = 16;
    public const int MaxRefreshValues = 10_000;

    private readonly SemaphoreSlim _slots = new(MaxParallel, MaxParallel);
    private long _done;
    private long _failed;

    public long Done => Interlocked.Read(ref _done);

    public long Failed => Interlocked.Read(ref _failed);

    public async Task RunAsync(CancellationToken ct)
    {
        var running = new HashSet<Task>();
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                try
                {
                    foreach (var task in await pollStore.ListDueTasksAsync(time.GetUtcNow(), 100, ct))
                    {
                        if (!await tasks.MarkSentAsync(task.Id, time.GetUtcNow(), ct))
                        {
                            continue; // another engine took it, or it expired meanwhile
                        }

                        await _slots.WaitAsync(ct);
                        running.RemoveWhere(t => t.IsCompleted);
                        running.Add(RunOneAsync(task, ct));
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    SnmpEngineLog.TaskLoopFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running);
    }

    private async Task RunOneAsync(DeviceTask task, CancellationToken ct)
    {
        try
        {
            var device = await resolve(task.DeviceId, ct) ?? throw new TaskFault("no-snmp-settings", $"device {task.DeviceId} has no usable SNMP settings.");
            using var doc = task.Arguments is null ? null : JsonDocument.Parse(task.Arguments);
            JsonElement? args = doc?.RootElement;
            var (result, values) = task.Kind switch
            {
                TaskKinds.Get => await GetAsync(device, VarBindArguments.Paths(args), ct),
                TaskKinds.Set => await SetAsync(device, VarBindArguments.Values(args), ct),
                TaskKinds.Refresh => await RefreshAsync(device, VarBindArguments.Root(args), ct),
                _ => throw new TaskFault("unsupported", $"the snmp engine runs get, set and refresh tasks, not {task.Kind}."),
            };
            var now = time.GetUtcNow();
            var parameters = values.Where(v => ValueText.Of(v.Value) is not null)
                .Select(v => (v.Oid, Text: ValueText.Of(v.Value)!.Value))
                .Select(v => new DeviceParameter(device.DeviceId, v.Oid.ToString(), v.Text.Text, v.Text.Type, task.Kind == TaskKinds.Set, now)).ToList();
            await pollStore.WriteParametersAsync(parameters, ct); // before the task is done: its result and the parameters agree
            await writer.WriteAsync(new PollOutcome(device.DeviceId, device.TenantId, true, [], []), ct);
            await tasks.MarkDoneAsync(task.Id, result.ToJsonString(), now, ct);
            Interlocked.Increment(ref _done);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var (code, message) = SnmpFaults.Of(e);
            if (e is SnmpTimeoutException)
            {
                await writer.WriteAsync(new PollOutcome(task.DeviceId, task.TenantId, false, [], [], message), ct);
            }

            await tasks.MarkFailedAsync(task.Id, code, message, time.GetUtcNow(), ct);
            Interlocked.Increment(ref _failed);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<(JsonObject, IReadOnlyList<VarBind>)> GetAsync(PolledDevice device, IReadOnlyList<Oid> oids, CancellationToken ct)
    {
        var values = await access.GetAsync(device.Target, oids, ct);
        return (new JsonObject { ["values"] = Values(values) }, values);
    }

    private async Task<(JsonObject, IReadOnlyList<VarBind>)> SetAsync(PolledDevice device, IReadOnlyList<VarBind> varBinds, CancellationToken ct)
    {
        var values = await access.SetAsync(device.Target, varBinds, ct);
        return (new JsonObject { ["values"] = Values(values) }, values);
    }

    private async Task<(JsonObject, IReadOnlyList<VarBind>)> RefreshAsync(PolledDevice device, Oid root, CancellationToken ct)
    {
        var values = await access.WalkAsync(device.Target, root, ct);
        var kept = values.Take(MaxRefreshValues).ToList();
        return (new JsonObject { ["root"] = root.ToString(), ["count"] = kept.Count, ["truncated"] = values.Count > kept.Count }, kept);
    }

    private static JsonObject Values(IReadOnlyList<VarBind> values)
    {
        var o = new JsonObject();
        foreach (var vb in values)
        {
            o[vb.Oid.ToString()] = ValueText.Of(vb.Value) is var (text, type)
                ? new JsonObject { ["type"] = type, ["value"] = text }
                : new JsonObject { ["type"] = Exception(vb.Value), ["value"] = null };
        }

        return o;
    }

    private static string Exception(SnmpValue value) => value.Type switch
    {
        SnmpValueType.NoSuchObject => "noSuchObject",
        SnmpValueType.NoSuchInstance => "noSuchInstance",
        SnmpValueType.EndOfMibView => "endOfMibView",
        _ => "null",
    };
}
