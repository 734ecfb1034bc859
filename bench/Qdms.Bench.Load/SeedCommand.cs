using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Qdms.Core.Devices;
using Qdms.Core.Tenants;
using Qdms.Storage;
using Qdms.Storage.Migrations;

namespace Qdms.Bench.Load;

/// <summary>
/// Fills a QDMS database with synthetic devices for benchmarks, straight through the store's bulk insert:
/// <c>seed --data DIR | --db CONN --devices 100000 [--tenant ID]</c> (default: the default tenant, made if missing). Device i has serial <c>SN-{i:D6}</c>, name
/// <c>dev-{i:D6}</c>, a TR-069 identity, one of 20 provision groups (<c>group-{i%20}</c>), 5 update groups, 8 models and a tag.
/// </summary>
internal static class SeedCommand
{
    private static readonly string[] Models = ["HG8245H", "HG8145V5", "F670L", "AX3000", "RT-AC68U", "Archer C6", "FRITZ!Box 7590", "DIR-842"];

    public static async Task<int> RunAsync(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var options = new StorageOptions { DataDirectory = Get("--data", "data"), ConnectionString = Get("--db", "") };
        var count = int.Parse(Get("--devices", "100000"), CultureInfo.InvariantCulture);
        var start = int.Parse(Get("--start", "0"), CultureInfo.InvariantCulture);

        await using var services = new ServiceCollection().AddQdmsStorage(options).BuildServiceProvider();
        var db = services.GetRequiredService<QdmsDb>();
        await services.GetRequiredService<Migrator>().MigrateAsync(MigrationCatalog.All, CancellationToken.None);
        var store = services.GetRequiredService<IDeviceStore>();
        var tenants = services.GetRequiredService<ITenantStore>();
        var tenant = args.Contains("--tenant")
            ? long.Parse(Get("--tenant", ""), CultureInfo.InvariantCulture)
            : ((await tenants.FindByNameAsync(TenantService.DefaultTenantName, CancellationToken.None))
                ?? await tenants.CreateAsync(TenantService.DefaultTenantName, "Default tenant", DateTimeOffset.UtcNow, CancellationToken.None)).Id;
        var clock = Stopwatch.StartNew();
        const int Batch = 5000;
        for (var from = start; from < start + count; from += Batch)
        {
            var drafts = Enumerable.Range(from, Math.Min(Batch, start + count - from)).Select(Draft).ToList();
            await store.BulkInsertAsync(tenant, drafts, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {count} devices into {db.Describe()} in {clock.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private static DeviceDraft Draft(int i)
    {
        var model = Models[i % Models.Length];
        var serial = $"SN-{i:D6}";
        return new DeviceDraft(
            $"dev-{i:D6}",
            [new DeviceIdentity("tr069", $"00259E-{model.Replace(' ', '_')}-{serial}")],
            Manufacturer: i % 2 == 0 ? "Huawei" : "ZTE",
            Model: model,
            Serial: serial,
            FirmwareVersion: $"V{1 + (i % 4)}.{i % 10}.0",
            Address: $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}",
            Tags: [i % 3 == 0 ? "fiber" : "dsl"],
            ProvisionGroup: $"group-{i % 20}",
            UpdateGroup: $"wave-{i % 5}");
    }
}
