namespace Qdms.Core.Paging;

/// <summary>One page of results and the total number of matches.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int PageNumber, int Size)
{
    public Page<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), Total, PageNumber, Size);
}
