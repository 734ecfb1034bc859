namespace Qdms.Tools.CpeSim;

/// <summary>One parameter of a simulated data model: its full name, xsd type, writability, value and notification attribute.</summary>
public sealed class ModelParameter(string name, string type, bool writable, string value)
{
    public string Name { get; } = name;

    /// <summary>The xsd type's local name: <c>string</c>, <c>unsignedInt</c>, <c>int</c>, <c>boolean</c>, <c>dateTime</c>.</summary>
    public string Type { get; } = type;

    public bool Writable { get; } = writable;

    public string Value { get; set; } = value;

    /// <summary>0 off, 1 passive, 2 active.</summary>
    public int Notification { get; set; }

    public ModelParameter Copy(string? name = null) => new(name ?? Name, Type, Writable, Value) { Notification = Notification };
}
