namespace Qdms.Core.Files;

/// <summary>What RegisterFile (IF-03-01) says about a file besides its bytes. <see cref="Crc32"/> is the CRC the sender expects.</summary>
public sealed record FileRegistration(
    FileType Type,
    string ProvisionGroup,
    string UpdateGroup,
    string Name,
    string Version,
    uint Crc32,
    long? TenantId = null);
