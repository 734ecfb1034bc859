namespace Qdms.Core.Devices;

/// <summary>HTTP Basic credentials an operator gives a device; the password is stored only as a PBKDF2 hash.</summary>
public sealed record DeviceCredentials(string Username, string Password);
