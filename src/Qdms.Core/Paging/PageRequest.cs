using Qdms.Core.Errors;

namespace Qdms.Core.Paging;

/// <summary>A page of a list: <see cref="Page"/> counts from 1.</summary>
public readonly record struct PageRequest(int Page, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 1000;

    public int Offset => (Page - 1) * Size;

    /// <summary>Defaults a missing page or size and rejects values out of range with a message naming them.</summary>
    public static PageRequest From(int? page, int? size)
    {
        var p = page ?? 1;
        var s = size ?? DefaultSize;
        if (p < 1)
        {
            throw new ValidationException("page", $"page must be 1 or more; got {p}.");
        }

        if (s is < 1 or > MaxSize)
        {
            throw new ValidationException("size", $"size must be between 1 and {MaxSize}; got {s}.");
        }

        return new PageRequest(p, s);
    }
}
