using System.Net.Sockets;
using System.Text;

namespace Qdms.Agent.Tests;

/// <summary>The agent's own HTTP/1.1 server: keep-alive, methods, paths and the limits on what a client may send.</summary>
public sealed class AgentServerTests
{
    [Fact]
    public async Task Two_requests_on_one_kept_alive_connection_are_both_answered()
    {
        using var proc = new ProcFixture();
        await using var host = await AgentTestHost.StartAsync(proc, "--groups", "2.1");
        using var client = host.Client();
        await DeviceQosProtocolTests.WaitForFullRingAsync(client, "2.1");

        var text = await ExchangeAsync(host,
            "GET /device-qos?batch=1&oids=2.1 HTTP/1.1\r\nHost: x\r\n\r\nGET /device-qos?batch=2&oids=2.1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        Assert.Equal(2, text.Split("HTTP/1.1 200 OK").Length - 1);
        Assert.Contains("Connection: close", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST /device-qos?batch=1&oids=2.1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "405")]
    [InlineData("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "404")]
    [InlineData("GET /device-qos?batch=1&oids=2.1 HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello", "413")]
    [InlineData("NONSENSE\r\n\r\n", "400")]
    public async Task Requests_outside_the_protocol_get_a_problem_answer(string request, string status)
    {
        using var proc = new ProcFixture();
        await using var host = await AgentTestHost.StartAsync(proc);

        var text = await ExchangeAsync(host, request);

        Assert.StartsWith($"HTTP/1.1 {status} ", text, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_head_beyond_the_limit_is_refused_without_reading_on()
    {
        using var proc = new ProcFixture();
        await using var host = await AgentTestHost.StartAsync(proc);

        var text = await ExchangeAsync(host, "GET /device-qos?batch=1&oids=2.1 HTTP/1.1\r\nX-Pad: " + new string('a', AgentServer.MaxHeadBytes) + "\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 431 ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_line_wins_over_the_environment_which_wins_over_the_files()
    {
        Environment.SetEnvironmentVariable("QDMS_AGENT__LINKSPEEDTEST", "from-env");
        Environment.SetEnvironmentVariable("QDMS_AGENT__SAMPLEINTERVALMS", "250");
        try
        {
            var values = AgentConfiguration.Load(["--Agent:SampleIntervalMs=500", "--port", "1234"], systemFile: null);
            var options = AgentConfiguration.Bind(values);

            Assert.Equal("from-env", values["Agent:LinkSpeedTest"]);
            Assert.Equal((500, 1234), (options.SampleIntervalMs, options.Port));
            Assert.Equal("1.4,1.5,2.1,3.1,3.2,4.1", options.Groups); // from appsettings.json next to the binary
        }
        finally
        {
            Environment.SetEnvironmentVariable("QDMS_AGENT__LINKSPEEDTEST", null);
            Environment.SetEnvironmentVariable("QDMS_AGENT__SAMPLEINTERVALMS", null);
        }
    }

    [Fact]
    public void A_configuration_file_that_is_not_json_stops_start_naming_the_file()
    {
        using var proc = new ProcFixture();
        var file = Path.Combine(proc.Root, "agent.json");
        File.WriteAllText(file, "{ \"Agent\": ");

        var e = Assert.Throws<AgentConfigurationException>(() => AgentConfiguration.Load([], file));

        Assert.Contains(file, e.Message, StringComparison.Ordinal);
    }

    private static async Task<string> ExchangeAsync(AgentTestHost host, string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(host.Address.Host, host.Address.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await reader.ReadToEndAsync(limit.Token); // every case here ends with the server closing the connection
    }
}
