namespace Qdms.Contracts;

/// <summary>One page of a list; <see cref="Page"/> counts from 1.</summary>
public sealed record PageDto<T>(IReadOnlyList<T> Items, long Total, int Page, int Size);
