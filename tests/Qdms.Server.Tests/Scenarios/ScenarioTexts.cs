namespace Qdms.Server.Tests.Scenarios;

/// <summary>Scenario texts for the API and CLI tests, against the simulated terminal on a loopback TCP port.</summary>
internal static class ScenarioTexts
{
    /// <summary>Three echo transactions; <paramref name="threshold"/> decides the verdict.</summary>
    public static string Echo(int port, string name = "echo", string threshold = "ssr >= 0.95") => $$"""
        version: 1
        name: {{name}}
        transport: { kind: tcp, host: 127.0.0.1, port: {{port}} }
        framing: { kind: delimiter, delimiter: "\r\n" }
        steps:
          - id: hello
            repeat: 3
            send: { template: "AT+ECHO=${attempt}", suffix: "\r\n" }
            expect: [{ regex: '^\+ECHO: (?<n>\d+)$' }]
            timeout: 2s
        thresholds: ["{{threshold}}"]
        """;

    /// <summary>Many slow steps, so a test can pause and stop it while it runs.</summary>
    public static string Long(int port) => $$"""
        version: 1
        name: long
        transport: { kind: tcp, host: 127.0.0.1, port: {{port}} }
        framing: { kind: delimiter, delimiter: "\r\n" }
        steps:
          - { id: tick, repeat: 1000, send: "AT\r\n", expect: OK, pause: 20ms }
        """;

    /// <summary>One AT transaction over a serial line at <paramref name="device"/>.</summary>
    public static string Serial(string device, string name = "serial") => $$"""
        version: 1
        name: {{name}}
        transport: { kind: serial, device: {{device}}, baud: 115200 }
        framing: { kind: delimiter, delimiter: "\r\n" }
        steps:
          - { id: at, send: "AT\r\n", expect: OK, timeout: 1s }
        """;
}
