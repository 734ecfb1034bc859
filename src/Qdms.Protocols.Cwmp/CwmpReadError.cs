namespace Qdms.Protocols.Cwmp;

/// <summary>A precise reason an envelope was refused, with the 1-based line and column where known (0 otherwise).</summary>
/// <param name="Kind">The class of error.</param>
/// <param name="Message">What was wrong, naming the element or limit.</param>
/// <param name="Line">1-based line of the offending node, or 0.</param>
/// <param name="Column">1-based column of the offending node, or 0.</param>
public readonly record struct CwmpReadError(CwmpReadErrorKind Kind, string Message, int Line = 0, int Column = 0)
{
    /// <inheritdoc />
    public override string ToString() =>
        Line > 0 ? $"{Kind} at line {Line}, column {Column}: {Message}" : $"{Kind}: {Message}";
}
