using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Qdms.Client;
using Qdms.Contracts;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary><c>live</c>: follows the live stream, one line per message, until Ctrl+C or the server ends it.</summary>
public static class LiveCommands
{
    public static Command Create(CliContext context)
    {
        var device = new Option<long?>("--device") { Description = "Only this device's device, task and event messages" };
        var topics = new Option<string?>("--topics") { Description = "Comma-separated message types: device, task, event, engine (default: all)" };
        var count = new Option<int?>("--count") { Description = "Stop after this many messages (the ready message not counted)" };
        var live = new Command("live", "Follow device contacts, tasks, events and engine states as they happen") { device, topics, count };
        live.SetHandler(context, async (r, ct) =>
        {
            var topicList = r.GetValue(topics)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var left = r.GetValue(count);
            await foreach (var message in context.ClientFor(r).ReadLiveAsync(r.GetValue(device), topicList, ct))
            {
                if (context.Json(r))
                {
                    // one compact JSON object a line (JSON Lines), so a script can read the stream as it comes
                    context.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new { type = message.Type, data = message.Data }, QdmsClient.Json));
                }
                else
                {
                    context.Console.MarkupLineInterpolated($"{DateTimeOffset.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {message.Type,-7} {Describe(message)}");
                }

                if (message.Type != "ready" && left is not null && --left <= 0)
                {
                    return;
                }
            }
        });
        return live;
    }

    /// <summary>One line a person reads; <c>--json</c> gives the whole message.</summary>
    public static string Describe(LiveMessage m) => m.Type switch
    {
        "device" => m.As<LiveDeviceDto>() is var d ? $"device {d.Id}: {d.Status ?? "in contact"}{(d.LastContactAt is { } at ? $" at {at:O}" : "")}" : "",
        "task" => m.As<DeviceTaskDto>() is var t ? $"task {t.Id} on device {t.DeviceId}: {t.Kind} {t.Status}{(t.FaultMessage is { } f ? $" ({t.FaultCode} {f})" : "")}" : "",
        "event" => m.As<DeviceEventDto>() is var e ? $"event on device {e.DeviceId?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}: {e.Source} {e.Type} {e.Severity}: {e.Message}" : "",
        "engine" => m.As<LiveEngineDto>() is var g ? $"engine {g.Type} {g.Alias} (#{g.Index}): {(g.Removed ? "removed" : $"{g.State}, wanted {g.DesiredState}")}{(g.LastError is { } le ? $" — {le}" : "")}" : "",
        "dropped" => m.As<LiveDroppedDto>().Reason,
        _ => m.Data.GetRawText(),
    };
}
