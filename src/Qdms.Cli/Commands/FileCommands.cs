using System.CommandLine;
using Qdms.Client;
using Qdms.Contracts;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary><c>files register|unregister|list|show|servers|token</c>: the file repository (IF-03).</summary>
public static class FileCommands
{
    public static Command Create(CliContext context)
    {
        var files = new Command("files", "The file repository: firmware, software and configuration files for devices");
        files.Subcommands.Add(Register(context));

        var id = new Argument<long>("id");
        var unregister = new Command("unregister", "Delete a file: its record, its content and its download tokens") { id };
        unregister.SetHandler(context, async (r, ct) =>
        {
            await context.ClientFor(r).UnregisterFileAsync(r.GetValue(id), ct);
            context.Console.MarkupLine($"File {r.GetValue(id)} unregistered.");
        });
        files.Subcommands.Add(unregister);

        var type = new Option<string?>("--type") { Description = "Only this type: fw, sw, config or other" };
        var group = new Option<string?>("--group") { Description = "Only files of this provision or update group" };
        var page = new Option<int?>("--page") { Description = "Page number, from 1" };
        var size = new Option<int?>("--size") { Description = "Rows per page" };
        var list = new Command("list", "List files") { type, group, page, size };
        list.SetHandler(context, async (r, ct) =>
        {
            var result = await context.ClientFor(r).ListFilesAsync(r.GetValue(type), r.GetValue(group), r.GetValue(page), r.GetValue(size), ct);
            if (context.Json(r))
            {
                context.WriteJson(result);
                return;
            }

            Tables.Write(context, false, result.Items,
                ("Id", f => f.Id), ("Type", f => f.Type), ("Name", f => f.FileName), ("Version", f => f.Version), ("Provision group", f => f.ProvisionGroupId),
                ("Update group", f => f.UpdateGroupId), ("Size", f => f.Size), ("CRC-32", f => f.Crc32), ("Created", f => f.CreatedAt));
            context.Console.MarkupLine($"[grey]{result.Items.Count} of {result.Total} (page {result.Page})[/]");
        });
        files.Subcommands.Add(list);

        var show = new Command("show", "Show one file") { id };
        show.SetHandler(context, async (r, ct) => Print(context, r, await context.ClientFor(r).GetFileAsync(r.GetValue(id), ct)));
        files.Subcommands.Add(show);

        var servers = new Command("servers", "The file servers' state, free space and contents");
        servers.SetHandler(context, async (r, ct) =>
            Tables.Write(context, context.Json(r), await context.ClientFor(r).ListFileServersAsync(ct),
                ("Name", s => s.Name), ("Kind", s => s.Kind), ("Status", s => s.Status), ("Error", s => s.Error), ("Free", s => Bytes(s.FreeBytes)),
                ("Total", s => Bytes(s.TotalBytes)), ("Files", s => s.FileCount), ("Stored", s => Bytes(s.BytesStored))));
        files.Subcommands.Add(servers);

        var device = new Option<long?>("--device") { Description = "The device the token is for (recorded with it)" };
        var task = new Option<long?>("--task") { Description = "The task the token is for (recorded with it)" };
        var expires = new Option<long?>("--expires-in") { Description = "Lifetime in seconds (default: the server's, 24 hours)" };
        var token = new Command("token", "Make a download token for one file and print the device URL") { id, device, task, expires };
        token.SetHandler(context, async (r, ct) =>
        {
            var created = await context.ClientFor(r).CreateDownloadTokenAsync(r.GetValue(id), new CreateDownloadTokenRequest(r.GetValue(device), r.GetValue(task), r.GetValue(expires)), ct);
            if (context.Json(r))
            {
                context.WriteJson(created);
                return;
            }

            context.Console.MarkupLine($"Download token for file {created.FileId}, valid until {Tables.Format(created.ExpiresAt)} UTC. Devices fetch:");
            context.Console.Profile.Out.Writer.WriteLine(created.Url);
        });
        files.Subcommands.Add(token);
        return files;
    }

    private static Command Register(CliContext context)
    {
        var path = new Argument<FileInfo>("path") { Description = "The file to upload" };
        var type = new Option<string>("--type") { Description = "fw, sw, config or other", Required = true };
        var provision = new Option<string>("--provision-group") { Description = "Provision group id", Required = true };
        var update = new Option<string>("--update-group") { Description = "Update group id", Required = true };
        var version = new Option<string>("--version") { Description = "The file's version", Required = true };
        var name = new Option<string?>("--name") { Description = "File name devices see (default: the file's own name)" };
        var crc = new Option<string?>("--crc") { Description = "Expected CRC-32 in hex (default: computed here before the upload)" };
        var tenant = new Option<long?>("--tenant") { Description = "Tenant id (sysops only)" };
        var register = new Command("register", "Upload and register a file (RegisterFile)") { path, type, provision, update, version, name, crc, tenant };
        register.SetHandler(context, async (r, ct) =>
        {
            var file = r.GetValue(path)!;
            if (!file.Exists)
            {
                throw new CliException($"No such file: {file.FullName}");
            }

            var client = context.ClientFor(r);
            var request = new RegisterFileRequest(
                r.GetValue(type)!, r.GetValue(provision)!, r.GetValue(update)!, r.GetValue(name) ?? file.Name, r.GetValue(version)!, r.GetValue(crc), r.GetValue(tenant));
            FileDto? stored = null;
            if (context.Json(r))
            {
                stored = await client.RegisterFileAsync(file.FullName, request, null, ct);
            }
            else
            {
                await context.Console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                    .StartAsync(async p =>
                    {
                        if (request.Crc is null)
                        {
                            var hashing = p.AddTask("CRC-32", maxValue: Math.Max(1, file.Length));
                            await using var input = file.OpenRead();
                            request = request with { Crc = $"0x{await QdmsClient.ComputeCrc32Async(input, ct):X8}" };
                            hashing.Value = hashing.MaxValue;
                        }

                        var upload = p.AddTask($"Upload {Markup.Escape(file.Name)}", maxValue: Math.Max(1, file.Length));
                        stored = await client.RegisterFileAsync(file.FullName, request, new InlineProgress<long>(sent => upload.Value = sent), ct);
                        upload.Value = upload.MaxValue;
                    });
            }

            Print(context, r, stored!);
        });
        return register;
    }

    private static void Print(CliContext context, ParseResult r, FileDto f)
    {
        if (context.Json(r))
        {
            context.WriteJson(f);
            return;
        }

        var grid = new Grid().AddColumn().AddColumn();
        foreach (var (label, value) in new (string, object?)[]
        {
            ("Id", f.Id), ("Tenant", f.TenantId), ("Type", f.Type), ("Name", f.FileName), ("Version", f.Version), ("Provision group", f.ProvisionGroupId),
            ("Update group", f.UpdateGroupId), ("Size", $"{f.Size} bytes"), ("CRC-32", f.Crc32), ("SHA-256", f.Sha256), ("Created", f.CreatedAt),
            ("Created by", f.CreatedBy), ("Device path", f.DownloadPath),
        })
        {
            grid.AddRow($"[grey]{label}[/]", Markup.Escape(Tables.Format(value)));
        }

        context.Console.Write(grid);
    }

    private static string Bytes(long? n) => n switch
    {
        null => "",
        >= 1L << 30 => $"{n / (double)(1L << 30):0.0} GiB",
        >= 1L << 20 => $"{n / (double)(1L << 20):0.0} MiB",
        >= 1L << 10 => $"{n / 1024.0:0.0} KiB",
        _ => $"{n} B",
    };
}
