using Qdms.Protocols.Cwmp;
using Qdms.Protocols.Cwmp.Messages;

namespace Qdms.Engines.Tr069;

/// <summary>
/// What the ACS knows of each stored parameter's writability. Only GetParameterNames tells it (and a successful
/// SetParameterValues); values from Informs and GetParameterValues never reset it.
/// </summary>
internal sealed partial class AcsHandler
{
    /// <summary>
    /// A <c>get</c> task's first RPC. A single partial path whose stored parameters were never named (none is known writable)
    /// starts with GetParameterNames of the subtree (NextLevel false, names only), so its values are stored with their writable
    /// flags, as a refresh does; otherwise GetParameterValues straight away.
    /// </summary>
    private async Task<CwmpMessage> GetAsync(AcsSession session, IEnumerable<string> paths, CancellationToken ct)
    {
        var list = paths.ToList();
        if (list is [var path] && path.EndsWith('.'))
        {
            var stored = await services.Parameters.ListAsync(session.DeviceId, path, ct);
            if (!stored.Any(p => p.Writable))
            {
                return new GetParameterNamesRequest(path, false);
            }
        }

        return new GetParameterValuesRequest(CwmpList.From(list));
    }

    /// <summary>
    /// Stores a GetParameterValues answer: with the writable flags the task's GetParameterNames step learnt, or, without one,
    /// leaving each known parameter's flag as it is (a new one is stored not writable).
    /// </summary>
    private async Task StoreValuesAsync(AcsSession session, OutstandingRpc outstanding, GetParameterValuesResponse values, DateTimeOffset now, CancellationToken ct)
    {
        if (values.ParameterList.Count == 0)
        {
            return;
        }

        if (outstanding.Writable is { } learnt)
        {
            await services.Parameters.UpsertAsync(session.DeviceId,
                [.. values.ParameterList.Select(p => ToParameter(session.DeviceId, p, learnt.GetValueOrDefault(p.Name), now))], ct);
            return;
        }

        await services.ParameterEditor.UpsertValuesAsync(session.DeviceId, [.. values.ParameterList.Select(p => ToParameter(session.DeviceId, p, false, now))], ct);
    }
}
