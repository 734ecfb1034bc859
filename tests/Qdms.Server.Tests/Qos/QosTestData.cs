using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qdms.Client;
using Qdms.Contracts;
using Qdms.Core.Measurements;
using Qdms.Qos.Jobs;
using Qdms.Server.Tests.Support;

namespace Qdms.Server.Tests.Qos;

/// <summary>Devices that host Arrowhead systems, and measurements recorded the way the evaluator's jobs record them.</summary>
internal static class QosTestData
{
    public static string SystemName(string prefix) => prefix + DevicesTests.Unique();

    /// <summary>A device named <paramref name="system"/> at 127.0.0.1 advertising every agent group, plus extra tags.</summary>
    public static async Task<DeviceDto> HostAsync(QdmsClient client, string system, params string[] tags) =>
        await client.CreateDeviceAsync(new CreateDeviceRequest(
            [new DeviceIdentityDto("snmp", "127.0.0.1#" + system)], Name: system, Address: "127.0.0.1",
            Tags: ["qos:1.4", "qos:2.1", "qos:3.1", "qos:3.2", .. tags]));

    /// <summary>Records measurements now-ish and waits until they are in the store.</summary>
    public static async Task RecordAsync(QdmsAppFactory app, params Measurement[] measurements)
    {
        var recorder = app.Services.GetRequiredService<QosRecorder>();
        await recorder.RecordAsync(measurements, true, CancellationToken.None);
        await recorder.FlushAsync(CancellationToken.None);
    }

    public static Measurement Level(DeviceDto d, string metric, double value, int secondsAgo = 5) =>
        Measurement.Single(d.TenantId, d.Id, metric, DateTimeOffset.UtcNow.AddSeconds(-secondsAgo), value);

    public static Measurement Rtt(DeviceDto d, double ms, int secondsAgo = 5) =>
        new(d.TenantId, d.Id, "rtt", DateTimeOffset.UtcNow.AddSeconds(-secondsAgo), ms, ms, ms, ms, ms, 5, LossPercent: 0, Jitter: 0, P95: ms);

    /// <summary>The Arrowhead error body carried by an API exception.</summary>
    public static QosErrorDto ArrowheadError(QdmsApiException e) =>
        JsonSerializer.Deserialize<QosErrorDto>(e.Message, QdmsClient.Json) ?? throw new InvalidOperationException("no error body: " + e.Message);

    public static QosEvaluationRequestDto Request(IReadOnlyList<string> providers, string[] metrics, double[]? weights = null, int? window = 300, double? threshold = null) =>
        new(providers, new QosEvaluationConfigurationDto(metrics, weights, window, threshold));
}
