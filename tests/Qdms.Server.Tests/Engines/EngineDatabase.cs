using Qdms.Testing;

namespace Qdms.Server.Tests.Engines;

/// <summary>A fresh database (a SQLite data directory, or a new PostgreSQL database) that outlives the servers started on it.</summary>
public sealed class EngineDatabase : IAsyncDisposable
{
    private readonly TempDirectory _data = new("qdms-engines");
    private readonly List<EngineServer> _servers = [];
    private string? _postgres;

    private EngineDatabase()
    {
    }

    public static async Task<EngineDatabase> CreateAsync(DbKind kind)
    {
        var db = new EngineDatabase();
        if (kind == DbKind.Postgres)
        {
            db._postgres = await PostgresServer.CreateDatabaseAsync();
        }

        return db;
    }

    /// <summary>Starts a server on this database and returns it once it serves (engines restored).</summary>
    public EngineServer StartServer()
    {
        var server = new EngineServer(_data.Path, _postgres);
        _servers.Add(server);
        _ = server.Server;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await PostgresServer.DropDatabaseAsync(_postgres);
        }

        _data.Dispose();
    }
}
