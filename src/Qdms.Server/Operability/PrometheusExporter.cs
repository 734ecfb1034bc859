using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Qdms.Server.Operability;

/// <summary>
/// Collects the measurements of the meters QDMS cares about (ASP.NET Core's request metrics, Kestrel's connections and
/// QDMS's own <c>Qdms</c> meter) through a <see cref="MeterListener"/> and renders them in the Prometheus text format (0.0.4).
/// prometheus-net and the OpenTelemetry Prometheus exporter are not in the package registry here, so this is our own.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    private static readonly HashSet<string> Meters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", QdmsMeter.Name];
    private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly double[] DefaultBuckets = [1, 5, 10, 50, 100, 500, 1000, 5000, 10000];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, Series> _series = new();
    private readonly Lock _collect = new();

    /// <param name="scope">This host's meter factory: only its meters are read, so several hosts in one process stay apart.</param>
    public PrometheusExporter(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (Meters.Contains(instrument.Meter.Name) && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    /// <summary>The current values of every enabled instrument, as Prometheus text.</summary>
    public string Render()
    {
        lock (_collect)
        {
            foreach (var s in _series.Values.Where(s => s.IsObservable))
            {
                s.ClearGauges(); // observable instruments report their whole current state on each collection
            }

            _listener.RecordObservableInstruments();
            var sb = new StringBuilder();
            foreach (var (instrument, series) in _series.OrderBy(p => p.Key.Meter.Name, StringComparer.Ordinal).ThenBy(p => p.Key.Name, StringComparer.Ordinal))
            {
                series.Write(sb, instrument);
            }

            return sb.ToString();
        }
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = _series.GetOrAdd(instrument, i => new Series(i));
        series.Add(LabelsOf(tags), value);
    }

    private static string LabelsOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return "";
        }

        var parts = new List<string>(tags.Length);
        foreach (var (k, v) in tags)
        {
            var text = Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
            parts.Add($"{Sanitize(k)}=\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"");
        }

        parts.Sort(StringComparer.Ordinal);
        return string.Join(",", parts);
    }

    internal static string Sanitize(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
        return new string(chars);
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>All label sets of one instrument.</summary>
    private sealed class Series(Instrument instrument)
    {
        private readonly ConcurrentDictionary<string, Point> _points = new();
        private readonly double[] _buckets = instrument.Unit == "s" ? SecondsBuckets : DefaultBuckets;

        public bool IsObservable { get; } = instrument.IsObservable;

        public void Add(string labels, double value)
        {
            var point = _points.GetOrAdd(labels, _ => new Point(_buckets.Length));
            lock (point)
            {
                switch (instrument)
                {
                    case Histogram<double> or Histogram<long> or Histogram<int>:
                        point.Count++;
                        point.Sum += value;
                        var i = Array.FindIndex(_buckets, b => value <= b);
                        if (i >= 0)
                        {
                            point.Buckets[i]++;
                        }

                        break;
                    case ObservableGauge<double> or ObservableGauge<long> or ObservableGauge<int>
                        or ObservableCounter<double> or ObservableCounter<long> or ObservableCounter<int>
                        or ObservableUpDownCounter<double> or ObservableUpDownCounter<long> or ObservableUpDownCounter<int>:
                        point.Sum = value;
                        break;
                    default:
                        point.Sum += value; // Counter and UpDownCounter
                        break;
                }
            }
        }

        public void ClearGauges() => _points.Clear();

        public void Write(StringBuilder sb, Instrument i)
        {
            if (_points.IsEmpty)
            {
                return;
            }

            var name = NameOf(i);
            var kind = i switch
            {
                Histogram<double> or Histogram<long> or Histogram<int> => "histogram",
                Counter<double> or Counter<long> or Counter<int> or ObservableCounter<double> or ObservableCounter<long> or ObservableCounter<int> => "counter",
                _ => "gauge",
            };
            var help = string.IsNullOrEmpty(i.Description) ? i.Name : i.Description;
            sb.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\n", " ", StringComparison.Ordinal)).Append('\n');
            sb.Append("# TYPE ").Append(name).Append(' ').Append(kind).Append('\n');
            foreach (var (labels, p) in _points.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                lock (p)
                {
                    if (kind == "histogram")
                    {
                        long cumulative = 0;
                        for (var b = 0; b < _buckets.Length; b++)
                        {
                            cumulative += p.Buckets[b];
                            Line(sb, name + "_bucket", Join(labels, $"le=\"{_buckets[b].ToString(CultureInfo.InvariantCulture)}\""), cumulative);
                        }

                        Line(sb, name + "_bucket", Join(labels, "le=\"+Inf\""), p.Count);
                        Line(sb, name + "_sum", labels, p.Sum);
                        Line(sb, name + "_count", labels, p.Count);
                    }
                    else
                    {
                        Line(sb, kind == "counter" && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name, labels, p.Sum);
                    }
                }
            }
        }

        private static string NameOf(Instrument i)
        {
            var name = Sanitize(i.Name);
            return i.Unit switch
            {
                "s" when !name.EndsWith("_seconds", StringComparison.Ordinal) => name + "_seconds",
                "By" when !name.EndsWith("_bytes", StringComparison.Ordinal) => name + "_bytes",
                _ => name,
            };
        }

        private static string Join(string labels, string extra) => labels.Length == 0 ? extra : labels + "," + extra;

        private static void Line(StringBuilder sb, string name, string labels, double value)
        {
            sb.Append(name);
            if (labels.Length > 0)
            {
                sb.Append('{').Append(labels).Append('}');
            }

            sb.Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private sealed class Point(int buckets)
    {
        public long[] Buckets { get; } = new long[buckets];

        public long Count { get; set; }

        public double Sum { get; set; }
    }
}
