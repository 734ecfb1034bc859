using Spectre.Console;

namespace Qdms.Cli;

/// <summary>Prints rows as a table, or as JSON with --json.</summary>
public static class Tables
{
    public static void Write<T>(CliContext context, bool json, IReadOnlyList<T> rows, params (string Header, Func<T, object?> Cell)[] columns)
    {
        if (json)
        {
            context.WriteJson(rows);
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var (header, _) in columns)
        {
            table.AddColumn(header);
        }

        foreach (var row in rows)
        {
            table.AddRow(columns.Select(c => Markup.Escape(Format(c.Cell(row)))).ToArray());
        }

        context.Console.Write(table);
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IEnumerable<string> list => string.Join(", ", list),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
