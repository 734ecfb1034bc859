using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qdms.Scenarios.Running;

/// <summary>
/// Events as NDJSON lines: <c>{"seq":1,"us":1234,"kind":"tx","step":"at","hex":"41540D0A","ascii":"AT..","text":null}</c>.
/// The same shape streams from the server, fills capture files and is read back for replay.
/// </summary>
public static class RunEventJson
{
    /// <summary>One JSON line (no newline).</summary>
    public static string Write(RunEvent e)
    {
        var o = new JsonObject
        {
            ["seq"] = e.Sequence,
            ["us"] = e.Micros,
            ["kind"] = e.Kind.ToString().ToLowerInvariant(),
        };
        if (e.Step is not null)
        {
            o["step"] = e.Step;
        }

        if (e.Data is { } d)
        {
            o["hex"] = Convert.ToHexString(d);
            o["ascii"] = Format.Hex.Printable(d);
        }

        if (e.Text is not null)
        {
            o["text"] = e.Text;
        }

        return o.ToJsonString();
    }

    /// <summary>Reads a line written by <see cref="Write"/>; throws <see cref="FormatException"/> on anything else.</summary>
    public static RunEvent Read(string line)
    {
        try
        {
            var o = JsonNode.Parse(line)?.AsObject() ?? throw new FormatException("not a JSON object");
            var kind = Enum.Parse<RunEventKind>((string?)o["kind"] ?? throw new FormatException("no kind"), ignoreCase: true);
            var hex = (string?)o["hex"];
            return new RunEvent((long?)o["seq"] ?? 0, (long?)o["us"] ?? 0, kind, (string?)o["step"], hex is null ? null : Convert.FromHexString(hex), (string?)o["text"]);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException($"not a run event: {e.Message}", e);
        }
    }
}
