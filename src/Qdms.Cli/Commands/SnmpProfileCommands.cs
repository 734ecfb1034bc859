using System.CommandLine;
using System.Text.Json;
using Qdms.Client;
using Qdms.Contracts;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary><c>snmp profiles list|show|add|update|remove</c> and <c>snmp assign|unassign|assignments</c>.</summary>
public static class SnmpProfileCommands
{
    public static Command Create(CliContext context)
    {
        var profiles = new Command("profiles", "Polling profiles: scalars and tables read every interval");
        var tenant = new Option<long?>("--tenant") { Description = "Tenant id (sysops only)" };
        var list = new Command("list", "List the built-in profiles and your own");
        list.SetHandler(context, async (r, ct) =>
            Tables.Write(context, context.Json(r), await context.ClientFor(r).ListSnmpProfilesAsync(ct),
                ("Name", p => p.Name), ("Tenant", p => p.BuiltIn ? "built-in" : p.TenantId), ("Interval", p => $"{p.IntervalSeconds}s"),
                ("Scalars", p => p.Scalars.Count), ("Tables", p => string.Join(", ", p.Tables.Select(t => $"{t.Name}({t.Columns.Count})"))), ("Description", p => p.Description)));

        var name = new Argument<string>("name");
        var show = new Command("show", "Show a profile's objects") { name, tenant };
        show.SetHandler(context, async (r, ct) =>
        {
            var p = await context.ClientFor(r).GetSnmpProfileAsync(r.GetValue(name)!, r.GetValue(tenant), ct);
            if (context.Json(r))
            {
                context.WriteJson(p);
                return;
            }

            var rows = p.Scalars.Select(o => (Table: "", Object: o)).Concat(p.Tables.SelectMany(t => t.Columns.Select(o => (Table: t.Name, Object: o)))).ToList();
            Tables.Write(context, false, rows, ("Table", x => x.Table), ("OID", x => x.Object.Oid), ("Name", x => x.Object.Name), ("Metric", x => x.Object.Metric),
                ("Kind", x => x.Object.Kind), ("Scale", x => x.Object.Scale));
        });

        var file = new Argument<FileInfo>("file") { Description = "JSON: {\"name\", \"intervalSeconds\", \"scalars\": [{\"oid\", \"name\", \"metric\", \"kind\"}], \"tables\": [{\"name\", \"columns\": […]}]}" };
        var add = new Command("add", "Create a profile from a JSON file") { file, tenant };
        add.SetHandler(context, async (r, ct) =>
        {
            var created = await context.ClientFor(r).CreateSnmpProfileAsync(Read(r.GetValue(file)!), r.GetValue(tenant), ct);
            context.Console.MarkupLine($"Profile {Markup.Escape(created.Name)} created.");
        });

        var update = new Command("update", "Replace a profile from a JSON file") { name, file, tenant };
        update.SetHandler(context, async (r, ct) =>
        {
            await context.ClientFor(r).UpdateSnmpProfileAsync(r.GetValue(name)!, Read(r.GetValue(file)!), r.GetValue(tenant), ct);
            context.Console.MarkupLine($"Profile {Markup.Escape(r.GetValue(name)!)} updated.");
        });

        var remove = new Command("remove", "Delete a profile and its assignments") { name, tenant };
        remove.SetHandler(context, async (r, ct) =>
        {
            await context.ClientFor(r).DeleteSnmpProfileAsync(r.GetValue(name)!, r.GetValue(tenant), ct);
            context.Console.MarkupLine($"Profile {Markup.Escape(r.GetValue(name)!)} deleted.");
        });

        foreach (var c in new[] { list, show, add, update, remove })
        {
            profiles.Subcommands.Add(c);
        }

        return profiles;
    }

    public static IEnumerable<Command> Assignments(CliContext context)
    {
        var profile = new Argument<string>("profile");
        var device = new Option<long?>("--device") { Description = "One device" };
        var tag = new Option<string?>("--tag") { Description = "Every device of the tenant with this tag" };
        var tenant = new Option<long?>("--tenant") { Description = "Tenant of a tag assignment (sysops only)" };
        var assign = new Command("assign", "Poll a profile on a device or on a tag") { profile, device, tag, tenant };
        assign.SetHandler(context, async (r, ct) =>
        {
            var a = await context.ClientFor(r).AssignSnmpProfileAsync(new SnmpAssignmentRequest(r.GetValue(profile)!, r.GetValue(device), r.GetValue(tag), r.GetValue(tenant)), ct);
            Print(context, r, [a]);
        });

        var id = new Argument<long>("id") { Description = "Assignment id" };
        var unassign = new Command("unassign", "Stop polling an assignment") { id };
        unassign.SetHandler(context, async (r, ct) =>
        {
            await context.ClientFor(r).UnassignSnmpProfileAsync(r.GetValue(id), ct);
            context.Console.MarkupLine($"Assignment {r.GetValue(id)} removed.");
        });

        var list = new Command("assignments", "List profile assignments");
        list.SetHandler(context, async (r, ct) => Print(context, r, await context.ClientFor(r).ListSnmpAssignmentsAsync(ct)));
        return [assign, unassign, list];
    }

    private static SnmpProfileRequest Read(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliException($"No such file: {file.FullName}");
        }

        try
        {
            return JsonSerializer.Deserialize<SnmpProfileRequest>(File.ReadAllText(file.FullName), QdmsClient.Json) ?? throw new CliException($"{file.Name} holds no profile.");
        }
        catch (JsonException e)
        {
            throw new CliException($"{file.Name} is not a profile: {e.Message}");
        }
    }

    private static void Print(CliContext context, ParseResult r, IReadOnlyList<SnmpAssignmentDto> rows) =>
        Tables.Write(context, context.Json(r), rows, ("Id", a => a.Id), ("Tenant", a => a.TenantId), ("Profile", a => a.Profile), ("Device", a => a.DeviceId), ("Tag", a => a.Tag), ("Created", a => a.CreatedAt));
}
