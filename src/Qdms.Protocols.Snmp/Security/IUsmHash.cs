namespace Qdms.Protocols.Snmp.Security;

/// <summary>An incremental hash (the framework's, or our SHA-224 which the framework lacks).</summary>
internal interface IUsmHash : IDisposable
{
    void Append(ReadOnlySpan<byte> data);

    byte[] GetHashAndReset();
}
