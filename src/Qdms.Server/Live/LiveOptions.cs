using System.ComponentModel.DataAnnotations;

namespace Qdms.Server.Live;

/// <summary>Settings of the live stream (<c>Qdms:Live</c>).</summary>
public sealed class LiveOptions
{
    public const string Section = "Qdms:Live";

    /// <summary>Seconds between heartbeat comments on an idle stream, so proxies keep it open.</summary>
    [Range(1, 300, ErrorMessage = "Qdms:Live:HeartbeatSeconds must be between 1 and 300.")]
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>Messages that may wait for one reader; a reader further behind is cut off with a <c>dropped</c> message.</summary>
    [Range(16, 100_000, ErrorMessage = "Qdms:Live:QueueCapacity must be between 16 and 100000.")]
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>The reconnection delay the stream suggests to readers (<c>retry:</c>), in milliseconds.</summary>
    [Range(100, 600_000, ErrorMessage = "Qdms:Live:RetryMilliseconds must be between 100 and 600000.")]
    public int RetryMilliseconds { get; set; } = 3000;
}
