using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qdms.Contracts;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary>
/// <c>snmp add|settings|configure|forget|profiles|assign|unassign|assignments|get|set|walk</c>: SNMP devices, polling profiles
/// and one-shot get/set/walk tasks (queued, then waited for).
/// </summary>
public static class SnmpCommands
{
    public static Command Create(CliContext context)
    {
        var snmp = new Command("snmp", "SNMP devices, polling profiles and get/set/walk");
        var device = new Argument<long>("device") { Description = "Device id" };
        var settings = new SettingsOptions();

        var host = new Argument<string>("host") { Description = "The agent's IP address" };
        var name = new Option<string?>("--name");
        var tags = new Option<string?>("--tags") { Description = "Tags separated by ';' or ','" };
        var profiles = new Option<string[]>("--profile") { Description = "A profile to poll (repeat for more): mib2-system, if-mib, host-resources or your own" };
        var tenant = new Option<long?>("--tenant") { Description = "Tenant id (sysops only)" };
        var add = new Command("add", "Create an SNMP device (identity snmp:host:port) with its settings and profiles") { host, name, tags, profiles, tenant };
        settings.AddTo(add, withHost: false);
        add.SetHandler(context, async (r, ct) =>
        {
            var s = settings.Read(r, r.GetValue(host));
            var request = new CreateSnmpDeviceRequest(s.Host!, s.Version ?? "2c", s.Port, s.Community, s.User, r.GetValue(name),
                r.GetValue(tags)?.Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), r.GetValue(profiles), s.ContextName, s.EngineId, r.GetValue(tenant));
            var created = await context.ClientFor(r).CreateSnmpDeviceAsync(request, ct);
            if (context.Json(r))
            {
                context.WriteJson(created);
                return;
            }

            context.Console.MarkupLine($"SNMP device {created.Device.Id} created ({created.Device.Identities[0].Protocol}:{created.Device.Identities[0].Key}).");
            PrintSettings(context, r, created.Snmp);
        });

        var show = new Command("settings", "Show a device's SNMP settings (secrets only as set or not)") { device };
        show.SetHandler(context, async (r, ct) => PrintSettings(context, r, await context.ClientFor(r).GetSnmpSettingsAsync(r.GetValue(device), ct)));

        var configure = new Command("configure", "Set a device's SNMP settings (an option left out keeps its value)") { device };
        settings.AddTo(configure, withHost: true);
        configure.SetHandler(context, async (r, ct) =>
            PrintSettings(context, r, await context.ClientFor(r).PutSnmpSettingsAsync(r.GetValue(device), settings.Read(r, null), ct)));

        var forget = new Command("forget", "Remove a device's SNMP settings and snmp identity (the device stays)") { device };
        forget.SetHandler(context, async (r, ct) =>
        {
            await context.ClientFor(r).DeleteSnmpSettingsAsync(r.GetValue(device), ct);
            context.Console.MarkupLine($"SNMP settings of device {r.GetValue(device)} removed.");
        });

        snmp.Subcommands.Add(add);
        snmp.Subcommands.Add(show);
        snmp.Subcommands.Add(configure);
        snmp.Subcommands.Add(forget);
        snmp.Subcommands.Add(SnmpProfileCommands.Create(context));
        foreach (var command in SnmpProfileCommands.Assignments(context))
        {
            snmp.Subcommands.Add(command);
        }

        foreach (var command in Operations(context, device))
        {
            snmp.Subcommands.Add(command);
        }

        return snmp;
    }

    private static IEnumerable<Command> Operations(CliContext context, Argument<long> device)
    {
        var wait = new Option<int>("--wait") { Description = "Seconds to wait for the result (0: queue and return)", DefaultValueFactory = _ => 30 };
        var oids = new Argument<string[]>("oids") { Description = "OIDs, e.g. 1.3.6.1.2.1.1.5.0", Arity = ArgumentArity.OneOrMore };
        var get = new Command("get", "Read OIDs from a device now (a get task)") { device, oids, wait };
        get.SetHandler(context, (r, ct) => RunTaskAsync(context, r, r.GetValue(device), "get", new JsonObject { ["paths"] = new JsonArray([.. r.GetValue(oids)!.Select(o => JsonValue.Create(o))]) }, r.GetValue(wait), ct));

        var assignments = new Argument<string[]>("values") { Description = "OID=VALUE; VALUE is a string, or TYPE:VALUE with i (integer), s, x (hex), o (OID), a (IP address), u (gauge32), t (timeticks)", Arity = ArgumentArity.OneOrMore };
        var set = new Command("set", "Write values to a device now (a set task)") { device, assignments, wait };
        set.SetHandler(context, (r, ct) =>
        {
            var values = new JsonObject();
            foreach (var text in r.GetValue(assignments)!)
            {
                var eq = text.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new CliException($"'{text}' is not OID=VALUE.");
                }

                values[text[..eq]] = Value(text[(eq + 1)..]);
            }

            return RunTaskAsync(context, r, r.GetValue(device), "set", new JsonObject { ["values"] = values }, r.GetValue(wait), ct);
        });

        var root = new Argument<string?>("oid") { Description = "The subtree (default: the system group 1.3.6.1.2.1.1)", Arity = ArgumentArity.ZeroOrOne };
        var walk = new Command("walk", "Walk a subtree of a device into its parameters now (a refresh task)") { device, root, wait };
        walk.SetHandler(context, (r, ct) => RunTaskAsync(context, r, r.GetValue(device), "refresh", r.GetValue(root) is { } o ? new JsonObject { ["path"] = o } : new JsonObject(), r.GetValue(wait), ct));
        return [get, set, walk];
    }

    private static JsonNode Value(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var type = colon == 1 ? text[0] switch
        {
            'i' => "int",
            's' => "string",
            'x' => "hexString",
            'o' => "oid",
            'a' => "ipAddress",
            'u' => "gauge32",
            't' => "timeTicks",
            _ => null,
        } : null;
        return type is null ? JsonValue.Create(text) : new JsonObject { ["type"] = type, ["value"] = text[2..] };
    }

    private static async Task<int> RunTaskAsync(CliContext context, ParseResult r, long deviceId, string kind, JsonObject arguments, int waitSeconds, CancellationToken ct)
    {
        var client = context.ClientFor(r);
        using var doc = JsonDocument.Parse(arguments.ToJsonString());
        var task = await client.CreateTaskAsync(deviceId, new CreateTaskRequest(kind, doc.RootElement.Clone()), ct);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(waitSeconds);
        while (task.Status is "queued" or "sent" && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(250, ct); // polling the API for the task's end: there is no push channel
            task = await client.GetTaskAsync(task.Id, ct);
        }

        if (context.Json(r))
        {
            context.WriteJson(task);
        }
        else if (task.Status == "done" && task.Result is { } result)
        {
            if (result.TryGetProperty("values", out var values))
            {
                foreach (var v in values.EnumerateObject())
                {
                    context.Console.Profile.Out.Writer.WriteLine($"{v.Name} = {v.Value.GetProperty("type").GetString()}: {v.Value.GetProperty("value")}");
                }
            }
            else
            {
                context.Console.Profile.Out.Writer.WriteLine(result.GetRawText());
            }
        }
        else
        {
            context.Console.Profile.Out.Writer.WriteLine($"task {task.Id}: {task.Status}{(task.FaultCode is null ? "" : $" — {task.FaultCode}: {task.FaultMessage}")}");
        }

        return task.Status == "done" ? 0 : 1;
    }

    private static void PrintSettings(CliContext context, ParseResult r, SnmpSettingsDto s)
    {
        if (context.Json(r))
        {
            context.WriteJson(s);
            return;
        }

        Tables.Write(context, false, [s],
            ("Device", x => x.DeviceId), ("Host", x => x.Host), ("Port", x => x.Port), ("Version", x => x.Version), ("Community", x => x.CommunitySet ? "set" : "-"),
            ("User", x => x.User?.Name), ("Auth", x => x.User is null ? null : $"{x.User.AuthProtocol}{(x.User.AuthPasswordSet ? " (set)" : "")}"),
            ("Priv", x => x.User is null ? null : $"{x.User.PrivProtocol}{(x.User.PrivPasswordSet ? " (set)" : "")}"), ("Engine id", x => x.EngineId), ("Updated", x => x.UpdatedAt));
    }

    /// <summary>The options of SNMP settings shared by <c>add</c> and <c>configure</c>.</summary>
    private sealed class SettingsOptions
    {
        public Option<string?> Host { get; } = new("--host") { Description = "The agent's IP address" };
        public Option<int?> Port { get; } = new("--port") { Description = "UDP port (default 161)" };
        public Option<string?> Version { get; } = new("--version", "-v") { Description = "1, 2c (default for add) or 3" };
        public Option<string?> Community { get; } = new("--community", "-c") { Description = "v1/v2c community" };
        public Option<string?> User { get; } = new("--user", "-u") { Description = "v3 user name" };
        public Option<string?> AuthProtocol { get; } = new("--auth-protocol", "-a") { Description = "md5, sha1, sha224, sha256, sha384, sha512" };
        public Option<string?> AuthPassword { get; } = new("--auth-password", "-A");
        public Option<string?> PrivProtocol { get; } = new("--priv-protocol", "-x") { Description = "des, aes128, aes192, aes256" };
        public Option<string?> PrivPassword { get; } = new("--priv-password", "-X");
        public Option<string?> Context { get; } = new("--context") { Description = "v3 context name" };
        public Option<string?> EngineId { get; } = new("--engine-id") { Description = "v3 engine id in hex (traps are matched by it)" };

        public void AddTo(Command command, bool withHost)
        {
            if (withHost)
            {
                command.Options.Add(Host);
            }

            foreach (var o in new Option[] { Port, Version, Community, User, AuthProtocol, AuthPassword, PrivProtocol, PrivPassword, Context, EngineId })
            {
                command.Options.Add(o);
            }
        }

        public SnmpSettingsRequest Read(ParseResult r, string? host)
        {
            var user = r.GetValue(User) is { } name
                ? new SnmpUserRequest(name, r.GetValue(AuthProtocol), r.GetValue(AuthPassword), r.GetValue(PrivProtocol), r.GetValue(PrivPassword))
                : null;
            return new SnmpSettingsRequest(host ?? r.GetValue(Host), r.GetValue(Port), r.GetValue(Version), r.GetValue(Community), user, r.GetValue(Context), r.GetValue(EngineId));
        }
    }
}
