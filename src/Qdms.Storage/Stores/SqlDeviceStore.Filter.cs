using Dapper;
using Qdms.Core.Devices;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

/// <summary>The device list's filter for other stores that select devices in bulk (alias <c>d</c> for <c>devices</c>).</summary>
internal sealed partial class SqlDeviceStore
{
    /// <summary>The list's <c>WHERE …</c> clause for <paramref name="query"/> in <paramref name="scope"/>, its parameters added to <paramref name="p"/>.</summary>
    internal static string FilterSql(Dialect dialect, TenantScope scope, DeviceQuery query, DynamicParameters p) => Where(dialect, scope, query, p);
}
