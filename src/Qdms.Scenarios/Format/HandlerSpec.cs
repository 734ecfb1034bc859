using Qdms.Scenarios.Matching;

namespace Qdms.Scenarios.Format;

/// <summary>Unsolicited input (e.g. <c>RING</c>): frames that match are consumed wherever they arrive, optionally answered and counted.</summary>
public sealed record HandlerSpec(FrameMatcher Match, PayloadSpec? Reply, string? Count, SourcePosition Position);
