using Dapper;
using Qdms.Core.Devices;

namespace Qdms.Storage.Tests;

/// <summary>Each test's own tenant and devices, so tests sharing a database never see each other's rows.</summary>
internal static class DeviceTestData
{
    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);

    public static async Task<long> NewTenantAsync(QdmsDb db)
    {
        await using var c = await db.OpenAsync();
        return await c.ExecuteScalarAsync<long>(
            "INSERT INTO tenants (name, display_name, created_at) VALUES (@name, @name, 0) RETURNING id", new { name = "t" + Unique() });
    }

    public static string Unique() => Guid.NewGuid().ToString("N")[..12];

    public static DeviceDraft Draft(string key, string protocol = "tr069", string? name = null, string? model = null, string? serial = null,
        IReadOnlyList<string>? tags = null, string? provisionGroup = null, string? updateGroup = null) =>
        new(name ?? "", [new DeviceIdentity(protocol, key)], "Acme", model, serial, null, null, tags ?? [], provisionGroup, updateGroup);
}
