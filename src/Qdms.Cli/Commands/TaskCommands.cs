using System.CommandLine;
using System.Text.Json;
using Qdms.Contracts;

namespace Qdms.Cli.Commands;

/// <summary><c>tasks create|show|list</c>: operations queued for devices.</summary>
public static class TaskCommands
{
    public static Command Create(CliContext context)
    {
        var tasks = new Command("tasks", "Operations queued for devices");

        var device = new Argument<long>("device") { Description = "Device id" };
        var kind = new Argument<string>("kind") { Description = "get, set, add-object, delete-object, reboot, factory-reset, download, upload, execute, observe, refresh, schedule-inform, get-names, get-attributes, set-attributes" };
        var args = new Option<string?>("--args") { Description = "Arguments as a JSON object, e.g. '{\"values\":{\"Device.ManagementServer.PeriodicInformInterval\":\"300\"}}'" };
        var expires = new Option<int?>("--expires-in") { Description = "Seconds until the task expires (default: one day)" };
        var wake = new Option<bool>("--connection-request") { Description = "Ask the device to contact its engine now (a failed wake-up leaves the task queued)" };
        var create = new Command("create", "Queue a task for a device") { device, kind, args, expires, wake };
        create.SetHandler(context, async (r, ct) =>
        {
            JsonElement? arguments = null;
            if (r.GetValue(args) is { } text)
            {
                try
                {
                    using var doc = JsonDocument.Parse(text);
                    arguments = doc.RootElement.Clone();
                }
                catch (JsonException e)
                {
                    throw new CliException($"--args is not valid JSON: {e.Message}");
                }
            }

            var task = await context.ClientFor(r).CreateTaskAsync(r.GetValue(device), new CreateTaskRequest(r.GetValue(kind)!, arguments, r.GetValue(expires)), r.GetValue(wake), ct);
            Print(context, r, [task]);
            if (!context.Json(r) && task.ConnectionRequest is { } woken)
            {
                DeviceWakeCommand.Write(context, woken);
            }
        });

        var id = new Argument<long>("id");
        var show = new Command("show", "Show a task with its result or fault") { id };
        show.SetHandler(context, async (r, ct) =>
        {
            var task = await context.ClientFor(r).GetTaskAsync(r.GetValue(id), ct);
            Print(context, r, [task]);
            if (!context.Json(r) && task.Result is { } result)
            {
                context.Console.Profile.Out.Writer.WriteLine(result.GetRawText());
            }
        });

        var status = new Option<string?>("--status") { Description = "queued, sent, done, failed or expired" };
        var list = new Command("list", "List a device's tasks, newest first") { device, status };
        list.SetHandler(context, async (r, ct) => Print(context, r, await context.ClientFor(r).ListTasksAsync(r.GetValue(device), r.GetValue(status), ct)));

        tasks.Subcommands.Add(create);
        tasks.Subcommands.Add(show);
        tasks.Subcommands.Add(list);
        return tasks;
    }

    private static void Print(CliContext context, ParseResult r, IReadOnlyList<DeviceTaskDto> rows) =>
        Tables.Write(context, context.Json(r), rows,
            ("Id", t => t.Id), ("Device", t => t.DeviceId), ("Kind", t => t.Kind), ("Status", t => t.Status), ("Arguments", t => t.Arguments?.GetRawText()),
            ("Fault", t => t.FaultCode is null ? null : $"{t.FaultCode} {t.FaultMessage}"), ("Created", t => t.CreatedAt), ("Expires", t => t.ExpiresAt), ("By", t => t.CreatedBy));
}
