namespace Qdms.Core.Devices.Bulk;

/// <summary>The task every device of a bulk job gets: a validated kind and arguments, an expiry, and who asked.</summary>
public sealed record BulkTaskTemplate(string Kind, string? Arguments, DateTimeOffset ExpiresAt, string CreatedBy, DateTimeOffset Now);
