using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>OpResultStruct of DUStateChangeComplete (TR-069 Annex A.4.2.3): the outcome of one ChangeDUState operation.</summary>
/// <param name="Uuid">UUID of the Deployment Unit.</param>
/// <param name="DeploymentUnitRef">Path of the DeploymentUnit object.</param>
/// <param name="Version">Its version.</param>
/// <param name="CurrentState">"Installed", "Uninstalled" or "Failed".</param>
/// <param name="Resolved">Whether its dependencies were resolved.</param>
/// <param name="ExecutionUnitRefList">Comma-separated ExecutionUnit paths.</param>
/// <param name="StartTime">When the operation started (Unknown Time if not known).</param>
/// <param name="CompleteTime">When it completed.</param>
/// <param name="Fault">0 for success, else the fault.</param>
/// <param name="OperationPerformed">"Install", "Update" or "Uninstall" in AutonomousDUStateChangeComplete (AutonOpResultStruct), else null.</param>
public sealed record DuOperationResult(
    string Uuid, string DeploymentUnitRef, string Version, string CurrentState, bool Resolved, string ExecutionUnitRefList,
    DateTimeOffset StartTime, DateTimeOffset CompleteTime, TransferFault Fault, string? OperationPerformed = null)
{
    internal static DuOperationResult Read(XmlElementNode node) =>
        new(node.Trimmed("UUID"), node.Trimmed("DeploymentUnitRef"), node.Trimmed("Version"), node.Trimmed("CurrentState"),
            node.Bool("Resolved"), node.Trimmed("ExecutionUnitRefList"), node.Time("StartTime"), node.Time("CompleteTime"),
            TransferFault.Read(node.Child("Fault")), node.OptionalTrimmed("OperationPerformed"));

    internal void Write(CwmpXmlWriter writer, ReadOnlySpan<byte> structName)
    {
        writer.Open(structName);
        writer.Element("UUID"u8, Uuid);
        writer.Element("DeploymentUnitRef"u8, DeploymentUnitRef);
        writer.Element("Version"u8, Version);
        writer.Element("CurrentState"u8, CurrentState);
        writer.Element("Resolved"u8, Resolved);
        writer.Element("ExecutionUnitRefList"u8, ExecutionUnitRefList);
        writer.Element("StartTime"u8, StartTime);
        writer.Element("CompleteTime"u8, CompleteTime);
        Fault.Write(writer, "Fault"u8);
        writer.Optional("OperationPerformed"u8, OperationPerformed);
        writer.Close(structName);
    }
}
