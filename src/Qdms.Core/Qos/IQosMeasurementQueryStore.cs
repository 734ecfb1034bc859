using Qdms.Core.Security;

namespace Qdms.Core.Qos;

/// <summary>Paged reads of the shared measurements table for Arrowhead's <c>mgmt/query</c> (offset paging with a total).</summary>
public interface IQosMeasurementQueryStore
{
    Task<(IReadOnlyList<QosMeasurementRecord> Items, long Total)> QueryAsync(
        TenantScope scope, QosMeasurementPageQuery query, int offset, int limit, CancellationToken ct);
}
