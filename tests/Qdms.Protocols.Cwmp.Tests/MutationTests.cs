using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Qdms.Protocols.Cwmp.Tests;

public sealed class MutationTests(ITestOutputHelper output)
{
    private const int Iterations = 25_000;

    [Fact]
    public void No_exception_escapes_TryRead_on_25000_corrupted_envelopes_and_whatever_is_accepted_round_trips()
    {
        var random = new Random(20261122);
        var samples = SampleMessages.All
            .Select((m, i) => CwmpWriter.ToArray(new CwmpEnvelope((CwmpVersion)(i % 3), new CwmpHeader($"id{i}", SessionTimeout: 30), m)))
            .Concat(VendorSampleTests.AllSamples().Select(VendorSampleTests.Sample))
            .ToArray();
        var limits = new CwmpReaderLimits { MaxBytes = 64 * 1024, MaxElements = 2000, MaxDepth = 16, MaxStringLength = 4096 };
        var stopwatch = Stopwatch.StartNew();
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < Iterations; i++)
        {
            var input = Mutate(samples[random.Next(samples.Length)], random);
            bool ok;
            CwmpEnvelope envelope;
            CwmpReadError error;
            try
            {
                ok = CwmpReader.TryRead(input, limits, out envelope, out error);
            }
            catch (Exception e)
            {
                Assert.Fail($"iteration {i}: {e.GetType().Name} escaped TryRead for {Encoding.UTF8.GetString(input)}: {e}");
                return;
            }
            if (i % 10 == 0)
            {
                // The throwing form lets only its documented exception out, carrying the same error.
                var thrown = Record.Exception(() => CwmpReader.Read(input, limits));
                if (ok)
                    Assert.Null(thrown);
                else
                    Assert.Equal(error, Assert.IsType<CwmpParseException>(thrown).Error);
            }
            var outcome = ok ? "accepted" : error.Kind.ToString();
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (ok)
            {
                // Whatever is accepted is writable and reads back the same.
                Assert.Equal(envelope, CwmpReader.Read(CwmpWriter.ToArray(envelope)));
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(error.Message));
            }
            // A bound on the whole run (not a timing assertion): a hang or quadratic blow-up would blow through it.
            Assert.True(stopwatch.Elapsed < TimeSpan.FromMinutes(3), $"mutation run still going after {i} iterations");
        }
        output.WriteLine(string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")));
        Assert.True(outcomes.GetValueOrDefault("accepted") > 1000, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault(nameof(CwmpReadErrorKind.Malformed)) > 1000, string.Join(", ", outcomes));
    }

    private static readonly string[] Splices =
    [
        "<!DOCTYPE x>", "&amp;", "&#0;", "<![CDATA[", "]]>", "<", ">", "/>", "\"", "xsi:type=\"xsd:int\"", "<a>", "</a>",
        "&lol;", "\u00e9", "\uFFFF", "<?pi?>", "<!-- c -->", " ", "\r\n", "urn:dslforum-org:cwmp-1-1", "9", "-1",
    ];

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            switch (random.Next(7))
            {
                case 0 when bytes.Count > 0: // flip bits of one byte
                    bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0: // replace a byte
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                    break;
                case 2: // truncate
                    bytes = bytes.Take(random.Next(bytes.Count + 1)).ToList();
                    break;
                case 3: // insert a byte
                    bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                    break;
                case 4: // splice in a token that XML treats specially
                    bytes.InsertRange(random.Next(bytes.Count + 1), Encoding.UTF8.GetBytes(Splices[random.Next(Splices.Length)]));
                    break;
                case 5 when bytes.Count > 8: // duplicate a slice (repeats elements, breaks nesting)
                    var start = random.Next(bytes.Count - 4);
                    var length = random.Next(1, Math.Min(200, bytes.Count - start));
                    bytes.InsertRange(random.Next(bytes.Count + 1), bytes.GetRange(start, length));
                    break;
                default: // delete a byte
                    if (bytes.Count > 0)
                        bytes.RemoveAt(random.Next(bytes.Count));
                    break;
            }
        }
        return [.. bytes];
    }
}
