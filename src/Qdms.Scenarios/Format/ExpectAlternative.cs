using Qdms.Scenarios.Matching;

namespace Qdms.Scenarios.Format;

/// <summary>One acceptable answer: a matcher, whether it passes or fails the step, a counter it bumps, and a step to go to.</summary>
public sealed record ExpectAlternative(FrameMatcher Matcher, AlternativeOutcome Outcome, string? Count, string? Goto, SourcePosition Position);
