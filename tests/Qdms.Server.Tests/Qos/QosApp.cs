using Qdms.Server.Tests.Support;
using Qdms.Testing;

namespace Qdms.Server.Tests.Qos;

/// <summary>
/// A test server whose QoS evaluator runs no measurement jobs, so that the measurements a test records are the only ones:
/// targets are synchronised through <c>mgmt/reload</c>.
/// </summary>
public class QosApp : QdmsAppFactory
{
    public QosApp(DbKind kind)
        : base(kind)
    {
        Settings["Qdms:Qos:Enabled"] = "false";
    }
}

public sealed class SqliteQosApp() : QosApp(DbKind.Sqlite);

public sealed class PostgresQosApp() : QosApp(DbKind.Postgres);
