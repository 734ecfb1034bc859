using System.CommandLine;
using System.Text.Json;
using Qdms.Contracts;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary><c>provisioning list|show|add|update|delete|preview</c>: declarative provisioning rules (docs/provisioning.md).</summary>
public static class ProvisioningCommands
{
    public static Command Create(CliContext context)
    {
        var provisioning = new Command("provisioning", "Provisioning rules applied to CPEs at their Informs (see docs/provisioning.md)");

        var list = new Command("list", "List the provisioning rules");
        list.SetHandler(context, async (r, ct) => Print(context, r, await context.ClientFor(r).ListProvisioningRulesAsync(ct)));

        var id = new Argument<long>("id") { Description = "Rule id" };
        var show = new Command("show", "Show a rule with its conditions and actions") { id };
        show.SetHandler(context, async (r, ct) =>
        {
            var rule = await context.ClientFor(r).GetProvisioningRuleAsync(r.GetValue(id), ct);
            if (context.Json(r))
            {
                context.WriteJson(rule);
                return;
            }

            Print(context, r, [rule]);
            context.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new { rule.When, rule.Actions }, Indented));
        });

        var file = new Option<FileInfo>("--file") { Description = "The rule as JSON: {\"name\", \"events\", \"when\", \"actions\"}", Required = true };
        var tenant = new Option<long?>("--tenant") { Description = "Tenant id (sysops only)" };
        var add = new Command("add", "Create a rule from a JSON file") { file, tenant };
        add.SetHandler(context, async (r, ct) =>
        {
            var rule = await context.ClientFor(r).CreateProvisioningRuleAsync(Read(r.GetValue(file)!), r.GetValue(tenant), ct);
            Done(context, r, rule, "created");
        });

        var update = new Command("update", "Replace a rule from a JSON file (raises its revision)") { id, file };
        update.SetHandler(context, async (r, ct) =>
        {
            var rule = await context.ClientFor(r).UpdateProvisioningRuleAsync(r.GetValue(id), Read(r.GetValue(file)!), ct);
            Done(context, r, rule, "updated");
        });

        var delete = new Command("delete", "Delete a rule") { id };
        delete.SetHandler(context, async (r, ct) =>
        {
            await context.ClientFor(r).DeleteProvisioningRuleAsync(r.GetValue(id), ct);
            context.Console.MarkupLine($"Rule {r.GetValue(id)} deleted.");
        });

        var device = new Option<long>("--device") { Description = "Device id", Required = true };
        var eventCode = new Option<string?>("--event") { Description = "As if the device sent this event (\"1 BOOT\"); default: any the rule runs on" };
        var preview = new Command("preview", "What a rule would do to a device now, and why") { id, device, eventCode };
        preview.SetHandler(context, async (r, ct) =>
        {
            var p = await context.ClientFor(r).PreviewProvisioningRuleAsync(r.GetValue(id), r.GetValue(device), r.GetValue(eventCode), ct);
            if (context.Json(r))
            {
                context.WriteJson(p);
                return;
            }

            var verdict = p.Applies ? "would apply" : !p.Enabled ? "is disabled" : !p.RunsOnEvent ? $"does not run on {p.EventCode}" : !p.ConditionsHold ? "does not match" : "has nothing to do";
            context.Console.Profile.Out.Writer.WriteLine($"Rule {p.RuleId} (revision {p.Revision}) {verdict} for device {p.DeviceId}.");
            Tables.Write(context, false, p.Conditions, ("Condition", c => c.Condition), ("Holds", c => c.Holds ? "yes" : "NO"), ("Device has", c => c.Actual));
            Tables.Write(context, false, p.Actions, ("Action", a => a.Action), ("Applies", a => a.Apply ? "yes" : "no"), ("Why", a => a.Reason));
        });

        foreach (var c in new[] { list, show, add, update, delete, preview })
        {
            provisioning.Subcommands.Add(c);
        }

        return provisioning;
    }

    private static readonly JsonSerializerOptions Indented = new(Qdms.Client.QdmsClient.Json) { WriteIndented = true };

    private static JsonElement Read(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliException($"No such file: {file.FullName}");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file.FullName));
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new CliException($"{file.Name} is not JSON: {e.Message}");
        }
    }

    private static void Done(CliContext context, ParseResult r, ProvisioningRuleDto rule, string what)
    {
        if (context.Json(r))
        {
            context.WriteJson(rule);
            return;
        }

        context.Console.MarkupLine($"Rule {rule.Id} ({Markup.Escape(rule.Name)}) {what}, revision {rule.Revision}.");
    }

    private static void Print(CliContext context, ParseResult r, IReadOnlyList<ProvisioningRuleDto> rules) =>
        Tables.Write(context, context.Json(r), rules, ("Id", x => x.Id), ("Tenant", x => x.TenantId), ("Name", x => x.Name), ("Enabled", x => x.Enabled ? "yes" : "no"),
            ("Priority", x => x.Priority), ("Revision", x => x.Revision), ("Events", x => string.Join(", ", x.Events)), ("Actions", x => string.Join(", ", x.Actions.Select(a => a.Type))));
}
