using Qdms.Core.Devices;
using Qdms.Core.Provisioning;
using Qdms.Core.Security;
using Qdms.Engines.Tr069.Auth;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Engines.Tr069;

internal sealed partial class AcsHandler
{
    /// <summary>
    /// Applies the tenant's provisioning rules for this Inform (docs/provisioning.md): called once the contact, parameters and
    /// events are recorded and before InformResponse, so the tasks it queues are served at this session's empty POST. A failure
    /// is logged and the session goes on without provisioning.
    /// </summary>
    private async Task ProvisionAsync(AdmittedDevice admitted, InformRequest inform, string? software, string remote, DateTimeOffset now, CancellationToken ct)
    {
        if (inform.Events.Count == 0)
        {
            return;
        }

        var codes = new string[inform.Events.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = inform.Events[i].EventCode;
        }

        // the whole device (tags, groups) is read only when one of its tenant's rules runs on these events
        Device? device;
        try
        {
            device = await services.Provisioning.AnyRuleRunsOnAsync(admitted.TenantId, codes, ct)
                ? await services.Devices.GetAsync(admitted.Id, TenantScope.Of(admitted.TenantId), ct)
                : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ProvisioningLog.Failed(logger, e, $"device/{admitted.Id}");
            return;
        }

        if (device is null)
        {
            return;
        }

        var id = inform.DeviceId;
        var facts = new DeviceFacts(id.Oui, Blank(id.ProductClass), Blank(id.Manufacturer), Blank(id.ProductClass) ?? device.Model, software ?? device.FirmwareVersion,
            device.ProvisionGroup, device.UpdateGroup, device.Tags);

        var reported = new Dictionary<string, string>(inform.ParameterList.Count, StringComparer.Ordinal);
        foreach (var p in inform.ParameterList)
        {
            reported[p.Name] = p.Value;
        }

        try
        {
            var applied = await services.Provisioning.ApplyAsync(device with { Address = remote }, facts, codes, reported, now, ct);
            foreach (var plan in applied)
            {
                ProvisioningLog.Applied(logger, plan.Rule.Name, plan.Rule.Revision, device.Name, string.Join("; ", plan.Actions.Where(a => a.Apply).Select(a => a.Reason)));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ProvisioningLog.Failed(logger, e, device.Name);
        }
    }
}
