namespace Qdms.Core.Snmp;

/// <summary>
/// An operator's SNMP settings for a device, secrets in plain text. A secret left null keeps the stored one (so a settings
/// read, edited and written back keeps its secrets); an empty string removes it.
/// </summary>
public sealed record SnmpSettingsInput(
    string? Host,
    int? Port,
    string? Version,
    string? Community = null,
    string? UserName = null,
    string? AuthProtocol = null,
    string? AuthPassword = null,
    string? PrivProtocol = null,
    string? PrivPassword = null,
    string? ContextName = null,
    string? EngineId = null);
