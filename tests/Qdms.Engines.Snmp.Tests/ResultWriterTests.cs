using Microsoft.Extensions.Logging.Abstractions;
using Qdms.Core.Devices;
using Qdms.Core.Events;
using Qdms.Core.Measurements;
using Qdms.Core.Paging;
using Qdms.Core.Security;
using Qdms.Core.Snmp;
using Qdms.Engines.Snmp.Polling;

namespace Qdms.Engines.Snmp.Tests;

/// <summary>The writer's failure paths and transitions, with in-memory stores (one of which refuses a deleted device's rows).</summary>
public sealed class ResultWriterTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddDays(20_000);

    private static PollOutcome Answered(long device, params string[] metrics) =>
        new(device, 1, true, [new DeviceParameter(device, "1.3.6.1.2.1.1.5.0", "x", "string", false, Now)], metrics.Select(m => Measurement.Single(1, device, m, Now, 1)).ToList());

    private static async Task RunAsync(ResultWriter writer, params object[] items)
    {
        var loop = writer.RunAsync(CancellationToken.None);
        foreach (var item in items)
        {
            await (item is PollOutcome o ? writer.WriteAsync(o, default) : writer.WriteAsync((NewDeviceEvent)item, default));
        }

        writer.Complete();
        await loop;
    }

    [Fact]
    public async Task A_deleted_devices_rows_cost_only_that_device_not_the_whole_batch()
    {
        var stores = new Stores { DeletedDevice = 2 };
        var writer = new ResultWriter(stores, stores, stores, new StatusBook(), TimeProvider.System, NullLogger.Instance);
        await RunAsync(writer, Answered(1, "a", "b"), Answered(2, "a"), Answered(3, "a"));

        Assert.Equal([1L, 1, 3], stores.Measurements.Select(m => m.DeviceId).Order());
        Assert.Equal(3, writer.MeasurementsWritten);
        Assert.Equal(1, writer.WriteFailures);
    }

    [Fact]
    public async Task Only_transitions_write_a_status_and_an_event()
    {
        var stores = new Stores();
        var statuses = new StatusBook();
        statuses.Seed(7, DeviceStatus.Online);
        var writer = new ResultWriter(stores, stores, stores, statuses, TimeProvider.System, NullLogger.Instance);
        var down = new PollOutcome(7, 1, false, [], [], "timeout");
        await RunAsync(writer, down, down, down, Answered(7), Answered(7), down);

        Assert.Equal(["unreachable", "reachable", "unreachable"], stores.Events.Select(e => e.Type));
        Assert.Equal([7L, 7], stores.Unreachable);
        Assert.Equal(EventSeverity.Major, stores.Events[0].Severity);
    }

    [Fact]
    public async Task A_poll_that_failed_otherwise_records_no_contact_and_no_status()
    {
        var stores = new Stores();
        var writer = new ResultWriter(stores, stores, stores, new StatusBook(), TimeProvider.System, NullLogger.Instance);
        await RunAsync(writer, new PollOutcome(9, 1, true, [], [], "wrongDigest"));
        Assert.Empty(stores.Contacts);
        Assert.Empty(stores.Events);
        Assert.Empty(stores.Unreachable);
    }

    private sealed class Stores : ISnmpPollStore, IMeasurementStore, IDeviceEventStore
    {
        public long? DeletedDevice { get; init; }

        public List<Measurement> Measurements { get; } = [];

        public List<NewDeviceEvent> Events { get; } = [];

        public List<long> Contacts { get; } = [];

        public List<long> Unreachable { get; } = [];

        public Task WriteParametersAsync(IReadOnlyList<DeviceParameter> parameters, CancellationToken ct) => Task.CompletedTask;

        public Task RecordContactsAsync(IReadOnlyList<long> deviceIds, DateTimeOffset now, CancellationToken ct)
        {
            Contacts.AddRange(deviceIds);
            return Task.CompletedTask;
        }

        public Task SetStatusAsync(long deviceId, DeviceStatus status, DateTimeOffset now, CancellationToken ct)
        {
            Unreachable.Add(deviceId);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<DeviceTask>> ListDueTasksAsync(DateTimeOffset now, int limit, CancellationToken ct) => Task.FromResult<IReadOnlyList<DeviceTask>>([]);

        public Task AppendAsync(IReadOnlyList<Measurement> measurements, CancellationToken ct)
        {
            if (measurements.Any(m => m.DeviceId == DeletedDevice))
            {
                throw new InvalidOperationException("FOREIGN KEY constraint failed"); // what a deleted device's row does to the batch
            }

            Measurements.AddRange(measurements);
            return Task.CompletedTask;
        }

        public Task AppendAsync(IReadOnlyList<NewDeviceEvent> events, CancellationToken ct)
        {
            Events.AddRange(events);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<Measurement>> ListAsync(TenantScope scope, MeasurementQuery query, int limit, CancellationToken ct) => throw new NotSupportedException();

        public Task<Page<DeviceEvent>> ListAsync(TenantScope scope, DeviceEventQuery query, PageRequest page, CancellationToken ct) => throw new NotSupportedException();

        Task<long> IMeasurementStore.DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct) => throw new NotSupportedException();

        Task<int> IDeviceEventStore.DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct) => throw new NotSupportedException();

        public Task<long> DeleteForDeviceAsync(long deviceId, CancellationToken ct) => throw new NotSupportedException();
    }
}
