using Qdms.Server.Tests.Support;
using Qdms.Testing;

namespace Qdms.Server.Tests.Qos;

/// <summary>The evaluator's settings are checked when the server starts: a bad one stops it with a message naming the key.</summary>
public sealed class QosStartupTests
{
    [Theory]
    [InlineData("--Qdms:Qos:RttTimeoutMs=1000", "Qdms:Qos:RttTimeoutMs (rtt.measurement.timeout) is 1000")]
    [InlineData("--Qdms:Qos:AugmentedIntervalSeconds=60", "Qdms:Qos:AugmentedIntervalSeconds (augmented.measurement.job.interval) is 60")]
    [InlineData("--Qdms:Qos:OrganizerIntervalSeconds=5", "Qdms:Qos:OrganizerIntervalSeconds (measurement.organizer.job.interval) is 5")]
    public async Task A_bad_qos_setting_stops_start_up_naming_the_key(string setting, string expected)
    {
        using var data = new TempDirectory();
        await using var server = ServerProcess.Start(["--data", data.Path, setting]);

        var exit = await server.WaitForExitAsync();

        Assert.NotEqual(0, exit);
        Assert.Contains(expected, server.Output, StringComparison.Ordinal);
    }
}
