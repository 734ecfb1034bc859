using System.CommandLine;
using System.Text.Json;
using Qdms.Contracts;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary><c>devices bulk create|show</c>: one task queued for many devices, by ids or by the list's filters, and its progress.</summary>
public static class BulkTaskCommands
{
    /// <summary>Adds the <c>bulk</c> group to the <c>devices</c> command and returns it.</summary>
    public static Command AddTo(Command devices, CliContext context)
    {
        var bulk = new Command("bulk", "One task queued for many devices, and its progress");

        var kind = new Argument<string>("kind") { Description = "refresh, reboot, factory-reset, set, … (the kinds of 'tasks create')" };
        var ids = new Option<string?>("--ids") { Description = "Device ids separated by ',' (at most 10,000); or select with the filters" };
        var q = new Option<string?>("--q") { Description = "Case-insensitive prefix of name, serial, model, manufacturer or identity key" };
        var protocol = new Option<string?>("--protocol");
        var group = new Option<string?>("--group") { Description = "Provision group or update group" };
        var tag = new Option<string?>("--tag");
        var status = new Option<string?>("--status") { Description = "unknown, online, offline or unreachable" };
        var model = new Option<string?>("--model");
        var firmware = new Option<string?>("--firmware");
        var all = new Option<bool>("--all") { Description = "Every device you can see (no filter; at most 100,000)" };
        var args = new Option<string?>("--args") { Description = "Arguments as a JSON object, e.g. '{\"values\":{\"Device.ManagementServer.PeriodicInformInterval\":\"300\"}}'" };
        var expires = new Option<int?>("--expires-in") { Description = "Seconds until the tasks expire (default: one day)" };
        var wait = new Option<bool>("--wait") { Description = "Show the progress until every task is done, failed or expired" };
        var create = new Command("create", "Queue a task for devices given by --ids or by the filters (or --all)")
        {
            kind, ids, q, protocol, group, tag, status, model, firmware, all, args, expires, wait,
        };
        create.SetHandler(context, async (r, ct) =>
        {
            var filter = new BulkDeviceFilterDto(r.GetValue(q), r.GetValue(protocol), r.GetValue(group), r.GetValue(tag), r.GetValue(status), r.GetValue(model), r.GetValue(firmware));
            var hasFilter = r.GetValue(all) || filter != new BulkDeviceFilterDto();
            var idList = r.GetValue(ids) is { } text ? ParseIds(text) : null;
            if ((idList is null) == !hasFilter)
            {
                throw new CliException("Select the devices with --ids, or with filters (--tag, --group, … or --all), not both.");
            }

            var client = context.ClientFor(r);
            var job = await client.CreateBulkTaskAsync(new CreateBulkTaskRequest(r.GetValue(kind)!, idList, hasFilter ? filter : null, Arguments(r.GetValue(args)), r.GetValue(expires)), ct);
            if (r.GetValue(wait))
            {
                job = await WaitAsync(context, r, client, job, ct);
            }

            Print(context, r, job);
        });

        var id = new Argument<long>("id") { Description = "Bulk job id" };
        var showWait = new Option<bool>("--wait") { Description = "Show the progress until every task is done, failed or expired" };
        var show = new Command("show", "A bulk job's tasks counted by status") { id, showWait };
        show.SetHandler(context, async (r, ct) =>
        {
            var client = context.ClientFor(r);
            var job = await client.GetBulkTaskAsync(r.GetValue(id), ct);
            if (r.GetValue(showWait))
            {
                job = await WaitAsync(context, r, client, job, ct);
            }

            Print(context, r, job);
        });

        bulk.Subcommands.Add(create);
        bulk.Subcommands.Add(show);
        devices.Subcommands.Add(bulk);
        return devices;
    }

    private static async Task<BulkTaskJobDto> WaitAsync(CliContext context, ParseResult r, Client.QdmsClient client, BulkTaskJobDto job, CancellationToken ct)
    {
        while (!job.Finished)
        {
            if (!context.Json(r))
            {
                context.Console.MarkupLine($"[grey]{Counts(job)}[/]");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct); // a progress display, not a synchronisation
            job = await client.GetBulkTaskAsync(job.Id, ct);
        }

        return job;
    }

    private static string Counts(BulkTaskJobDto j) => $"{j.Total} tasks: {j.Queued} queued, {j.Sent} sent, {j.Done} done, {j.Failed} failed, {j.Expired} expired";

    private static List<long> ParseIds(string text)
    {
        var ids = new List<long>();
        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            ids.Add(long.TryParse(part, out var id) && id > 0 ? id : throw new CliException($"--ids: '{part}' is not a device id."));
        }

        return ids;
    }

    private static JsonElement? Arguments(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new CliException($"--args is not valid JSON: {e.Message}");
        }
    }

    private static void Print(CliContext context, ParseResult r, BulkTaskJobDto job)
    {
        if (context.Json(r))
        {
            context.WriteJson(job);
            return;
        }

        Tables.Write(context, false, [job],
            ("Bulk", j => j.Id), ("Kind", j => j.Kind), ("Devices", j => j.Selection), ("State", j => j.State), ("Tasks", j => j.Total), ("Queued", j => j.Queued),
            ("Sent", j => j.Sent), ("Done", j => j.Done), ("Failed", j => j.Failed), ("Expired", j => j.Expired), ("Finished", j => j.Finished ? "yes" : "no"));
    }
}
