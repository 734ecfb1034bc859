using System.CommandLine;
using Qdms.Contracts;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary><c>tenants list|add|remove</c>.</summary>
public static class TenantCommands
{
    public static Command Create(CliContext context)
    {
        var tenants = new Command("tenants", "Manage tenants (sysops)");
        var list = new Command("list", "List tenants");
        list.SetHandler(context, async (r, ct) =>
            Tables.Write(context, context.Json(r), await context.ClientFor(r).ListTenantsAsync(ct),
                ("Id", t => t.Id), ("Name", t => t.Name), ("Display name", t => t.DisplayName), ("Created", t => t.CreatedAt)));

        var name = new Argument<string>("name");
        var display = new Option<string?>("--display-name");
        var add = new Command("add", "Create a tenant") { name, display };
        add.SetHandler(context, async (r, ct) =>
        {
            var t = await context.ClientFor(r).CreateTenantAsync(new CreateTenantRequest(r.GetValue(name)!, r.GetValue(display)), ct);
            Tables.Write(context, context.Json(r), [t], ("Id", x => x.Id), ("Name", x => x.Name), ("Display name", x => x.DisplayName));
        });

        var id = new Argument<long>("id");
        var remove = new Command("remove", "Delete an empty tenant") { id };
        remove.SetHandler(context, async (r, ct) =>
        {
            await context.ClientFor(r).DeleteTenantAsync(r.GetValue(id), ct);
            context.Console.MarkupLine($"Tenant {r.GetValue(id)} deleted.");
        });
        tenants.Subcommands.Add(list);
        tenants.Subcommands.Add(add);
        tenants.Subcommands.Add(remove);
        return tenants;
    }
}
