using System.Collections.Concurrent;
using Qdms.Core.Devices;

namespace Qdms.Server.Tests.Support;

/// <summary>Devices the tests make up: user name → password and device. Stands in for the device inventory.</summary>
public sealed class TestDeviceAuthenticator : IDeviceAuthenticator
{
    private readonly ConcurrentDictionary<string, (string Password, AuthenticatedDevice Device)> _devices = new(StringComparer.Ordinal);

    public void Add(string username, string password, AuthenticatedDevice device) => _devices[username] = (password, device);

    public Task<AuthenticatedDevice?> VerifyAsync(string username, string password, CancellationToken ct) =>
        Task.FromResult(_devices.TryGetValue(username, out var d) && d.Password == password ? d.Device : null);
}
