using System.Xml;
using Qdms.Protocols.Cwmp.Xml;

namespace Qdms.Protocols.Cwmp;

/// <summary>
/// Bounds the reader enforces before and while parsing, so that a hostile or broken CPE cannot make the ACS
/// allocate without limit. Every bound is checked as the input is read; nothing larger is buffered.
/// </summary>
public sealed class CwmpReaderLimits
{
    private XmlReaderSettings? _settings;

    /// <summary>Defaults: 4 MiB, 100,000 elements, depth 32, 256 KiB per string.</summary>
    public static CwmpReaderLimits Default { get; } = new();

    /// <summary>Largest envelope in bytes (default 4 MiB).</summary>
    public int MaxBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Most elements in one envelope (default 100,000).</summary>
    public int MaxElements { get; init; } = 100_000;

    /// <summary>Deepest element nesting, the Envelope being depth 1 (default 32; CWMP itself needs 7).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Longest text of one element or attribute, in characters (default 256 Ki).</summary>
    public int MaxStringLength { get; init; } = 256 * 1024;

    internal void Validate()
    {
        if (MaxBytes <= 0 || MaxBytes >= Array.MaxLength || MaxElements <= 0 || MaxDepth < 3 || MaxStringLength <= 0)
            throw new ArgumentOutOfRangeException(nameof(CwmpReaderLimits),
                $"limits must be positive, MaxBytes below {Array.MaxLength} and MaxDepth at least 3 (MaxBytes {MaxBytes}, MaxElements {MaxElements}, MaxDepth {MaxDepth}, MaxStringLength {MaxStringLength})");
    }

    /// <summary>The secure parser settings for these limits, made once (they are read-only once made).</summary>
    internal XmlReaderSettings ReaderSettings => _settings ??= XmlTreeBuilder.Settings(this);
}
