using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Qdms.Storage.Stores;

/// <summary>Tells constraint violations apart across SQLite and PostgreSQL.</summary>
internal static class DbErrors
{
    public static bool IsUniqueViolation(DbException e) => e switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && (s.SqliteExtendedErrorCode == 2067 || s.SqliteExtendedErrorCode == 1555),
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    public static bool IsForeignKeyViolation(DbException e) => e switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode == 787,
        PostgresException p => p.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        _ => false,
    };
}
