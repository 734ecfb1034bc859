using Dapper;
using Qdms.Core.Security;

namespace Qdms.Storage.Stores;

/// <summary>
/// The one place tenant isolation turns into SQL: every query over tenant-owned rows appends
/// <see cref="Sql"/> to its WHERE clause and so can never see another tenant's rows.
/// </summary>
internal static class TenantFilter
{
    public const string Parameter = "__tenant";

    /// <summary><c>" AND {column} = @__tenant"</c> for one tenant (and adds the parameter), nothing for all tenants.</summary>
    public static string Sql(TenantScope scope, DynamicParameters parameters, string column = "tenant_id")
    {
        if (scope.IsAll)
        {
            return "";
        }

        parameters.Add(Parameter, scope.TenantId);
        return $" AND {column} = @{Parameter}";
    }
}
