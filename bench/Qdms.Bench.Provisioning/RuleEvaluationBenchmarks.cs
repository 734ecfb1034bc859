using BenchmarkDotNet.Attributes;
using Qdms.Core.Devices;
using Qdms.Core.Events;
using Qdms.Core.Provisioning;

namespace Qdms.Bench.Provisioning;

/// <summary>
/// What provisioning adds to one Inform with 50 enabled rules in the tenant, through <see cref="ProvisioningApplier.ApplyAsync"/>
/// with the rule cache warm and in-memory stores (no database): <c>NoneMatch</c> — every rule asks for another product class;
/// <c>FiveMatchInPlace</c> — 5 rules run on this PERIODIC and their sets, tags and downloads are already in place (the steady
/// state: one stored-parameter read, one applied-record read, nothing written); <c>FiftyMatchInPlace</c> — all 50 do.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RuleEvaluationBenchmarks
{
    private const int Rules = 50;

    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddYears(56);

    private readonly string[] _periodic = ["2 PERIODIC"];
    private readonly Dictionary<string, string> _reported = new(StringComparer.Ordinal)
    {
        ["Device.DeviceInfo.HardwareVersion"] = "HW-1.0",
        ["Device.DeviceInfo.SoftwareVersion"] = "3.2.1",
        ["Device.ManagementServer.ConnectionRequestURL"] = "http://192.0.2.1:7548/S1",
        ["Device.ManagementServer.ParameterKey"] = "",
    };

    private readonly Device _device = new(1, 1, "00D09E-SimGW-S1", "ACME", "SimGW", "S1", "3.2.1", "192.0.2.1", Now, DeviceStatus.Online,
        ["provisioned"], "pg", null, null, Now, Now, [new DeviceIdentity("tr069", "00D09E-SimGW-S1")]);

    private readonly DeviceFacts _facts = new("00D09E", "SimGW", "ACME", "SimGW", "3.2.1", "pg", null, ["provisioned"]);

    private ProvisioningApplier _none = null!;
    private ProvisioningApplier _five = null!;
    private ProvisioningApplier _fifty = null!;

    [GlobalSetup]
    public void Setup()
    {
        _none = Applier(matching: 0);
        _five = Applier(matching: 5);
        _fifty = Applier(matching: Rules);
    }

    [Benchmark(Baseline = true)]
    public Task<IReadOnlyList<RulePlan>> NoneMatch() => _none.ApplyAsync(_device, _facts, _periodic, _reported, Now, default);

    [Benchmark]
    public Task<IReadOnlyList<RulePlan>> FiveMatchInPlace() => _five.ApplyAsync(_device, _facts, _periodic, _reported, Now, default);

    [Benchmark]
    public Task<IReadOnlyList<RulePlan>> FiftyMatchInPlace() => _fifty.ApplyAsync(_device, _facts, _periodic, _reported, Now, default);

    /// <summary>50 rules with a product-class and software-version glob, a parameter condition, a set of two values, a tag and a download.</summary>
    private ProvisioningApplier Applier(int matching)
    {
        var rules = Enumerable.Range(1, Rules).Select(i => new ProvisioningRule(
            i, 1, $"rule-{i}", null, true, i, ["1 BOOT", "2 PERIODIC"],
            new RuleConditions(ProductClass: i <= matching ? "SimGW" : $"Other{i}", SoftwareVersion: "3.2.*",
                Parameters: [new ParameterCondition("Device.DeviceInfo.HardwareVersion", ParameterOps.Prefix, "HW-1")]),
            [
                new RuleAction(RuleActionTypes.Set, Values: [new RuleSetValue("Device.ManagementServer.PeriodicInformInterval", "600", "unsignedInt"), new RuleSetValue($"Device.X_Rule.V{i}", "on", null)]),
                new RuleAction(RuleActionTypes.AddTag, Tag: "provisioned"),
                new RuleAction(RuleActionTypes.Download, FileId: 7),
            ],
            1, Now, Now, "bench")).ToList();
        var stored = new List<DeviceParameter> { new(1, "Device.ManagementServer.PeriodicInformInterval", "600", "unsignedInt", true, Now) };
        stored.AddRange(Enumerable.Range(1, Rules).Select(i => new DeviceParameter(1, $"Device.X_Rule.V{i}", "on", "string", true, Now)));
        var store = new MemoryRules(rules);
        var applier = new ProvisioningApplier(new ProvisioningRuleCache(store, TimeProvider.System), store, Unused.Of<IDeviceStore>(),
            new MemoryParameters(stored), Unused.Of<IDeviceTaskStore>(), Unused.Of<IDeviceEventStore>());
        var applied = applier.ApplyAsync(_device, _facts, _periodic, _reported, Now, default).GetAwaiter().GetResult();
        if (applied.Count != 0)
        {
            throw new InvalidOperationException("the benchmark's device should need nothing: every rule's actions are in place");
        }

        return applier;
    }
}
