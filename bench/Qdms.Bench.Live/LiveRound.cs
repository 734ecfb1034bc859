namespace Qdms.Bench.Live;

/// <summary>What one round measured: writes, deliveries to all readers, and each delivery's delay after the write.</summary>
internal sealed record LiveRound(int Clients, int Tasks, double WriteSeconds, double DeliverSeconds, long Delivered, int Dropped, IReadOnlyList<double> DelaysMs);
