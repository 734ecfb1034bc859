using Qdms.Contracts;
using Spectre.Console;

namespace Qdms.Cli.Commands;

/// <summary>Engines as a table with their state coloured (green active, red failed, yellow starting, grey inactive), or as JSON.</summary>
public static class EngineTable
{
    public static void Write(CliContext context, bool json, IReadOnlyList<EngineDto> engines)
    {
        if (json)
        {
            context.WriteJson(engines);
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in new[] { "Type", "Index", "Alias", "State", "Desired", "Details", "Last error" })
        {
            table.AddColumn(header);
        }

        foreach (var e in engines)
        {
            table.AddRow(
                Markup.Escape(e.Type),
                e.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(e.Alias),
                State(e.State),
                Markup.Escape(e.DesiredState),
                Markup.Escape(string.Join(", ", e.Details.Select(d => $"{d.Key}={d.Value}"))),
                e.LastError is null ? "" : $"[red]{Markup.Escape(e.LastError)}[/]");
        }

        context.Console.Write(table);
    }

    /// <summary>A state word in its colour.</summary>
    public static string State(string state) => state switch
    {
        "active" or "running" => $"[green]{state}[/]",
        "failed" => $"[red]{state}[/]",
        "starting" => $"[yellow]{state}[/]",
        _ => $"[grey]{Markup.Escape(state)}[/]",
    };
}
