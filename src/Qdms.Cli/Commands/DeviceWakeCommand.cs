using System.CommandLine;
using Qdms.Contracts;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary><c>devices wake &lt;id&gt;</c>: a connection request now; exit 1 unless the device accepted it.</summary>
public static class DeviceWakeCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<long>("id") { Description = "Device id" };
        var wake = new Command("wake", "Ask a device to contact its engine now (TR-069 connection request over HTTP or XMPP)") { id };
        wake.SetHandler(context, async (r, ct) =>
        {
            var result = await context.ClientFor(r).WakeDeviceAsync(r.GetValue(id), ct);
            if (context.Json(r))
            {
                context.WriteJson(result);
            }
            else
            {
                Write(context, result);
            }

            return result.Status == "sent" ? 0 : 1;
        });
        return wake;
    }

    /// <summary>One line: the outcome, the channel and, unless sent, the reason.</summary>
    public static void Write(CliContext context, ConnectionRequestResultDto result)
    {
        var channel = result.Channel is null ? "" : $" over {result.Channel}";
        context.Console.MarkupLine(result.Status == "sent"
            ? $"Connection request sent{Markup.Escape(channel)}."
            : $"[red]Connection request {Markup.Escape(result.Status)}{Markup.Escape(channel)}:[/] {Markup.Escape(result.Error ?? "")}");
    }
}
