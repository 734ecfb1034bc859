using System.Text;
using Qdms.Scenarios.Posix;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Qdms.Scenarios.Format;

/// <summary>
/// Reads a scenario from YAML (or JSON, which YAML includes) and validates all of it before anything runs: unknown keys,
/// bad HEX, regexes that do not compile, gotos to missing steps and references to variables nobody sets are all
/// reported with their line, column and path.
/// </summary>
public static partial class ScenarioParser
{
    /// <summary>The largest scenario text accepted.</summary>
    public const int MaxTextLength = 1024 * 1024;

    /// <summary>The longest step timeout and pause.</summary>
    public static readonly TimeSpan MaxStepTime = TimeSpan.FromHours(1);

    private static readonly string[] TopKeys =
        ["version", "name", "description", "transport", "framing", "verify", "decoder", "variables", "iterations", "pacing", "timeout", "steps", "handlers", "limits", "thresholds"];

    private static readonly Dictionary<string, TransportKind> TransportKinds = new() { ["serial"] = TransportKind.Serial, ["tcp"] = TransportKind.Tcp, ["udp"] = TransportKind.Udp };

    private static readonly Dictionary<string, FramingKind> FramingKinds = new()
    {
        ["raw"] = FramingKind.Raw,
        ["delimiter"] = FramingKind.Delimiter,
        ["length"] = FramingKind.Length,
        ["fixed"] = FramingKind.Fixed,
        ["idle"] = FramingKind.Idle,
    };

    private static readonly Dictionary<string, SerialParity> Parities = new()
    {
        ["none"] = SerialParity.None,
        ["odd"] = SerialParity.Odd,
        ["even"] = SerialParity.Even,
        ["mark"] = SerialParity.Mark,
        ["space"] = SerialParity.Space,
    };

    private static readonly Dictionary<string, SerialFlowControl> Flows = new()
    {
        ["none"] = SerialFlowControl.None,
        ["rtscts"] = SerialFlowControl.RtsCts,
        ["xonxoff"] = SerialFlowControl.XonXoff,
    };

    private static readonly Dictionary<string, bool> Endians = new() { ["big"] = true, ["little"] = false };

    /// <summary>Parses and validates <paramref name="text"/>; throws <see cref="ScenarioFormatException"/> listing every problem.</summary>
    public static ScenarioDocument Parse(string text)
    {
        var ctx = new ParseContext();
        if (text.Length > MaxTextLength)
        {
            ctx.Error(new SourcePosition(0, 0, "(document)"), $"the scenario is {text.Length} characters; at most {MaxTextLength} are accepted");
            throw new ScenarioFormatException(ctx.Problems);
        }

        YamlNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1)
            {
                ctx.Error(new SourcePosition(1, 1, "(document)"), $"expected one YAML document; found {stream.Documents.Count}");
                throw new ScenarioFormatException(ctx.Problems);
            }

            root = stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            ctx.Error(new SourcePosition((int)e.Start.Line, (int)e.Start.Column, "(syntax)"), e.InnerException?.Message ?? e.Message);
            throw new ScenarioFormatException(ctx.Problems);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up on some unterminated flow collections without a position.
            ctx.Error(new SourcePosition(0, 0, "(syntax)"), "malformed YAML: an unterminated [ ] or { } collection");
            throw new ScenarioFormatException(ctx.Problems);
        }

        var doc = ReadDocument(root, ctx);
        if (ctx.Problems.Count > 0 || doc is null)
        {
            throw new ScenarioFormatException(ctx.Problems.OrderBy(p => p.Position.Line).ThenBy(p => p.Position.Column).ToList());
        }

        return doc;
    }

    /// <summary>Like <see cref="Parse"/>, returning the problems instead of throwing.</summary>
    public static IReadOnlyList<ScenarioProblem> Validate(string text)
    {
        try
        {
            _ = Parse(text);
            return [];
        }
        catch (ScenarioFormatException e)
        {
            return e.Problems;
        }
    }

    private static ScenarioDocument? ReadDocument(YamlNode root, ParseContext ctx)
    {
        var map = YamlMap.Read(root, "", ctx, TopKeys);
        if (map is null)
        {
            return null;
        }

        var version = map.Int("version", 1, int.MaxValue, required: true);
        if (version is { } v && v != ScenarioDocument.CurrentVersion)
        {
            ctx.Error(map.Get("version")!, "version", $"schema version {v} is not supported; this reader knows version {ScenarioDocument.CurrentVersion}");
        }

        var name = map.String("name", required: true);
        var transport = map.Get("transport") is { } t ? ReadTransport(t, ctx) : null;
        if (!map.Has("transport"))
        {
            ctx.Error(root, "transport", "'transport' is required");
        }

        var framing = map.Get("framing") is { } f ? ReadFraming(f, ctx) : FramingSpec.Raw;
        var verify = map.Get("verify") is { } vf ? ReadVerify(vf, ctx) : null;
        var decoder = map.String("decoder");
        if (decoder is not null && !Running.FrameDecoders.IsKnown(decoder))
        {
            ctx.Error(map.Get("decoder")!, "decoder", $"unknown decoder '{decoder}'; the decoders are {string.Join(", ", Running.FrameDecoders.Names)}");
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.Get("variables") is { } vars && YamlMap.Read(vars, "variables", ctx, AnyKeys(vars)) is { } vm)
        {
            foreach (var key in AnyKeys(vars))
            {
                if (!Template.IsName(key))
                {
                    ctx.Error(vars, $"variables.{key}", $"'{key}' is not a variable name (letters, digits, '_', starting with a letter)");
                }

                variables[key] = vm.String(key) ?? "";
            }
        }

        var iterations = map.Int("iterations", 1, 1_000_000) ?? 1;
        var pacing = map.Duration("pacing", TimeSpan.FromDays(1), allowZero: true) ?? TimeSpan.Zero;
        var defaultTimeout = map.Duration("timeout", MaxStepTime) ?? TimeSpan.FromSeconds(5);
        var counters = new HashSet<string>(StringComparer.Ordinal);
        var steps = ReadSteps(map, defaultTimeout, counters, ctx);
        var handlers = map.List("handlers").Select(h => ReadHandler(h.Node, h.Path, counters, ctx)).OfType<HandlerSpec>().ToList();
        var limits = map.List("limits").Select(l => ReadLimit(l.Node, l.Path, counters, ctx)).OfType<LimitSpec>().ToList();
        var thresholds = new List<Comparison>();
        foreach (var (node, path) in map.List("thresholds"))
        {
            if (ReadComparison(node, path, ctx) is not { } c)
            {
                continue;
            }

            if (!Kpis.KpiReport.IsMetric(c.Subject) && !counters.Contains(c.Subject))
            {
                ctx.Error(node, path, $"'{c.Subject}' is neither a KPI ({string.Join(", ", Kpis.KpiReport.MetricNames)}) nor a counter a step or handler counts");
                continue;
            }

            thresholds.Add(c);
        }

        CheckReferences(steps, variables.Keys, ctx);
        if (name is null || transport is null || version is null)
        {
            return null;
        }

        return new ScenarioDocument(version.Value, name, map.String("description"), transport, framing, verify, decoder, variables, iterations, pacing,
            steps, handlers, limits, thresholds);
    }

    private static string[] AnyKeys(YamlNode node) =>
        node is YamlMappingNode m ? m.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? "").ToArray() : [];

    private static TransportSpec? ReadTransport(YamlNode node, ParseContext ctx)
    {
        var m = YamlMap.Read(node, "transport", ctx, "kind", "device", "baud", "data_bits", "parity", "stop_bits", "flow_control", "host", "port", "connect_timeout");
        if (m is null)
        {
            return null;
        }

        var kind = m.Choice("kind", TransportKinds, required: true);
        var serial = new SerialSettings();
        string? device = null, host = null;
        var port = 0;
        if (kind == TransportKind.Serial)
        {
            device = m.String("device", required: true);
            var baud = m.Int("baud", 50, 4_000_000);
            if (baud is { } b && !SerialLine.SupportedBauds.Contains(b))
            {
                ctx.Error(m.Get("baud")!, m.At("baud"), $"{b} is not a standard baud rate ({string.Join(", ", SerialLine.SupportedBauds)})");
            }

            serial = new SerialSettings(baud ?? 115200, m.Int("data_bits", 5, 8) ?? 8, m.Choice("parity", Parities) ?? SerialParity.None,
                m.Int("stop_bits", 1, 2) ?? 1, m.Choice("flow_control", Flows) ?? SerialFlowControl.None);
            foreach (var k in new[] { "host", "port" })
            {
                if (m.Has(k))
                {
                    ctx.Error(m.Get(k)!, m.At(k), $"'{k}' belongs to tcp and udp transports, not serial");
                }
            }
        }
        else if (kind is not null)
        {
            host = m.String("host", required: true);
            port = m.Int("port", 1, 65535, required: true) ?? 0;
            foreach (var k in new[] { "device", "baud", "data_bits", "parity", "stop_bits", "flow_control" })
            {
                if (m.Has(k))
                {
                    ctx.Error(m.Get(k)!, m.At(k), $"'{k}' belongs to serial transports");
                }
            }
        }

        var connect = m.Duration("connect_timeout", TimeSpan.FromMinutes(5)) ?? TimeSpan.FromSeconds(5);
        return kind is null ? null : new TransportSpec(kind.Value, device, serial, host, port, connect, ParseContext.PositionOf(node, "transport"));
    }

    private static FramingSpec ReadFraming(YamlNode node, ParseContext ctx)
    {
        var m = YamlMap.Read(node, "framing", ctx, "kind", "delimiter", "delimiter_hex", "length_bytes", "length_endian", "length_includes_header", "size", "gap", "max_frame");
        if (m is null)
        {
            return FramingSpec.Raw;
        }

        var kind = m.Choice("kind", FramingKinds, required: true) ?? FramingKind.Raw;
        byte[] delimiter = [];
        if (m.String("delimiter") is { } d)
        {
            delimiter = Encoding.Latin1.GetBytes(d);
        }
        else if (HexValue(m, "delimiter_hex", ctx) is { } dh)
        {
            delimiter = dh;
        }

        if (kind == FramingKind.Delimiter && delimiter.Length == 0)
        {
            ctx.Error(node, m.At("delimiter"), "delimiter framing needs a non-empty 'delimiter' or 'delimiter_hex'");
        }

        var lengthBytes = m.Int("length_bytes", 1, 4) ?? 2;
        if (lengthBytes == 3)
        {
            ctx.Error(m.Get("length_bytes")!, m.At("length_bytes"), "length_bytes must be 1, 2 or 4");
        }

        var size = m.Int("size", 1, FramingSpec.DefaultMaxFrame);
        if (kind == FramingKind.Fixed && size is null && !m.Has("size"))
        {
            ctx.Error(node, m.At("size"), "fixed framing needs 'size'");
        }

        var gap = m.Duration("gap", TimeSpan.FromSeconds(10));
        if (kind == FramingKind.Idle && gap is null && !m.Has("gap"))
        {
            ctx.Error(node, m.At("gap"), "idle framing needs 'gap' (e.g. 20ms)");
        }

        return new FramingSpec(kind, delimiter, lengthBytes, m.Choice("length_endian", Endians) ?? true, m.Bool("length_includes_header") ?? false,
            size ?? 0, gap ?? TimeSpan.FromMilliseconds(20), m.Int("max_frame", 1, 16 * 1024 * 1024) ?? FramingSpec.DefaultMaxFrame);
    }

    private static VerifySpec? ReadVerify(YamlNode node, ParseContext ctx)
    {
        var m = YamlMap.Read(node, "verify", ctx, "checksum", "format", "separator");
        if (m is null)
        {
            return null;
        }

        var kind = m.Choice("checksum", ChecksumKinds, required: true);
        var format = m.Choice("format", ChecksumFormats) ?? ChecksumFormat.Hex;
        var separator = Encoding.Latin1.GetBytes(m.String("separator") ?? "");
        return kind is null or ChecksumKind.None ? null : new VerifySpec(kind.Value, format, separator);
    }

    private static Comparison? ReadComparison(YamlNode node, string path, ParseContext ctx)
    {
        if (node is not YamlScalarNode { Value: { } text })
        {
            ctx.Error(node, path, "expected a comparison such as 'ssr >= 0.95'");
            return null;
        }

        try
        {
            return Comparison.Parse(text);
        }
        catch (FormatException e)
        {
            ctx.Error(node, path, $"'{text}': {e.Message}");
            return null;
        }
    }

    private static byte[]? HexValue(YamlMap m, string key, ParseContext ctx)
    {
        if (m.String(key) is not { } s)
        {
            return null;
        }

        try
        {
            return Hex.Parse(s);
        }
        catch (FormatException e)
        {
            ctx.Error(m.Get(key)!, m.At(key), $"bad HEX: {e.Message}");
            return null;
        }
    }
}
