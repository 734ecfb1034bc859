using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>InstallOpStruct: install the Deployment Unit at <paramref name="Url"/>.</summary>
/// <param name="Url">Where to fetch the Deployment Unit.</param>
/// <param name="Uuid">UUID to give it, or null.</param>
/// <param name="Username">File server user name, or null.</param>
/// <param name="Password">File server password, or null.</param>
/// <param name="ExecutionEnvRef">Execution environment path, or null.</param>
public sealed record DuInstallOperation(
    string Url, string? Uuid = null, string? Username = null, string? Password = null, string? ExecutionEnvRef = null) : DuOperation
{
    private protected override ReadOnlySpan<byte> StructName => "InstallOpStruct"u8;

    private protected override void WriteFields(CwmpXmlWriter writer)
    {
        writer.Element("URL"u8, Url);
        writer.Optional("UUID"u8, Uuid);
        writer.Optional("Username"u8, Username);
        writer.Optional("Password"u8, Password);
        writer.Optional("ExecutionEnvRef"u8, ExecutionEnvRef);
    }
}
