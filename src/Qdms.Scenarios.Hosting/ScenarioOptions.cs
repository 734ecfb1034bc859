namespace Qdms.Scenarios.Hosting;

/// <summary><c>Qdms:Scenarios</c>: what server-side scenario runs may open.</summary>
public sealed class ScenarioOptions
{
    public const string Section = "Qdms:Scenarios";

    /// <summary>The serial ports allowed when <see cref="SerialPorts"/> is not set.</summary>
    public static IReadOnlyList<string> DefaultSerialPorts { get; } =
        ["/dev/ttyS*", "/dev/ttyUSB*", "/dev/ttyACM*", "/dev/ttyAMA*", "/dev/rfcomm*", "/dev/serial/by-id/*", "/dev/serial/by-path/*"];

    /// <summary>
    /// The serial device paths a run on the server may open, as patterns where <c>*</c> matches any characters but '/'
    /// (null: <see cref="DefaultSerialPorts"/>). Anything else (another user's terminal under /dev/pts, a disk) is refused
    /// before the run starts. Local runs (<c>qdms scenario run --local</c>) are not limited: they have the invoking user's rights.
    /// </summary>
    public string[]? SerialPorts { get; set; }

    public IReadOnlyList<string> EffectiveSerialPorts => SerialPorts ?? DefaultSerialPorts;
}
