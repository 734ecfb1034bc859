using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>
/// One operation of ChangeDUState (TR-069 Annex A.4.1.10): written as <c>&lt;Operations xsi:type="cwmp:InstallOpStruct"&gt;</c>.
/// Read either that way or with the struct element nested inside Operations, as some CPE stacks do.
/// </summary>
public abstract record DuOperation
{
    private protected DuOperation()
    {
    }

    private protected abstract ReadOnlySpan<byte> StructName { get; }

    private protected abstract void WriteFields(CwmpXmlWriter writer);

    internal void Write(CwmpXmlWriter writer)
    {
        writer.Raw("<Operations xsi:type=\"cwmp:"u8);
        writer.Raw(StructName);
        writer.Raw("\">"u8);
        WriteFields(writer);
        writer.Close("Operations"u8);
    }

    internal static DuOperation Read(XmlElementNode node)
    {
        var fields = node;
        var type = node.XsiType is null ? null : XsdTypes.FromXsiType(node.XsiType);
        if (type is null && node.Children.Count == 1 && node.Children[0].LocalName.EndsWith("OpStruct", StringComparison.OrdinalIgnoreCase))
        {
            fields = node.Children[0];
            type = fields.LocalName;
        }
        return type?.ToUpperInvariant() switch
        {
            "INSTALLOPSTRUCT" => new DuInstallOperation(fields.Required("URL").Text.Trim(), fields.OptionalTrimmed("UUID"),
                fields.OptionalTrimmed("Username"), fields.Child("Password")?.Text, fields.OptionalTrimmed("ExecutionEnvRef")),
            "UPDATEOPSTRUCT" => new DuUpdateOperation(fields.OptionalTrimmed("UUID"), fields.OptionalTrimmed("Version"),
                fields.OptionalTrimmed("URL"), fields.OptionalTrimmed("Username"), fields.Child("Password")?.Text),
            "UNINSTALLOPSTRUCT" => new DuUninstallOperation(fields.Required("UUID").Text.Trim(), fields.OptionalTrimmed("Version"),
                fields.OptionalTrimmed("ExecutionEnvRef")),
            _ => throw node.Invalid($"ChangeDUState operation of unknown type '{type ?? "(none)"}'"),
        };
    }
}
