using System.Security.Cryptography;

namespace Qdms.Protocols.Snmp.Security;

/// <summary>The framework's incremental hash behind <see cref="IUsmHash"/>.</summary>
internal sealed class IncrementalUsmHash(IncrementalHash hash) : IUsmHash
{
    public void Append(ReadOnlySpan<byte> data) => hash.AppendData(data);

    public byte[] GetHashAndReset() => hash.GetHashAndReset();

    public void Dispose() => hash.Dispose();
}
