namespace Qdms.Core.Tenants;

/// <summary>The id of the tenant that rows of a sysop go to when no tenant is named. Set once at start-up.</summary>
public sealed class DefaultTenant
{
    public long Id { get; set; }
}
