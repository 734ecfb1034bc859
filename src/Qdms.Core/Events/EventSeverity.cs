namespace Qdms.Core.Events;

/// <summary>How much a device event matters, in rising order (alert rules compare with it).</summary>
public enum EventSeverity
{
    Info = 0,
    Warning = 1,
    Minor = 2,
    Major = 3,
    Critical = 4,
}
