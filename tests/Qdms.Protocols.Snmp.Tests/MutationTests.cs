using System.Diagnostics;
using Qdms.Protocols.Snmp.Messages;
using Qdms.Protocols.Snmp.Security;

namespace Qdms.Protocols.Snmp.Tests;

public sealed class MutationTests
{
    private const int Iterations = 100_000;

    [Fact]
    public void No_exception_escapes_TryRead_on_100000_mutated_messages()
    {
        var random = new Random(20261122);
        var samples = SampleMessages.All.Select(s => s.Message.ToArray())
            .Concat(GoldenCaptureTests.Files.Select(Hex.Capture))
            .Concat(V3.V3SampleMessages.All.Select(s => s.Message.ToArray()))
            .Concat(V3.V3GoldenCaptureTests.Files.Select(Hex.Capture)).ToArray();
        var stopwatch = Stopwatch.StartNew();
        int accepted = 0, rejected = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var input = Mutate(samples[random.Next(samples.Length)], random);
            bool ok;
            string error;
            try
            {
                // Route as a receiver does: by version, then the v1/v2c or the v3 decoder.
                if (SnmpMessage.TryPeekVersion(input, out var version) && version == SnmpVersion.V3)
                {
                    ok = SnmpV3Message.TryRead(input, out var v3, out error);
                    if (ok)
                        _ = v3.ToArray(); // whatever is accepted must also be writable
                }
                else
                {
                    ok = SnmpMessage.TryRead(input, out var message, out error);
                    if (ok)
                        _ = message.ToArray();
                }
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

    [Fact]
    public void No_exception_escapes_v3_security_processing_on_100000_mutated_sealed_messages()
    {
        // Authenticated and encrypted messages for three users; every mutation that still parses is opened with the
        // sender's keys: it must fail the digest (or decrypt to something rejected), never throw.
        var engineId = V3.V3SampleMessages.EngineId;
        UsmUser[] users =
        [
            new("sha256aes256", SnmpAuthProtocol.Sha256, "authpass-12345", SnmpPrivProtocol.Aes256, "privpass-12345"),
            new("md5des", SnmpAuthProtocol.Md5, "authpass-12345", SnmpPrivProtocol.Des, "privpass-12345"),
            new("shaauth", SnmpAuthProtocol.Sha1, "authpass-12345"),
        ];
        var keys = users.Select(u => UsmLocalizedKeys.For(u, engineId)).ToArray();
        var samples = keys.SelectMany(k => SampleMessages.All.Select(s => s.Message.Pdu).OfType<SnmpPdu>().Select(pdu =>
            UsmMessages.Encode(pdu.RequestId & int.MaxValue, true, k, System.Text.Encoding.UTF8.GetBytes(k.User.Name), engineId, 2, 300,
                new ScopedPdu(engineId, default, pdu)))).ToArray();
        var random = new Random(3414);
        var stopwatch = Stopwatch.StartNew();
        int parsed = 0, opened = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var which = random.Next(samples.Length);
            var input = Mutate(samples[which], random);
            try
            {
                if (!SnmpV3Message.TryRead(input, out var message, out var authOffset, out _))
                    continue;
                parsed++;
                if (UsmMessages.TryOpen(input, message, authOffset, keys[which / (samples.Length / keys.Length)], out _) is null)
                    opened++;
            }
            catch (Exception e)
            {
                Assert.Fail($"iteration {i}: {e.GetType().Name} escaped for {Hex.Of(input)}: {e.Message}");
                return;
            }
            Assert.True(stopwatch.Elapsed < TimeSpan.FromMinutes(2), $"mutation run still going after {i} iterations");
        }
        Assert.True(parsed > 0, "no mutation parsed: the run tested nothing beyond the header");
        Assert.True(opened < parsed / 10, $"{opened} of {parsed} mutated messages passed the digest check");
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
