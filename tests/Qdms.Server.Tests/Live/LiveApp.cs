using Qdms.Server.Tests.Support;
using Qdms.Testing;

namespace Qdms.Server.Tests.Live;

/// <summary>A test server whose live readers have a small queue (16) and a 1 s heartbeat, so overflow and heartbeats are quick to see.</summary>
public abstract class LiveApp : QdmsAppFactory
{
    protected LiveApp(DbKind kind) : base(kind)
    {
        Settings["Qdms:Live:QueueCapacity"] = "16";
        Settings["Qdms:Live:HeartbeatSeconds"] = "1";
    }
}

public sealed class SqliteLiveApp() : LiveApp(DbKind.Sqlite);

public sealed class PostgresLiveApp() : LiveApp(DbKind.Postgres);
