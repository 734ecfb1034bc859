using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Qdms.Contracts;
using Qdms.Core.Engines;
using Qdms.Core.Events;
using Qdms.Core.Live;
using Qdms.Server.Endpoints;

namespace Qdms.Server.Live;

/// <summary>
/// Turns a change into its server-sent-events frame (<c>event: task</c>, <c>data: {json}</c>, blank line). A change is
/// encoded once, however many readers receive it.
/// </summary>
internal sealed class LiveMessageEncoder(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private readonly ConditionalWeakTable<LiveChange, byte[]> _frames = [];
    private readonly JsonSerializerOptions _json = json.Value.SerializerOptions;

    public byte[] Encode(LiveChange change) => _frames.GetValue(change, c => Frame(LiveTopics.Of(c), Dto(c)));

    /// <summary>One frame of <paramref name="type"/> carrying <paramref name="data"/> as JSON.</summary>
    public byte[] Frame(string type, object data) =>
        Encoding.UTF8.GetBytes($"event: {type}\ndata: {JsonSerializer.Serialize(data, data.GetType(), _json)}\n\n");

    private static object Dto(LiveChange change) => change switch
    {
        DeviceChanged d => new LiveDeviceDto(d.Id, d.Tenant, d.Status is { } s ? DeviceDtoMapping.Name(s) : null, d.LastContactAt),
        TaskChanged t => t.Task.ToDto(),
        EventAdded e => e.Event.ToDto(),
        EngineChanged e => new LiveEngineDto(
            e.Instance.Id, e.Instance.Type, e.Instance.Alias, e.Instance.Index, e.Instance.ActualState.ToWire(),
            e.Instance.DesiredState == EngineDesiredState.Running ? "running" : "stopped", e.Instance.LastError, e.Instance.Node, e.Removed,
            e.Instance.UpdatedAt),
        _ => throw new InvalidOperationException($"No live message for {change.GetType().Name}."),
    };
}
