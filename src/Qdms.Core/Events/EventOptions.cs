using System.ComponentModel.DataAnnotations;

namespace Qdms.Core.Events;

/// <summary><c>Qdms:Events</c>: how long device events are kept.</summary>
public sealed class EventOptions
{
    public const string Section = "Qdms:Events";

    /// <summary>Events older than this are deleted by the hourly event-retention job.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00", ErrorMessage = "Qdms:Events:Retention must be between 1 hour and 3650 days.")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);
}
