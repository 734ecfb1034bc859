using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Qdms.Core.Devices;
using Qdms.Core.Paging;
using Qdms.Core.Security;
using Qdms.Core.Tenants;
using Qdms.Storage;
using Qdms.Storage.Migrations;

namespace Qdms.Bench.Load;

/// <summary>
/// Times the device list through the store (no HTTP) against a database filled by <c>seed</c>:
/// <c>listbench --data DIR | --db CONN [--runs 30] [--tenant ID | --all-tenants]</c> (brings the schema up to date first). Every shape is one
/// <c>ListAsync</c> call (page of 50 with its total); the shapes run round-robin so that noise from other work on the
/// machine falls on all of them alike. Prints the number of matches and median / p99 / max in milliseconds per shape.
/// </summary>
internal static class ListBenchCommand
{
    /// <summary>The shapes, named by their query string; match counts are those of a 100,000-device seed.</summary>
    private static readonly (string Name, DeviceQuery Query, int Page)[] Shapes =
    [
        ("(none) page 1", new DeviceQuery(), 1),
        ("(none) page 50", new DeviceQuery(), 50),
        ("(none) page 2000", new DeviceQuery(), 2000),
        ("q=sn-00", new DeviceQuery(Search: "sn-00"), 1),
        ("q=hg82", new DeviceQuery(Search: "hg82"), 1),
        ("q=huawei", new DeviceQuery(Search: "huawei"), 1),
        ("q=huawei page 500", new DeviceQuery(Search: "huawei"), 500),
        ("q=sn-099999 / exact", new DeviceQuery(Search: "sn-099999"), 1),
        ("q=zzz", new DeviceQuery(Search: "zzz"), 1),
        ("protocol=tr069", new DeviceQuery(Protocol: "tr069"), 1),
        ("group=group-3", new DeviceQuery(Group: "group-3"), 1),
        ("group=wave-2", new DeviceQuery(Group: "wave-2"), 1),
        ("tag=fiber", new DeviceQuery(Tag: "fiber"), 1),
        ("status=online", new DeviceQuery(Status: DeviceStatus.Online), 1),
        ("q=huawei&tag=fiber", new DeviceQuery(Search: "huawei", Tag: "fiber"), 1),
        ("q=hg82&group=group-3&tag=fiber", new DeviceQuery(Search: "hg82", Group: "group-3", Tag: "fiber"), 1),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var options = new StorageOptions { DataDirectory = Get("--data", "data"), ConnectionString = Get("--db", "") };
        var runs = int.Parse(Get("--runs", "30"), CultureInfo.InvariantCulture);
        await using var services = new ServiceCollection().AddQdmsStorage(options).BuildServiceProvider();
        var db = services.GetRequiredService<QdmsDb>();
        await services.GetRequiredService<Migrator>().MigrateAsync(MigrationCatalog.All, CancellationToken.None);
        var store = services.GetRequiredService<IDeviceStore>();
        var scope = args.Contains("--all-tenants")
            ? TenantScope.All
            : TenantScope.Of(args.Contains("--tenant")
                ? long.Parse(Get("--tenant", ""), CultureInfo.InvariantCulture)
                : (await services.GetRequiredService<ITenantStore>().FindByNameAsync(TenantService.DefaultTenantName, CancellationToken.None)
                    ?? throw new InvalidOperationException("No default tenant: run seed first.")).Id);

        var totals = new long[Shapes.Length];
        var times = Shapes.Select(_ => new List<double>(runs)).ToArray();
        for (var run = -3; run < runs; run++)
        {
            for (var s = 0; s < Shapes.Length; s++)
            {
                var (_, query, page) = Shapes[s];
                var clock = Stopwatch.StartNew();
                var result = await store.ListAsync(scope, query, new PageRequest(page, PageRequest.DefaultSize), CancellationToken.None);
                var ms = clock.Elapsed.TotalMilliseconds;
                totals[s] = result.Total;
                if (run >= 0)
                {
                    times[s].Add(ms);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{db.Describe()}, {(scope.IsAll ? "all tenants" : $"tenant {scope.TenantId}")}, {runs} runs per shape, page of {PageRequest.DefaultSize} with its total (ms)"));
        Console.WriteLine($"{"shape",-32} {"matches",8} {"median",8} {"p99",8} {"max",8}");
        for (var s = 0; s < Shapes.Length; s++)
        {
            var sorted = times[s].Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Shapes[s].Name,-32} {totals[s],8} {Percentile.Of(sorted, 0.5),8:F1} {Percentile.Of(sorted, 0.99),8:F1} {sorted[^1],8:F1}"));
        }

        return 0;
    }
}
