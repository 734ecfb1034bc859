using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>OpResultStruct / AutonOpResultStruct (TR-069 Annex A.4.2.3, A.4.2.4): the outcome of one Deployment Unit operation.</summary>
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

    /// <summary>
    /// Reads the repeated Results elements of (Autonomous)DUStateChangeComplete: each holds one OpResultStruct's fields
    /// (cwmp-1-2.xsd); a Results element holding struct elements, as some stacks write it, is read item by item.
    /// </summary>
    internal static CwmpList<DuOperationResult> ReadResults(XmlElementNode message)
    {
        var results = new List<DuOperationResult>();
        foreach (var child in message.Children)
        {
            if (!string.Equals(child.LocalName, "Results", StringComparison.OrdinalIgnoreCase))
                continue;
            if (child.Child("UUID") is null && child.Children.Count > 0 && child.Children[0].Children.Count > 0)
            {
                foreach (var item in child.Children)
                    results.Add(Read(item));
            }
            else
            {
                results.Add(Read(child));
            }
        }
        return CwmpList.Wrap(results.ToArray());
    }

    /// <summary>Writes one <c>&lt;Results&gt;</c> element.</summary>
    internal void Write(CwmpXmlWriter writer)
    {
        writer.Open("Results"u8);
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
        writer.Close("Results"u8);
    }
}
