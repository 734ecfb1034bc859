using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>UninstallOpStruct: remove the Deployment Unit <paramref name="Uuid"/>.</summary>
/// <param name="Uuid">UUID of the unit.</param>
/// <param name="Version">Version to remove, or null for all.</param>
/// <param name="ExecutionEnvRef">Execution environment path, or null.</param>
public sealed record DuUninstallOperation(string Uuid, string? Version = null, string? ExecutionEnvRef = null) : DuOperation
{
    private protected override ReadOnlySpan<byte> StructName => "UninstallOpStruct"u8;

    private protected override void WriteFields(CwmpXmlWriter writer)
    {
        writer.Element("UUID"u8, Uuid);
        writer.Optional("Version"u8, Version);
        writer.Optional("ExecutionEnvRef"u8, ExecutionEnvRef);
    }
}
