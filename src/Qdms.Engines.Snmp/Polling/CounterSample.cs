namespace Qdms.Engines.Snmp.Polling;

/// <summary>One reading of a counter: its value, whether it is a Counter64, the agent's sysUpTime (hundredths of a second) and our clock.</summary>
internal readonly record struct CounterSample(ulong Value, bool Is64, uint? UptimeTicks, DateTimeOffset At);
