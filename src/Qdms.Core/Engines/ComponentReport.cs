namespace Qdms.Core.Engines;

/// <summary>A <see cref="IQdmsServiceComponent"/> in the service report: whether it runs and its last start/stop error.</summary>
public sealed record ComponentReport(string Name, bool Running, string? LastError);
