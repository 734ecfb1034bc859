namespace Qdms.Core.Tenants;

/// <summary>An operator or vendor whose devices, files and users are kept apart from every other tenant's.</summary>
public sealed record Tenant(long Id, string Name, string DisplayName, DateTimeOffset CreatedAt);
