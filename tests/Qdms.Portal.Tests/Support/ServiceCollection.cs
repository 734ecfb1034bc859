namespace Qdms.Portal.Tests.Support;

/// <summary>
/// Tests that stop the whole QDMS service (every engine and job) get a server of their own — a second
/// <see cref="PortalFixture"/> — so the tests sharing the <see cref="PortalCollection"/> server never find it stopped.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal-service";
}
