namespace Qdms.Scenarios.Running;

/// <summary>A frame cut from the received bytes: its ordinal (from 1), arrival time (µs since the run started), bytes and decoded fields.</summary>
public sealed record ReceivedFrame(long Ordinal, long Micros, byte[] Data, IReadOnlyDictionary<string, string>? Fields);
