namespace Qdms.Engines.Tr069.Transfers;

/// <summary>A Download or Upload (<paramref name="Method"/>) of a task awaiting its TransferComplete until <paramref name="Deadline"/>.</summary>
internal sealed record WatchedTransfer(long TaskId, string DeviceKey, string Method, DateTimeOffset Deadline);
