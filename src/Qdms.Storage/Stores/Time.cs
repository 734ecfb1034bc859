namespace Qdms.Storage.Stores;

/// <summary>Times are BIGINT Unix milliseconds in every table.</summary>
internal static class Time
{
    public static long ToDb(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    public static long? ToDb(DateTimeOffset? t) => t?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromDb(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? FromDb(long? ms) => ms is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(ms.Value);
}
