using System.CommandLine;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary><c>audit</c>: the audit log, newest first.</summary>
public static class AuditCommands
{
    public static Command Create(CliContext context)
    {
        var action = new Option<string?>("--action") { Description = "Only this action (device.create, engine.start …)" };
        var user = new Option<string?>("--user") { Description = "Only this user's changes" };
        var page = new Option<int?>("--page");
        var size = new Option<int?>("--size");
        var audit = new Command("audit", "Show the audit log (admins)") { action, user, page, size };
        audit.SetHandler(context, async (r, ct) =>
        {
            var result = await context.ClientFor(r).ListAuditAsync(r.GetValue(action), r.GetValue(user), r.GetValue(page), r.GetValue(size), ct);
            if (context.Json(r))
            {
                context.WriteJson(result);
                return;
            }

            Tables.Write(context, false, result.Items,
                ("At", e => e.At), ("User", e => e.Username), ("Action", e => e.Action), ("Target", e => e.Target), ("Tenant", e => e.TenantId), ("Details", e => e.Details));
            context.Console.MarkupLine($"[grey]page {result.Page}, {result.Items.Count} of {result.Total}[/]");
        });
        return audit;
    }
}
