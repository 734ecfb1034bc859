using System.CommandLine;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary><c>events list</c>: device events (traps, TR-069 event codes, scenario verdicts), newest first.</summary>
public static class EventCommands
{
    public static Command Create(CliContext context)
    {
        var device = new Option<long?>("--device") { Description = "Only this device's events" };
        var source = new Option<string?>("--source") { Description = "Only this source (snmp, tr069, scenario, qos …)" };
        var type = new Option<string?>("--type") { Description = "Only this type (trap, inform, threshold …)" };
        var severity = new Option<string?>("--severity") { Description = "At least this severity: info, warning, minor, major, critical" };
        var since = new Option<DateTimeOffset?>("--since") { Description = "From this time (ISO 8601)" };
        var until = new Option<DateTimeOffset?>("--until") { Description = "Before this time (ISO 8601)" };
        var unknown = new Option<bool>("--unknown") { Description = "Only events from sources that matched no device (sysops)" };
        var page = new Option<int?>("--page");
        var size = new Option<int?>("--size");
        var list = new Command("list", "List device events, newest first") { device, source, type, severity, since, until, unknown, page, size };
        list.SetHandler(context, async (r, ct) =>
        {
            var result = await context.ClientFor(r).ListEventsAsync(
                r.GetValue(device), r.GetValue(source), r.GetValue(type), r.GetValue(severity), r.GetValue(since), r.GetValue(until),
                r.GetValue(unknown), r.GetValue(page), r.GetValue(size), ct);
            if (context.Json(r))
            {
                context.WriteJson(result);
                return;
            }

            Tables.Write(context, false, result.Items,
                ("Time", e => e.Time), ("Device", e => e.DeviceId), ("Source", e => e.Source), ("Type", e => e.Type),
                ("Severity", e => e.Severity), ("Message", e => e.Message), ("Origin", e => e.Origin));
            context.Console.MarkupLine($"[grey]page {result.Page}, {result.Items.Count} of {result.Total}[/]");
        });
        return new Command("events", "Device events") { list };
    }
}
