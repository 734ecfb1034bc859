namespace Qdms.Testing;

/// <summary>Which database a test runs against. The storage and API suites run once per kind.</summary>
public enum DbKind
{
    Sqlite,
    Postgres,
}
