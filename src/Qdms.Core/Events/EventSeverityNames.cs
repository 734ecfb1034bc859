using Qdms.Core.Errors;

namespace Qdms.Core.Events;

/// <summary>The wire names of <see cref="EventSeverity"/>: info, warning, minor, major, critical.</summary>
public static class EventSeverityNames
{
    public static string ToName(this EventSeverity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>The severity named <paramref name="name"/> (any case); a <see cref="ValidationException"/> on <paramref name="field"/> otherwise.</summary>
    public static EventSeverity Parse(string name, string field) =>
        Enum.TryParse<EventSeverity>(name, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(name, out _)
            ? s
            : throw new ValidationException(field, $"{field} must be one of info, warning, minor, major, critical; got '{name}'.");
}
