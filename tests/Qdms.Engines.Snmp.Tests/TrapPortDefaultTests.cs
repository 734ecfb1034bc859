using System.Text.Json;
using Qdms.Engines.Snmp;

namespace Qdms.Engines.Snmp.Tests;

public sealed class TrapPortDefaultTests
{
    [Fact]
    public void The_trap_port_defaults_to_162_for_a_privileged_process_and_1162_otherwise()
    {
        Assert.Equal(162, SnmpEngineConfig.DefaultTrapPort(privileged: true));
        Assert.Equal(1162, SnmpEngineConfig.DefaultTrapPort(privileged: false));
        var defaults = JsonSerializer.SerializeToElement(new SnmpEngineType(new EmptyServiceProvider()).DefaultConfig());
        Assert.Equal(Environment.IsPrivilegedProcess ? 162 : 1162, defaults.GetProperty("trapPort").GetInt32());
    }
}

internal sealed class EmptyServiceProvider : IServiceProvider
{
    public object? GetService(Type serviceType) => null;
}
