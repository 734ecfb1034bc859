using Qdms.Scenarios.Format;
using Qdms.Scenarios.Matching;
using Qdms.Scenarios.Posix;
using Qdms.Testing;

namespace Qdms.Scenarios.Tests;

public sealed class ParserTests
{
    private const string Valid = """
        version: 1
        name: t
        transport: { kind: tcp, host: 127.0.0.1, port: 5000 }
        framing: { kind: delimiter, delimiter: "\r\n" }
        steps:
          - id: a
            send: { template: "AT+ECHO=${who}", checksum: xor8, suffix: "\r\n" }
            expect:
              - regex: '^\+ECHO: (?<said>.*)$'
              - hex: "4F 4B"
              - mask: "06 ?? 0D"
            fail_on: [ERROR]
            timeout: 250ms
            on_fail: { retry: 2 }
          - id: b
            pause: 10ms
            on_fail: { goto: a }
        variables: { who: me }
        thresholds: ["ssr >= 0.95", "p95 < 10s"]
        """;

    private static ScenarioProblem Single(string text)
    {
        var e = Assert.Throws<ScenarioFormatException>(() => ScenarioParser.Parse(text));
        return Assert.Single(e.Problems);
    }

    [Fact]
    public void A_valid_scenario_parses_into_its_parts()
    {
        var doc = ScenarioParser.Parse(Valid);
        Assert.Equal(TransportKind.Tcp, doc.Transport.Kind);
        Assert.Equal("\r\n"u8.ToArray(), doc.Framing.Delimiter);
        var a = doc.Steps[0];
        Assert.Equal(TimeSpan.FromMilliseconds(250), a.Timeout);
        Assert.Equal(new OnFailPolicy(OnFailAction.Retry, null, 2), a.OnFail);
        Assert.IsType<RegexMatcher>(a.Expect[0].Matcher);
        Assert.IsType<ExactMatcher>(a.Expect[1].Matcher);
        Assert.IsType<MaskMatcher>(a.Expect[2].Matcher);
        Assert.Equal(new OnFailPolicy(OnFailAction.Goto, "a"), doc.Steps[1].OnFail);
        Assert.Equal(2, doc.Thresholds.Count);
        Assert.Equal(10, doc.Thresholds[1].Value);

        // "AT+ECHO=me" XOR-8 is 0x0A, written as hex digits before the suffix.
        Assert.Equal("AT+ECHO=me0A\r\n", System.Text.Encoding.ASCII.GetString(a.Send!.Render(n => doc.Variables.GetValueOrDefault(n))));
    }

    [Fact]
    public void Json_is_accepted()
    {
        var doc = ScenarioParser.Parse("""
            {"version": 1, "name": "j", "transport": {"kind": "udp", "host": "127.0.0.1", "port": 9},
             "steps": [{"send": {"hex": "01 02"}, "expect": [{"hex": "0102"}], "timeout": "1s"}]}
            """);
        Assert.Equal(TransportKind.Udp, doc.Transport.Kind);
        Assert.Equal("step1", doc.Steps[0].Id);
        Assert.Equal(new byte[] { 1, 2 }, doc.Steps[0].Send!.Bytes);
    }

    [Fact]
    public void An_unknown_key_is_rejected_with_its_line()
    {
        var p = Single(Valid.Replace("    timeout: 250ms", "    timeout: 250ms\n    tiemout: 3s"));
        Assert.Equal(14, p.Position.Line);
        Assert.Equal("steps[0].tiemout", p.Position.Path);
        Assert.Contains("unknown key 'tiemout'", p.Message);
    }

    [Fact]
    public void Bad_hex_is_rejected_with_the_offset()
    {
        var p = Single(Valid.Replace("\"4F 4B\"", "\"4F 4G\""));
        Assert.Equal(10, p.Position.Line);
        Assert.Equal("steps[0].expect[1].hex", p.Position.Path);
        Assert.Contains("'G' at offset 4", p.Message);
    }

    [Fact]
    public void Odd_hex_digits_are_rejected()
    {
        var p = Single(Valid.Replace("\"4F 4B\"", "\"4F 4\""));
        Assert.Contains("odd number of hex digits", p.Message);
    }

    [Fact]
    public void A_regex_that_does_not_compile_is_rejected()
    {
        var p = Single(Valid.Replace("(?<said>.*)", "(?<said>.*"));
        Assert.Equal(9, p.Position.Line);
        Assert.Equal("steps[0].expect[0].regex", p.Position.Path);
        Assert.Contains("does not compile", p.Message);
    }

    [Fact]
    public void A_goto_to_a_missing_step_is_rejected()
    {
        var p = Single(Valid.Replace("goto: a", "goto: nowhere"));
        Assert.Equal(17, p.Position.Line);
        Assert.Contains("goto 'nowhere': there is no step with that id", p.Message);
    }

    [Fact]
    public void A_template_naming_a_variable_nobody_sets_is_rejected()
    {
        var p = Single(Valid.Replace("${who}", "${whom}"));
        Assert.Equal("steps[0].send.template", p.Position.Path);
        Assert.Contains("'${whom}' is not set anywhere", p.Message);
    }

    [Fact]
    public void An_unsupported_schema_version_is_rejected()
    {
        var p = Single(Valid.Replace("version: 1", "version: 2"));
        Assert.Equal(1, p.Position.Line);
        Assert.Contains("schema version 2 is not supported", p.Message);
    }

    [Fact]
    public void A_threshold_on_an_unknown_metric_is_rejected()
    {
        var p = Single(Valid.Replace("p95 < 10s", "p96 < 10s"));
        Assert.Equal("thresholds[1]", p.Position.Path);
    }

    [Fact]
    public void Serial_settings_are_checked()
    {
        var text = Valid.Replace("{ kind: tcp, host: 127.0.0.1, port: 5000 }", "{ kind: serial, device: /dev/ttyS0, baud: 12345, parity: weird }");
        var e = Assert.Throws<ScenarioFormatException>(() => ScenarioParser.Parse(text));
        Assert.Contains(e.Problems, p => p.Position.Path == "transport.baud" && p.Message.Contains("not a standard baud rate"));
        Assert.Contains(e.Problems, p => p.Position.Path == "transport.parity" && p.Message.Contains("'weird' is not one of"));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var text = Valid.Replace("\"4F 4B\"", "\"ZZ\"").Replace("(?<said>.*)", "(").Replace("goto: a", "goto: x");
        var e = Assert.Throws<ScenarioFormatException>(() => ScenarioParser.Parse(text));
        Assert.Equal(3, e.Problems.Count);
        Assert.True(e.Problems.Select(p => p.Position.Line).SequenceEqual(e.Problems.Select(p => p.Position.Line).Order()));
    }

    [Fact]
    public void A_yaml_syntax_error_names_the_line()
    {
        var p = Single("version: 1\nname: t\n  steps: []\n");
        Assert.Equal(3, p.Position.Line);
        Assert.Equal("(syntax)", p.Position.Path);
        Assert.Contains("malformed YAML", Single("version: 1\nname: [unclosed\nsteps: []\n").Message);
    }

    [Theory]
    [InlineData("lbs.yaml")]
    [InlineData("mdt.yaml")]
    [InlineData("pda.yaml")]
    public void The_templates_are_valid(string file)
    {
        var doc = ScenarioParser.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "scenarios", "templates", file)));
        Assert.Equal(TransportKind.Serial, doc.Transport.Kind);
        Assert.Equal(SerialParity.None, doc.Transport.Serial.Parity);
    }

    [Theory]
    [InlineData("10.0.0.5:7000", "10.0.0.5", 7000)]
    [InlineData("modem.local", "modem.local", 5000)]
    [InlineData("[::1]:7001", "::1", 7001)]
    [InlineData("::1", "::1", 5000)]
    [InlineData("[fe80::1]", "fe80::1", 5000)]
    public void A_target_replaces_the_host_and_optionally_the_port(string target, string host, int port)
    {
        var t = ScenarioParser.Parse(Valid).Transport.WithTarget(target);
        Assert.Equal((host, port), (t.Host, t.Port));
    }
}
