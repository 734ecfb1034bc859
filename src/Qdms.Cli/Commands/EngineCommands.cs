using System.CommandLine;
using Qdms.Contracts;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary><c>engines list|types|add|remove|start|stop|status</c>: the DM engine manager (IF-01). Changes need a sysop.</summary>
public static class EngineCommands
{
    public static Command Create(CliContext context)
    {
        var engines = new Command("engines", "Manage DM engine instances (sysops change; everyone may read)");

        var list = new Command("list", "List engine instances with their status");
        list.SetHandler(context, async (r, ct) => EngineTable.Write(context, context.Json(r), await context.ClientFor(r).ListEnginesAsync(ct)));

        var types = new Command("types", "List the engine types and their config defaults");
        types.SetHandler(context, async (r, ct) =>
        {
            var rows = await context.ClientFor(r).ListEngineTypesAsync(ct);
            Tables.Write(context, context.Json(r), rows,
                ("Type", t => t.Name), ("Description", t => t.Description), ("Defaults", t => t.DefaultConfig.GetRawText()),
                ("Keys", t => t.Fields.Select(f => f.Secret ? $"{f.Name} ({f.Kind}, secret)" : $"{f.Name} ({f.Kind})")));
        });

        var type = new Argument<string>("type") { Description = "Engine type (see `qdms engines types`)" };
        var alias = new Argument<string>("alias") { Description = "The instance's name, unique per type" };
        var index = new Argument<int>("index") { Description = "The instance's index from 1; 0 = all of the type" };
        var config = new Option<string?>("--config") { Description = "The config as a JSON object; keys left out take the type's defaults" };
        var set = new Option<string[]>("--set") { Description = "One config key: key=value (repeatable; overrides --config)" };

        var add = new Command("add", "Add an engine instance (stopped)") { type, alias, config, set };
        add.SetHandler(context, async (r, ct) =>
        {
            var request = new AddEngineRequest(r.GetValue(type)!, r.GetValue(alias)!, EngineConfigArguments.Build(r.GetValue(config), r.GetValue(set)));
            var added = await context.ClientFor(r).AddEngineAsync(request, ct);
            EngineTable.Write(context, context.Json(r), [added]);
        });

        var remove = new Command("remove", "Stop and delete an engine instance") { type, alias };
        remove.SetHandler(context, async (r, ct) =>
        {
            await context.ClientFor(r).RemoveEngineAsync(r.GetValue(type)!, r.GetValue(alias)!, ct);
            context.Console.MarkupLine($"Engine {Markup.Escape(r.GetValue(type)!)}/{Markup.Escape(r.GetValue(alias)!)} removed.");
        });

        var start = new Command("start", "Start an engine (index 0 = all of the type)") { type, index };
        start.SetHandler(context, async (r, ct) =>
        {
            var result = await context.ClientFor(r).StartEngineAsync(r.GetValue(type)!, r.GetValue(index), ct);
            EngineTable.Write(context, context.Json(r), result);
            return result.Any(e => e.State == "failed") ? 1 : 0;
        });

        var stop = new Command("stop", "Stop an engine (index 0 = all of the type)") { type, index };
        stop.SetHandler(context, async (r, ct) =>
            EngineTable.Write(context, context.Json(r), await context.ClientFor(r).StopEngineAsync(r.GetValue(type)!, r.GetValue(index), ct)));

        var status = new Command("status", "Show one engine's status (QueryDmEngineSts)") { type, index };
        status.SetHandler(context, async (r, ct) =>
            EngineTable.Write(context, context.Json(r), [await context.ClientFor(r).GetEngineAsync(r.GetValue(type)!, r.GetValue(index), ct)]));

        engines.Subcommands.Add(list);
        engines.Subcommands.Add(types);
        engines.Subcommands.Add(add);
        engines.Subcommands.Add(remove);
        engines.Subcommands.Add(start);
        engines.Subcommands.Add(stop);
        engines.Subcommands.Add(status);
        return engines;
    }
}
