using System.Text;
using Qdms.Scenarios.Matching;
using YamlDotNet.RepresentationModel;

namespace Qdms.Scenarios.Format;

public static partial class ScenarioParser
{
    /// <summary>Variables every run sets: the iteration (from 1), the attempt within a repeated step (from 1), the step id.</summary>
    public static readonly IReadOnlyList<string> BuiltInVariables = ["iteration", "attempt", "step"];

    private static readonly Dictionary<string, ChecksumKind> ChecksumKinds = new()
    {
        ["none"] = ChecksumKind.None,
        ["xor8"] = ChecksumKind.Xor8,
        ["sum8"] = ChecksumKind.Sum8,
        ["crc16-ccitt"] = ChecksumKind.Crc16Ccitt,
        ["crc32"] = ChecksumKind.Crc32,
    };

    private static readonly Dictionary<string, ChecksumFormat> ChecksumFormats = new() { ["binary"] = ChecksumFormat.Binary, ["hex"] = ChecksumFormat.Hex };

    private static readonly Dictionary<string, AlternativeOutcome> Outcomes = new() { ["pass"] = AlternativeOutcome.Pass, ["fail"] = AlternativeOutcome.Fail };

    private static readonly string[] StepKeys =
        ["id", "send", "expect", "fail_on", "timeout", "on_fail", "repeat", "pause", "foreach", "as", "strict", "set", "check", "timer_start", "timer_stop"];

    private static readonly string[] MatcherKeys = ["ascii", "hex", "regex", "mask"];

    private sealed record PendingGoto(string Target, SourcePosition Position);

    private static List<StepSpec> ReadSteps(YamlMap map, TimeSpan defaultTimeout, HashSet<string> counters, ParseContext ctx)
    {
        var steps = new List<StepSpec>();
        var gotos = new List<PendingGoto>();
        var list = map.List("steps");
        if (list.Count == 0)
        {
            ctx.Error(map.Get("steps") ?? map.Node, "steps", "a scenario needs at least one step");
        }

        foreach (var (node, path) in list)
        {
            if (ReadStep(node, path, steps.Count, defaultTimeout, counters, gotos, ctx) is { } step)
            {
                if (steps.Any(s => s.Id == step.Id))
                {
                    ctx.Error(step.Position, $"step id '{step.Id}' is used twice");
                }

                steps.Add(step);
            }
        }

        foreach (var g in gotos.Where(g => steps.All(s => s.Id != g.Target)))
        {
            ctx.Error(g.Position, $"goto '{g.Target}': there is no step with that id (the ids are {string.Join(", ", steps.Select(s => s.Id))})");
        }

        return steps;
    }

    private static StepSpec? ReadStep(YamlNode node, string path, int index, TimeSpan defaultTimeout, HashSet<string> counters, List<PendingGoto> gotos, ParseContext ctx)
    {
        var m = YamlMap.Read(node, path, ctx, StepKeys);
        if (m is null)
        {
            return null;
        }

        var id = m.String("id") ?? $"step{index + 1}";
        if (!Template.IsName(id.Replace('-', '_')))
        {
            ctx.Error(m.Get("id")!, m.At("id"), $"'{id}' is not a step id (letters, digits, '_' or '-', starting with a letter)");
        }

        var send = m.Get("send") is { } s ? ReadPayload(s, m.At("send"), ctx) : null;
        var expect = new List<ExpectAlternative>();
        if (m.Get("expect") is YamlScalarNode or YamlMappingNode)
        {
            if (ReadAlternative(m.Get("expect")!, m.At("expect"), counters, gotos, ctx) is { } single)
            {
                expect.Add(single);
            }
        }
        else
        {
            expect.AddRange(m.List("expect").Select(e => ReadAlternative(e.Node, e.Path, counters, gotos, ctx)).OfType<ExpectAlternative>());
        }

        var failOn = m.List("fail_on").Select(e => ReadMatcher(e.Node, e.Path, ctx, MatcherKeys)?.Matcher).OfType<FrameMatcher>().ToList();
        var pause = m.Duration("pause", MaxStepTime) ?? TimeSpan.Zero;
        var onFail = ReadOnFail(m, gotos, ctx);
        IReadOnlyList<string>? forEach = null;
        if (m.Has("foreach"))
        {
            forEach = m.List("foreach").Select(e => e.Node is YamlScalarNode { Value: { } v } ? v : null).OfType<string>().ToList();
            if (forEach.Count == 0)
            {
                ctx.Error(m.Get("foreach")!, m.At("foreach"), "foreach needs a non-empty list of values");
            }
        }

        var asName = m.String("as") ?? "item";
        if (!Template.IsName(asName))
        {
            ctx.Error(m.Get("as")!, m.At("as"), $"'{asName}' is not a variable name");
        }

        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        if (m.Get("set") is { } setNode && YamlMap.Read(setNode, m.At("set"), ctx, AnyKeys(setNode)) is { } sm)
        {
            foreach (var key in AnyKeys(setNode))
            {
                if (!Template.IsName(key))
                {
                    ctx.Error(setNode, $"{m.At("set")}.{key}", $"'{key}' is not a variable name");
                }

                set[key] = sm.String(key) ?? "";
            }
        }

        var checks = m.List("check").Select(c => ReadComparison(c.Node, c.Path, ctx)).OfType<Comparison>().ToList();
        if (send is null && expect.Count == 0 && pause == TimeSpan.Zero && set.Count == 0 && checks.Count == 0
            && !m.Has("timer_start") && !m.Has("timer_stop"))
        {
            ctx.Error(node, path, "a step needs at least one of send, expect, pause, set, check, timer_start or timer_stop");
        }

        if (failOn.Count > 0 && expect.Count == 0)
        {
            ctx.Error(m.Get("fail_on")!, m.At("fail_on"), "fail_on needs an expect list beside it");
        }

        return new StepSpec(id, index, send, expect, failOn, m.Duration("timeout", MaxStepTime) ?? defaultTimeout, onFail,
            m.Int("repeat", 1, 1_000_000) ?? 1, pause, forEach, asName, m.Bool("strict") ?? false, set, checks,
            TimerName(m, "timer_start", ctx), TimerName(m, "timer_stop", ctx), ParseContext.PositionOf(node, path));
    }

    private static string? TimerName(YamlMap m, string key, ParseContext ctx)
    {
        var name = m.String(key);
        if (name is not null && !Template.IsName(name))
        {
            ctx.Error(m.Get(key)!, m.At(key), $"'{name}' is not a timer name");
        }

        return name;
    }

    private static OnFailPolicy ReadOnFail(YamlMap step, List<PendingGoto> gotos, ParseContext ctx)
    {
        var node = step.Get("on_fail");
        var path = step.At("on_fail");
        switch (node)
        {
            case null:
                return OnFailPolicy.Continue;
            case YamlScalarNode { Value: "continue" }:
                return OnFailPolicy.Continue;
            case YamlScalarNode { Value: "abort" }:
                return new OnFailPolicy(OnFailAction.Abort);
            case YamlMappingNode:
                var m = YamlMap.Read(node, path, ctx, "goto", "retry");
                if (m?.String("goto") is { } target)
                {
                    gotos.Add(new PendingGoto(target, ParseContext.PositionOf(m.Get("goto")!, m.At("goto"))));
                    return new OnFailPolicy(OnFailAction.Goto, target);
                }

                if (m?.Int("retry", 1, 1000) is { } n)
                {
                    return new OnFailPolicy(OnFailAction.Retry, Retries: n);
                }

                if (m is not null && !m.Has("goto") && !m.Has("retry"))
                {
                    ctx.Error(node, path, "on_fail needs 'goto: step' or 'retry: n'");
                }

                return OnFailPolicy.Continue;
            default:
                ctx.Error(node, path, "on_fail is continue, abort, {goto: step} or {retry: n}");
                return OnFailPolicy.Continue;
        }
    }

    private static PayloadSpec? ReadPayload(YamlNode node, string path, ParseContext ctx)
    {
        if (node is YamlScalarNode { Value: { } plain })
        {
            var b = Encoding.Latin1.GetBytes(plain);
            return new PayloadSpec(PayloadKind.Ascii, plain, b, ChecksumKind.None, ChecksumFormat.Hex, []);
        }

        var m = YamlMap.Read(node, path, ctx, "ascii", "hex", "template", "checksum", "checksum_format", "suffix", "suffix_hex");
        if (m is null)
        {
            return null;
        }

        var given = new[] { "ascii", "hex", "template" }.Where(m.Has).ToList();
        if (given.Count != 1)
        {
            ctx.Error(node, path, given.Count == 0 ? "send needs one of ascii, hex or template" : $"send takes one of ascii, hex or template; got {string.Join(" and ", given)}");
            return null;
        }

        PayloadKind kind;
        string text;
        byte[] bytes = [];
        switch (given[0])
        {
            case "ascii":
                kind = PayloadKind.Ascii;
                text = m.String("ascii") ?? "";
                bytes = Encoding.Latin1.GetBytes(text);
                break;
            case "hex":
                kind = PayloadKind.Hex;
                text = m.String("hex") ?? "";
                bytes = HexValue(m, "hex", ctx) ?? [];
                break;
            default:
                kind = PayloadKind.Template;
                text = m.String("template") ?? "";
                try
                {
                    _ = Template.References(text);
                }
                catch (FormatException e)
                {
                    ctx.Error(m.Get("template")!, m.At("template"), $"bad template: {e.Message}");
                }

                break;
        }

        var checksum = m.Choice("checksum", ChecksumKinds) ?? ChecksumKind.None;
        var format = m.Choice("checksum_format", ChecksumFormats) ?? (kind == PayloadKind.Hex ? ChecksumFormat.Binary : ChecksumFormat.Hex);
        var suffix = m.String("suffix") is { } sfx ? Encoding.Latin1.GetBytes(sfx) : HexValue(m, "suffix_hex", ctx) ?? [];
        return new PayloadSpec(kind, text, bytes, checksum, format, suffix);
    }

    private sealed record MatcherRead(FrameMatcher Matcher, YamlMap? Map);

    private static MatcherRead? ReadMatcher(YamlNode node, string path, ParseContext ctx, string[] keys)
    {
        if (node is YamlScalarNode { Value: { } plain })
        {
            return new MatcherRead(new ExactMatcher(Encoding.Latin1.GetBytes(plain), false), null);
        }

        var m = YamlMap.Read(node, path, ctx, keys);
        if (m is null)
        {
            return null;
        }

        var given = MatcherKeys.Where(m.Has).ToList();
        if (given.Count != 1)
        {
            ctx.Error(node, path, given.Count == 0 ? "a matcher needs one of ascii, hex, regex or mask" : $"a matcher takes one of ascii, hex, regex or mask; got {string.Join(" and ", given)}");
            return null;
        }

        var key = given[0];
        var value = m.String(key) ?? "";
        try
        {
            FrameMatcher matcher = key switch
            {
                "ascii" => new ExactMatcher(Encoding.Latin1.GetBytes(value), false),
                "hex" => new ExactMatcher(Hex.Parse(value), true),
                "regex" => new RegexMatcher(value),
                _ => MaskMatcher.Parse(value),
            };
            return new MatcherRead(matcher, m);
        }
        catch (FormatException e)
        {
            ctx.Error(m.Get(key)!, m.At(key), $"bad {(key == "mask" ? "mask" : "HEX")}: {e.Message}");
        }
        catch (ArgumentException e)
        {
            ctx.Error(m.Get(key)!, m.At(key), $"the regex does not compile: {e.Message}");
        }

        return null;
    }

    private static ExpectAlternative? ReadAlternative(YamlNode node, string path, HashSet<string> counters, List<PendingGoto> gotos, ParseContext ctx)
    {
        if (ReadMatcher(node, path, ctx, [.. MatcherKeys, "outcome", "count", "goto"]) is not { } read)
        {
            return null;
        }

        var m = read.Map;
        var count = m?.String("count");
        if (count is not null)
        {
            if (!Template.IsName(count))
            {
                ctx.Error(m!.Get("count")!, m.At("count"), $"'{count}' is not a counter name");
            }

            counters.Add(count);
        }

        var target = m?.String("goto");
        if (target is not null)
        {
            gotos.Add(new PendingGoto(target, ParseContext.PositionOf(m!.Get("goto")!, m.At("goto"))));
        }

        return new ExpectAlternative(read.Matcher, m?.Choice("outcome", Outcomes) ?? AlternativeOutcome.Pass, count, target, ParseContext.PositionOf(node, path));
    }

    private static HandlerSpec? ReadHandler(YamlNode node, string path, HashSet<string> counters, ParseContext ctx)
    {
        var m = YamlMap.Read(node, path, ctx, "match", "reply", "count");
        if (m is null)
        {
            return null;
        }

        if (m.Get("match") is not { } matchNode)
        {
            ctx.Error(node, m.At("match"), "a handler needs 'match'");
            return null;
        }

        var matcher = ReadMatcher(matchNode, m.At("match"), ctx, MatcherKeys)?.Matcher;
        var reply = m.Get("reply") is { } r ? ReadPayload(r, m.At("reply"), ctx) : null;
        var count = m.String("count");
        if (count is not null)
        {
            counters.Add(count);
        }

        return matcher is null ? null : new HandlerSpec(matcher, reply, count, ParseContext.PositionOf(node, path));
    }

    private static LimitSpec? ReadLimit(YamlNode node, string path, HashSet<string> counters, ParseContext ctx)
    {
        var m = YamlMap.Read(node, path, ctx, "counter", "max", "send", "action");
        if (m is null)
        {
            return null;
        }

        var counter = m.String("counter", required: true);
        var max = m.Int("max", 0, int.MaxValue, required: true);
        if (counter is not null && !counters.Contains(counter))
        {
            ctx.Error(m.Get("counter")!, m.At("counter"), $"no expect or handler counts '{counter}'");
        }

        var send = m.Get("send") is { } s ? ReadPayload(s, m.At("send"), ctx) : null;
        var action = m.Choice("action", new Dictionary<string, bool> { ["stop"] = true, ["continue"] = false }) ?? true;
        return counter is null || max is null ? null : new LimitSpec(counter, max.Value, send, action, ParseContext.PositionOf(node, path));
    }

    private static void CheckReferences(IReadOnlyList<StepSpec> steps, IEnumerable<string> declared, ParseContext ctx)
    {
        var known = new HashSet<string>(declared.Concat(BuiltInVariables), StringComparer.Ordinal);
        foreach (var s in steps)
        {
            known.UnionWith(s.Set.Keys);
            known.Add(s.ForEachVariable);
            foreach (var a in s.Expect)
            {
                known.UnionWith(a.Matcher.CaptureNames);
            }
        }

        foreach (var s in steps)
        {
            var templates = s.Set.Values.Select(v => (Text: v, Where: $"{s.Position.Path}.set")).ToList();
            if (s.Send is { Kind: PayloadKind.Template } p)
            {
                templates.Add((p.Text, $"{s.Position.Path}.send.template"));
            }

            foreach (var (text, where) in templates)
            {
                IReadOnlyList<string> refs;
                try
                {
                    refs = Template.References(text);
                }
                catch (FormatException)
                {
                    continue;
                }

                foreach (var r in refs.Where(r => !known.Contains(r)))
                {
                    ctx.Error(s.Position with { Path = where }, $"'${{{r}}}' is not set anywhere (not in variables, a set, a regex capture, foreach 'as' or the built-ins)");
                }
            }

            foreach (var c in s.Checks.Where(c => !known.Contains(c.Subject)))
            {
                ctx.Error(s.Position with { Path = $"{s.Position.Path}.check" }, $"'{c.Subject}' in '{c.Text}' is not a variable any step sets");
            }
        }
    }
}
