using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>UpdateOpStruct: update one Deployment Unit (by UUID or URL) or, with neither, all of them.</summary>
/// <param name="Uuid">UUID of the unit, or null.</param>
/// <param name="Version">Version to update, or null.</param>
/// <param name="Url">New URL, or null.</param>
/// <param name="Username">File server user name, or null.</param>
/// <param name="Password">File server password, or null.</param>
public sealed record DuUpdateOperation(
    string? Uuid = null, string? Version = null, string? Url = null, string? Username = null, string? Password = null) : DuOperation
{
    private protected override ReadOnlySpan<byte> StructName => "UpdateOpStruct"u8;

    private protected override void WriteFields(CwmpXmlWriter writer)
    {
        writer.Optional("UUID"u8, Uuid);
        writer.Optional("Version"u8, Version);
        writer.Optional("URL"u8, Url);
        writer.Optional("Username"u8, Username);
        writer.Optional("Password"u8, Password);
    }
}
