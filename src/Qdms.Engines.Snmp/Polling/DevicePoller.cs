using Qdms.Core.Devices;
using Qdms.Core.Measurements;
using Qdms.Core.Snmp;
using Qdms.Engines.Snmp.Access;
using Qdms.Protocols.Snmp.Client;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Engines.Snmp.Polling;

/// <summary>
/// Polls one profile on one device: sysUpTime.0 and the scalars in GETs of at most <see cref="MaxVarBindsPerGet"/> varbinds,
/// each table column by column. Every value becomes a parameter under its instance OID; objects with a metric become measurements
/// (<c>snmp.&lt;table&gt;.&lt;index&gt;.&lt;metric&gt;</c> for table cells), counters as rates per second.
/// </summary>
internal sealed class DevicePoller(ISnmpAccess access, RateTracker rates, TimeProvider time)
{
    public const int MaxVarBindsPerGet = 40;

    private static readonly Oid SysUpTime = Oid.Parse(SnmpBuiltInProfiles.SysUpTime);

    public async Task<PollOutcome> PollAsync(PolledDevice device, SnmpProfile profile, CancellationToken ct)
    {
        try
        {
            var oids = new List<Oid> { SysUpTime };
            oids.AddRange(profile.Scalars.Select(s => Oid.Parse(s.Oid)).Where(o => o != SysUpTime).Distinct());
            var values = new Dictionary<string, SnmpValue>(StringComparer.Ordinal);
            foreach (var chunk in oids.Chunk(MaxVarBindsPerGet))
            {
                foreach (var vb in await GetAsync(device.Target, chunk, ct))
                {
                    values[vb.Oid.ToString()] = vb.Value;
                }
            }

            var at = time.GetUtcNow();
            uint? uptime = values.TryGetValue(SnmpBuiltInProfiles.SysUpTime, out var u) && u.Type == SnmpValueType.TimeTicks ? u.AsUInt32() : null;
            var sink = new Sink(device, at, uptime, rates);
            foreach (var scalar in profile.Scalars)
            {
                if (values.TryGetValue(scalar.Oid, out var value))
                {
                    sink.Add(scalar.Oid, value, scalar, scalar.Metric);
                }
            }

            var tables = new List<(SnmpTableSpec Spec, IReadOnlyList<AgentRow> Rows)>();
            foreach (var table in profile.Tables)
            {
                var rows = await access.GetTableAsync(device.Target, table.Columns.Select(c => Oid.Parse(c.Oid)).ToList(), ct);
                tables.Add((table, rows));
                foreach (var row in rows)
                {
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        if (row.Values[c] is { } value)
                        {
                            var column = table.Columns[c];
                            sink.Add($"{column.Oid}.{row.Index}", value, column, column.Metric is null ? null : $"snmp.{table.Name}.{row.Index}.{column.Metric}");
                        }
                    }
                }
            }

            if (profile.Derive == SnmpBuiltInProfiles.HostResources)
            {
                HostResources.Derive(tables, sink.Metrics);
            }

            return new PollOutcome(device.DeviceId, device.TenantId, true, sink.Parameters,
                sink.Metrics.Select(m => Measurement.Single(device.TenantId, device.DeviceId, m.Key, at, m.Value)).ToList());
        }
        catch (SnmpTimeoutException e)
        {
            return new PollOutcome(device.DeviceId, device.TenantId, false, [], [], e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new PollOutcome(device.DeviceId, device.TenantId, true, [], [], e.Message);
        }
    }

    /// <summary>A GET; on SNMPv1's noSuchName (the whole request refused for one name) the name is dropped and the rest asked again.</summary>
    private async Task<IReadOnlyList<VarBind>> GetAsync(AgentTarget target, IReadOnlyList<Oid> oids, CancellationToken ct)
    {
        var asked = oids.ToList();
        while (true)
        {
            try
            {
                return asked.Count == 0 ? [] : await access.GetAsync(target, asked, ct);
            }
            catch (SnmpErrorException e) when (e.Status == SnmpErrorStatus.NoSuchName && e.Index >= 1 && e.Index <= asked.Count)
            {
                asked.RemoveAt(e.Index - 1);
            }
        }
    }

    /// <summary>Collects the parameters and metrics of one poll.</summary>
    private sealed class Sink(PolledDevice device, DateTimeOffset at, uint? uptime, RateTracker rates)
    {
        public List<DeviceParameter> Parameters { get; } = [];

        public Dictionary<string, double> Metrics { get; } = new(StringComparer.Ordinal);

        public void Add(string instance, SnmpValue value, SnmpObject spec, string? metric)
        {
            if (ValueText.Of(value) is not var (text, type))
            {
                return;
            }

            Parameters.Add(new DeviceParameter(device.DeviceId, instance, text, type, false, at));
            if (metric is null)
            {
                return;
            }

            switch (spec.Kind)
            {
                case SnmpMetricKind.Gauge when ValueText.Number(value) is { } number:
                    Metrics[metric] = number * spec.Scale;
                    break;
                case SnmpMetricKind.Rate when value.Type is SnmpValueType.Counter32 or SnmpValueType.Counter64:
                    var rate = rates.Observe(device.DeviceId, instance, new CounterSample(value.AsUInt64(), value.Type == SnmpValueType.Counter64, uptime, at));
                    if (rate is { } r)
                    {
                        Metrics[metric] = r * spec.Scale;
                    }

                    break;
            }
        }
    }
}
