using System.Globalization;
using Qdms.Core.Errors;

namespace Qdms.Core.Devices.Csv;

/// <summary>
/// The device CSV format of export and import. A header line names the columns (any order, <c>identities</c> required):
/// <list type="bullet">
/// <item><c>identities</c>: <c>protocol:key</c> pairs separated by ';' — <c>tr069:00259E-HG8245-0001;snmp:10.0.0.1</c></item>
/// <item><c>name</c>, <c>manufacturer</c>, <c>model</c>, <c>serial</c>, <c>firmwareVersion</c>, <c>address</c>, <c>provisionGroup</c>, <c>updateGroup</c></item>
/// <item><c>tags</c>: tags separated by ';'</item>
/// </list>
/// On import a row whose identities match an existing device of the tenant updates it (empty cells leave fields as they are, its
/// identities are added); otherwise it creates a device (an empty name becomes the first identity's key).
/// </summary>
public static class DeviceCsv
{
    public const int MaxRows = 100_000;
    public const int MaxFieldLength = 4096;
    public const int MaxColumns = 64;

    public static IReadOnlyList<string> Columns { get; } =
        ["identities", "name", "manufacturer", "model", "serial", "firmwareVersion", "address", "provisionGroup", "updateGroup", "tags"];

    public static string Header => string.Join(',', Columns);

    /// <summary>One device as a CSV line (with its line break), in <see cref="Columns"/> order.</summary>
    public static string Row(Device d) => string.Join(',', new[]
    {
        string.Join(';', d.Identities.Select(i => i.ToString())),
        d.Name, d.Manufacturer, d.Model, d.Serial, d.FirmwareVersion, d.Address, d.ProvisionGroup, d.UpdateGroup,
        string.Join(';', d.Tags),
    }.Select(Quote)) + "\r\n";

    /// <summary>
    /// Characters that make a spreadsheet read a cell as a formula. Export prefixes such a cell with an apostrophe
    /// (OWASP's advice against CSV injection) and import strips that one apostrophe again, so a round trip is exact.
    /// </summary>
    private const string FormulaStarts = "=+-@\t\r";

    private static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (FormulaStarts.Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// Parses and validates a whole import. Any bad row throws a <see cref="ValidationException"/> under the key <c>csv</c>
    /// naming the line and the column; more than <see cref="MaxRows"/> rows throws <see cref="PayloadTooLargeException"/>.
    /// </summary>
    public static IReadOnlyList<DeviceImportRow> Parse(TextReader text)
    {
        var reader = new CsvRecordReader(text, MaxFieldLength, MaxColumns);
        var header = reader.Read(out _) ?? throw new ValidationException("csv", "The CSV is empty: the first line must name the columns, e.g. " + Header);
        if (header.Count > 0 && header[0].StartsWith('\uFEFF'))
        {
            header[0] = header[0][1..];
        }

        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            var known = Columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ValidationException("csv", $"Line 1, column {i + 1}: unknown column '{name}'; the columns are {string.Join(", ", Columns)}.");
            if (!index.TryAdd(known, i))
            {
                throw new ValidationException("csv", $"Line 1, column {i + 1}: column '{known}' appears twice.");
            }
        }

        if (!index.ContainsKey("identities"))
        {
            throw new ValidationException("csv", "Line 1: the header has no 'identities' column; every row needs at least one protocol:key identity.");
        }

        var rows = new List<DeviceImportRow>();
        while (reader.Read(out var line) is { } fields)
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }

            if (fields.Count != header.Count)
            {
                throw new ValidationException("csv", $"Line {line}: expected {header.Count} columns as in the header, got {fields.Count}.");
            }

            if (rows.Count == MaxRows)
            {
                throw new PayloadTooLargeException($"An import holds at most {MaxRows.ToString(CultureInfo.InvariantCulture)} devices.");
            }

            rows.Add(new DeviceImportRow(line, ParseRow(fields, index, line)));
        }

        return rows;
    }

    private static DeviceDraft ParseRow(List<string> fields, Dictionary<string, int> index, int line)
    {
        string? Cell(string column) => index.TryGetValue(column, out var i) ? Unescape(fields[i]) : null;

        T Checked<T>(string column, Func<string?, T> check)
        {
            try
            {
                return check(Cell(column));
            }
            catch (ValidationException e)
            {
                throw new ValidationException("csv", $"Line {line}, column {index[column] + 1} ({column}): {e.Message}");
            }
        }

        var identities = Checked("identities", v => DeviceRules.Identities(Split(v).Select(t => DeviceRules.ParseIdentity(t)).ToList()));
        return new DeviceDraft(
            Checked("name", v => string.IsNullOrWhiteSpace(v) ? "" : DeviceRules.Name(v)),
            identities,
            Checked("manufacturer", v => DeviceRules.Text(v, "manufacturer")),
            Checked("model", v => DeviceRules.Text(v, "model")),
            Checked("serial", v => DeviceRules.Text(v, "serial")),
            Checked("firmwareVersion", v => DeviceRules.Text(v, "firmwareVersion")),
            Checked("address", v => DeviceRules.Text(v, "address")),
            Checked("tags", v => string.IsNullOrWhiteSpace(v) ? null : DeviceRules.Tags(Split(v))),
            Checked("provisionGroup", v => DeviceRules.Text(v, "provisionGroup")),
            Checked("updateGroup", v => DeviceRules.Text(v, "updateGroup")));
    }

    /// <summary>Removes the apostrophe that export put before a formula-like cell.</summary>
    private static string Unescape(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && FormulaStarts.Contains(cell[1], StringComparison.Ordinal) ? cell[1..] : cell;

    private static IEnumerable<string> Split(string? cell) =>
        (cell ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
