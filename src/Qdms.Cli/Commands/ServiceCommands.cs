using System.CommandLine;
using System.Globalization;
using Qdms.Contracts;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary><c>service start|stop|report</c>: the QDMS service as a whole (IF-01-01…03).</summary>
public static class ServiceCommands
{
    public static Command Create(CliContext context)
    {
        var service = new Command("service", "Start, stop or report on the QDMS service (its engines and jobs; the API stays up)");

        var start = new Command("start", "Start the service: engines that should run, and the jobs (sysops)");
        start.SetHandler(context, async (r, ct) => Print(context, r, await context.ClientFor(r).StartServiceAsync(ct)));

        var stop = new Command("stop", "Stop every engine and job; the API stays up to report and restart (sysops)");
        stop.SetHandler(context, async (r, ct) => Print(context, r, await context.ClientFor(r).StopServiceAsync(ct)));

        var report = new Command("report", "Start time, uptime, engines and their states, error flag");
        report.SetHandler(context, async (r, ct) =>
        {
            var result = await context.ClientFor(r).ServiceReportAsync(ct);
            Print(context, r, result);
            return result.HasErrors ? 1 : 0;
        });

        service.Subcommands.Add(start);
        service.Subcommands.Add(stop);
        service.Subcommands.Add(report);
        return service;
    }

    private static void Print(CliContext context, ParseResult r, ServiceReportDto report)
    {
        if (context.Json(r))
        {
            context.WriteJson(report);
            return;
        }

        var uptime = TimeSpan.FromSeconds(report.UptimeSeconds);
        context.Console.MarkupLine($"Service   {EngineTable.State(report.State)} on {Markup.Escape(report.Node)}");
        context.Console.MarkupLine($"Started   {Markup.Escape(Tables.Format(report.StartedAt))}");
        context.Console.MarkupLine($"Uptime    {uptime.ToString(@"d\.hh\:mm\:ss", CultureInfo.InvariantCulture)}");
        context.Console.MarkupLine($"Engines   {report.EngineCount} ({report.ActiveCount} active, {report.FailedCount} failed)");
        context.Console.MarkupLine($"Errors    {(report.HasErrors ? "[red]yes[/]" : "[green]no[/]")}");
        var byStatus = string.Join(", ", report.Devices.ByStatus.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Value} {s.Key}"));
        context.Console.MarkupLine($"Devices   {report.Devices.Total}{(byStatus.Length > 0 ? $" ({Markup.Escape(byStatus)})" : "")}");
        foreach (var f in report.FileServers)
        {
            var state = f.Status == "ok" ? "[green]ok[/]" : $"[red]{Markup.Escape(f.Status)}[/] {Markup.Escape(f.Error ?? "")}";
            context.Console.MarkupLine($"Files     {Markup.Escape(f.Name)}: {state}, {f.FileCount} files, {f.BytesStored} bytes, {Tables.Format(f.FreeBytes)} bytes free");
        }
        foreach (var c in report.Components)
        {
            context.Console.MarkupLine($"Component {Markup.Escape(c.Name)}: {(c.Running ? "[green]running[/]" : "[grey]stopped[/]")} {Markup.Escape(c.LastError ?? "")}");
        }

        if (report.Engines.Count > 0)
        {
            EngineTable.Write(context, false, report.Engines);
        }
    }
}
