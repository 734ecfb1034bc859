using System.CommandLine;
using Qdms.Contracts;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary><c>devices list|show|add|set|remove|import|export</c>.</summary>
public static class DeviceCommands
{
    public static Command Create(CliContext context)
    {
        var devices = new Command("devices", "The device inventory");
        var filters = new Filters();

        var page = new Option<int?>("--page");
        var size = new Option<int?>("--size");
        var list = new Command("list", "List devices (q: case-insensitive prefix of name, serial, model, manufacturer or an identity key)") { page, size };
        filters.AddTo(list);
        list.SetHandler(context, async (r, ct) =>
        {
            var result = await context.ClientFor(r).ListDevicesAsync(r.GetValue(filters.Q), r.GetValue(filters.Protocol), r.GetValue(filters.Group), r.GetValue(filters.Tag),
                r.GetValue(filters.Status), r.GetValue(page), r.GetValue(size), ct);
            if (context.Json(r))
            {
                context.WriteJson(result);
                return;
            }

            WriteTable(context, result.Items);
            context.Console.MarkupLine($"[grey]page {result.Page}, {result.Items.Count} of {result.Total}[/]");
        });

        var id = new Argument<long>("id");
        var prefix = new Option<string?>("--prefix") { Description = "Only parameters under this path" };
        var show = new Command("show", "Show a device: fields, identities and parameters") { id, prefix };
        show.SetHandler(context, async (r, ct) =>
        {
            var client = context.ClientFor(r);
            var device = await client.GetDeviceAsync(r.GetValue(id), ct);
            var parameters = await client.ListParametersAsync(device.Id, r.GetValue(prefix), ct);
            if (context.Json(r))
            {
                context.WriteJson(new { device, parameters });
                return;
            }

            var fields = new Table().Border(TableBorder.Rounded).AddColumn("Field").AddColumn("Value");
            foreach (var (name, value) in Fields(device))
            {
                fields.AddRow(Markup.Escape(name), Markup.Escape(Tables.Format(value)));
            }

            context.Console.Write(fields);
            Tables.Write(context, false, device.Identities, ("Protocol", i => i.Protocol), ("Key", i => i.Key));
            Tables.Write(context, false, parameters, ("Path", p => p.Path), ("Value", p => p.Value), ("Type", p => p.Type), ("Writable", p => p.Writable), ("Updated", p => p.UpdatedAt));
        });

        var identities = new Option<string[]>("--identity") { Description = "protocol:key, e.g. tr069:00259E-HG8245-0001 (repeat for more)", Required = true };
        var name = new Option<string?>("--name");
        var manufacturer = new Option<string?>("--manufacturer");
        var model = new Option<string?>("--model");
        var serial = new Option<string?>("--serial");
        var address = new Option<string?>("--address");
        var tags = new Option<string?>("--tags") { Description = "Tags separated by ';' or ','" };
        var provisionGroup = new Option<string?>("--provision-group");
        var updateGroup = new Option<string?>("--update-group");
        var tenant = new Option<long?>("--tenant") { Description = "Tenant id (sysops only)" };
        var add = new Command("add", "Pre-provision a device") { identities, name, manufacturer, model, serial, address, tags, provisionGroup, updateGroup, tenant };
        add.SetHandler(context, async (r, ct) =>
        {
            var ids = r.GetValue(identities)!.Select(ParseIdentity).ToList();
            var request = new CreateDeviceRequest(ids, r.GetValue(name), r.GetValue(manufacturer), r.GetValue(model), r.GetValue(serial), null, r.GetValue(address),
                SplitTags(r.GetValue(tags)), r.GetValue(provisionGroup), r.GetValue(updateGroup), r.GetValue(tenant));
            Print(context, r, await context.ClientFor(r).CreateDeviceAsync(request, ct));
        });

        var username = new Option<string?>("--username") { Description = "HTTP Basic user name of the device" };
        var password = new Option<string?>("--password") { Description = "HTTP Basic password (asked for when --username is given without it)" };
        var removeCredentials = new Option<bool>("--remove-credentials");
        var set = new Command("set", "Change a device's name, tags, groups, address or credentials ('' clears a group)")
            { id, name, tags, provisionGroup, updateGroup, address, username, password, removeCredentials };
        set.SetHandler(context, async (r, ct) =>
        {
            DeviceCredentialsDto? credentials = null;
            if (r.GetValue(username) is { } user)
            {
                credentials = new DeviceCredentialsDto(user, r.GetValue(password) ?? context.Ask("Device password:", "--password", secret: true));
            }

            var request = new UpdateDeviceRequest(r.GetValue(name), SplitTags(r.GetValue(tags)), r.GetValue(provisionGroup), r.GetValue(updateGroup), r.GetValue(address),
                credentials, r.GetValue(removeCredentials) ? true : null);
            Print(context, r, await context.ClientFor(r).UpdateDeviceAsync(r.GetValue(id), request, ct));
        });

        var remove = new Command("remove", "Delete a device with its parameters and tasks (admins)") { id };
        remove.SetHandler(context, async (r, ct) =>
        {
            await context.ClientFor(r).DeleteDeviceAsync(r.GetValue(id), ct);
            context.Console.MarkupLine($"Device {r.GetValue(id)} deleted.");
        });

        var importFile = new Argument<FileInfo>("file") { Description = "CSV with a header: identities,name,manufacturer,model,serial,firmwareVersion,address,provisionGroup,updateGroup,tags" };
        var import = new Command("import", "Create or update devices from a CSV file, all or nothing") { importFile, tenant };
        import.SetHandler(context, async (r, ct) =>
        {
            var file = r.GetValue(importFile)!;
            if (!file.Exists)
            {
                throw new CliException($"No such file: {file.FullName}");
            }

            await using var stream = file.OpenRead();
            var result = await context.ClientFor(r).ImportDevicesAsync(stream, r.GetValue(tenant), ct);
            if (context.Json(r))
            {
                context.WriteJson(result);
                return;
            }

            context.Console.MarkupLine($"Imported: {result.Created} created, {result.Updated} updated.");
        });

        var exportFile = new Argument<FileInfo?>("file") { Description = "Where to write the CSV (default: standard output)", Arity = ArgumentArity.ZeroOrOne };
        var export = new Command("export", "Write the devices matching the filters as CSV") { exportFile };
        filters.AddTo(export);
        export.SetHandler(context, async (r, ct) =>
        {
            var client = context.ClientFor(r);
            var file = r.GetValue(exportFile);
            if (file is null)
            {
                await client.ExportDevicesAsync(context.Console.Profile.Out.Writer, r.GetValue(filters.Q), r.GetValue(filters.Protocol), r.GetValue(filters.Group),
                    r.GetValue(filters.Tag), r.GetValue(filters.Status), ct);
                return;
            }

            if (file.Directory is { Exists: false } directory)
            {
                throw new CliException($"No such directory: {directory.FullName}");
            }

            // Written to a temp file next to the target and renamed, so a failed export never leaves a half file behind.
            var temp = file.FullName + ".part";
            try
            {
                await using (var stream = File.Create(temp))
                {
                    await client.ExportDevicesAsync(stream, r.GetValue(filters.Q), r.GetValue(filters.Protocol), r.GetValue(filters.Group), r.GetValue(filters.Tag),
                        r.GetValue(filters.Status), ct);
                }

                File.Move(temp, file.FullName, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }

            context.Console.MarkupLine($"Devices written to {Markup.Escape(file.FullName)}.");
        });

        foreach (var command in new[] { list, show, add, set, remove, import, export })
        {
            devices.Subcommands.Add(command);
        }

        devices.Subcommands.Add(DeviceWakeCommand.Create(context));

        return devices;
    }

    private static DeviceIdentityDto ParseIdentity(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0
            ? throw new CliException($"--identity '{text}' must be protocol:key, e.g. tr069:00259E-HG8245-0001.")
            : new DeviceIdentityDto(text[..colon], text[(colon + 1)..]);
    }

    private static List<string>? SplitTags(string? text) =>
        text?.Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static IEnumerable<(string, object?)> Fields(DeviceDto d) =>
    [
        ("Id", d.Id), ("Tenant", d.TenantId), ("Name", d.Name), ("Manufacturer", d.Manufacturer), ("Model", d.Model), ("Serial", d.Serial),
        ("Firmware", d.FirmwareVersion), ("Address", d.Address), ("Status", d.Status), ("Last contact", d.LastContactAt), ("Tags", d.Tags),
        ("Provision group", d.ProvisionGroup), ("Update group", d.UpdateGroup), ("Credentials", d.CredentialsUsername), ("Created", d.CreatedAt), ("Updated", d.UpdatedAt),
    ];

    private static void WriteTable(CliContext context, IReadOnlyList<DeviceDto> rows) =>
        Tables.Write(context, false, rows,
            ("Id", d => d.Id), ("Name", d => d.Name), ("Identities", d => d.Identities.Select(i => $"{i.Protocol}:{i.Key}")), ("Model", d => d.Model),
            ("Serial", d => d.Serial), ("Status", d => d.Status), ("Groups", d => $"{d.ProvisionGroup ?? "-"} / {d.UpdateGroup ?? "-"}"), ("Tags", d => d.Tags), ("Last contact", d => d.LastContactAt));

    private static void Print(CliContext context, ParseResult r, DeviceDto d)
    {
        if (context.Json(r))
        {
            context.WriteJson(d);
            return;
        }

        WriteTable(context, [d]);
    }

    /// <summary>The list filters shared by <c>list</c> and <c>export</c>.</summary>
    private sealed class Filters
    {
        public Option<string?> Q { get; } = new("--q") { Description = "Case-insensitive prefix of name, serial, model, manufacturer or identity key" };
        public Option<string?> Protocol { get; } = new("--protocol") { Description = "Only devices with an identity of this protocol" };
        public Option<string?> Group { get; } = new("--group") { Description = "Provision group or update group" };
        public Option<string?> Tag { get; } = new("--tag");
        public Option<string?> Status { get; } = new("--status") { Description = "unknown, online, offline or unreachable" };

        public void AddTo(Command command)
        {
            command.Options.Add(Q);
            command.Options.Add(Protocol);
            command.Options.Add(Group);
            command.Options.Add(Tag);
            command.Options.Add(Status);
        }
    }
}
