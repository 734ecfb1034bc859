using Qdms.Testing;
namespace Qdms.Protocols.Snmp.Tests.Peers;

/// <summary>Tests that share one real snmpd; they run one after another because some change the agent (SET).</summary>
[CollectionDefinition(Name)]
public sealed class SnmpdCollection : ICollectionFixture<SnmpdAgent>
{
    public const string Name = "snmpd";
}
