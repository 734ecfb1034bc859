using System.Text;
using Qdms.Core.Errors;

namespace Qdms.Core.Devices.Csv;

/// <summary>
/// Reads RFC 4180 records: comma-separated, fields optionally in double quotes (a quote inside doubled), quoted fields may span lines.
/// Knows the line each record starts on; malformed quoting and over-long fields fail with the line and column.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, int maxFieldLength, int maxFields)
{
    private int _line = 1;

    /// <summary>The next record and the 1-based line it starts on, or null at the end of the input.</summary>
    public List<string>? Read(out int startLine)
    {
        startLine = _line;
        var first = reader.Peek();
        if (first < 0)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var inQuotes = false;
        while (true)
        {
            var c = reader.Read();
            if (inQuotes)
            {
                if (c < 0)
                {
                    throw Error(startLine, fields.Count + 1, "a quoted field is not closed before the end of the file.");
                }

                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        Append(field, '"', startLine, fields.Count + 1);
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    Append(field, (char)c, startLine, fields.Count + 1);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !quoted:
                    quoted = inQuotes = true;
                    break;
                case '"':
                    throw Error(startLine, fields.Count + 1, "a double quote may only appear inside a field that is quoted as a whole (write it as \"\").");
                case ',':
                    if (fields.Count + 1 >= maxFields)
                    {
                        throw Error(startLine, fields.Count + 2, $"a line has at most {maxFields} columns.");
                    }

                    fields.Add(field.ToString());
                    field.Clear();
                    quoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                case < 0:
                    if (c == '\n')
                    {
                        _line++;
                    }

                    fields.Add(field.ToString());
                    return fields;
                default:
                    if (quoted)
                    {
                        throw Error(startLine, fields.Count + 1, "text follows the closing quote of a quoted field.");
                    }

                    Append(field, (char)c, startLine, fields.Count + 1);
                    break;
            }
        }
    }

    private void Append(StringBuilder field, char c, int line, int column)
    {
        if (field.Length >= maxFieldLength)
        {
            throw Error(line, column, $"the field is longer than {maxFieldLength} characters.");
        }

        field.Append(c);
    }

    private static ValidationException Error(int line, int column, string message) =>
        new("csv", $"Line {line}, column {column}: {message}");
}
