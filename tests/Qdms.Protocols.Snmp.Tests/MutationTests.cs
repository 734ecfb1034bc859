using System.Diagnostics;
using Qdms.Protocols.Snmp.Messages;

namespace Qdms.Protocols.Snmp.Tests;

public sealed class MutationTests
{
    private const int Iterations = 100_000;

    [Fact]
    public void No_exception_escapes_TryRead_on_100000_mutated_messages()
    {
        var random = new Random(20261122);
        var samples = SampleMessages.All.Select(s => s.Message.ToArray())
            .Concat(GoldenCaptureTests.Files.Select(Hex.Capture)).ToArray();
        var stopwatch = Stopwatch.StartNew();
        int accepted = 0, rejected = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var input = Mutate(samples[random.Next(samples.Length)], random);
            bool ok;
            string error;
            try
            {
                ok = SnmpMessage.TryRead(input, out var message, out error);
                if (ok)
                    _ = message.ToArray(); // whatever is accepted must also be writable
            }
            catch (Exception e)
            {
                Assert.Fail($"iteration {i}: {e.GetType().Name} escaped for {Hex.Of(input)}: {e.Message}");
                return;
            }
            if (ok)
                accepted++;
            else
            {
                rejected++;
                Assert.Matches(@"^offset \d+: ", error);
            }
            // A bound on the whole run (not a timing assertion): a hang or quadratic blow-up would blow through it.
            Assert.True(stopwatch.Elapsed < TimeSpan.FromMinutes(2), $"mutation run still going after {i} iterations");
        }
        Assert.True(accepted > 0 && rejected > 0, $"accepted {accepted}, rejected {rejected}");
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            switch (random.Next(5))
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
                default: // delete a byte
                    if (bytes.Count > 0)
                        bytes.RemoveAt(random.Next(bytes.Count));
                    break;
            }
        }
        return [.. bytes];
    }
}
