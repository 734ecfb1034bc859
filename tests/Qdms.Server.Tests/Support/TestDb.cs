using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Qdms.Storage;

namespace Qdms.Server.Tests.Support;

/// <summary>Direct SQL against the app's database, for arranging states no API call makes (an expired token).</summary>
public static class TestDb
{
    public static async Task ExecuteAsync(QdmsAppFactory app, string sql, object? args = null)
    {
        await using var c = await app.Services.GetRequiredService<QdmsDb>().OpenAsync();
        await c.ExecuteAsync(sql, args);
    }

    public static async Task<T> ScalarAsync<T>(QdmsAppFactory app, string sql, object? args = null)
    {
        await using var c = await app.Services.GetRequiredService<QdmsDb>().OpenAsync();
        return (await c.ExecuteScalarAsync<T>(sql, args))!;
    }
}
