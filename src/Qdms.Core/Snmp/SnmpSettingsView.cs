namespace Qdms.Core.Snmp;

/// <summary>A device's SNMP settings as shown to people: which secrets are set, never their values.</summary>
public sealed record SnmpSettingsView(
    long DeviceId,
    string Host,
    int Port,
    SnmpDeviceVersion Version,
    bool CommunitySet,
    string? UserName,
    string AuthProtocol,
    bool AuthPasswordSet,
    string PrivProtocol,
    bool PrivPasswordSet,
    string? ContextName,
    string? EngineId,
    DateTimeOffset UpdatedAt)
{
    public static SnmpSettingsView Of(SnmpDeviceSettings s) => new(
        s.DeviceId, s.Host, s.Port, s.Version, s.SealedCommunity is not null, s.UserName, s.AuthProtocol, s.SealedAuthPassword is not null,
        s.PrivProtocol, s.SealedPrivPassword is not null, s.ContextName, s.EngineId, s.UpdatedAt);
}
