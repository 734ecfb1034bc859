using Microsoft.Data.Sqlite;
using Npgsql;

namespace Qdms.Storage;

/// <summary>Tells "the database cannot be reached or used right now" apart from a bug in a query.</summary>
public static class DatabaseFailures
{
    // SQLite result codes: BUSY, LOCKED, IOERR, FULL, CANTOPEN (https://www.sqlite.org/rescode.html)
    private static readonly HashSet<int> SqliteUnavailable = [5, 6, 10, 13, 14];

    /// <summary>True when <paramref name="e"/> (or an inner exception) says the database is down, gone, full or locked.</summary>
    public static bool IsUnavailable(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case PostgresException p when p.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exceptions
                    || p.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.AdminShutdown
                        or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                        or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.DiskFull:
                    return true;
                case PostgresException:
                    return false;
                case NpgsqlException n when n.IsTransient || n.InnerException is System.Net.Sockets.SocketException or IOException or TimeoutException:
                    return true;
                case SqliteException s when SqliteUnavailable.Contains(s.SqliteErrorCode):
                    return true;
            }
        }

        return false;
    }
}
