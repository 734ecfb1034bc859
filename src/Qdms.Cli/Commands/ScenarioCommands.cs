using System.CommandLine;
using Qdms.Contracts;
using Qdms.Scenarios.Format;

namespace Qdms.Cli.Commands;

/// <summary>
/// <c>scenario validate|list|show|create|update|save-as|delete|run|runs|result|log|pause|resume|stop|schedule|schedules|unschedule|replay</c>:
/// scripted Tx/Rx tests (docs/scenarios.md).
/// </summary>
public static class ScenarioCommands
{
    public static Command Create(CliContext context)
    {
        var scenario = new Command("scenario", "Scripted Tx/Rx tests over serial lines, TCP and UDP (see docs/scenarios.md)");

        var file = new Argument<FileInfo>("file") { Description = "A scenario file (YAML or JSON)" };
        var validate = new Command("validate", "Check a scenario file without running it (exit 1 when it has problems)") { file };
        validate.SetHandler(context, (r, _) =>
        {
            var problems = ScenarioParser.Validate(ReadFile(r.GetValue(file)!));
            if (context.Json(r))
            {
                context.WriteJson(problems.Select(p => new ScenarioProblemDto(p.Position.Line, p.Position.Column, p.Position.Path, p.Message)).ToList());
            }
            else if (problems.Count == 0)
            {
                context.Console.Profile.Out.Writer.WriteLine($"{r.GetValue(file)!.Name}: valid");
            }
            else
            {
                foreach (var p in problems)
                {
                    context.Console.Profile.Out.Writer.WriteLine($"{r.GetValue(file)!.Name}: {p}");
                }
            }

            return Task.FromResult(problems.Count == 0 ? 0 : 1);
        });

        var list = new Command("list", "List stored scenarios");
        list.SetHandler(context, async (r, ct) =>
        {
            var page = await context.ClientFor(r).ListScenariosAsync(size: 1000, ct: ct);
            Tables.Write(context, context.Json(r), page.Items, ("Id", s => s.Id), ("Name", s => s.Name), ("Revision", s => s.Revision),
                ("Derived from", s => s.DerivedFromId), ("Updated", s => s.UpdatedAt), ("By", s => s.UpdatedBy));
        });

        var id = new Argument<long>("id") { Description = "Scenario id" };
        var withText = new Option<bool>("--text") { Description = "Print only the scenario text" };
        var show = new Command("show", "Show a stored scenario") { id, withText };
        show.SetHandler(context, async (r, ct) =>
        {
            var s = await context.ClientFor(r).GetScenarioAsync(r.GetValue(id), ct);
            if (r.GetValue(withText))
            {
                context.Console.Profile.Out.Writer.Write(s.Text);
                return;
            }

            Print(context, r, s);
            if (!context.Json(r))
            {
                context.Console.Profile.Out.Writer.WriteLine(s.Text);
            }
        });

        var name = new Option<string?>("--name") { Description = "Name (default: the file's name: key)" };
        var tenant = new Option<long?>("--tenant") { Description = "Tenant id (sysops)" };
        var create = new Command("create", "Store a scenario file") { file, name, tenant };
        create.SetHandler(context, async (r, ct) =>
            Print(context, r, await context.ClientFor(r).CreateScenarioAsync(new CreateScenarioRequest(ReadFile(r.GetValue(file)!), r.GetValue(name), r.GetValue(tenant)), ct)));

        var revision = new Option<int?>("--revision") { Description = "Only replace this revision (409 when someone edited it since)" };
        var update = new Command("update", "Replace a stored scenario's text") { id, file, revision };
        update.SetHandler(context, async (r, ct) =>
            Print(context, r, await context.ClientFor(r).UpdateScenarioAsync(r.GetValue(id), new UpdateScenarioRequest(ReadFile(r.GetValue(file)!), r.GetValue(revision)), ct)));

        var newName = new Argument<string>("name") { Description = "The copy's name" };
        var saveAs = new Command("save-as", "Copy a scenario under a new name; the copy records what it was derived from") { id, newName };
        saveAs.SetHandler(context, async (r, ct) => Print(context, r, await context.ClientFor(r).SaveScenarioAsAsync(r.GetValue(id), r.GetValue(newName)!, ct)));

        var delete = new Command("delete", "Delete a stored scenario with its runs") { id };
        delete.SetHandler(context, async (r, ct) =>
        {
            await context.ClientFor(r).DeleteScenarioAsync(r.GetValue(id), ct);
            context.Console.Profile.Out.Writer.WriteLine($"deleted scenario {r.GetValue(id)}");
        });

        foreach (var c in new[] { validate, list, show, create, update, saveAs, delete })
        {
            scenario.Subcommands.Add(c);
        }

        ScenarioRunCommands.AddTo(scenario, context);
        ScenarioScheduleCommands.AddTo(scenario, context);
        return scenario;
    }

    internal static string ReadFile(FileInfo file) =>
        file.Exists ? File.ReadAllText(file.FullName) : throw new CliException($"{file.FullName} does not exist.");

    private static void Print(CliContext context, ParseResult r, ScenarioDto s) =>
        Tables.Write(context, context.Json(r), [s], ("Id", x => x.Id), ("Name", x => x.Name), ("Revision", x => x.Revision),
            ("Derived from", x => x.DerivedFromId is { } d ? $"{d} (revision {x.DerivedFromRevision})" : null), ("Tenant", x => x.TenantId),
            ("Updated", x => x.UpdatedAt), ("By", x => x.UpdatedBy));
}
